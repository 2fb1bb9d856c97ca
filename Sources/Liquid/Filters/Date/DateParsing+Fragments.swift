/// `Date._parse`, continued: leftover fragments, BC, and turning year/month/day strings into fields.
extension RubyDateParser {
    // MARK: - Fragments

    /// `'(\d+)\b`: "'99".
    mutating func parseQuotedYear() -> Bool {
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
    mutating func parseMonthName() -> Bool {
        for p in 0..<s.count where boundary(p) {
            guard let month = monthAbbreviation(at: p) else { continue }
            fields.mon = month
            blank(p..<skip(p + 3) { !Self.isSpace($0) })
            return true
        }
        return false
    }

    /// `(\d+)(st|nd|rd|th)\b`: "5th".
    mutating func parseOrdinalDay() -> Bool {
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
    mutating func parseDigits() -> Bool {
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

    mutating func readDigits(negative: Bool, s2: Range<Int>, s3: Range<Int>?, s4: Range<Int>?, s5: Range<Int>?) {
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
    mutating func parseBC() {
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
    mutating func parseFragment() {
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
    mutating func s3e(year yIn: [UInt8]?, month mIn: [UInt8]?, day dIn: [UInt8]?, bc era: Bool) {
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
