/// `Date._parse`, continued: weekdays and times of day.
extension RubyDateParser {
    // MARK: - Weekday and time

    /// `\b(sun|mon|...)[^-/\d\s]*`
    mutating func parseDay() -> Bool {
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
    func meridian(_ i: Int) -> Int? {
        let c = lower(i)
        guard c == 0x61 || c == 0x70 else { return nil }
        if lower(i + 1) == 0x6D && boundary(i + 2) { return i + 2 }
        if at(i + 1) == 0x2E && lower(i + 2) == 0x6D && at(i + 3) == 0x2E { return i + 4 }
        return nil
    }

    /// The time part of Ruby's `parse_time` at `p`: `12:34[:56[.789]]`, `12h[34m[56s]]`, then an
    /// optional am/pm; or `12 pm`. The index after it.
    func timeBody(_ p: Int) -> Int? {
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

    func optionalMeridian(_ i: Int) -> Int {
        meridian(skipSpaces(i)) ?? i
    }

    /// The zone after a time: `gmt+1`, `-05:00`, `pacific standard time`, `est`, `cest dst`, ...
    func timeZone(_ z: Int) -> Int? {
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
    mutating func parseTime() -> Bool {
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
    mutating func readTime(_ t: [UInt8]) {
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
}
