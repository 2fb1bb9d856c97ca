/// Ruby's `Time.parse` (time.rb): the fields `Date._parse` found become a time, with `now`
/// filling in the leading fields the string leaves out, and the zone the string names (if Ruby
/// knows it) deciding the offset. Every case where Ruby raises an ArgumentError is a nil here.
enum RubyTimeParser {
    /// `now` gives the current time in `localZone`; it is asked only when the string leaves
    /// fields out (a full date needs no clock).
    static func parse(_ bytes: [UInt8], now: () -> LiquidDate, localZone: any LiquidTimeZone) -> LiquidDate? {
        guard let f = RubyDateParser.parse(bytes) else { return nil }
        let zone = f.zone.map { String(decoding: $0, as: UTF8.self) }
        return makeTime(year: f.year, yday: f.yday, mon: f.mon, day: f.mday, hour: f.hour, min: f.min, sec: f.sec,
                        nanos: f.secFraction.map(nanoseconds), zone: zone, now: now, local: localZone)
    }

    /// The first nine digits of a fraction as nanoseconds ("5" → 500 000 000).
    static func nanoseconds(_ digits: [UInt8]) -> Int {
        var value = 0
        for k in 0..<9 { value = value * 10 + (k < digits.count ? Int(digits[k] - 0x30) : 0) }
        return value
    }

    /// The largest year handled; Ruby goes on with big integers, we give up (nil) past this.
    static let yearLimit = 100_000_000_000

    /// Ruby's `Time.make_time`.
    static func makeTime(year: Int?, yday: Int?, mon: Int?, day: Int?, hour: Int?, min: Int?, sec: Int?, nanos: Int?,
                         zone: String?, now: () -> LiquidDate, local: any LiquidTimeZone) -> LiquidDate?
    {
        if year == nil && yday == nil && mon == nil && day == nil && hour == nil && min == nil && sec == nil && nanos == nil {
            return nil  // "no time information"
        }
        let offYear = year ?? now().civil.year
        var off = zone.flatMap { zoneOffset($0, year: offYear, local: local) }

        if let yday {
            guard yday >= 1 && yday <= 366 else { return nil }
            var mon = (yday - 1) / 31 + 1
            var day = (yday - 1) % 31 + 1
            guard let t = makeTime(year: year, yday: nil, mon: mon, day: day, hour: hour, min: min, sec: sec, nanos: nanos,
                                   zone: zone, now: now, local: local)
            else { return nil }
            let diff = yday - t.civil.yearDay
            if diff == 0 { return t }
            day += diff
            if day > 28, let monthDays = rubyMonthDays(offYear, mon), day > monthDays {
                mon += 1
                if mon > 12 { return nil }
                day -= monthDays
            }
            return makeTime(year: year, yday: nil, mon: mon, day: day, hour: hour, min: min, sec: sec, nanos: nanos,
                            zone: zone, now: now, local: local)
        }

        var year = year, mon = mon, day = day, hour = hour, min = min, sec = sec, nanos = nanos
        fill: do {
            if year != nil { break fill }
            // `now` on the wall clock of the zone the string names, else the local one.
            let current = now()
            let nowFields = CivilTime(unixSeconds: current.unixSeconds, nanosecond: current.nanoseconds,
                                      utcOffset: off ?? current.utcOffset)
            year = nowFields.year
            if mon != nil { break fill }
            mon = nowFields.month
            if day != nil { break fill }
            day = nowFields.day
            if hour != nil { break fill }
            hour = nowFields.hour
            if min != nil { break fill }
            min = nowFields.minute
            if sec != nil { break fill }
            sec = nowFields.second
            if nanos != nil { break fill }
            nanos = nowFields.nanosecond / 1000 * 1000  // Ruby takes `now.tv_usec`
        }
        let y = year ?? 1970
        guard abs(y) <= yearLimit else { return nil }
        if y != offYear {
            off = zone.flatMap { zoneOffset($0, year: y, local: local) }
        }
        let ns = nanos ?? 0
        if let off, let zone {
            let a = applyOffset(y, mon ?? 1, day ?? 1, hour ?? 0, min ?? 0, sec ?? 0, off)
            guard let utc = timeArguments(a.year, a.mon, a.day, a.hour, a.min, a.sec) else { return nil }
            return forceZone(utc, ns, zone: zone, offset: off, local: local)
        }
        guard let wallClock = timeArguments(y, mon ?? 1, day ?? 1, hour ?? 0, min ?? 0, sec ?? 0) else { return nil }
        return LiquidDate(unixSeconds: local.instant(forLocal: wallClock), nanoseconds: ns, in: local)
    }

    /// `Time.utc`/`Time.local`'s checks on their arguments, then the wall-clock reading as
    /// seconds (see `CivilCalendar.seconds`). Feb 30 is Mar 1 (or 2), Apr 31 is May 1, 24:00:00
    /// the next midnight and second 60 the next minute; anything else out of range is nil.
    static func timeArguments(_ year: Int, _ mon: Int, _ day: Int, _ hour: Int, _ min: Int, _ sec: Int) -> Int? {
        guard abs(year) <= yearLimit, mon >= 1 && mon <= 12, day >= 1 && day <= 31, hour >= 0 && hour <= 24,
              min >= 0 && min <= (hour == 24 ? 0 : 59), sec >= 0 && sec <= (hour == 24 ? 0 : 60)
        else { return nil }
        var mon = mon, day = day
        if mon == 2 {
            let february = CivilCalendar.isLeap(year) ? 29 : 28
            if day > february {
                day -= february
                mon = 3
            }
        } else if (mon == 4 || mon == 6 || mon == 9 || mon == 11) && day == 31 {
            mon += 1
            day = 1
        }
        return CivilCalendar.seconds(year: year, month: mon, day: day, hour: hour, minute: min, second: sec)
    }

    /// time.rb's `month_days`: an index into a 12-entry table, so month 0 reads as December
    /// (Ruby's negative index) and 13 on as nil.
    static func rubyMonthDays(_ year: Int, _ mon: Int) -> Int? {
        var index = mon - 1
        if index < 0 { index += 12 }
        guard index >= 0 && index < 12 else { return nil }
        return CivilCalendar.daysInMonth(year, index + 1)
    }

    private static func divmod(_ a: Int, _ b: Int) -> (Int, Int) {
        (CivilCalendar.floorDiv(a, b), CivilCalendar.floorMod(a, b))
    }

    /// time.rb's `apply_offset`: the wall-clock fields at `offset` moved to UTC, field by field
    /// (its quirks included: only a one-day carry into the month).
    static func applyOffset(_ year: Int, _ mon: Int, _ day: Int, _ hour: Int, _ min: Int, _ sec: Int, _ offset: Int)
        -> (year: Int, mon: Int, day: Int, hour: Int, min: Int, sec: Int)
    {
        var year = year, mon = mon, day = day, hour = hour, min = min, sec = sec
        var off = offset
        var o = 0
        if off < 0 {
            off = -off
            (off, o) = divmod(off, 60)
            if o != 0 { sec += o; (o, sec) = divmod(sec, 60); off += o }
            (off, o) = divmod(off, 60)
            if o != 0 { min += o; (o, min) = divmod(min, 60); off += o }
            (off, o) = divmod(off, 24)
            if o != 0 { hour += o; (o, hour) = divmod(hour, 24); off += o }
            if off != 0 {
                day += off
                if let days = rubyMonthDays(year, mon), days < day {
                    mon += 1
                    if 12 < mon {
                        mon = 1
                        year += 1
                    }
                    day = 1
                }
            }
        } else if off > 0 {
            (off, o) = divmod(off, 60)
            if o != 0 { sec -= o; (o, sec) = divmod(sec, 60); off -= o }
            (off, o) = divmod(off, 60)
            if o != 0 { min -= o; (o, min) = divmod(min, 60); off -= o }
            (off, o) = divmod(off, 24)
            if o != 0 { hour -= o; (o, hour) = divmod(hour, 24); off -= o }
            if off != 0 {
                day -= off
                if day < 1 {
                    mon -= 1
                    if mon < 1 {
                        year -= 1
                        mon = 12
                    }
                    day = rubyMonthDays(year, mon) ?? 1
                }
            }
        }
        return (year, mon, day, hour, min, sec)
    }

    /// time.rb's `ZoneOffset`, in hours.
    static let zoneTable: [String: Int] = [
        "UTC": 0, "Z": 0, "UT": 0, "GMT": 0,
        "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
        "A": 1, "B": 2, "C": 3, "D": 4, "E": 5, "F": 6, "G": 7, "H": 8, "I": 9, "K": 10, "L": 11, "M": 12,
        "N": -1, "O": -2, "P": -3, "Q": -4, "R": -5, "S": -6, "T": -7, "U": -8, "V": -9, "W": -10, "X": -11, "Y": -12,
    ]

    /// time.rb's `zone_offset`: "+09:00", "-0500", "+09", a name from `zoneTable`, or the local
    /// zone's own abbreviation in January or July of `year`. nil for anything else (the time
    /// is then read as local time, the zone ignored).
    static func zoneOffset(_ zone: String, year: Int, local: any LiquidTimeZone) -> Int? {
        let z = Array(zone.utf8).map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        func isDigit(_ i: Int) -> Bool { i < z.count && z[i] >= 0x30 && z[i] <= 0x39 }
        func two(_ i: Int) -> Int { Int(z[i] - 0x30) * 10 + Int(z[i + 1] - 0x30) }
        if z.count >= 3, z[0] == 0x2B || z[0] == 0x2D, isDigit(1), isDigit(2) {
            let sign = z[0] == 0x2D ? -1 : 1
            if z.count == 3 { return sign * two(1) * 3600 }  // \A[+-]\d\d\z
            // \A([+-])(\d\d)(:?)(\d\d)(?:\3(\d\d))?\z
            let colon = z[3] == 0x3A
            var i = colon ? 4 : 3
            if isDigit(i), isDigit(i + 1) {
                let minutes = two(i)
                i += 2
                if i == z.count { return sign * ((two(1) * 60 + minutes) * 60) }
                if !colon || z[i] == 0x3A {
                    if colon { i += 1 }
                    if isDigit(i), isDigit(i + 1), i + 2 == z.count {
                        return sign * ((two(1) * 60 + minutes) * 60 + two(i))
                    }
                }
            }
        }
        let name = String(decoding: z, as: UTF8.self)
        if let hours = zoneTable[name] { return hours * 3600 }
        guard abs(year) <= yearLimit else { return nil }
        for month in [1, 7] {
            let midnight = CivilCalendar.seconds(year: year, month: month, day: 1, hour: 0, minute: 0, second: 0)
            let (offset, abbreviation) = local.offset(at: local.instant(forLocal: midnight))
            if let abbreviation, abbreviation.uppercased() == name { return offset }
        }
        return nil
    }

    /// time.rb's `zone_utc?`: zones that mean UTC proper.
    static func isUTCZone(_ zone: String) -> Bool {
        switch zone.uppercased() {
        case "-00:00", "-0000", "-00", "UTC", "Z", "UT": return true
        default: return false
        }
    }

    /// time.rb's `force_zone!`: UTC for the UTC names; else the local zone when it has this
    /// offset at that instant (so "+0000" under TZ=UTC prints %Z as "UTC"); else a bare offset.
    /// An offset of a day or more is Ruby's "utc_offset out of range" (nil).
    static func forceZone(_ utc: Int, _ nanos: Int, zone: String, offset: Int, local: any LiquidTimeZone) -> LiquidDate? {
        if isUTCZone(zone) { return LiquidDate.utc(unixSeconds: utc, nanoseconds: nanos) }
        guard abs(offset) < 86_400 else { return nil }
        let inLocal = LiquidDate(unixSeconds: utc, nanoseconds: nanos, in: local)
        if inLocal.utcOffset == offset { return inLocal }
        return LiquidDate(unixSeconds: utc, nanoseconds: nanos, in: FixedOffsetTimeZone(seconds: offset))
    }
}
