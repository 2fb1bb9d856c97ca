import Liquid
import Synchronization

/// Knock's time-zone filters (knock-spec §1.1): `timezone`, and `date` with a zone as its second
/// argument.
///
/// - Inputs are read as Liquid's `date` reads them (`LiquidDate.parse`: ISO-8601 and other
///   `Time.parse` strings, Unix timestamps, "now"). A string without an offset is taken as UTC,
///   as Knock's `timestamp` and API times are, whatever the server's own zone.
/// - An input that is no date comes back unchanged (as Liquid's `date` does); nil stays nil.
/// - A zone that is not an IANA name is an error ("unknown time zone"): it is an author's mistake
///   worth seeing in the preview. A nil or empty zone means no conversion.
enum KnockDateFilters {
    static var all: [FilterDefinition] { [timezone, date] }

    /// Unparsed strings without an offset are UTC (Knock's times are).
    static let utc = FixedOffsetTimeZone(seconds: 0, abbreviation: "UTC")

    /// `{{ timestamp | timezone: "America/New_York" }}` → `2023-12-31T19:30:00-05:00`: the same
    /// instant in the zone, as ISO-8601 with a numeric offset and no fractional seconds.
    static let timezone = FilterDefinition("timezone", arguments: 1...1) { input, arguments, context in
        let zone = try TimeZones.named(arguments[0], filter: "timezone")
        guard let date = LiquidDate.parse(input, now: now(context), localZone: utc) else { return input }
        return .string((zone.map { date.converted(to: $0) } ?? date).format("%Y-%m-%dT%H:%M:%S%:z"))
    }

    /// Liquid's own `date`, which this one defers to whenever no zone is given, so it behaves
    /// exactly as standard Liquid there (including reading offset-less strings in the server's zone).
    static let standardDate: FilterDefinition = {
        guard let date = Environment().filters["date"] else { preconditionFailure("Liquid has no standard date filter") }
        return date
    }()

    /// `{{ startDate | date: "%-I:%M %p %Z", "America/New_York" }}` → `2:30 PM EST`.
    static let date = FilterDefinition("date", arguments: 1...2) { input, arguments, context in
        let zone = try TimeZones.named(arguments[1], filter: "date")
        guard let zone else { return try standardDate.function(input, FilterArguments([arguments[0] ?? .nil]), context) }
        let format = formatString(arguments[0] ?? .nil)
        if format.isEmpty { return input }
        guard let date = LiquidDate.parse(input, now: now(context), localZone: utc) else { return input }
        return .string(try date.converted(to: zone).strftime(format, maxBytes: context.environment.limits.maxOutputBytes))
    }

    static func now(_ context: RenderContext) -> Double {
        context.session.now ?? LiquidDate.currentTime()
    }

    /// The format as Liquid's `date` reads it (Ruby's `to_s`: arrays and hashes as `inspect` shows them).
    static func formatString(_ value: Value) -> String {
        switch value {
        case .array, .object: return RubyFormat.inspect(value)
        default: return value.liquidString
        }
    }
}

/// IANA zones by name, read once from the system's zone files and kept.
enum TimeZones {
    private static let cache = Mutex<[String: TZifTimeZone?]>([:])
    /// Bounds the names remembered, good and bad (a template can ask for any string).
    private static let capacity = 1024

    /// The zone a filter argument names; nil for a nil or empty argument; an error for a name that
    /// is no zone.
    static func named(_ value: Value?, filter: String) throws -> TZifTimeZone? {
        guard let value, !value.isNil else { return nil }
        let name = value.liquidString
        if name.isEmpty { return nil }
        guard let zone = zone(named: name) else {
            throw LiquidError.argument("\(filter): unknown time zone '\(name)' (expected an IANA name such as \"America/New_York\")")
        }
        return zone
    }

    static func zone(named name: String) -> TZifTimeZone? {
        if let known = cache.withLock({ $0[name] }) { return known }
        let zone = TZifTimeZone(identifier: name)
        cache.withLock { entries in
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            entries[name] = .some(zone)
        }
        return zone
    }
}
