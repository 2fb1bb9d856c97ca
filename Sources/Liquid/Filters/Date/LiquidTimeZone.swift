#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A rule giving the UTC offset and zone abbreviation in force at an instant: the process's
/// local zone, a fixed offset, or (later) a named IANA zone. Everything the `date` filter does
/// with zones goes through this one question.
public protocol LiquidTimeZone: Sendable {
    /// Seconds east of UTC at `unixSeconds`, and the abbreviation Ruby's `%Z` prints there
    /// (nil for an offset with no name: `%Z` is then empty).
    func offset(at unixSeconds: Int) -> (seconds: Int, abbreviation: String?)

    /// Just the seconds of `offset(at:)`, for zones that can skip making the abbreviation.
    func offsetSeconds(at unixSeconds: Int) -> Int
}

extension LiquidTimeZone {
    public func offsetSeconds(at unixSeconds: Int) -> Int { offset(at: unixSeconds).seconds }
}

/// The process's local zone (the `TZ` environment variable, else the system setting), read
/// through the C library's `localtime_r`, as Ruby's `Time` reads it.
public struct SystemTimeZone: LiquidTimeZone {
    public init() {}

    public func offset(at unixSeconds: Int) -> (seconds: Int, abbreviation: String?) {
        if Self.isUTC { return (0, "UTC") }
        guard let parts = Self.localTime(unixSeconds) else { return (0, "UTC") }
        let abbreviation = parts.tm_zone.map { String(cString: $0) }
        return (Int(parts.tm_gmtoff), abbreviation)
    }

    public func offsetSeconds(at unixSeconds: Int) -> Int {
        if Self.isUTC { return 0 }
        guard let parts = Self.localTime(unixSeconds) else { return 0 }
        return Int(parts.tm_gmtoff)
    }

    /// Whether `TZ` names UTC itself (as servers and containers often set it): then every
    /// instant is at offset 0, "UTC", and the C library need not be asked. Read once, like
    /// `tzset` below.
    static let isUTC: Bool = {
        guard let tz = getenv("TZ").map({ String(cString: $0) }) else { return false }
        return ["UTC", "UTC0", ":UTC", "Etc/UTC", ":Etc/UTC"].contains(tz)
    }()

    private static func localTime(_ unixSeconds: Int) -> tm? {
        _ = initialized
        // glibc's localtime_r refuses years outside `int`; clamp to the nearest instant it takes.
        var t = time_t(max(min(unixSeconds, 67_767_976_233_316_800), -67_768_040_609_740_800))
        var parts = tm()
        guard localtime_r(&t, &parts) != nil else { return nil }
        return parts
    }

    /// `tzset` once, so `TZ` is read before the first conversion on any thread.
    private static let initialized: Void = { tzset() }()
}

/// A constant offset with no zone name, like Ruby's `Time#localtime("+05:30")`: `%Z` prints nothing.
public struct FixedOffsetTimeZone: LiquidTimeZone {
    public let seconds: Int
    public let abbreviation: String?

    public init(seconds: Int, abbreviation: String? = nil) {
        self.seconds = seconds
        self.abbreviation = abbreviation
    }

    public func offset(at unixSeconds: Int) -> (seconds: Int, abbreviation: String?) {
        (seconds, abbreviation)
    }
}

extension LiquidTimeZone {
    /// The instant at which this zone's wall clock reads `localSeconds` (a wall-clock reading
    /// counted like a Unix time, see `CivilCalendar.seconds`), resolved as Ruby's `Time.local`
    /// resolves it: a reading that happens twice (clocks turned back) is the later instant, and a
    /// reading that never happens (clocks turned forward) is taken with the offset in force
    /// before the change (so 02:30 on a spring-forward night reads as 03:30).
    func instant(forLocal localSeconds: Int) -> Int {
        let before = offsetSeconds(at: localSeconds - 86_400)
        let after = offsetSeconds(at: localSeconds + 86_400)
        if before == after {
            // No change near this reading: almost always the whole answer.
            let candidate = localSeconds - before
            let actual = offsetSeconds(at: candidate)
            if actual == before { return candidate }
        }
        var best: Int? = nil
        for guess in [before, after, offsetSeconds(at: localSeconds - before), offsetSeconds(at: localSeconds - after)] {
            let candidate = localSeconds - guess
            if offsetSeconds(at: candidate) == guess, best.map({ candidate > $0 }) ?? true {
                best = candidate
            }
        }
        return best ?? (localSeconds - before)
    }
}
