/// Ruby's String behaviour as Shopify Liquid's string filters rely on it: `to_s`, `Integer()`,
/// `split`, `strip`, `gsub`/`sub` with a string pattern, and character (code point) indexing.
/// Everything here works on UTF-8 bytes; Ruby's "characters" are Unicode scalars.
enum RubyString {
    // MARK: Conversions

    /// `obj.to_s` as string filters see their input: nil is "", floats in Ruby's form, arrays and
    /// hashes as Ruby's `inspect`, ranges as `a..b`.
    static func toS(_ value: Value) -> String {
        switch value {
        case .nil: return ""
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return RubyFormat.float(d)
        case .bool(let b): return b ? "true" : "false"
        case .array, .object: return RubyFormat.inspect(value)
        case .range(let lo, let hi): return "\(lo)..\(hi)"
        case .drop(let d): return toS(d.toLiquidValue())
        }
    }

    /// Liquid's `Utils.to_integer`: integers as they are, anything else through its `to_s` and
    /// Ruby's `Integer()` (so `"12"`, `" 12 "`, `"0x1f"`, `"1_000"` are integers; `2.5`, `"2.0"`,
    /// nil and `true` are "invalid integer"). Values past Int's range are clamped to it, as
    /// Shopify Liquid does for `slice`.
    static func toInteger(_ value: Value) throws -> Int {
        if case .int(let i) = value { return i }
        guard let i = parseInteger(toS(value)) else { throw LiquidError.argument("invalid integer") }
        return i
    }

    /// Ruby's `Integer(string)`: optional surrounding whitespace, one optional sign, an optional
    /// base prefix (`0x`, `0b`, `0o`, `0d`, or a bare leading `0` for octal), digits with single
    /// underscores between them. Nil when the string is not such an integer.
    static func parseInteger(_ s: String) -> Int? {
        let b = Array(s.utf8)
        var i = 0, end = b.count
        while i < end && isSpace(b[i]) { i += 1 }
        while end > i && isSpace(b[end - 1]) { end -= 1 }
        guard i < end else { return nil }
        var negative = false
        if b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        var base = 10
        if i + 1 < end && b[i] == UInt8(ascii: "0") {
            switch b[i + 1] | 0x20 {
            case UInt8(ascii: "x"): base = 16; i += 2
            case UInt8(ascii: "b"): base = 2; i += 2
            case UInt8(ascii: "o"): base = 8; i += 2
            case UInt8(ascii: "d"): base = 10; i += 2
            default: base = 8  // "017" is octal; the leading 0 is parsed as a digit
            }
        }
        guard i < end else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        var previousWasDigit = false
        while i < end {
            let c = b[i]
            if c == UInt8(ascii: "_") {
                guard previousWasDigit else { return nil }
                previousWasDigit = false
                i += 1
                continue
            }
            guard let d = digitValue(c), d < base else { return nil }
            let (m1, o1) = magnitude.multipliedReportingOverflow(by: UInt64(base))
            let (m2, o2) = m1.addingReportingOverflow(UInt64(d))
            if o1 || o2 { overflow = true }
            magnitude = m2
            previousWasDigit = true
            i += 1
        }
        guard previousWasDigit else { return nil }  // a trailing underscore
        if negative {
            if overflow || magnitude > UInt64(Int.max) + 1 { return Int.min }
            return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude)
        }
        if overflow || magnitude > UInt64(Int.max) { return Int.max }
        return Int(magnitude)
    }

    private static func digitValue(_ c: UInt8) -> Int? {
        switch c {
        case 0x30...0x39: return Int(c - 0x30)
        case 0x61...0x7A: return Int(c - 0x61 + 10)
        case 0x41...0x5A: return Int(c - 0x41 + 10)
        default: return nil
        }
    }

    /// Ruby's `ISSPACE`: space, tab, newline, vertical tab, form feed, carriage return.
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    /// What `strip`, `lstrip` and `rstrip` remove: `isSpace` and NUL.
    @inline(__always) static func isStripped(_ b: UInt8) -> Bool { b == 0 || isSpace(b) }

    /// `body` over the string's UTF-8 bytes in place (no copy for native strings), without the
    /// `var` that `String.withUTF8` needs.
    @inline(__always)
    static func withUTF8<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return try copy.withUTF8(body)
    }

    static func string(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
    static func string(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    // MARK: Characters

    /// Whether every byte is ASCII, checked eight at a time.
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        var i = 0
        var high: UInt64 = 0
        while i &+ 8 <= bytes.count {
            high |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i &+= 8
        }
        while i < bytes.count {
            high |= UInt64(bytes[i])
            i &+= 1
        }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Ruby's `length`: the number of code points.
    static func length(_ s: String) -> Int {
        // Count bytes that start a UTF-8 sequence: no index arithmetic, no decoding.
        var s = s
        return s.withUTF8 { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n &+= 1 }
            return n
        }
    }

    /// Ruby's `str[start, length]` / `ary[start, length]` bounds: nil when Ruby returns nil
    /// (negative length, start before the beginning or past the end), else the clamped range.
    static func sliceBounds(count: Int, start: Int, length: Int) -> Range<Int>? {
        guard length >= 0 else { return nil }
        var from = start
        if from < 0 {
            from = count.addingReportingOverflow(from).partialValue
            if from < 0 { return nil }
        }
        guard from <= count else { return nil }
        let (sum, overflow) = from.addingReportingOverflow(length)
        let to = overflow ? count : min(count, sum)
        return from..<to
    }

    /// The first `n` code points of `s`.
    static func prefix(_ s: String, scalars n: Int) -> String {
        guard n > 0 else { return "" }
        var s = s
        return s.withUTF8 { bytes in
            // Walk to the byte where code point `n` starts.
            var seen = 0
            var i = 0
            while i < bytes.count {
                if bytes[i] & 0xC0 != 0x80 {
                    if seen == n { break }
                    seen &+= 1
                }
                i &+= 1
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[..<i]), as: UTF8.self)
        }
    }

    /// `str[start, length]` on code points; nil where Ruby returns nil.
    static func slice(_ s: String, start: Int, length: Int) -> String? {
        guard length >= 0 else { return nil }
        let view = s.unicodeScalars
        let from: String.UnicodeScalarView.Index
        if start >= 0 {
            // Walk from the front without counting the whole string.
            guard let a = view.index(view.startIndex, offsetBy: start, limitedBy: view.endIndex) else { return nil }
            from = a
        } else {
            guard let a = view.index(view.endIndex, offsetBy: start, limitedBy: view.startIndex) else { return nil }
            from = a
        }
        let to = view.index(from, offsetBy: length, limitedBy: view.endIndex) ?? view.endIndex
        return String(view[from..<to])
    }

    // MARK: Case

    /// Ruby's `capitalize`: the first character in titlecase, the rest in lowercase (full Unicode
    /// mappings: `ǆ` → `ǅ`, `ß` stays `ß` when not first, `ﬁ` → `Fi`).
    static func capitalize(_ s: String) -> String {
        var scalars = s.unicodeScalars.makeIterator()
        guard let first = scalars.next() else { return "" }
        var out: String
        if (0x1C90...0x1CBF).contains(first.value), let mkhedruli = Unicode.Scalar(first.value - 0x0BC0) {
            // Onigmo titlecases Georgian Mtavruli to Mkhedruli (Georgian has no titlecase forms).
            out = String(mkhedruli)
        } else {
            out = first.properties.titlecaseMapping
        }
        var rest = String.UnicodeScalarView()
        while let c = scalars.next() { rest.append(c) }
        out += String(rest).lowercased()
        return out
    }

    // MARK: Whitespace

    static func strip(_ s: String, leading: Bool, trailing: Bool) -> String {
        let b = Array(s.utf8)
        var i = 0, end = b.count
        if leading { while i < end && isStripped(b[i]) { i += 1 } }
        if trailing { while end > i && isStripped(b[end - 1]) { end -= 1 } }
        if i == 0 && end == b.count { return s }
        return string(b[i..<end])
    }

    // MARK: Split

    /// Ruby's `str.split(pattern)` with a string pattern and no limit: a single space splits on
    /// runs of whitespace ignoring leading whitespace, "" splits into characters, anything else
    /// splits on the exact text; trailing empty strings are dropped, and "" gives [].
    static func split(_ s: String, _ pattern: String) -> [String] {
        let b = Array(s.utf8)
        if b.isEmpty { return [] }
        if pattern == " " {
            return awkSplit(b, limit: nil).map { string(b[$0]) }
        }
        if pattern.isEmpty {
            return s.unicodeScalars.map { String($0) }
        }
        let p = Array(pattern.utf8)
        var parts: [String] = []
        var start = 0
        var i = 0
        while let at = find(p, in: b, from: i) {
            parts.append(string(b[start..<at]))
            start = at + p.count
            i = start
        }
        parts.append(string(b[start..<b.count]))
        while let last = parts.last, last.isEmpty { parts.removeLast() }
        return parts
    }

    /// Ruby's awk-style `split(" ", limit)`, as byte ranges. Without a limit: the words, leading
    /// and trailing whitespace ignored. With a limit: at most `limit - 1` words, then everything
    /// after the whitespace that follows them (possibly empty) as the last field.
    static func awkSplit(_ b: [UInt8], limit: Int?) -> [Range<Int>] {
        var fields: [Range<Int>] = []
        var i = 0
        let n = b.count
        var beg = 0
        var skipping = true
        var fieldsDone = 1  // Ruby's `i`: a limit of L allows L - 1 whitespace-terminated fields
        var end = 0
        while i < n {
            let c = b[i]
            i += 1
            if skipping {
                if isSpace(c) {
                    beg = i
                } else {
                    end = i
                    skipping = false
                    if let limit, limit <= fieldsDone { break }
                }
            } else if isSpace(c) {
                fields.append(beg..<end)
                skipping = true
                beg = i
                if limit != nil { fieldsDone += 1 }
            } else {
                end = i
            }
        }
        if n > 0 && (limit != nil || n > beg) {
            fields.append(beg..<n)
        }
        return fields
    }

    // MARK: Search and substitution

    /// The first occurrence of `needle` (non-empty) in `hay` at or after `from`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        let m = needle.count, n = hay.count
        guard m > 0, from + m <= n else { return nil }
        let first = needle[0]
        var i = from
        let last = n - m
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < m && hay[i + j] == needle[j] { j += 1 }
                if j == m { return i }
            }
            i += 1
        }
        return nil
    }

    /// The last occurrence of `needle` in `hay` (the end of `hay` for an empty needle).
    static func findLast(_ needle: [UInt8], in hay: [UInt8]) -> Int? {
        let m = needle.count, n = hay.count
        guard m <= n else { return nil }
        if m == 0 { return n }
        var i = n - m
        while i >= 0 {
            var j = 0
            while j < m && hay[i + j] == needle[j] { j += 1 }
            if j == m { return i }
            i -= 1
        }
        return nil
    }

    /// One piece of a `sub`/`gsub` replacement string after Ruby's backslash expansion.
    enum ReplacementPart {
        case literal([UInt8])
        case match  // \0 or \&
        case prematch  // \`
        case postmatch  // \'
    }

    /// Ruby's expansion of a replacement string when the pattern is a plain string: `\0` and
    /// `\&` are the match, `` \` `` and `\'` the text before and after it, `\\` a backslash,
    /// `\1`–`\9` nothing, `\k<name>` an error; any other backslash stays as written.
    static func parseReplacement(_ replacement: String) throws -> [ReplacementPart] {
        let r = Array(replacement.utf8)
        guard r.contains(UInt8(ascii: "\\")) else { return [.literal(r)] }
        var parts: [ReplacementPart] = []
        var literal: [UInt8] = []
        func flush() {
            if !literal.isEmpty { parts.append(.literal(literal)); literal = [] }
        }
        var i = 0
        while i < r.count {
            let c = r[i]
            guard c == UInt8(ascii: "\\"), i + 1 < r.count else {
                literal.append(c)
                i += 1
                continue
            }
            let next = r[i + 1]
            switch next {
            case UInt8(ascii: "1")...UInt8(ascii: "9"):
                i += 2
            case UInt8(ascii: "0"), UInt8(ascii: "&"):
                flush(); parts.append(.match); i += 2
            case UInt8(ascii: "`"):
                flush(); parts.append(.prematch); i += 2
            case UInt8(ascii: "'"):
                flush(); parts.append(.postmatch); i += 2
            case UInt8(ascii: "\\"):
                literal.append(next); i += 2
            case UInt8(ascii: "k") where i + 2 < r.count && r[i + 2] == UInt8(ascii: "<"):
                guard let close = r[(i + 3)...].firstIndex(of: UInt8(ascii: ">")) else {
                    throw LiquidError.render("invalid group name reference format")
                }
                throw LiquidError.render("undefined group name reference: \(string(r[(i + 3)..<close]))")
            default:
                literal.append(c)
                i += 1
            }
        }
        flush()
        return parts
    }

    /// Ruby's `str.gsub(pattern, replacement)` (`global`) or `str.sub(pattern, replacement)` with
    /// a string pattern. An empty pattern matches before every character and at the end.
    static func substitute(_ s: String, _ pattern: String, _ replacement: String, global: Bool) throws -> String {
        let b = Array(s.utf8)
        let p = Array(pattern.utf8)
        // Ruby reads the replacement only once there is a match (a bad `\k<…>` is then an error).
        var parsed: [ReplacementPart]? = nil
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var copied = 0
        func emit(_ at: Int, _ length: Int) throws {
            out.append(contentsOf: b[copied..<at])
            if parsed == nil { parsed = try parseReplacement(replacement) }
            for part in parsed! {
                switch part {
                case .literal(let l): out.append(contentsOf: l)
                case .match: out.append(contentsOf: b[at..<(at + length)])
                case .prematch: out.append(contentsOf: b[0..<at])
                case .postmatch: out.append(contentsOf: b[(at + length)...])
                }
            }
            copied = at + length
        }
        if p.isEmpty {
            // Every character boundary matches, the end included.
            var at = 0
            while true {
                try emit(at, 0)
                if !global || at >= b.count { break }
                at += utf8Length(lead: b[at])
                at = min(at, b.count)
            }
        } else {
            var from = 0
            while let at = find(p, in: b, from: from) {
                try emit(at, p.count)
                from = at + p.count
                if !global { break }
            }
            if copied == 0 && from == 0 { return s }
        }
        out.append(contentsOf: b[copied...])
        return string(out)
    }

    /// Ruby's `str.rindex(pattern)` then `str[index, pattern.length] = replacement`: the last
    /// occurrence replaced literally (no backslash expansion).
    static func replaceLast(_ s: String, _ pattern: String, _ replacement: String) -> String {
        let b = Array(s.utf8)
        let p = Array(pattern.utf8)
        guard let at = findLast(p, in: b) else { return s }
        var out = Array(b[0..<at])
        out.append(contentsOf: replacement.utf8)
        out.append(contentsOf: b[(at + p.count)...])
        return string(out)
    }

    @inline(__always) static func utf8Length(lead: UInt8) -> Int {
        if lead < 0x80 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    // MARK: UTF-8

    /// Whether `bytes` are well-formed UTF-8 (Ruby's `valid_encoding?` for a UTF-8 string).
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if c < 0x80 { i += 1; continue }
            let need: Int
            var lo: UInt8 = 0x80, hi: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; lo = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: need = 2
            case 0xED: need = 2; hi = 0x9F
            case 0xF0: need = 3; lo = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; hi = 0x8F
            default: return false
            }
            guard i + need < n else { return false }
            let second = bytes[i + 1]
            guard second >= lo && second <= hi else { return false }
            var k = 2
            while k <= need {
                guard bytes[i + k] & 0xC0 == 0x80 else { return false }
                k += 1
            }
            i += need + 1
        }
        return true
    }
}
