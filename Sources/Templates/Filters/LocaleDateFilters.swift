import Foundation
import Liquid

/// Knock's localized date filters (knock-spec §1.1), through ICU's CLDR styles:
///
///     {{ timestamp | format_date_in_locale: "en-GB", "long" }}                    → 31 December 2023
///     {{ timestamp | format_datetime_in_locale: "en-GB", "medium", "short" }}    → 31 Dec 2023, 14:30
///
/// Styles are `short` (the default when omitted, nil or empty), `medium`, `long` and `full`;
/// another word is an error. The locale defaults to "en" (see `LocaleArguments`).
///
/// **Time zone.** Knock does not say which zone it formats in. We show the instant in the zone of
/// the input's own offset (`…T14:30:45-05:00` is shown at 14:30), and in UTC when the input has
/// none. A fixed offset has no name, so `long`/`full` times name it as ICU does ("GMT", "Greenwich
/// Mean Time" for offset 0; "GMT-5", "GMT-05:00" otherwise). As an extension, an IANA zone may be
/// passed as one more argument — the instant is then shown in that zone, with its names:
///
///     {{ "2023-12-31T19:30:45Z" | format_datetime_in_locale: "en-US", "short", "full", "America/New_York" }}
///     → 12/31/23, 2:30:45 PM Eastern Standard Time
///
/// This is how Knock's documented time table is reproduced: its en-US column is 14:30:45 in
/// New York (EST), its en-GB column 14:30:45 in London (GMT, which UTC inputs give here too).
///
/// **Output.** Date and time are joined with CLDR's standard pattern, which for English is
/// "{date}, {time}" (Knock's "31 Dec 2023, 14:30"). ICU 72+ joins them with CLDR's `atTime`
/// variant instead ("31 Dec 2023 at 14:30"); where that variant puts a word between the two, we
/// put ", " back. No-break spaces become plain spaces (`LocaleArguments.plainSpaces`).
///
/// **Calendar.** Always the Gregorian calendar, in every locale (Knock's backend formats its ISO
/// dates so): "th" shows 2023, not the Buddhist 2566; "fa" shows ۲۰۲۳, not the Persian ۱۴۰۲. Digits
/// stay the locale's own.
///
/// Inputs are read as `date` reads them; an input that is no date comes back unchanged.
enum LocaleDateFilters {
    static var all: [FilterDefinition] { [formatDate, formatDateTime] }

    static let formatDate = FilterDefinition("format_date_in_locale", arguments: 1...3) { input, arguments, context in
        let name = "format_date_in_locale"
        let locale = try LocaleArguments.identifier(arguments[0], filter: name)
        let dateStyle = try style(arguments[1], filter: name, what: "date")
        return try format(input, locale: locale, dateStyle: dateStyle, timeStyle: .none, zone: arguments[2], filter: name, context)
    }

    static let formatDateTime = FilterDefinition("format_datetime_in_locale", arguments: 1...4) { input, arguments, context in
        let name = "format_datetime_in_locale"
        let locale = try LocaleArguments.identifier(arguments[0], filter: name)
        let dateStyle = try style(arguments[1], filter: name, what: "date")
        let timeStyle = try style(arguments[2], filter: name, what: "time")
        return try format(input, locale: locale, dateStyle: dateStyle, timeStyle: timeStyle, zone: arguments[3], filter: name, context)
    }

    static func style(_ value: Value?, filter: String, what: String) throws -> DateFormatter.Style {
        guard let value, !value.isNil else { return .short }
        switch value.liquidString {
        case "", "short": return .short
        case "medium": return .medium
        case "long": return .long
        case "full": return .full
        case let other:
            throw LiquidError.argument("\(filter): unknown \(what) format '\(other)' (expected short, medium, long or full)")
        }
    }

    static func format(_ input: Value, locale: String, dateStyle: DateFormatter.Style, timeStyle: DateFormatter.Style,
                       zone zoneArgument: Value?, filter: String, _ context: RenderContext) throws -> Value
    {
        let named = try TimeZones.named(zoneArgument, filter: filter)
        let now = context.session.now ?? LiquidDate.currentTime()
        guard let date = LiquidDate.parse(input, now: now, localZone: KnockDateFilters.utc) else { return input }
        let instant = Date(timeIntervalSince1970: Double(date.unixSeconds) + Double(date.nanoseconds) / 1e9)
        // ICU needs the zone's name to print "Eastern Standard Time"; a zone Foundation does not
        // know (rare: our zone files are newer) falls back to its offset at that instant.
        let zone: TimeZone
        let zoneKey: String
        if let named, let foundation = TimeZone(identifier: named.identifier) {
            (zone, zoneKey) = (foundation, named.identifier)
        } else {
            let offset = named.map { $0.offset(at: date.unixSeconds).seconds } ?? date.utcOffset
            zone = TimeZone(secondsFromGMT: offset) ?? TimeZone(secondsFromGMT: 0)!
            zoneKey = "\(offset)"
        }
        let key = "\(locale)|\(dateStyle.rawValue)|\(timeStyle.rawValue)|\(zoneKey)"
        let text = formatters.with(key, make: { makeFormatter(locale: locale, dateStyle: dateStyle, timeStyle: timeStyle, zone: zone) }) {
            $0.string(from: instant)
        }
        return .string(LocaleArguments.plainSpaces(text))
    }

    static let formatters = FormatterCache<DateFormatter>()

    static func makeFormatter(locale: String, dateStyle: DateFormatter.Style, timeStyle: DateFormatter.Style, zone: TimeZone) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: locale)
        formatter.calendar = Calendar(identifier: .gregorian)
        formatter.timeZone = zone
        formatter.dateStyle = dateStyle
        formatter.timeStyle = timeStyle
        if dateStyle != .none, timeStyle != .none, let joined = standardJoin(formatter) {
            formatter.dateFormat = joined
        }
        return formatter
    }

    /// The date-and-time pattern with CLDR's standard "{date}, {time}" join, when ICU joined them
    /// with a word ("'at'", "'um'", "'à'"); nil to keep ICU's pattern.
    static func standardJoin(_ formatter: DateFormatter) -> String? {
        let combined = formatter.dateFormat ?? ""
        let date = DateFormatter(), time = DateFormatter()
        for (part, dateStyle, timeStyle) in [(date, formatter.dateStyle, DateFormatter.Style.none), (time, .none, formatter.timeStyle)] {
            part.locale = formatter.locale
            part.calendar = formatter.calendar
            part.dateStyle = dateStyle
            part.timeStyle = timeStyle
        }
        guard let datePattern = date.dateFormat, let timePattern = time.dateFormat,
              combined.hasPrefix(datePattern), combined.hasSuffix(timePattern),
              combined.count > datePattern.count + timePattern.count
        else { return nil }
        let join = combined.dropFirst(datePattern.count).dropLast(timePattern.count)
        guard join.contains("'") else { return nil }
        return datePattern + ", " + timePattern
    }
}
