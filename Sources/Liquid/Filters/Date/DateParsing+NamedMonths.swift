/// `Date._parse`, continued: dates written with month names (European and US order).
extension RubyDateParser {
    // MARK: - Dates with month names

    /// `[-']?\d+`-style value at `i` (`'?-?\d+`): the index after it.
    func signedValue(_ i: Int, apostrophe: Bool = true, minus: Bool = true) -> Int? {
        var j = i
        if apostrophe && at(j) == 0x27 { j += 1 }
        if minus && at(j) == 0x2D { j += 1 }
        let d = digits(j)
        return d > 0 ? j + d : nil
    }

    private static let eras: [StaticString] = ["ce", "c.e.", "bce", "b.c.e.", "ad", "a.d.", "bc", "b.c."]

    /// The optional `(era)?\s*(year)` tail of the European and American forms, from `i` (after
    /// leading spaces): the era and year ranges, or nil when no year follows.
    func eraAndYear(_ i: Int, ordinalSuffix: Bool) -> (era: Range<Int>?, year: Range<Int>)? {
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

    func isBC(_ era: Range<Int>?) -> Bool {
        guard let era else { return false }
        return lower(era.lowerBound) == 0x62
    }

    /// `('?\d+)[^-\d\s]*\s*(jan|...)[^-\d\s']*(?:\s*(era)?\s*('?-?\d+(?:st|nd|rd|th)?))?`: "5 March 2024".
    mutating func parseEU() -> Bool {
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
    mutating func parseUS() -> Bool {
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
}
