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
    private var s: [UInt8]
    private var fields = RubyDateFields()
    private var bc = false
    /// Whether a two-digit year means 19xx/20xx (`_comp`); turned off by a sign or a longer year.
    private var comp = true

    /// Ruby refuses strings longer than this many bytes (`Date._parse(str, limit: 128)`), with an ArgumentError.
    static let lengthLimit = 128

    /// The fields of `input`, or nil when Ruby raises (a string over the length limit).
    static func parse(_ input: [UInt8]) -> RubyDateFields? {
        guard input.count <= lengthLimit else { return nil }
        var parser = RubyDateParser(s: normalize(input))
        parser.run()
        return parser.fields
    }

    private init(s: [UInt8]) { self.s = s }

    // MARK: - The sequence

    private mutating func run() {
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
    private mutating func parseDate() {
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
    private static func normalize(_ input: [UInt8]) -> [UInt8] {
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

    private static func decodeScalar(_ bytes: [UInt8], at i: Int) -> (Unicode.Scalar?, Int) {
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

    @inline(__always) private func at(_ i: Int) -> UInt8 { i >= 0 && i < s.count ? s[i] : 0 }
    @inline(__always) private func lower(_ i: Int) -> UInt8 {
        let b = at(i)
        return b >= 0x41 && b <= 0x5A ? b | 0x20 : b
    }
    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inline(__always) private static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) private static func isAlnum(_ b: UInt8) -> Bool { isDigit(b) || isASCIILetter(b) }
    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    @inline(__always) private static func isSign(_ b: UInt8) -> Bool { b == 0x2D || b == 0x2B }
    /// `[[:alpha:]]`: ASCII letters and (kept) non-ASCII letters.
    @inline(__always) private static func isAlpha(_ b: UInt8) -> Bool { isASCIILetter(b) || b >= 0x80 }
    /// A regex word character. Only letters and digits survive `normalize` (`_` does not).
    @inline(__always) private static func isWord(_ b: UInt8) -> Bool { isAlnum(b) || b >= 0x80 }

    @inline(__always) private func digit(_ i: Int) -> Bool { Self.isDigit(at(i)) }
    @inline(__always) private func space(_ i: Int) -> Bool { Self.isSpace(at(i)) }

    /// `\b` at position `i`.
    private func boundary(_ i: Int) -> Bool {
        Self.isWord(at(i - 1)) != Self.isWord(at(i))
    }

    /// Number of digits from `i`.
    private func digits(_ i: Int) -> Int {
        var j = i
        while j < s.count && Self.isDigit(s[j]) { j += 1 }
        return j - i
    }

    /// Index after the spaces from `i`.
    private func skipSpaces(_ i: Int) -> Int {
        var j = i
        while j < s.count && Self.isSpace(s[j]) { j += 1 }
        return j
    }

    /// Index after the run of bytes from `i` that satisfy `test`.
    private func skip(_ i: Int, while test: (UInt8) -> Bool) -> Int {
        var j = i
        while j < s.count && test(s[j]) { j += 1 }
        return j
    }

    /// Whether `word` (lowercase ASCII) is at `i`, ignoring case.
    private func matches(_ word: StaticString, at i: Int) -> Bool {
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
    private func monthAbbreviation(at i: Int) -> Int? {
        for (k, name) in Self.monthNames.enumerated() where matches(name, at: i) { return k + 1 }
        return nil
    }

    private func dayAbbreviation(at i: Int) -> Int? {
        for (k, name) in Self.dayNames.enumerated() where matches(name, at: i) { return k }
        return nil
    }

    /// Ruby's `check_class` test on the string as it is now: does it have all the named kinds?
    private func has(alpha: Bool = false, digit: Bool = false, dash: Bool = false, dot: Bool = false, slash: Bool = false) -> Bool {
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
    private mutating func blank(_ range: Range<Int>) {
        s.replaceSubrange(range, with: [0x20])
    }

    private func slice(_ range: Range<Int>) -> [UInt8] { Array(s[range]) }

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

    private func number(_ range: Range<Int>) -> Int { Self.number(s[range]) }

    // MARK: - Weekday and time

    /// `\b(sun|mon|...)[^-/\d\s]*`
    private mutating func parseDay() -> Bool {
        for p in 0..<s.count where boundary(p) {
            guard let day = dayAbbreviation(at: p) else { continue }
            let end = skip(p + 3) { $0 != 0x2D && $0 != 0x2F && !Self.isDigit($0) && !Self.isSpace($0) }
            fields.wday = day
            blank(p..<end)
            return true
        }
        return false
    }

    /// `[ap](?:m\b|\.m\.)` at `i`: the index after it.
    private func meridian(_ i: Int) -> Int? {
        let c = lower(i)
        guard c == 0x61 || c == 0x70 else { return nil }
        if lower(i + 1) == 0x6D && boundary(i + 2) { return i + 2 }
        if at(i + 1) == 0x2E && lower(i + 2) == 0x6D && at(i + 3) == 0x2E { return i + 4 }
        return nil
    }

    /// The time part of Ruby's `parse_time` at `p`: `12:34[:56[.789]]`, `12h[34m[56s]]`, then an
    /// optional am/pm; or `12 pm`. The index after it.
    private func timeBody(_ p: Int) -> Int? {
        let d = digits(p)
        guard d > 0 else { return nil }
        var j = skipSpaces(p + d)
        if at(j) == 0x3A {  // hh:mm[:ss[.fff]]
            let k = skipSpaces(j + 1)
            let d2 = digits(k)
            if d2 > 0 {
                var end = k + d2
                let j2 = skipSpaces(end)
                if at(j2) == 0x3A {
                    let k2 = skipSpaces(j2 + 1)
                    let d3 = digits(k2)
                    if d3 > 0 {
                        end = k2 + d3
                        if at(end) == 0x2C || at(end) == 0x2E { end += 1 + digits(end + 1) }
                    }
                }
                return optionalMeridian(end)
            }
        }
        if lower(j) == 0x68 {  // 12h 34m 56s
            var end = j + 1
            let k = skipSpaces(end)
            let d2 = digits(k)
            if d2 > 0 {
                end = k + d2
                if lower(end) == 0x6D { end += 1 }
                let k2 = skipSpaces(end)
                let d3 = digits(k2)
                if d3 > 0 {
                    end = k2 + d3
                    if lower(end) == 0x73 { end += 1 }
                }
            }
            return optionalMeridian(end)
        }
        j = skipSpaces(p + d)
        return meridian(j)
    }

    private func optionalMeridian(_ i: Int) -> Int {
        meridian(skipSpaces(i)) ?? i
    }

    /// The zone after a time: `gmt+1`, `-05:00`, `pacific standard time`, `est`, `cest dst`, ...
    private func timeZone(_ z: Int) -> Int? {
        // (?:gmt|utc?)?[-+]\d+(?:[,.:]\d+(?::\d+)?)?
        var i = z
        if matches("gmt", at: i) && Self.isSign(at(i + 3)) { i += 3 }
        else if matches("utc", at: i) && Self.isSign(at(i + 3)) { i += 3 }
        else if matches("ut", at: i) && Self.isSign(at(i + 2)) { i += 2 }
        if Self.isSign(at(i)) && digit(i + 1) {
            var end = i + 1 + digits(i + 1)
            let c = at(end)
            if (c == 0x2C || c == 0x2E || c == 0x3A) && digit(end + 1) {
                end += 1 + digits(end + 1)
                if at(end) == 0x3A && digit(end + 1) { end += 1 + digits(end + 1) }
            }
            return end
        }
        // [[:alpha:].\s]+(?:standard|daylight)\stime\b — the last such phrase in the run
        let run = skip(z) { Self.isAlpha($0) || $0 == 0x2E || Self.isSpace($0) }
        if run > z {
            var k = run
            while k > z {
                if (matches("standard", at: k) || matches("daylight", at: k)) && space(k + 8)
                    && matches("time", at: k + 9) && boundary(k + 13)
                {
                    return k + 13
                }
                k -= 1
            }
        }
        // [[:alpha:]]+(?:\sdst)?\b
        let letters = skip(z, while: Self.isAlpha)
        if letters > z {
            if space(letters) && matches("dst", at: letters + 1) && boundary(letters + 4) { return letters + 4 }
            if boundary(letters) { return letters }
        }
        return nil
    }

    /// Ruby's `parse_time`: the first time of day in the string, with its zone.
    private mutating func parseTime() -> Bool {
        for p in 0..<s.count where digit(p) {
            guard let timeEnd = timeBody(p) else { continue }
            var end = timeEnd
            var zone: Range<Int>? = nil
            let spaces = skipSpaces(timeEnd)
            var z = spaces
            while z >= timeEnd {
                if let zoneEnd = timeZone(z) {
                    zone = z..<zoneEnd
                    end = zoneEnd
                    break
                }
                z -= 1
            }
            let time = slice(p..<timeEnd)
            if let zone { fields.zone = slice(zone) }
            readTime(time)
            blank(p..<end)
            return true
        }
        return false
    }

    /// The fields of a time matched by `parseTime`:
    /// `\A(\d+)h?(?:\s*:?\s*(\d+)m?(?:\s*:?\s*(\d+)(?:[,.](\d+))?s?)?)?(?:\s*([ap])(?:m\b|\.m\.))?`
    private mutating func readTime(_ t: [UInt8]) {
        var sub = RubyDateParser(s: t)
        var i = sub.digits(0)
        var hour = Self.number(t[0..<i])
        if sub.lower(i) == 0x68 { i += 1 }
        var j = sub.skipSpaces(i)
        if sub.at(j) == 0x3A { j += 1 }
        j = sub.skipSpaces(j)
        let dm = sub.digits(j)
        if dm > 0 {
            fields.min = Self.number(t[j..<j + dm])
            i = j + dm
            if sub.lower(i) == 0x6D { i += 1 }
            var k = sub.skipSpaces(i)
            if sub.at(k) == 0x3A { k += 1 }
            k = sub.skipSpaces(k)
            let ds = sub.digits(k)
            if ds > 0 {
                fields.sec = Self.number(t[k..<k + ds])
                i = k + ds
                if (sub.at(i) == 0x2C || sub.at(i) == 0x2E) && sub.digit(i + 1) {
                    let df = sub.digits(i + 1)
                    fields.secFraction = Array(t[i + 1..<i + 1 + df])
                    i += 1 + df
                }
                if sub.lower(i) == 0x73 { i += 1 }
            }
        }
        let m = sub.skipSpaces(i)
        if sub.meridian(m) != nil {
            hour %= 12
            if sub.lower(m) == 0x70 { hour += 12 }
        }
        fields.hour = hour
        sub.s = []
    }

    // MARK: - Dates with month names

    /// `[-']?\d+`-style value at `i` (`'?-?\d+`): the index after it.
    private func signedValue(_ i: Int, apostrophe: Bool = true, minus: Bool = true) -> Int? {
        var j = i
        if apostrophe && at(j) == 0x27 { j += 1 }
        if minus && at(j) == 0x2D { j += 1 }
        let d = digits(j)
        return d > 0 ? j + d : nil
    }

    private static let eras: [StaticString] = ["ce", "c.e.", "bce", "b.c.e.", "ad", "a.d.", "bc", "b.c."]

    /// The optional `(era)?\s*(year)` tail of the European and American forms, from `i` (after
    /// leading spaces): the era and year ranges, or nil when no year follows.
    private func eraAndYear(_ i: Int, ordinalSuffix: Bool) -> (era: Range<Int>?, year: Range<Int>)? {
        func year(_ k: Int) -> Range<Int>? {
            guard var end = signedValue(k) else { return nil }
            if ordinalSuffix && (matches("st", at: end) || matches("nd", at: end) || matches("rd", at: end) || matches("th", at: end))
                && boundary(end + 2)
            {
                end += 2
            }
            return k..<end
        }
        for era in Self.eras where matches(era, at: i) {
            let eraEnd = i + era.utf8CodeUnitCount
            if let y = year(skipSpaces(eraEnd)) { return (i..<eraEnd, y) }
        }
        if let y = year(i) { return (nil, y) }
        return nil
    }

    private func isBC(_ era: Range<Int>?) -> Bool {
        guard let era else { return false }
        return lower(era.lowerBound) == 0x62
    }

    /// `('?\d+)[^-\d\s]*\s*(jan|...)[^-\d\s']*(?:\s*(era)?\s*('?-?\d+(?:st|nd|rd|th)?))?`: "5 March 2024".
    private mutating func parseEU() -> Bool {
        for p in 0..<s.count {
            var i = p
            if at(i) == 0x27 { i += 1 }
            let d = digits(i)
            guard d > 0 else { continue }
            let dayEnd = i + d
            let junkEnd = skip(dayEnd) { $0 != 0x2D && !Self.isDigit($0) && !Self.isSpace($0) }
            // The junk before the month is greedy: the last month abbreviation in it wins.
            var monthAt: Int? = nil
            var month = 0
            var k = junkEnd
            while k >= dayEnd {
                let m = k == junkEnd ? skipSpaces(k) : k
                if let found = monthAbbreviation(at: m) {
                    monthAt = m
                    month = found
                    break
                }
                k -= 1
            }
            guard let monthAt else { continue }
            let afterMonth = skip(monthAt + 3) { $0 != 0x2D && !Self.isDigit($0) && !Self.isSpace($0) && $0 != 0x27 }
            var end = afterMonth
            var era: Range<Int>? = nil
            var year: Range<Int>? = nil
            if let tail = eraAndYear(skipSpaces(afterMonth), ordinalSuffix: true) {
                era = tail.era
                year = tail.year
                end = tail.year.upperBound
            }
            let day = slice(p..<dayEnd)
            let y = year.map(slice)
            let bcEra = isBC(era)
            s3e(year: y, month: Array(String(month).utf8), day: day, bc: bcEra)
            blank(p..<end)
            return true
        }
        return false
    }

    /// `\b(jan|...)[^-\d\s']*\s*('?\d+)[^-\d\s']*(?:\s*,?\s*(era)?\s*('?-?\d+))?`: "March 5, 2024".
    private mutating func parseUS() -> Bool {
        let junk: (UInt8) -> Bool = { $0 != 0x2D && !Self.isDigit($0) && !Self.isSpace($0) && $0 != 0x27 }
        for p in 0..<s.count where boundary(p) {
            guard let month = monthAbbreviation(at: p) else { continue }
            let dayStart = skipSpaces(skip(p + 3, while: junk))
            guard let dayEnd = signedValue(dayStart, minus: false) else { continue }
            let afterDay = skip(dayEnd, while: junk)
            var end = afterDay
            var era: Range<Int>? = nil
            var year: Range<Int>? = nil
            var k = skipSpaces(afterDay)
            if at(k) == 0x2C { k += 1 }
            if let tail = eraAndYear(skipSpaces(k), ordinalSuffix: false) {
                era = tail.era
                year = tail.year
                end = tail.year.upperBound
            }
            s3e(year: year.map(slice), month: Array(String(month).utf8), day: slice(dayStart..<dayEnd), bc: isBC(era))
            blank(p..<end)
            return true
        }
        return false
    }

    // MARK: - Numeric dates

    /// `('?[-+]?\d+)-(\d+)-('?-?\d+)`: "2024-03-05".
    private mutating func parseISO() -> Bool {
        for p in 0..<s.count {
            var i = p
            if at(i) == 0x27 { i += 1 }
            if Self.isSign(at(i)) { i += 1 }
            let d1 = digits(i)
            guard d1 > 0, at(i + d1) == 0x2D else { continue }
            let monthStart = i + d1 + 1
            let d2 = digits(monthStart)
            guard d2 > 0, at(monthStart + d2) == 0x2D else { continue }
            let dayStart = monthStart + d2 + 1
            guard let end = signedValue(dayStart) else { continue }
            s3e(year: slice(p..<i + d1), month: slice(monthStart..<monthStart + d2), day: slice(dayStart..<end), bc: false)
            blank(p..<end)
            return true
        }
        return false
    }

    /// `\b([mtshr])(\d+)\.(\d+)\.(\d+)`: Japanese era dates, "h31.04.30".
    private mutating func parseJIS() -> Bool {
        for p in 0..<s.count where boundary(p) {
            let era: Int
            switch lower(p) {
            case 0x6D: era = 1867  // Meiji
            case 0x74: era = 1911  // Taisho
            case 0x73: era = 1925  // Showa
            case 0x68: era = 1988  // Heisei
            case 0x72: era = 2018  // Reiwa
            default: continue
            }
            let d1 = digits(p + 1)
            guard d1 > 0, at(p + 1 + d1) == 0x2E else { continue }
            let m = p + 2 + d1
            let d2 = digits(m)
            guard d2 > 0, at(m + d2) == 0x2E else { continue }
            let d = m + d2 + 1
            let d3 = digits(d)
            guard d3 > 0 else { continue }
            fields.year = number(p + 1..<p + 1 + d1) + era
            fields.mon = number(m..<m + d2)
            fields.mday = number(d..<d + d3)
            blank(p..<d + d3)
            return true
        }
        return false
    }

    private func notDashSlashDot(_ b: UInt8) -> Bool { b != 0x2D && b != 0x2F && b != 0x2E }

    /// `('?-?\d+)-(jan|...)[^-/.]*-('?-?\d+)`: "05-mar-2024".
    private mutating func parseVMS11() -> Bool {
        for p in 0..<s.count {
            guard let dayEnd = signedValue(p), at(dayEnd) == 0x2D, let month = monthAbbreviation(at: dayEnd + 1) else { continue }
            let dash = skip(dayEnd + 4, while: notDashSlashDot)
            guard at(dash) == 0x2D, let end = signedValue(dash + 1) else { continue }
            s3e(year: slice(dash + 1..<end), month: Array(String(month).utf8), day: slice(p..<dayEnd), bc: false)
            blank(p..<end)
            return true
        }
        return false
    }

    /// `\b(jan|...)[^-/.]*-('?-?\d+)(?:-('?-?\d+))?`: "mar-05-2024".
    private mutating func parseVMS12() -> Bool {
        for p in 0..<s.count where boundary(p) {
            guard let month = monthAbbreviation(at: p) else { continue }
            let dash = skip(p + 3, while: notDashSlashDot)
            guard at(dash) == 0x2D, let dayEnd = signedValue(dash + 1) else { continue }
            var end = dayEnd
            var year: [UInt8]? = nil
            if at(dayEnd) == 0x2D, let yearEnd = signedValue(dayEnd + 1) {
                year = slice(dayEnd + 1..<yearEnd)
                end = yearEnd
            }
            s3e(year: year, month: Array(String(month).utf8), day: slice(dash + 1..<dayEnd), bc: false)
            blank(p..<end)
            return true
        }
        return false
    }

    /// `('?-?\d+)/\s*('?\d+)(?:\D\s*('?-?\d+))?`: "2024/03/05".
    private mutating func parseSlash() -> Bool {
        for p in 0..<s.count {
            guard let firstEnd = signedValue(p), at(firstEnd) == 0x2F else { continue }
            let secondStart = skipSpaces(firstEnd + 1)
            guard let secondEnd = signedValue(secondStart, minus: false) else { continue }
            var end = secondEnd
            var third: [UInt8]? = nil
            if secondEnd < s.count && !digit(secondEnd) {
                // \D is one character; a non-ASCII one spans several bytes.
                var next = secondEnd + 1
                if s[secondEnd] >= 0xC0 { while next < s.count && s[next] & 0xC0 == 0x80 { next += 1 } }
                let k = skipSpaces(next)
                if let thirdEnd = signedValue(k) {
                    third = slice(k..<thirdEnd)
                    end = thirdEnd
                }
            }
            s3e(year: slice(p..<firstEnd), month: slice(secondStart..<secondEnd), day: third, bc: false)
            blank(p..<end)
            return true
        }
        return false
    }

    /// `('?-?\d+)\.\s*('?\d+)\.\s*('?-?\d+)`: "2024.03.05", "25.12.2024".
    private mutating func parseDot() -> Bool {
        for p in 0..<s.count {
            guard let firstEnd = signedValue(p), at(firstEnd) == 0x2E else { continue }
            let secondStart = skipSpaces(firstEnd + 1)
            guard let secondEnd = signedValue(secondStart, minus: false), at(secondEnd) == 0x2E else { continue }
            let thirdStart = skipSpaces(secondEnd + 1)
            guard let end = signedValue(thirdStart) else { continue }
            s3e(year: slice(p..<firstEnd), month: slice(secondStart..<secondEnd), day: slice(thirdStart..<end), bc: false)
            blank(p..<end)
            return true
        }
        return false
    }

    // MARK: - ISO 8601 fragments

    /// `\b(\d{2}|\d{4})?-?w(\d{2})(?:-?(\d))?\b`: "2024-w10-2".
    private mutating func parseISO21() -> Bool {
        for p in 0..<s.count where boundary(p) {
            let available = digits(p)
            for yearLength in [2, 4, 0] where yearLength == 0 || available >= yearLength {
                let afterYear = p + yearLength
                for dash in [true, false] {
                    if dash && at(afterYear) != 0x2D { continue }
                    let w = afterYear + (dash ? 1 : 0)
                    guard lower(w) == 0x77, digits(w + 1) >= 2 else { continue }
                    let weekEnd = w + 3
                    var options: [(end: Int, day: Int?)] = []
                    if at(weekEnd) == 0x2D && digit(weekEnd + 1) { options.append((weekEnd + 2, weekEnd + 1)) }
                    if digit(weekEnd) { options.append((weekEnd + 1, weekEnd)) }
                    options.append((weekEnd, nil))
                    for option in options where boundary(option.end) {
                        if yearLength > 0 { fields.cwyear = number(p..<p + yearLength) }
                        fields.cweek = number(w + 1..<w + 3)
                        if let d = option.day { fields.cwday = number(d..<d + 1) }
                        blank(p..<option.end)
                        return true
                    }
                }
            }
        }
        return false
    }

    /// `-w-(\d)\b`: "-w-2".
    private mutating func parseISO22() -> Bool {
        for p in 0..<s.count where at(p) == 0x2D && lower(p + 1) == 0x77 && at(p + 2) == 0x2D && digit(p + 3) && boundary(p + 4) {
            fields.cwday = number(p + 3..<p + 4)
            blank(p..<p + 4)
            return true
        }
        return false
    }

    /// `--(\d{2})?-(\d{2})\b`: "--03-05", "---05".
    private mutating func parseISO23() -> Bool {
        for p in 0..<s.count where at(p) == 0x2D && at(p + 1) == 0x2D {
            if digits(p + 2) >= 2 && at(p + 4) == 0x2D && digits(p + 5) >= 2 && boundary(p + 7) {
                fields.mon = number(p + 2..<p + 4)
                fields.mday = number(p + 5..<p + 7)
                blank(p..<p + 7)
                return true
            }
            if at(p + 2) == 0x2D && digits(p + 3) >= 2 && boundary(p + 5) {
                fields.mday = number(p + 3..<p + 5)
                blank(p..<p + 5)
                return true
            }
        }
        return false
    }

    /// `--(\d{2})(\d{2})?\b`: "--0305", "--03".
    private mutating func parseISO24() -> Bool {
        for p in 0..<s.count where at(p) == 0x2D && at(p + 1) == 0x2D && digits(p + 2) >= 2 {
            if digits(p + 2) >= 4 && boundary(p + 6) {
                fields.mon = number(p + 2..<p + 4)
                fields.mday = number(p + 4..<p + 6)
                blank(p..<p + 6)
                return true
            }
            if boundary(p + 4) {
                fields.mon = number(p + 2..<p + 4)
                blank(p..<p + 4)
                return true
            }
        }
        return false
    }

    /// `(\d{2}|\d{4})-(\d{3})\b` at `p` (after a `\b` or `[,.]`): the year length.
    private func yearAndDayOfYear(_ p: Int) -> Int? {
        for yearLength in [2, 4] where digits(p) >= yearLength {
            if at(p + yearLength) == 0x2D && digits(p + yearLength + 1) >= 3 && boundary(p + yearLength + 4) {
                return yearLength
            }
        }
        return nil
    }

    /// `\b(\d{2}|\d{4})-(\d{3})\b`, unless `[,.](\d{2}|\d{4})-\d{3}\b` is anywhere: "2024-065".
    private mutating func parseISO25() -> Bool {
        for p in 0..<s.count where (at(p) == 0x2C || at(p) == 0x2E) && yearAndDayOfYear(p + 1) != nil {
            return false
        }
        for p in 0..<s.count where boundary(p) {
            guard let yearLength = yearAndDayOfYear(p) else { continue }
            fields.year = number(p..<p + yearLength)
            fields.yday = number(p + yearLength + 1..<p + yearLength + 4)
            blank(p..<p + yearLength + 4)
            return true
        }
        return false
    }

    /// `\b-(\d{3})\b`, unless `\d-\d{3}\b` is anywhere: "-065".
    private mutating func parseISO26() -> Bool {
        for p in 0..<s.count where digit(p) && at(p + 1) == 0x2D && digits(p + 2) >= 3 && boundary(p + 5) {
            return false
        }
        for p in 0..<s.count where boundary(p) && at(p) == 0x2D && digits(p + 1) >= 3 && boundary(p + 4) {
            fields.yday = number(p + 1..<p + 4)
            blank(p..<p + 4)
            return true
        }
        return false
    }

    // MARK: - Fragments

    /// `'(\d+)\b`: "'99".
    private mutating func parseQuotedYear() -> Bool {
        for p in 0..<s.count where at(p) == 0x27 {
            let d = digits(p + 1)
            guard d > 0, boundary(p + 1 + d) else { continue }
            fields.year = number(p + 1..<p + 1 + d)
            blank(p..<p + 1 + d)
            return true
        }
        return false
    }

    /// `\b(jan|...)\S*`: a month name alone.
    private mutating func parseMonthName() -> Bool {
        for p in 0..<s.count where boundary(p) {
            guard let month = monthAbbreviation(at: p) else { continue }
            fields.mon = month
            blank(p..<skip(p + 3) { !Self.isSpace($0) })
            return true
        }
        return false
    }

    /// `(\d+)(st|nd|rd|th)\b`: "5th".
    private mutating func parseOrdinalDay() -> Bool {
        for p in 0..<s.count {
            let d = digits(p)
            guard d > 0 else { continue }
            let e = p + d
            guard matches("st", at: e) || matches("nd", at: e) || matches("rd", at: e) || matches("th", at: e), boundary(e + 2) else { continue }
            fields.mday = number(p..<e)
            blank(p..<e + 2)
            return true
        }
        return false
    }

    /// `([-+]?)(\d{2,14})(?:\s*t?\s*(\d{2,6})?(?:[,.](\d*))?)?(?:\s*(z\b|[-+]\d{1,4}\b|\[[-+]?\d[^\]]*\]))?`:
    /// digit runs such as "20240305", "20240305T140709Z", "1430".
    private mutating func parseDigits() -> Bool {
        for p in 0..<s.count {
            var start = p
            var negative = false
            if Self.isSign(at(p)) {
                guard digits(p + 1) >= 2 else { continue }
                negative = at(p) == 0x2D
                start = p + 1
            } else if digits(p) < 2 {
                continue
            }
            let s2 = start..<start + min(digits(start), 14)
            var j = skipSpaces(s2.upperBound)
            if lower(j) == 0x74 { j += 1 }
            j = skipSpaces(j)
            var s3: Range<Int>? = nil
            if digits(j) >= 2 {
                s3 = j..<j + min(digits(j), 6)
                j = s3!.upperBound
            }
            var s4: Range<Int>? = nil
            if at(j) == 0x2C || at(j) == 0x2E {
                s4 = j + 1..<j + 1 + digits(j + 1)
                j = s4!.upperBound
            }
            var end = j
            var s5: Range<Int>? = nil
            let k = skipSpaces(j)
            if lower(k) == 0x7A && boundary(k + 1) {
                s5 = k..<k + 1
            } else if Self.isSign(at(k)), case let d = digits(k + 1), d >= 1 && d <= 4 && boundary(k + 1 + d) {
                s5 = k..<k + 1 + d
            } else if at(k) == 0x5B {
                var i = k + 1
                if Self.isSign(at(i)) { i += 1 }
                if digit(i), let close = s[(i + 1)...].firstIndex(of: 0x5D) {
                    s5 = k..<close + 1
                }
            }
            if let s5 { end = s5.upperBound }
            readDigits(negative: negative, s2: s2, s3: s3, s4: s4, s5: s5)
            blank(p..<end)
            return true
        }
        return false
    }

    private mutating func readDigits(negative: Bool, s2: Range<Int>, s3: Range<Int>?, s4: Range<Int>?, s5: Range<Int>?) {
        let a = s2.lowerBound
        let l2 = s2.count
        func two(_ at: Int) -> Int { number(at..<at + 2) }
        func signed(_ y: Int) -> Int { negative ? -y : y }
        let timeOnly = s3 == nil && s4 != nil  // "hhmmss.fff": the run is a time
        switch l2 {
        case 2:
            if timeOnly { fields.sec = two(a) } else { fields.mday = two(a) }
        case 4:
            if timeOnly {
                fields.sec = two(a + 2)
                fields.min = two(a)
            } else {
                fields.mon = two(a)
                fields.mday = two(a + 2)
            }
        case 6:
            if timeOnly {
                fields.sec = two(a + 4)
                fields.min = two(a + 2)
                fields.hour = two(a)
            } else {
                fields.year = signed(two(a))
                fields.mon = two(a + 2)
                fields.mday = two(a + 4)
            }
        case 8, 10, 12, 14:
            let e = s2.upperBound
            if timeOnly {
                fields.sec = two(e - 2)
                fields.min = two(e - 4)
                fields.hour = two(e - 6)
                fields.mday = two(e - 8)
                if l2 >= 10 { fields.mon = two(e - 10) }
                if l2 == 12 { fields.year = signed(two(e - 12)) }
                if l2 == 14 {
                    fields.year = signed(number(e - 14..<e - 10))
                    comp = false
                }
            } else {
                fields.year = signed(number(a..<a + 4))
                fields.mon = two(a + 4)
                fields.mday = two(a + 6)
                if l2 >= 10 { fields.hour = two(a + 8) }
                if l2 >= 12 { fields.min = two(a + 10) }
                if l2 >= 14 { fields.sec = two(a + 12) }
                comp = false
            }
        case 3:
            if timeOnly {
                fields.sec = two(a + 1)
                fields.min = number(a..<a + 1)
            } else {
                fields.yday = number(a..<a + 3)
            }
        case 5:
            if timeOnly {
                fields.sec = two(a + 3)
                fields.min = two(a + 1)
                fields.hour = number(a..<a + 1)
            } else {
                fields.year = signed(two(a))
                fields.yday = number(a + 2..<a + 5)
            }
        case 7:
            if timeOnly {
                fields.sec = two(a + 5)
                fields.min = two(a + 3)
                fields.hour = two(a + 1)
                fields.mday = number(a..<a + 1)
            } else {
                fields.year = signed(number(a..<a + 4))
                fields.yday = number(a + 4..<a + 7)
            }
        default:
            break
        }
        if let s3, s3.count % 2 == 0 {
            let b = s3.lowerBound
            let l3 = s3.count
            if s4 != nil {
                fields.sec = two(b + l3 - 2)
                if l3 >= 4 { fields.min = two(b + l3 - 4) }
                if l3 >= 6 { fields.hour = two(b + l3 - 6) }
            } else {
                fields.hour = two(b)
                if l3 >= 4 { fields.min = two(b + 2) }
                if l3 >= 6 { fields.sec = two(b + 4) }
            }
        }
        if let s4 { fields.secFraction = slice(s4) }
        if let s5 {
            var zone = slice(s5)
            if zone.first == 0x5B {
                // "[-5:EST]" names "EST"; "[+9]" names "+9".
                let inner = Array(zone.dropFirst().dropLast())
                if let colon = inner.firstIndex(of: 0x3A) {
                    zone = Array(inner[(colon + 1)...])
                } else {
                    zone = inner
                }
            }
            fields.zone = zone
        }
    }

    /// `\b(bc\b|bce\b|b\.c\.|b\.c\.e\.)`: years before Christ.
    private mutating func parseBC() {
        for p in 0..<s.count where boundary(p) && lower(p) == 0x62 {
            var end: Int? = nil
            if matches("bc", at: p) && boundary(p + 2) { end = p + 2 }
            else if matches("bce", at: p) && boundary(p + 3) { end = p + 3 }
            else if matches("b.c.", at: p) { end = p + 4 }
            guard let end else { continue }
            bc = true
            blank(p..<end)
            return
        }
    }

    /// `\A\s*(\d{1,2})\s*\z`: a lone number left over is the day (after a time) or the hour
    /// (after a date).
    private mutating func parseFragment() {
        let start = skipSpaces(0)
        let d = digits(start)
        guard d >= 1 && d <= 2, skipSpaces(start + d) == s.count else { return }
        let n = number(start..<start + d)
        if fields.hour != nil && fields.mday == nil && n >= 1 && n <= 31 { fields.mday = n }
        if fields.mday != nil && fields.hour == nil && n >= 0 && n <= 24 { fields.hour = n }
    }

    // MARK: - Year, month, day

    /// Ruby's `s3e`: decide which of three numbers is the year, the month and the day, from
    /// their lengths, apostrophes and signs, and record them.
    private mutating func s3e(year yIn: [UInt8]?, month mIn: [UInt8]?, day dIn: [UInt8]?, bc era: Bool) {
        var y = yIn, m = mIn, d = dIn
        var compValue: Bool? = nil

        if y != nil && m != nil && d == nil {
            (y, m, d) = (nil, y, m)
        }
        if y == nil {
            if let dd = d, dd.count > 2 { (y, d) = (dd, nil) }
            if let dd = d, dd.first == 0x27 { (y, d) = (dd, nil) }
        }
        if let yy = y {
            var i = 0
            while i < yy.count && !Self.isSign(yy[i]) && !Self.isDigit(yy[i]) { i += 1 }
            if i < yy.count {
                let bp = i
                if Self.isSign(yy[i]) { i += 1 }
                while i < yy.count && Self.isDigit(yy[i]) { i += 1 }
                if i < yy.count {
                    // Something follows the digits ("5th"): this is the day, the day the year.
                    (y, d) = (d, Array(yy[bp..<i]))
                }
            }
        }
        if let mm = m, mm.first == 0x27 || mm.count > 2 {
            (y, m, d) = (m, d, y)
        }
        if let dd = d, dd.first == 0x27 || dd.count > 2 {
            (y, d) = (d, y)
        }
        if let yy = y {
            var i = 0
            while i < yy.count && !Self.isSign(yy[i]) && !Self.isDigit(yy[i]) { i += 1 }
            if i < yy.count {
                let bp = i
                if Self.isSign(yy[i]) {
                    i += 1
                    compValue = false
                }
                let digitStart = i
                while i < yy.count && Self.isDigit(yy[i]) { i += 1 }
                if i - digitStart > 2 { compValue = false }
                fields.year = Self.number(yy[bp..<i])
            }
        }
        if era { bc = true }
        if let mm = m, let i = mm.firstIndex(where: Self.isDigit) {
            fields.mon = Self.number(mm[i...])
        }
        if let dd = d, let i = dd.firstIndex(where: Self.isDigit) {
            fields.mday = Self.number(dd[i...])
        }
        if let compValue { comp = compValue }
    }
}
