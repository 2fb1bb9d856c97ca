#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A named IANA zone ("America/New_York"), read from the system's compiled zone files (TZif,
/// RFC 8536) with no other dependency: the transitions the file lists, then its POSIX TZ rule
/// for instants after the last one. Gives the offsets and abbreviations the C library gives for
/// `TZ=America/New_York`, which is what Ruby shows.
public struct TZifTimeZone: LiquidTimeZone {
    public let identifier: String
    private let transitions: [Int]
    /// The local time type in force from each transition on.
    private let transitionTypes: [Int]
    private let types: [(offset: Int, isDST: Bool, abbreviation: String)]
    private let rule: POSIXTimeZoneRule?

    /// Where zone files are looked for: `$TZDIR`, then the usual system places.
    public static var searchDirectories: [String] {
        var directories: [String] = []
        if let tzdir = getenv("TZDIR") { directories.append(String(cString: tzdir)) }
        directories += ["/usr/share/zoneinfo", "/var/db/timezone/zoneinfo", "/usr/lib/zoneinfo", "/usr/share/lib/zoneinfo"]
        return directories
    }

    /// The zone named `identifier`, or nil when the name is not a zone (or is not safe to look up
    /// as a path: only letters, digits and `/_+-` between slashes, no `..`).
    public init?(identifier: String, directories: [String] = TZifTimeZone.searchDirectories) {
        guard Self.isValidIdentifier(identifier) else { return nil }
        for directory in directories {
            if let data = Self.readFile(directory + "/" + identifier), let zone = TZifTimeZone(identifier: identifier, tzif: data) {
                self = zone
                return
            }
        }
        return nil
    }

    /// A zone from the bytes of a TZif file.
    public init?(identifier: String, tzif data: [UInt8]) {
        guard let parsed = TZifReader(data).read() else { return nil }
        self.identifier = identifier
        transitions = parsed.transitions
        transitionTypes = parsed.transitionTypes
        types = parsed.types
        rule = parsed.footer.flatMap(POSIXTimeZoneRule.init)
        if types.isEmpty && rule == nil { return nil }
    }

    public func offset(at unixSeconds: Int) -> (seconds: Int, abbreviation: String?) {
        if let last = transitions.last, unixSeconds >= last, let rule {
            return rule.offset(at: unixSeconds)
        }
        if transitions.isEmpty || unixSeconds < transitions[0] {
            if transitions.isEmpty, let rule { return rule.offset(at: unixSeconds) }
            guard !types.isEmpty else { return (0, "UTC") }
            let first = types[0]
            return (first.offset, first.abbreviation)
        }
        // The last transition at or before the instant.
        var low = 0, high = transitions.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if transitions[mid] <= unixSeconds { low = mid } else { high = mid - 1 }
        }
        let type = types[transitionTypes[low]]
        return (type.offset, type.abbreviation)
    }

    static func isValidIdentifier(_ identifier: String) -> Bool {
        guard !identifier.isEmpty, identifier.utf8.count < 256 else { return false }
        for component in identifier.split(separator: "/", omittingEmptySubsequences: false) {
            guard !component.isEmpty, component != ".", component != ".." else { return false }
            for b in component.utf8 {
                let ok = (b >= 0x30 && b <= 0x39) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F || b == 0x2B || b == 0x2D
                if !ok { return false }
            }
        }
        return true
    }

    private static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n > 0 { data.append(contentsOf: buffer[0..<n]) }
            if n < buffer.count { break }
            if data.count > 4 << 20 { return nil }  // no zone file is this big
        }
        return data
    }
}

/// Reads the parts of a TZif file a lookup needs (the 64-bit block when there is one).
private struct TZifReader {
    let data: [UInt8]
    init(_ data: [UInt8]) { self.data = data }

    struct Parsed {
        var transitions: [Int] = []
        var transitionTypes: [Int] = []
        var types: [(offset: Int, isDST: Bool, abbreviation: String)] = []
        var footer: String? = nil
    }

    private func int(_ at: Int, _ size: Int) -> Int? {
        guard at >= 0, at + size <= data.count else { return nil }
        var value: UInt64 = 0
        for k in 0..<size { value = value << 8 | UInt64(data[at + k]) }
        if size == 4 { return Int(Int32(bitPattern: UInt32(truncatingIfNeeded: value))) }
        return Int(Int64(bitPattern: value))
    }

    func read() -> Parsed? {
        guard data.count >= 44, data[0] == 0x54, data[1] == 0x5A, data[2] == 0x69, data[3] == 0x66 else { return nil }
        let version = data[4]
        guard let v1 = block(at: 0, timeSize: 4) else { return nil }
        if version == 0 { return v1.parsed }
        // Version 2+: a second header and block with 64-bit times, then the footer.
        guard var v2 = block(at: v1.end, timeSize: 8) else { return v1.parsed }
        var end = v2.end
        if end < data.count, data[end] == 0x0A {
            end += 1
            var close = end
            while close < data.count && data[close] != 0x0A { close += 1 }
            if close < data.count {
                let text = String(decoding: data[end..<close], as: UTF8.self)
                v2.parsed.footer = text.isEmpty ? nil : text
            }
        }
        return v2.parsed
    }

    private func block(at start: Int, timeSize: Int) -> (parsed: Parsed, end: Int)? {
        guard start + 44 <= data.count, data[start] == 0x54, data[start + 1] == 0x5A else { return nil }
        guard let isutcnt = int(start + 20, 4), let isstdcnt = int(start + 24, 4), let leapcnt = int(start + 28, 4),
              let timecnt = int(start + 32, 4), let typecnt = int(start + 36, 4), let charcnt = int(start + 40, 4),
              isutcnt >= 0, isstdcnt >= 0, leapcnt >= 0, timecnt >= 0, typecnt >= 0, charcnt >= 0
        else { return nil }
        var p = start + 44
        let timesAt = p
        p += timecnt * timeSize
        let indicesAt = p
        p += timecnt
        let typesAt = p
        p += typecnt * 6
        let charsAt = p
        p += charcnt
        p += leapcnt * (timeSize + 4) + isstdcnt + isutcnt
        guard p <= data.count else { return nil }

        var parsed = Parsed()
        parsed.transitions.reserveCapacity(timecnt)
        for k in 0..<timecnt {
            guard let t = int(timesAt + k * timeSize, timeSize) else { return nil }
            let type = Int(data[indicesAt + k])
            guard type < typecnt else { return nil }
            parsed.transitions.append(t)
            parsed.transitionTypes.append(type)
        }
        for k in 0..<typecnt {
            let at = typesAt + k * 6
            guard let offset = int(at, 4) else { return nil }
            let isDST = data[at + 4] != 0
            let index = Int(data[at + 5])
            var end = charsAt + index
            while end < charsAt + charcnt && data[end] != 0 { end += 1 }
            let abbreviation = index < charcnt ? String(decoding: data[(charsAt + index)..<end], as: UTF8.self) : ""
            parsed.types.append((offset, isDST, abbreviation))
        }
        return (parsed, p)
    }
}

/// A POSIX TZ rule ("EST5EDT,M3.2.0,M11.1.0", "<+0530>-5:30"), as TZif footers give it.
struct POSIXTimeZoneRule: Sendable {
    /// Offsets east of UTC (POSIX writes them west).
    let standardOffset: Int
    let standardName: String
    let dstOffset: Int?
    let dstName: String?
    let start: DateRule?
    let end: DateRule?

    enum DateRule: Sendable {
        /// Jn: day 1...365, February 29 never counted.
        case julian(day: Int, time: Int)
        /// n: day 0...365, February 29 counted.
        case zeroBased(day: Int, time: Int)
        /// Mm.w.d: weekday d of week w (5 = last) of month m.
        case monthWeekDay(month: Int, week: Int, weekday: Int, time: Int)

        /// Seconds from the epoch of the rule's moment in `year`, on the local wall clock.
        func localSeconds(in year: Int) -> Int {
            switch self {
            case .julian(let day, let time):
                var days = CivilCalendar.days(year: year, month: 1, day: 1) + day - 1
                if CivilCalendar.isLeap(year) && day >= 60 { days += 1 }
                return days * 86_400 + time
            case .zeroBased(let day, let time):
                return (CivilCalendar.days(year: year, month: 1, day: 1) + day) * 86_400 + time
            case .monthWeekDay(let month, let week, let weekday, let time):
                let first = CivilCalendar.days(year: year, month: month, day: 1)
                var day = first + CivilCalendar.floorMod(weekday - CivilCalendar.weekday(days: first), 7) + (week - 1) * 7
                let monthEnd = first + CivilCalendar.daysInMonth(year, month)
                while day >= monthEnd { day -= 7 }
                return day * 86_400 + time
            }
        }
    }

    init?(_ text: String) {
        var p = POSIXScanner(Array(text.utf8))
        guard let std = p.name(), let stdOffset = p.offset() else { return nil }
        standardName = std
        standardOffset = -stdOffset
        guard !p.atEnd else {
            dstName = nil
            dstOffset = nil
            start = nil
            end = nil
            return
        }
        guard let dst = p.name() else { return nil }
        dstName = dst
        if !p.atEnd && p.peek != 0x2C {
            guard let offset = p.offset() else { return nil }
            dstOffset = -offset
        } else {
            dstOffset = standardOffset + 3600
        }
        if p.atEnd {
            // No rule given: POSIX leaves the default to the implementation; glibc uses US rules.
            start = .monthWeekDay(month: 3, week: 2, weekday: 0, time: 7200)
            end = .monthWeekDay(month: 11, week: 1, weekday: 0, time: 7200)
            return
        }
        guard p.take(0x2C), let s = p.dateRule(), p.take(0x2C), let e = p.dateRule(), p.atEnd else { return nil }
        start = s
        end = e
    }

    func offset(at unixSeconds: Int) -> (seconds: Int, abbreviation: String?) {
        guard let dstOffset, let start, let end, let dstName else { return (standardOffset, standardName) }
        let year = CivilTime(unixSeconds: unixSeconds, utcOffset: standardOffset).year
        // Start is given on standard time, end on daylight time.
        let dstStart = start.localSeconds(in: year) - standardOffset
        let dstEnd = end.localSeconds(in: year) - dstOffset
        let inDST = dstStart < dstEnd
            ? unixSeconds >= dstStart && unixSeconds < dstEnd
            : !(unixSeconds >= dstEnd && unixSeconds < dstStart)
        return inDST ? (dstOffset, dstName) : (standardOffset, standardName)
    }
}

private struct POSIXScanner {
    let s: [UInt8]
    var i = 0
    init(_ s: [UInt8]) { self.s = s }

    var atEnd: Bool { i >= s.count }
    var peek: UInt8 { i < s.count ? s[i] : 0 }

    mutating func take(_ b: UInt8) -> Bool {
        guard peek == b else { return false }
        i += 1
        return true
    }

    /// A zone name: letters, or anything between `<` and `>`.
    mutating func name() -> String? {
        if take(0x3C) {
            let start = i
            while !atEnd && peek != 0x3E { i += 1 }
            guard !atEnd else { return nil }
            defer { i += 1 }
            return String(decoding: s[start..<i], as: UTF8.self)
        }
        let start = i
        while (peek | 0x20) >= 0x61 && (peek | 0x20) <= 0x7A { i += 1 }
        return i - start >= 3 ? String(decoding: s[start..<i], as: UTF8.self) : nil
    }

    mutating func number() -> Int? {
        let start = i
        var value = 0
        while peek >= 0x30 && peek <= 0x39 {
            value = value * 10 + Int(peek - 0x30)
            i += 1
        }
        return i > start ? value : nil
    }

    /// [+-]hh[:mm[:ss]] in seconds.
    mutating func offset() -> Int? {
        var sign = 1
        if take(0x2D) { sign = -1 } else { _ = take(0x2B) }
        guard let hours = number() else { return nil }
        var seconds = hours * 3600
        if take(0x3A) {
            guard let minutes = number() else { return nil }
            seconds += minutes * 60
            if take(0x3A) {
                guard let secs = number() else { return nil }
                seconds += secs
            }
        }
        return sign * seconds
    }

    mutating func dateRule() -> POSIXTimeZoneRule.DateRule? {
        var rule: POSIXTimeZoneRule.DateRule
        if take(0x4A) {
            guard let day = number(), day >= 1, day <= 365 else { return nil }
            rule = .julian(day: day, time: 7200)
        } else if take(0x4D) {
            guard let m = number(), take(0x2E), let w = number(), take(0x2E), let d = number(),
                  m >= 1, m <= 12, w >= 1, w <= 5, d <= 6
            else { return nil }
            rule = .monthWeekDay(month: m, week: w, weekday: d, time: 7200)
        } else {
            guard let day = number(), day <= 365 else { return nil }
            rule = .zeroBased(day: day, time: 7200)
        }
        if take(0x2F) {
            guard let time = offset() else { return nil }
            switch rule {
            case .julian(let d, _): rule = .julian(day: d, time: time)
            case .zeroBased(let d, _): rule = .zeroBased(day: d, time: time)
            case .monthWeekDay(let m, let w, let d, _): rule = .monthWeekDay(month: m, week: w, weekday: d, time: time)
            }
        }
        return rule
    }
}
