#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An instant with the UTC offset and zone name it is shown in: what Ruby's `Time` is to
/// Shopify Liquid's `date` filter. Made by `parse` (Liquid's `Utils.to_date`: timestamps,
/// "now", and strings read like `Time.parse`), shown by `format` (Ruby's `Time#strftime`).
public struct LiquidDate: Sendable, Hashable {
    /// Whole seconds since 1970-01-01T00:00:00Z (floor, so negative instants have positive nanoseconds).
    public let unixSeconds: Int
    /// 0..<1_000_000_000
    public let nanoseconds: Int
    /// Seconds east of UTC of the wall clock this date is shown on.
    public let utcOffset: Int
    /// What `%Z` prints: "UTC", "CET", "EST", ...; nil for a bare offset (`%Z` prints nothing).
    public let zoneAbbreviation: String?
    /// Ruby's `Time#utc?`: a time in UTC proper (not a local zone that happens to be UTC).
    /// `%Z` prints "UTC" and `%-z` prints "-0000" for such a time.
    public let isUTC: Bool

    /// `unixSeconds` (plus `nanoseconds`, any value; it carries into the seconds) shown in `zone`.
    public init(unixSeconds: Int, nanoseconds: Int = 0, in zone: any LiquidTimeZone = SystemTimeZone()) {
        let seconds = unixSeconds + CivilCalendar.floorDiv(nanoseconds, 1_000_000_000)
        let (offset, abbreviation) = zone.offset(at: seconds)
        self.init(exact: seconds, CivilCalendar.floorMod(nanoseconds, 1_000_000_000), offset, abbreviation, false)
    }

    /// An instant in UTC proper (Ruby's `Time#utc`).
    public static func utc(unixSeconds: Int, nanoseconds: Int = 0) -> LiquidDate {
        let seconds = unixSeconds + CivilCalendar.floorDiv(nanoseconds, 1_000_000_000)
        return LiquidDate(exact: seconds, CivilCalendar.floorMod(nanoseconds, 1_000_000_000), 0, "UTC", true)
    }

    private init(exact seconds: Int, _ nanoseconds: Int, _ offset: Int, _ abbreviation: String?, _ isUTC: Bool) {
        self.unixSeconds = seconds
        self.nanoseconds = nanoseconds
        self.utcOffset = offset
        self.zoneAbbreviation = abbreviation
        self.isUTC = isUTC
    }

    /// The same instant shown in another zone (Ruby's `getlocal`; for named zones, the
    /// `timezone` filters).
    public func converted(to zone: any LiquidTimeZone) -> LiquidDate {
        LiquidDate(unixSeconds: unixSeconds, nanoseconds: nanoseconds, in: zone)
    }

    /// The same instant at a fixed offset with no zone name (Ruby's `getlocal("+05:30")`).
    public func converted(toOffset seconds: Int) -> LiquidDate {
        converted(to: FixedOffsetTimeZone(seconds: seconds))
    }

    /// The wall-clock fields (year ... second, weekday, day of year) this date shows.
    public var civil: CivilTime {
        CivilTime(unixSeconds: unixSeconds, nanosecond: nanoseconds, utcOffset: utcOffset)
    }

    /// The current time in `zone`: `frozen` (Unix seconds, e.g. `RenderSession.now`) when given,
    /// else the system clock.
    public static func now(frozen: Double? = nil, in zone: any LiquidTimeZone = SystemTimeZone()) -> LiquidDate {
        let (seconds, nanos) = splitSeconds(frozen ?? currentTime())
        return LiquidDate(unixSeconds: seconds, nanoseconds: nanos, in: zone)
    }

    /// The system clock, in Unix seconds.
    public static func currentTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func splitSeconds(_ value: Double) -> (Int, Int) {
        guard value.isFinite, abs(value) < 9e15 else { return (0, 0) }
        let whole = value.rounded(.down)
        let nanos = min(Int(((value - whole) * 1e9).rounded()), 999_999_999)
        return (Int(whole), nanos)
    }

    /// Ruby's `Time#strftime`, forgiving: a directive cut off by the end of the format is
    /// printed as written (Ruby raises "invalid format" there; `strftime(_:)` does too).
    public func format(_ strftime: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(strftime.utf8.count + 16)
        RubyString.withUTF8(strftime) { f in
            _ = Strftime(date: self).format(f, into: &out, strict: false, limit: .max)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Ruby's `Time#strftime` exactly: a directive cut off by the end of the format (`"abc%"`,
    /// `"%-"`) throws `invalid format: ...`, as Ruby raises. Output longer than `maxBytes` (huge
    /// widths such as `%999999999d`) throws a limit error instead of being built.
    public func strftime(_ format: String, maxBytes: Int = .max) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(format.utf8.count + 16)
        try strftime(format, maxBytes: maxBytes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `strftime`, its bytes appended to `out`: whole UTF-8 (the format's own text and ASCII).
    func strftime(_ format: String, maxBytes: Int, into out: inout [UInt8]) throws {
        let outcome = RubyString.withUTF8(format) { f in
            Strftime(date: self).format(f, into: &out, strict: true, limit: maxBytes)
        }
        switch outcome {
        case .ok: return
        case .invalid: throw LiquidError.argument("invalid format: \(format)")
        case .tooLong: throw LiquidError.limit("date output exceeded the limit of \(maxBytes) bytes (maxOutputBytes)")
        }
    }
}

extension LiquidDate {
    /// Liquid's `Utils.to_date`: the date a filter input stands for, or nil when it stands for
    /// none (the filter then returns its input unchanged).
    ///
    /// - integers, and strings of ASCII digits only, are Unix timestamps (`Time.at`);
    /// - "now" and "today" (any case) are `now`;
    /// - other strings are read as Ruby's `Time.parse` reads them (`RubyTimeParser`), with
    ///   `now` filling in what they leave out;
    /// - anything else (floats, booleans, nil, arrays, ...) is no date, as in Ruby.
    ///
    /// Times are shown in `localZone` unless the string names its own offset.
    public static func parse(_ value: Value, now: Double, localZone: any LiquidTimeZone = SystemTimeZone()) -> LiquidDate? {
        switch value {
        case .int(let seconds):
            return LiquidDate(unixSeconds: seconds, in: localZone)
        case .string(let string):
            return parse(string: string, now: now, localZone: localZone)
        default:
            return nil
        }
    }

    /// `parse` for a string input.
    public static func parse(string: String, now: Double, localZone: any LiquidTimeZone = SystemTimeZone()) -> LiquidDate? {
        if string.isEmpty { return nil }
        // Plain ASCII inputs are read in place: "now", "today" and timestamps need no copy.
        let simple = RubyString.withUTF8(string) { b -> SimpleInput? in
            var allDigits = true
            for c in b {
                if c >= 0x80 { return .other }
                if c < 0x30 || c > 0x39 { allDigits = false }
            }
            if allDigits {
                // `Time.at(str.to_i)`; past Int64 Ruby would still manage, we give up.
                var seconds = 0
                for c in b {
                    let (m, o1) = seconds.multipliedReportingOverflow(by: 10)
                    let (a, o2) = m.addingReportingOverflow(Int(c - 0x30))
                    if o1 || o2 { return .invalid }
                    seconds = a
                }
                return .timestamp(seconds)
            }
            if equalsIgnoringASCIICase(b, "now") || equalsIgnoringASCIICase(b, "today") { return .now }
            if let fields = localDateTime(b) { return .local(fields) }
            return .other
        }
        switch simple {
        case .invalid: return nil
        case .timestamp(let seconds): return LiquidDate(unixSeconds: seconds, in: localZone)
        case .now: return LiquidDate.now(frozen: now, in: localZone)
        case .local(let f):
            return RubyTimeParser.makeTime(year: f.year, yday: nil, mon: f.month, day: f.day, hour: f.hour, min: f.minute,
                                           sec: f.second, nanos: nil, zone: nil,
                                           now: { LiquidDate.now(frozen: now, in: localZone) }, local: localZone)
        case .other, nil: break
        }
        var bytes = Array(string.utf8)
        if bytes.contains(where: { $0 >= 0x80 }) {
            bytes = Array(string.lowercased().utf8)  // Ruby's String#downcase is Unicode-aware
            if bytes == Array("now".utf8) || bytes == Array("today".utf8) {
                return LiquidDate.now(frozen: now, in: localZone)
            }
        } else {
            for i in bytes.indices where bytes[i] >= 0x41 && bytes[i] <= 0x5A { bytes[i] |= 0x20 }
        }
        return RubyTimeParser.parse(bytes, now: { LiquidDate.now(frozen: now, in: localZone) }, localZone: localZone)
    }

    private enum SimpleInput { case now, timestamp(Int), local(LocalDateTime), invalid, other }

    /// The fields of `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` or `YYYY-MM-DD HH:MM:SS` (no zone).
    struct LocalDateTime {
        var year: Int, month: Int, day: Int
        var hour: Int? = nil, minute: Int? = nil, second: Int? = nil
    }

    /// The commonest date strings in data, read without Ruby's general parser: for exactly
    /// these shapes `Date._parse` finds the same fields (the ISO date and a plain time), and
    /// `makeTime` then checks and places them as it does for any parse.
    static func localDateTime(_ b: UnsafeBufferPointer<UInt8>) -> LocalDateTime? {
        func digits(_ at: Int, _ count: Int) -> Int? {
            var value = 0
            for i in at..<(at + count) {
                let d = b[i] &- 0x30
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        guard b.count == 10 || b.count == 16 || b.count == 19,
              b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              let year = digits(0, 4), let month = digits(5, 2), let day = digits(8, 2)
        else { return nil }
        var fields = LocalDateTime(year: year, month: month, day: day)
        if b.count == 10 { return fields }
        guard b[10] == UInt8(ascii: " "), b[13] == UInt8(ascii: ":"),
              let hour = digits(11, 2), let minute = digits(14, 2)
        else { return nil }
        fields.hour = hour
        fields.minute = minute
        if b.count == 16 { return fields }
        guard b[16] == UInt8(ascii: ":"), let second = digits(17, 2) else { return nil }
        fields.second = second
        return fields
    }

    /// Whether `b` is `word` (lowercase ASCII) in any ASCII case.
    private static func equalsIgnoringASCIICase(_ b: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard b.count == word.utf8CodeUnitCount else { return false }
        for i in 0..<b.count {
            var c = b[i]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != word.utf8Start[i] { return false }
        }
        return true
    }
}
