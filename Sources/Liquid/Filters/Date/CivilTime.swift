/// Proleptic Gregorian calendar arithmetic on plain integers: no Foundation, no time zone
/// database, exact for any year a 64-bit second count can reach.
///
/// Days are counted from the Unix epoch (1970-01-01 is day 0); the civil ↔ day conversions are
/// the classic "days from civil" algorithms (400-year eras of 146 097 days, March-based years so
/// the leap day falls at the end).
public struct CivilTime: Sendable, Hashable {
    public var year: Int
    /// 1...12
    public var month: Int
    /// 1...31
    public var day: Int
    /// 0...23
    public var hour: Int
    public var minute: Int
    /// 0...59 (a civil time made from an instant never shows a leap second)
    public var second: Int
    /// 0..<1_000_000_000
    public var nanosecond: Int
    /// 0 = Sunday ... 6 = Saturday
    public var weekday: Int
    /// 1...366
    public var yearDay: Int

    /// The wall-clock fields of `unixSeconds` seen at `utcOffset` seconds east of UTC.
    public init(unixSeconds: Int, nanosecond: Int = 0, utcOffset: Int = 0) {
        // Days first, then the offset, so no instant overflows (Int.max seconds is year 292277026596).
        let shifted = CivilCalendar.floorMod(unixSeconds, 86_400) + utcOffset
        let days = CivilCalendar.floorDiv(unixSeconds, 86_400) + CivilCalendar.floorDiv(shifted, 86_400)
        let secondOfDay = CivilCalendar.floorMod(shifted, 86_400)
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        year = y
        month = m
        day = d
        hour = secondOfDay / 3600
        minute = secondOfDay / 60 % 60
        second = secondOfDay % 60
        self.nanosecond = nanosecond
        weekday = CivilCalendar.weekday(days: days)
        yearDay = days - CivilCalendar.days(year: y, month: 1, day: 1) + 1
    }
}

enum CivilCalendar {
    @inline(__always) static func floorDiv(_ a: Int, _ b: Int) -> Int {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    @inline(__always) static func floorMod(_ a: Int, _ b: Int) -> Int {
        let r = a % b
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }

    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// Days in `month` (1...12) of `year`.
    static func daysInMonth(_ year: Int, _ month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given civil date (month 1...12, day 1...31; a day past the
    /// month's end runs on into the next month).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = floorDiv(y, 400)
        let yearOfEra = y - era * 400  // 0...399
        let marchMonth = month > 2 ? month - 3 : month + 9  // March = 0
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day count from 1970-01-01.
    static func civil(fromDays days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = floorDiv(z, 146_097)
        let dayOfEra = z - era * 146_097  // 0...146096
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// 0 = Sunday; day 0 (1970-01-01) was a Thursday.
    static func weekday(days: Int) -> Int { floorMod(days + 4, 7) }

    /// Seconds from the epoch of a wall-clock reading taken as UTC. Hours, minutes and seconds
    /// past their range carry over (`24:00:00` is the next midnight, second 60 the next minute).
    static func seconds(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Int {
        days(year: year, month: month, day: day) * 86_400 + hour * 3600 + minute * 60 + second
    }

    /// ISO 8601 week number (1...53) and the year it belongs to.
    static func isoWeek(year: Int, yearDay: Int, weekday: Int) -> (week: Int, year: Int) {
        let isoWeekday = weekday == 0 ? 7 : weekday
        let week = (yearDay - isoWeekday + 10) / 7
        if week < 1 {
            return (weeksInYear(year - 1), year - 1)
        }
        if week > weeksInYear(year) {
            return (1, year + 1)
        }
        return (week, year)
    }

    /// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or on a Wednesday in a leap year.
    static func weeksInYear(_ year: Int) -> Int {
        let jan1 = weekday(days: days(year: year, month: 1, day: 1))
        return jan1 == 4 || (jan1 == 3 && isLeap(year)) ? 53 : 52
    }
}
