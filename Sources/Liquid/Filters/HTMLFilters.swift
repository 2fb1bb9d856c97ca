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
        RubyString.withUTF8(s) { b -> String in
            // Most text has nothing to escape: measure in place before copying anything.
            var extra = 0
            for (i, c) in b.enumerated() {
                switch c {
                case UInt8(ascii: "&"): if !(once && startsEntity(b, at: i &+ 1)) { extra &+= 4 }
                case UInt8(ascii: "<"), UInt8(ascii: ">"): extra &+= 3
                case UInt8(ascii: "\""): extra &+= 5
                case UInt8(ascii: "'"): extra &+= 4
                default: continue
                }
            }
            guard extra > 0 else { return s }
            return String(utf8Capacity: b.count &+ extra) { out in
                var runStart = 0
                for (i, c) in b.enumerated() {
                    let entity: StaticString
                    switch c {
                    case UInt8(ascii: "&"):
                        if once && startsEntity(b, at: i &+ 1) { continue }
                        entity = "&amp;"
                    case UInt8(ascii: "<"): entity = "&lt;"
                    case UInt8(ascii: ">"): entity = "&gt;"
                    case UInt8(ascii: "\""): entity = "&quot;"
                    case UInt8(ascii: "'"): entity = "&#39;"
                    default: continue
                    }
                    out.append(UnsafeBufferPointer(rebasing: b[runStart..<i]))
                    out.append(literal: entity)
                    runStart = i &+ 1
                }
                out.append(UnsafeBufferPointer(rebasing: b[runStart...]))
            }
        }
    }

    /// Whether `[a-zA-Z]+;` or `#\d+;` starts at `i`.
    private static func startsEntity(_ b: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
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
        RubyString.withUTF8(s) { b -> String in
            guard ByteSearch.first(UInt8(ascii: "<"), in: b, from: 0) != nil else { return s }
            // Pass 1, as Shopify's first gsub: whole <script>, <style> blocks and comments. Text
            // seldom has them; only then is a copy without them made.
            guard let firstBlock = nextBlock(in: b, from: 0) else { return stripTags(b) }
            var text: [UInt8] = []
            text.reserveCapacity(b.count)
            var runStart = 0
            var block: Range<Int>? = firstBlock
            while let r = block {
                text.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart..<r.lowerBound]))
                runStart = r.upperBound
                block = nextBlock(in: b, from: runStart)
            }
            text.append(contentsOf: UnsafeBufferPointer(rebasing: b[runStart...]))
            return text.withUnsafeBufferPointer { stripTags($0) }
        }
    }

    /// The first `<script…</script>`, `<!--…-->` or `<style…</style>` at or after `from`.
    private static func nextBlock(in b: UnsafeBufferPointer<UInt8>, from: Int) -> Range<Int>? {
        var i = from
        while let lt = ByteSearch.first(UInt8(ascii: "<"), in: b, from: i) {
            i = lt &+ 1
            guard i < b.count else { return nil }
            let close: StaticString
            let openCount: Int
            switch b[i] {
            case UInt8(ascii: "s") where ByteSearch.hasPrefix("<script", in: b, at: lt):
                close = "</script>"; openCount = 7
            case UInt8(ascii: "s") where ByteSearch.hasPrefix("<style", in: b, at: lt):
                close = "</style>"; openCount = 6
            case UInt8(ascii: "!") where ByteSearch.hasPrefix("<!--", in: b, at: lt):
                close = "-->"; openCount = 4
            default:
                continue
            }
            if let end = ByteSearch.first(close, in: b, from: lt &+ openCount) {
                return lt..<(end &+ close.utf8CodeUnitCount)
            }
        }
        return nil
    }

    /// Shopify's second gsub, `<.*?>` across lines: every tag removed, text copied in runs.
    private static func stripTags(_ t: UnsafeBufferPointer<UInt8>) -> String {
        String(utf8Capacity: t.count) { out in
            var runStart = 0
            var i = 0
            while let lt = ByteSearch.first(UInt8(ascii: "<"), in: t, from: i),
                  let gt = ByteSearch.first(UInt8(ascii: ">"), in: t, from: lt &+ 1) {
                out.append(UnsafeBufferPointer(rebasing: t[runStart..<lt]))
                runStart = gt &+ 1
                i = runStart
            }
            out.append(UnsafeBufferPointer(rebasing: t[runStart...]))
        }
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
