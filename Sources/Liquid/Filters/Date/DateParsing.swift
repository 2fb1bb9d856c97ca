/// What Ruby's `Date._parse` finds in a string: the fields `Time.parse` builds a time from,
/// plus the ones it ignores (weekday, commercial week), kept so tests can compare the whole
/// result with Ruby's.
struct RubyDateFields: Equatable, Sendable {
    var year: Int?
    var mon: Int?
    var mday: Int?
    var yday: Int?
    var wday: Int?
    var hour: Int?
    var min: Int?
    var sec: Int?
    /// The digits after the decimal point, as written ("123" for `.123`); `""` for a bare point.
    var secFraction: [UInt8]?
    /// The zone as written (lowercased by Liquid): "z", "+0100", "est", "+09:00", ...
    var zone: [UInt8]?
    var cwyear: Int?
    var cweek: Int?
    var cwday: Int?
}

/// A port of Ruby's `Date._parse` (date 3.2, the lenient parser behind `Time.parse`).
///
/// Ruby's parser is a fixed sequence of regular expressions over the string, each of which, on a
/// match, records some fields and blanks out what it matched so later ones do not see it again.
/// Here each expression is a small hand-written scanner that makes the same choices its regular
/// expression makes (leftmost match; greedy repetition; backtracking where it can change the
/// outcome), over the bytes of the string.
struct RubyDateParser {
    var s: [UInt8]
    var fields = RubyDateFields()
    var bc = false
    /// Whether a two-digit year means 19xx/20xx (`_comp`); turned off by a sign or a longer year.
    var comp = true

    /// Ruby refuses strings longer than this many bytes (`Date._parse(str, limit: 128)`), with an ArgumentError.
    static let lengthLimit = 128

    /// The fields of `input`, or nil when Ruby raises (a string over the length limit).
    static func parse(_ input: [UInt8]) -> RubyDateFields? {
        guard input.count <= lengthLimit else { return nil }
        if let plain = plainISO(input) { return plain }
        return parseFully(input)
    }

    /// The whole sequence of Ruby's scanners.
    static func parseFully(_ input: [UInt8]) -> RubyDateFields? {
        guard input.count <= lengthLimit else { return nil }
        var parser = RubyDateParser(s: normalize(input))
        parser.run()
        return parser.fields
    }

    /// The commonest stored form, `YYYY-MM-DD` with an optional ` HH:MM[:SS]` or `tHH:MM[:SS]`
    /// (input is lowercased), read directly: the fields the full sequence finds for it, without
    /// running a dozen scanners over it (a test checks the two agree).
    static func plainISO(_ b: [UInt8]) -> RubyDateFields? {
        func digits(_ at: Int, _ n: Int) -> Int? {
            guard at + n <= b.count else { return nil }
            var v = 0
            for k in at..<(at + n) {
                guard b[k] >= 0x30 && b[k] <= 0x39 else { return nil }
                v = v * 10 + Int(b[k] - 0x30)
            }
            return v
        }
        guard b.count == 10 || b.count == 16 || b.count == 19,
            let year = digits(0, 4), b[4] == UInt8(ascii: "-"), let mon = digits(5, 2), b[7] == UInt8(ascii: "-"),
            let mday = digits(8, 2)
        else { return nil }
        var fields = RubyDateFields()
        fields.year = year
        fields.mon = mon
        fields.mday = mday
        guard b.count > 10 else { return fields }
        guard b[10] == UInt8(ascii: " ") || b[10] == UInt8(ascii: "t"), let hour = digits(11, 2), b[13] == UInt8(ascii: ":"),
            let min = digits(14, 2)
        else { return nil }
        fields.hour = hour
        fields.min = min
        if b.count == 19 {
            guard b[16] == UInt8(ascii: ":"), let sec = digits(17, 2) else { return nil }
            fields.sec = sec
        }
        return fields
    }

    init(s: [UInt8]) { self.s = s }

    // MARK: - The sequence

    mutating func run() {
        if has(alpha: true) { _ = parseDay() }
        if has(digit: true) { _ = parseTime() }
        parseDate()
        if has(alpha: true) { parseBC() }
        if has(digit: true) { parseFragment() }

        if bc {
            if let y = fields.cwyear { fields.cwyear = -y + 1 }
            if let y = fields.year { fields.year = -y + 1 }
        }
        if comp {
            if let y = fields.cwyear, y >= 0 && y <= 99 { fields.cwyear = y + (y >= 69 ? 1900 : 2000) }
            if let y = fields.year, y >= 0 && y <= 99 { fields.year = y + (y >= 69 ? 1900 : 2000) }
        }
    }

    /// The date forms, tried in Ruby's order until one matches.
    mutating func parseDate() {
        if has(alpha: true, digit: true) {
            if parseEU() { return }
            if parseUS() { return }
        }
        if has(digit: true, dash: true), parseISO() { return }
        if has(digit: true, dot: true), parseJIS() { return }
        if has(alpha: true, digit: true, dash: true) {
            if parseVMS11() { return }
            if parseVMS12() { return }
        }
        if has(digit: true, slash: true), parseSlash() { return }
        if has(digit: true, dot: true), parseDot() { return }
        if has(digit: true) {
            if parseISO21() || parseISO22() || parseISO23() || parseISO24() || parseISO25() || parseISO26() { return }
        }
        if has(digit: true), parseQuotedYear() { return }
        if has(alpha: true), parseMonthName() { return }
        if has(digit: true), parseOrdinalDay() { return }
        if has(digit: true), parseDigits() { return }
    }

    /// Ruby's first step: every run of characters other than letters, digits and `-+',./:[]`
    /// becomes one space.
    static func normalize(_ input: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(input.count)
        var inRun = false
        var i = 0
        while i < input.count {
            let b = input[i]
            var keep: Bool
            var length = 1
            if b < 0x80 {
                keep = isAlnum(b) || b == 0x2D || b == 0x2B || b == 0x27 || b == 0x2C || b == 0x2E || b == 0x2F
                    || b == 0x3A || b == 0x5B || b == 0x5D
            } else {
                // A non-ASCII character: kept when it is a letter or a digit ([[:alnum:]]).
                let (scalar, n) = decodeScalar(input, at: i)
                length = n
                if let scalar {
                    let p = scalar.properties
                    keep = p.isAlphabetic || p.generalCategory == .decimalNumber
                } else {
                    keep = false
                }
            }
            if keep {
                out.append(contentsOf: input[i..<min(i + length, input.count)])
                inRun = false
            } else if !inRun {
                out.append(0x20)
                inRun = true
            }
            i += length
        }
        return out
    }

    static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
        let b = bytes[i]
        let n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard n > 1, i + n <= bytes.count else { return (nil, 1) }
        var value = UInt32(b) & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07)
        for k in 1..<n {
            let c = bytes[i + k]
            guard c & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(c & 0x3F)
        }
        return (Unicode.Scalar(value), n)
    }

    // MARK: - Character tests (out of range reads as NUL, as in Ruby's C strings)

    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < s.count ? s[i] : 0 }
    @inline(__always) func lower(_ i: Int) -> UInt8 {
        let b = at(i)
        return b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isASCIILetter(b) }
    @inline(__always) static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inline(__always) static func isSign(_ b: UInt8) -> Bool { b == 0x2D || b == 0x2B }
    /// `[[:alpha:]]`: ASCII letters and (kept) non-ASCII letters.
    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { isASCIILetter(b) || b >= 0x80 }
    /// A regex word character. Only letters and digits survive `normalize` (`_` does not).
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b >= 0x80 }

    @inline(__always) func digit(_ i: Int) -> Bool { Self.isDigit(at(i)) }
    @inline(__always) func space(_ i: Int) -> Bool { Self.isSpace(at(i)) }

    /// `\b` at position `i`.
    func boundary(_ i: Int) -> Bool {
        Self.isWord(at(i - 1)) != Self.isWord(at(i))
    }

    /// Number of digits from `i`.
    func digits(_ i: Int) -> Int {
        var j = i
        while j < s.count && Self.isDigit(s[j]) { j += 1 }
        return j - i
    }

    /// Index after the spaces from `i`.
    func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < s.count && Self.isSpace(s[j]) { j += 1 }
        return j
    }

    /// Index after the run of bytes from `i` that satisfy `test`.
    func skip(_ i: Int, while test: (UInt8) -> Bool) -> Int {
        var j = i
        while j < s.count && test(s[j]) { j += 1 }
        return j
    }

    /// Whether `word` (lowercase ASCII) is at `i`, ignoring case.
    func matches(_ word: StaticString, at i: Int) -> Bool {
        let n = word.utf8CodeUnitCount
        guard i >= 0, i + n <= s.count else { return false }
        return word.withUTF8Buffer { w in
            for k in 0..<n where lower(i + k) != w[k] { return false }
            return true
        }
    }

    private static let monthNames: [StaticString] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let dayNames: [StaticString] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"]

    /// 1...12 when a month abbreviation starts at `i`.
    func monthAbbreviation(at i: Int) -> Int? {
        for (k, name) in Self.monthNames.enumerated() where matches(name, at: i) { return k + 1 }
        return nil
    }

    func dayAbbreviation(at i: Int) -> Int? {
        for (k, name) in Self.dayNames.enumerated() where matches(name, at: i) { return k }
        return nil
    }

    /// Ruby's `check_class` test on the string as it is now: does it have all the named kinds?
    func has(alpha: Bool = false, digit: Bool = false, dash: Bool = false, dot: Bool = false, slash: Bool = false) -> Bool {
        var a = !alpha, d = !digit, h = !dash, p = !dot, l = !slash
        for b in s {
            if Self.isASCIILetter(b) { a = true }
            else if Self.isDigit(b) { d = true }
            else if b == 0x2D { h = true }
            else if b == 0x2E { p = true }
            else if b == 0x2F { l = true }
        }
        return a && d && h && p && l
    }

    /// Blank out a match: Ruby replaces it with one space.
    mutating func blank(_ range: Range<Int>) {
        s.replaceSubrange(range, with: [0x20])
    }

    func slice(_ range: Range<Int>) -> [UInt8] { Array(s[range]) }

    /// Ruby's `str.to_i` of digits (with an optional sign), saturating far beyond any valid field.
    static func number(_ bytes: some Collection<UInt8>) -> Int {
        var negative = false
        var value = 0
        var first = true
        for b in bytes {
            if first && isSign(b) {
                negative = b == 0x2D
                first = false
                continue
            }
            first = false
            guard isDigit(b) else { break }
            if value < 1 << 52 { value = value * 10 + Int(b - 0x30) }
        }
        return negative ? -value : value
    }

    func number(_ range: Range<Int>) -> Int { Self.number(s[range]) }

}
