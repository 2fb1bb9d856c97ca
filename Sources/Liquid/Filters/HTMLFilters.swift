/// Shopify Liquid 5's HTML, URL and base64 filters. Inputs are converted with Ruby's `to_s`;
/// `escape`, `url_encode` and `url_decode` give nil for nil, as Ruby's do.
enum HTMLFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("escape", escape),
        FilterDefinition("h", escape),
        FilterDefinition("escape_once") { input, _, _ in
            .string(escapeOnce(RubyString.toS(input)))
        },
        FilterDefinition("strip_html") { input, _, _ in
            .string(stripHTML(RubyString.toS(input)))
        },
        FilterDefinition("newline_to_br") { input, _, _ in
            .string(newlineToBr(RubyString.toS(input)))
        },
        FilterDefinition("url_encode") { input, _, _ in
            input.isNil ? .nil : .string(urlEncode(RubyString.toS(input)))
        },
        FilterDefinition("url_decode") { input, _, _ in
            input.isNil ? .nil : .string(try urlDecode(RubyString.toS(input)))
        },
        FilterDefinition("base64_encode") { input, _, _ in
            .string(Base64.encode(Array(RubyString.toS(input).utf8), urlSafe: false))
        },
        FilterDefinition("base64_decode") { input, _, _ in
            guard let bytes = Base64.decodeStrict(Array(RubyString.toS(input).utf8)) else {
                throw LiquidError.argument("invalid base64 provided to base64_decode")
            }
            return .string(RubyString.string(bytes))
        },
        FilterDefinition("base64_url_safe_encode") { input, _, _ in
            .string(Base64.encode(Array(RubyString.toS(input).utf8), urlSafe: true))
        },
        FilterDefinition("base64_url_safe_decode") { input, _, _ in
            guard let bytes = Base64.decodeURLSafe(Array(RubyString.toS(input).utf8)) else {
                throw LiquidError.argument("invalid base64 provided to base64_url_safe_decode")
            }
            return .string(RubyString.string(bytes))
        },
    ]

    /// `escape` / `h`: Ruby's `CGI.escapeHTML`; nil stays nil.
    static func escape(_ input: Value, _ arguments: FilterArguments, _ context: RenderContext) throws -> Value {
        input.isNil ? .nil : .string(escapeHTML(RubyString.toS(input), once: false))
    }

    static func escapeOnce(_ s: String) -> String { escapeHTML(s, once: true) }

    /// `&`, `<`, `>`, `"` and `'` as entities. With `once`, an `&` that already starts an entity
    /// (`&name;` or `&#digits;`) is left alone (Liquid's `HTML_ESCAPE_ONCE_REGEXP`).
    static func escapeHTML(_ s: String, once: Bool) -> String {
        // Most text has nothing to escape: check in place before copying anything.
        var probe = s
        let needsEscaping = probe.withUTF8 { $0.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 } }
        guard needsEscaping else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 16)
        for (i, c) in b.enumerated() {
            switch c {
            case UInt8(ascii: "&"):
                if once && startsEntity(b, at: i + 1) { out.append(c) } else { out.append(contentsOf: "&amp;".utf8) }
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(c)
            }
        }
        return RubyString.string(out)
    }

    /// Whether `[a-zA-Z]+;` or `#\d+;` starts at `i`.
    private static func startsEntity(_ b: [UInt8], at start: Int) -> Bool {
        var i = start
        if i < b.count && b[i] == UInt8(ascii: "#") {
            i += 1
            let digits = i
            while i < b.count && Bytes.isDigit(b[i]) { i += 1 }
            return i > digits && i < b.count && b[i] == UInt8(ascii: ";")
        }
        while i < b.count && Bytes.isAlpha(b[i]) { i += 1 }
        return i > start && i < b.count && b[i] == UInt8(ascii: ";")
    }

    /// `strip_html`: first `<script…</script>`, `<!--…-->` and `<style…</style>` blocks (case
    /// sensitive, across lines), then every `<…>` tag, each shortest match.
    static func stripHTML(_ s: String) -> String {
        var s = s
        return s.withUTF8 { b -> String in
            guard b.contains(UInt8(ascii: "<")) else { return String(decoding: b, as: UTF8.self) }
            // Pass 1, as Shopify's first gsub: whole <script>, <style> blocks and comments.
            // Text between them is copied in runs, not byte by byte.
            var text: [UInt8] = []
            text.reserveCapacity(b.count)
            var runStart = 0
            var i = 0
            scan: while i < b.count {
                guard b[i] == UInt8(ascii: "<") else {
                    i &+= 1
                    continue
                }
                for block in stripBlocks where hasPrefix(b, block.open, at: i) {
                    if let end = find(block.close, in: b, from: i + block.open.count) {
                        text.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<i]))
                        i = end + block.close.count
                        runStart = i
                        continue scan
                    }
                }
                i &+= 1
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart...]))
            // Pass 2, the second gsub: any remaining `<...>`.
            return text.withUnsafeBufferPointer { t -> String in
                var out: [UInt8] = []
                out.reserveCapacity(t.count)
                var runStart = 0
                var i = 0
                while i < t.count {
                    guard t[i] == UInt8(ascii: "<") else {
                        i &+= 1
                        continue
                    }
                    var j = i + 1
                    while j < t.count && t[j] != UInt8(ascii: ">") { j &+= 1 }
                    guard j < t.count else { break }  // no closing `>`: the rest is text
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: t[runStart..<i]))
                    i = j + 1
                    runStart = i
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: t[runStart...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// Shopify removes these blocks whole before stripping tags (`<script.*?</script>` and friends).
    private static let stripBlocks: [(open: [UInt8], close: [UInt8])] = [
        (Array("<script".utf8), Array("</script>".utf8)),
        (Array("<!--".utf8), Array("-->".utf8)),
        (Array("<style".utf8), Array("</style>".utf8)),
    ]

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ p: [UInt8], at i: Int) -> Bool {
        guard i + p.count <= b.count else { return false }
        for j in 0..<p.count where b[i + j] != p[j] { return false }
        return true
    }

    private static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let m = needle.count
        var i = from
        while i + m <= hay.count {
            if hasPrefix(hay, needle, at: i) { return i }
            i &+= 1
        }
        return nil
    }

    /// Ruby's `gsub(/\r?\n/, "<br />\n")`.
    static func newlineToBr(_ s: String) -> String {
        let b = Array(s.utf8)
        guard b.contains(UInt8(ascii: "\n")) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + 32)
        for (i, c) in b.enumerated() {
            if c == UInt8(ascii: "\r") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "\n") { continue }
            if c == UInt8(ascii: "\n") { out.append(contentsOf: "<br />\n".utf8) } else { out.append(c) }
        }
        return RubyString.string(out)
    }

    /// Ruby's `CGI.escape`: letters, digits, `-`, `.`, `_` and `~` stay; space becomes `+`; every
    /// other byte becomes `%XX` (upper-case hex).
    static func urlEncode(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        let b = Array(s.utf8)
        out.reserveCapacity(b.count * 2)
        for c in b {
            if Bytes.isAlpha(c) || Bytes.isDigit(c) || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
                || c == UInt8(ascii: "_") || c == UInt8(ascii: "~")
            {
                out.append(c)
            } else if c == UInt8(ascii: " ") {
                out.append(UInt8(ascii: "+"))
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(hex[Int(c >> 4)])
                out.append(hex[Int(c & 0x0F)])
            }
        }
        return RubyString.string(out)
    }

    /// Ruby's `CGI.unescape`: `+` is a space, `%XX` a byte, a `%` without two hex digits stays.
    /// Bytes that are not UTF-8 are an error, as in Liquid.
    static func urlDecode(_ s: String) throws -> String {
        let b = Array(s.utf8)
        guard b.contains(UInt8(ascii: "%")) || b.contains(UInt8(ascii: "+")) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "+") {
                out.append(UInt8(ascii: " "))
            } else if c == UInt8(ascii: "%"), i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
                continue
            } else {
                out.append(c)
            }
            i += 1
        }
        guard RubyString.isValidUTF8(out) else { throw LiquidError.argument("invalid byte sequence in UTF-8") }
        return RubyString.string(out)
    }

    private static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: return c - 0x30
        case 0x41...0x46: return c - 0x41 + 10
        case 0x61...0x66: return c - 0x61 + 10
        default: return nil
        }
    }
}
