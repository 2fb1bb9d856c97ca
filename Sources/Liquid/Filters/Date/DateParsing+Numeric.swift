/// `Date._parse`, continued: numeric dates: ISO, JIS, VMS, slashes, dots and ISO 8601 fragments.
extension RubyDateParser {
    // MARK: - Numeric dates

    /// `('?[-+]?\d+)-(\d+)-('?-?\d+)`: "2024-03-05".
    mutating func parseISO() -> Bool {
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
    mutating func parseJIS() -> Bool {
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

    func notDashSlashDot(_ b: UInt8) -> Bool { b != 0x2D && b != 0x2F && b != 0x2E }

    /// `('?-?\d+)-(jan|...)[^-/.]*-('?-?\d+)`: "05-mar-2024".
    mutating func parseVMS11() -> Bool {
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
    mutating func parseVMS12() -> Bool {
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
    mutating func parseSlash() -> Bool {
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
    mutating func parseDot() -> Bool {
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
    mutating func parseISO21() -> Bool {
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
    mutating func parseISO22() -> Bool {
        for p in 0..<s.count where at(p) == 0x2D && lower(p + 1) == 0x77 && at(p + 2) == 0x2D && digit(p + 3) && boundary(p + 4) {
            fields.cwday = number(p + 3..<p + 4)
            blank(p..<p + 4)
            return true
        }
        return false
    }

    /// `--(\d{2})?-(\d{2})\b`: "--03-05", "---05".
    mutating func parseISO23() -> Bool {
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
    mutating func parseISO24() -> Bool {
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
    func yearAndDayOfYear(_ p: Int) -> Int? {
        for yearLength in [2, 4] where digits(p) >= yearLength {
            if at(p + yearLength) == 0x2D && digits(p + yearLength + 1) >= 3 && boundary(p + yearLength + 4) {
                return yearLength
            }
        }
        return nil
    }

    /// `\b(\d{2}|\d{4})-(\d{3})\b`, unless `[,.](\d{2}|\d{4})-\d{3}\b` is anywhere: "2024-065".
    mutating func parseISO25() -> Bool {
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
    mutating func parseISO26() -> Bool {
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
}
