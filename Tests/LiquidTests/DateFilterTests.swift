import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import Liquid

/// The `date` filter and `LiquidDate`. Every expected value in the tables was produced by Ruby 3.1
/// (`Time#strftime`, `Time.parse`) and Shopify Liquid 5.4, not written by hand.
@Suite("date filter")
struct DateFilterTests {
    struct Expect: Sendable {
        let seconds: Int, nanoseconds: Int, offset: Int, zone: String?, isUTC: Bool
        init(_ seconds: Int, _ nanoseconds: Int, _ offset: Int, _ zone: String?, _ isUTC: Bool) {
            (self.seconds, self.nanoseconds, self.offset, self.zone, self.isUTC) = (seconds, nanoseconds, offset, zone, isUTC)
        }
    }

    /// A local zone that behaves as `TZ=UTC` does (so the tests do not depend on the machine's zone).
    static let utcLocal = FixedOffsetTimeZone(seconds: 0, abbreviation: "UTC")
    /// Frozen "now": 2026-07-08 09:10:11.25 UTC.
    static let now = 1_783_501_811.25

    /// 2024-03-05 14:07:09.123456789 in UTC proper (Ruby's `Time#utc`).
    static let a = LiquidDate.utc(unixSeconds: 1_709_647_629, nanoseconds: 123_456_789)
    /// The same instant at +05:30, an offset with no zone name.
    static let b = LiquidDate(unixSeconds: 1_709_647_629, nanoseconds: 123_456_789, in: FixedOffsetTimeZone(seconds: 19_800))
    /// 2021-01-02 23:30:00.5 at -00:30: ISO week 53 of 2020, a negative offset under an hour.
    static let c = LiquidDate(unixSeconds: 1_609_633_800, nanoseconds: 500_000_000, in: FixedOffsetTimeZone(seconds: -1800))

    // MARK: - strftime

    @Test func everyDirective() {
        for (format, atA, atB, atC) in Self.directives {
            #expect(Self.a.format(format) == atA, "\(format) in UTC")
            #expect(Self.b.format(format) == atB, "\(format) at +05:30")
            #expect(Self.c.format(format) == atC, "\(format) at -00:30")
        }
    }

    @Test func flagsAndWidths() {
        for (format, atA, atB) in Self.flagged {
            #expect(Self.a.format(format) == atA, "\(format) in UTC")
            #expect(Self.b.format(format) == atB, "\(format) at +05:30")
        }
    }

    @Test func farYears() {
        for (seconds, format, expected) in Self.farYears {
            #expect(LiquidDate.utc(unixSeconds: seconds).format(format) == expected, "\(seconds)")
        }
    }

    @Test func weeksAroundNewYear() {
        for (seconds, expected) in Self.weeks {
            #expect(LiquidDate.utc(unixSeconds: seconds).format("%V %G %g %U %W %j %u %w") == expected, "\(seconds)")
        }
    }

    /// The ends of Int64 seconds, as Ruby shows them (no overflow on the way).
    @Test func extremeInstants() {
        let format = "%Y-%m-%d %H:%M:%S %j %a %V %G %s"
        #expect(LiquidDate.utc(unixSeconds: .max).format(format) == "292277026596-12-04 15:30:07 339 Sun 48 292277026596 9223372036854775807")
        #expect(LiquidDate(unixSeconds: .max, in: FixedOffsetTimeZone(seconds: 19_800)).format(format)
            == "292277026596-12-04 21:00:07 339 Sun 48 292277026596 9223372036854775807")
        #expect(LiquidDate.utc(unixSeconds: .min).format(format) == "-292277022657-01-27 08:29:52 027 Sun 04 -292277022657 -9223372036854775808")
        #expect(LiquidDate(unixSeconds: .min, in: FixedOffsetTimeZone(seconds: 19_800)).format(format)
            == "-292277022657-01-27 13:59:52 027 Sun 04 -292277022657 -9223372036854775808")
        #expect(LiquidDate.parse("9223372036854775807", now: Self.now, localZone: Self.utcLocal)?.format("%Y") == "292277026596")
        #expect(LiquidDate.parse("9223372036854775808", now: Self.now, localZone: Self.utcLocal) == nil)  // Ruby: a Bignum time
    }

    /// A local zone that happens to be UTC is not UTC proper: `%-z` differs, as in Ruby.
    @Test func localUTCVersusUTCProper() {
        let local = LiquidDate(unixSeconds: 0, in: Self.utcLocal)
        #expect(local.format("%Z %z %-z") == "UTC +0000 +0000")
        #expect(LiquidDate.utc(unixSeconds: 0).format("%Z %z %-z %#Z") == "UTC +0000 -0000 utc")
        #expect(LiquidDate(unixSeconds: 0, in: FixedOffsetTimeZone(seconds: 0)).format("[%Z] %z") == "[] +0000")
    }

    @Test func negativeInstantsKeepPositiveFractions() {
        let d = LiquidDate.utc(unixSeconds: -2, nanoseconds: 500_000_000)
        #expect(d.format("%s %N %L %F %T") == "-2 500000000 500 1969-12-31 23:59:58")
        #expect(LiquidDate.utc(unixSeconds: 0, nanoseconds: -500_000_000).format("%s %L") == "-1 500")
    }

    /// Ruby raises "invalid format" for a directive cut off by the end of the format.
    @Test func truncatedDirectiveIsInvalid() {
        for format in ["abc%", "%-", "%10", "%%%", "%-3%%", "%^#"] {
            #expect(throws: LiquidError.self, "\(format)") { try Self.a.strftime(format) }
            #expect(Self.a.format(format).hasSuffix(String(format.suffix(1))), "\(format) prints as written")
        }
        #expect(Self.a.format("abc%") == "abc%")
        #expect((try? Self.a.strftime("%:")) == "%:")  // not cut off: an unknown directive
        #expect((try? Self.a.strftime("%E")) == "%E")
        do {
            _ = try Self.a.strftime("abc%")
        } catch let error as LiquidError {
            #expect(error.message == "invalid format: abc%")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func hugeWidthStopsAtTheLimit() {
        #expect(throws: LiquidError.self) { try Self.a.strftime("%999999999d", maxBytes: 1 << 16) }
        #expect(throws: LiquidError.self) { try Self.a.strftime("%999999999c", maxBytes: 1 << 16) }
        #expect((try? Self.a.strftime("%20d", maxBytes: 1 << 16)) == "00000000000000000005")
    }

    @Test func nonASCIIFormatPassesThrough() {
        #expect(Self.a.format("année %Y — %é %日") == "année 2024 — %é %日")
    }

    // MARK: - Parsing (Utils.to_date + Time.parse)

    private func check(_ input: String, _ expected: Expect?, local: any LiquidTimeZone, _ comment: String) {
        let got = LiquidDate.parse(.string(input), now: Self.now, localZone: local)
        guard let expected else {
            #expect(got == nil, "\(input.debugDescription) \(comment): expected no date, got \(String(describing: got))")
            return
        }
        guard let got else {
            Issue.record("\(input.debugDescription) \(comment): expected a date, got nil")
            return
        }
        #expect(got.unixSeconds == expected.seconds, "\(input.debugDescription) \(comment) seconds")
        #expect(got.nanoseconds == expected.nanoseconds, "\(input.debugDescription) \(comment) nanoseconds")
        #expect(got.utcOffset == expected.offset, "\(input.debugDescription) \(comment) offset")
        #expect(got.zoneAbbreviation == expected.zone, "\(input.debugDescription) \(comment) zone")
        #expect(got.isUTC == expected.isUTC, "\(input.debugDescription) \(comment) utc")
    }

    /// With `TZ=UTC` (how the tests run) the system zone answers without the C library; the
    /// answers must be the C library's.
    @Test func systemZoneShortcutAgreesWithTheCLibrary() {
        for instant in [-2_208_988_800, 0, 1_111_111_111, 1_783_501_811, 4_102_444_800] {
            var t = time_t(instant)
            var parts = tm()
            tzset()
            guard localtime_r(&t, &parts) != nil else { continue }
            let expected = (seconds: Int(parts.tm_gmtoff), abbreviation: parts.tm_zone.map { String(cString: $0) })
            let got = SystemTimeZone().offset(at: instant)
            #expect(got.seconds == expected.seconds && got.abbreviation == expected.abbreviation, "\(instant)")
            #expect(SystemTimeZone().offsetSeconds(at: instant) == expected.seconds)
        }
    }

    /// `YYYY-MM-DD[ HH:MM[:SS]]` skips Ruby's general date parser: it must give what that parser
    /// gives, in and out of range, in a zone with daylight saving and in UTC.
    @Test func localDateTimeShortcutMatchesTheGeneralParser() {
        let inputs = [
            "2005-04-04", "2005-04-04 12:00", "2005-04-04 12:00:59", "2024-02-29 23:59:60", "2023-02-29",
            "2023-04-31 10:00", "2005-13-04", "2005-00-10", "2005-04-32", "2005-04-04 24:00", "2005-04-04 24:01",
            "2005-04-04 25:00", "0000-01-01", "9999-12-31 23:59:59", "2021-03-14 02:30", "2021-11-07 01:30:00",
        ]
        var zones: [any LiquidTimeZone] = [Self.utcLocal]
        if let newYork = Self.newYork { zones.append(newYork) }
        for zone in zones {
            for input in inputs {
                let general = RubyTimeParser.parse(Array(input.utf8), now: { LiquidDate.now(frozen: Self.now, in: zone) },
                                                   localZone: zone)
                #expect(input.utf8.withContiguousStorageIfAvailable { LiquidDate.localDateTime($0) } != nil, "\(input) takes the shortcut")
                #expect(LiquidDate.parse(.string(input), now: Self.now, localZone: zone) == general, "\(input)")
            }
        }
    }

    @Test func parseForms() {
        for (input, expected) in Self.formsUTC { check(input, expected, local: Self.utcLocal, "(TZ=UTC)") }
    }

    static let newYork = TZifTimeZone(identifier: "America/New_York")

    /// Local times in a zone with daylight saving: a repeated hour is the later (standard) one,
    /// a skipped one is read with the offset before the change; zone names become the local zone
    /// only where it has that offset.
    @Test(.enabled(if: newYork != nil, "needs the system zone files")) func parseFormsNewYork() throws {
        let zone = try #require(Self.newYork)
        for (input, expected) in Self.formsNewYork { check(input, expected, local: zone, "(TZ=America/New_York)") }
    }

    @Test func nonStringInputs() {
        #expect(LiquidDate.parse(.int(1_152_098_955), now: Self.now, localZone: Self.utcLocal)?.format("%F %T") == "2006-07-05 11:29:15")
        #expect(LiquidDate.parse(.int(-5), now: Self.now, localZone: Self.utcLocal)?.format("%F %T") == "1969-12-31 23:59:55")
        // Ruby's `case` matches neither Float, nor true, nor nil, nor collections.
        for value: Value in [.double(1.5), .double(1_152_098_955), .bool(true), .nil, [1, 2], ["a": 1], .string("")] {
            #expect(LiquidDate.parse(value, now: Self.now, localZone: Self.utcLocal) == nil, "\(value.rubyTypeName)")
        }
    }

    @Test func nowIsTheFrozenTime() {
        let d = LiquidDate.parse("now", now: Self.now, localZone: Self.utcLocal)
        #expect(d?.unixSeconds == 1_783_501_811)
        #expect(d?.format("%F %T.%L %Z") == "2026-07-08 09:10:11.250 UTC")
        let offset = LiquidDate.now(frozen: Self.now, in: FixedOffsetTimeZone(seconds: -3600))
        #expect(offset.format("%F %T %z") == "2026-07-08 08:10:11 -0100")
        let clock = LiquidDate.now().unixSeconds
        #expect(clock > 1_700_000_000)
    }

    /// Parsed fields as Ruby's `Date._parse` reports them (a few of the forms it knows).
    @Test func rubyDateParseFields() {
        func fields(_ s: String) -> RubyDateFields? { RubyDateParser.parse(Array(s.utf8)) }
        let rfc = fields("Sat Aug 28 02:55:50 +09:00 1999")
        #expect(rfc?.wday == 6 && rfc?.year == 1999 && rfc?.mon == 8 && rfc?.mday == 28)
        #expect(rfc?.hour == 2 && rfc?.min == 55 && rfc?.sec == 50 && rfc?.zone == Array("+09:00".utf8))
        let week = fields("2024-w10-2")
        #expect(week?.cwyear == 2024 && week?.cweek == 10 && week?.cwday == 2 && week?.year == nil)
        let us = fields("12/25/2024")  // Ruby reads y/m/d or d/m/y, never m/d/y
        #expect(us?.year == 2024 && us?.mon == 25 && us?.mday == 12)
        let fraction = fields("10:00:00.250")
        #expect(fraction?.secFraction == Array("250".utf8))
        #expect(fields(String(repeating: "a", count: 129)) == nil)  // over Ruby's 128-byte limit
        #expect(fields("-0000")?.mon == 0)
    }

    // MARK: - Zones

    @Test(.enabled(if: newYork != nil, "needs the system zone files")) func namedZones() throws {
        let ny = try #require(Self.newYork)
        let winter = LiquidDate(unixSeconds: 1_709_647_629, in: ny)
        #expect(winter.format("%F %T %Z %z") == "2024-03-05 09:07:09 EST -0500")
        let summer = LiquidDate(unixSeconds: 1_720_202_820, in: ny)
        #expect(summer.format("%F %T %Z %:z") == "2024-07-05 14:07:00 EDT -04:00")
        // Far past the file's transitions: the POSIX rule in its footer.
        #expect(LiquidDate(unixSeconds: 4_102_444_800 + 200 * 86_400, in: ny).format("%Z") == "EDT")
        #expect(Self.a.converted(to: ny).format("%H:%M %Z") == "09:07 EST")
        if let kolkata = TZifTimeZone(identifier: "Asia/Kolkata") {
            #expect(Self.a.converted(to: kolkata).format("%H:%M %Z %z") == "19:37 IST +0530")
        }
        for bad in ["", "../../etc/passwd", "/etc/localtime", "America/../../etc", "Nowhere/Special", "America//New_York", "UTC\u{0}"] {
            #expect(TZifTimeZone(identifier: bad) == nil, "\(bad.debugDescription)")
        }
    }

    @Test func posixRules() throws {
        let eastern = try #require(POSIXTimeZoneRule("EST5EDT,M3.2.0,M11.1.0"))
        #expect(eastern.offset(at: 1_709_647_629) == (-18_000, "EST"))
        #expect(eastern.offset(at: 1_720_202_820) == (-14_400, "EDT"))
        #expect(eastern.offset(at: 1_710_054_000 - 1) == (-18_000, "EST"))  // 2024-03-10 01:59:59 EST
        #expect(eastern.offset(at: 1_710_054_000) == (-14_400, "EDT"))  // 03:00 EDT
        let sydney = try #require(POSIXTimeZoneRule("AEST-10AEDT,M10.1.0,M4.1.0/3"))
        #expect(sydney.offset(at: 1_704_067_200) == (39_600, "AEDT"))  // January: summer
        #expect(sydney.offset(at: 1_719_792_000) == (36_000, "AEST"))  // July
        let india = try #require(POSIXTimeZoneRule("<+0530>-5:30"))
        #expect(india.offset(at: 0) == (19_800, "+0530"))
        #expect(POSIXTimeZoneRule("") == nil)
        #expect(POSIXTimeZoneRule("EST5EDT,M3.2") == nil)
    }

    @Test func wallClockResolution() throws {
        // 2024-11-03 01:30 happens twice in New York: Ruby takes the later (EST).
        let ny = try #require(Self.newYork ?? TZifTimeZone(identifier: "EST5EDT"))
        let repeated = CivilCalendar.seconds(year: 2024, month: 11, day: 3, hour: 1, minute: 30, second: 0)
        #expect(ny.instant(forLocal: repeated) == 1_730_615_400)
        // 2024-03-10 02:30 never happens: read with the offset before the change (03:30 EDT).
        let skipped = CivilCalendar.seconds(year: 2024, month: 3, day: 10, hour: 2, minute: 30, second: 0)
        #expect(ny.instant(forLocal: skipped) == 1_710_055_800)
    }

    @Test func calendarRoundTrips() {
        for days in stride(from: -1_000_000, through: 1_000_000, by: 997) {
            let (y, m, d) = CivilCalendar.civil(fromDays: days)
            #expect(CivilCalendar.days(year: y, month: m, day: d) == days)
        }
        #expect(CivilCalendar.days(year: 1970, month: 1, day: 1) == 0)
        #expect(CivilCalendar.days(year: 2000, month: 3, day: 1) == 11_017)
        #expect(CivilCalendar.civil(fromDays: -719_528) == (0, 1, 1))
    }

    // MARK: - The filter

    private func render(_ source: String, _ data: [(String, Value)] = [], now: Double? = nil) throws -> String {
        var env = Environment()
        env.renderErrors = .raise
        return try env.parse(source).render(globals: LiquidObject(data), session: RenderSession(now: now))
    }

    @Test func corpusCases() throws {
        let cases = GoldenCase.all.filter { $0.name.hasPrefix("filters, date, ") }
        #expect(cases.count == 10)
        let localIsUTC = SystemTimeZone().offset(at: 1_457_913_600).seconds == 0
        for c in cases where localIsUTC || c.name != "filters, date, seconds since epoch format directive" {
            switch c.run() {
            case .success(let output):
                #expect(!c.invalid, "\(c.name): expected an error, got \(output.debugDescription)")
                if let results = c.results { #expect(results.contains(output), "\(c.name): got \(output.debugDescription)") }
            case .failure(let error):
                #expect(c.invalid, "\(c.name): \(error.liquidMessage)")
            }
        }
    }

    @Test func filterInputsAndFormats() throws {
        #expect(try render("{{ 1152098955 | date: '%s' }}") == "1152098955")
        #expect(try render("{{ '2024-03-05T14:07:09Z' | date: '%a, %d %b %Y %H:%M:%S %z (%Z)' }}") == "Tue, 05 Mar 2024 14:07:09 +0000 (UTC)")
        #expect(try render("{{ '2024-03-05T14:07:09.5+05:30' | date: '%s.%L %z' }}") == "1709627829.500 +0530")
        #expect(try render("{{ x | date: '%Y' }}", [("x", .double(1.5))]) == "1.5")  // floats are no dates in Ruby
        #expect(try render("{{ x | date: '%Y' }}", [("x", .bool(true))]) == "true")
        #expect(try render("{{ x | date: '%Y' }}", [("x", [1, 2])]) == "12")
        #expect(try render("{{ nothing | date: '%Y' }}") == "")
        #expect(try render("{{ 'garbage' | date: '%Y' }}") == "garbage")
        #expect(try render("{{ '' | date: '%Y' }}") == "")
        #expect(try render("{{ 1152098955 | date: '' }}") == "1152098955")
        #expect(try render("{{ 1152098955 | date: nothing }}") == "1152098955")
        #expect(try render("{{ 1152098955 | date: 5 }}") == "5")
        #expect(try render("{{ 1152098955 | date: '%Q %+' }}") == "%Q %+")
    }

    @Test func frozenNow() throws {
        #expect(try render("{{ 'now' | date: '%s' }}", now: Self.now) == "1783501811")
        #expect(try render("{{ 'today' | date: '%s.%L' }}", now: Self.now) == "1783501811.250")
        #expect(try render("{{ 'NOW' | date: '%s' }}", now: 0) == "0")
        // Without a frozen time, the clock.
        let live = try render("{{ 'now' | date: '%s' }}")
        #expect((Int(live) ?? 0) > 1_700_000_000)
    }

    @Test func filterErrors() throws {
        #expect(throws: LiquidError.self) { try render("{{ 'now' | date }}") }
        #expect(throws: LiquidError.self) { try render("{{ 'now' | date: '%Y', 'x' }}") }
        do {
            _ = try render("{{ 1152098955 | date: 'abc%' }}")
            Issue.record("expected invalid format")
        } catch let error as LiquidError {
            #expect(error.message == "invalid format: abc%")
        }
        var env = Environment()
        env.limits.maxOutputBytes = 1000
        env.renderErrors = .raise
        #expect(throws: LiquidError.self) { try env.parse("{{ 1 | date: '%999999999Y' }}").render() }
    }

    // MARK: - Tables (generated with Ruby 3.1)

    static let directives: [(String, String, String, String)] = [
        ("%a", "Tue", "Tue", "Sun"),
        ("%A", "Tuesday", "Tuesday", "Sunday"),
        ("%b", "Mar", "Mar", "Jan"),
        ("%B", "March", "March", "January"),
        ("%c", "Tue Mar  5 14:07:09 2024", "Tue Mar  5 19:37:09 2024", "Sun Jan  3 00:00:00 2021"),
        ("%C", "20", "20", "20"),
        ("%d", "05", "05", "03"),
        ("%D", "03/05/24", "03/05/24", "01/03/21"),
        ("%e", " 5", " 5", " 3"),
        ("%F", "2024-03-05", "2024-03-05", "2021-01-03"),
        ("%g", "24", "24", "20"),
        ("%G", "2024", "2024", "2020"),
        ("%h", "Mar", "Mar", "Jan"),
        ("%H", "14", "19", "00"),
        ("%I", "02", "07", "12"),
        ("%j", "065", "065", "003"),
        ("%k", "14", "19", " 0"),
        ("%l", " 2", " 7", "12"),
        ("%L", "123", "123", "500"),
        ("%m", "03", "03", "01"),
        ("%M", "07", "37", "00"),
        ("%n", "\n", "\n", "\n"),
        ("%N", "123456789", "123456789", "500000000"),
        ("%3N", "123", "123", "500"),
        ("%6N", "123456", "123456", "500000"),
        ("%12N", "123456789000", "123456789000", "500000000000"),
        ("%p", "PM", "PM", "AM"),
        ("%P", "pm", "pm", "am"),
        ("%r", "02:07:09 PM", "07:37:09 PM", "12:00:00 AM"),
        ("%R", "14:07", "19:37", "00:00"),
        ("%s", "1709647629", "1709647629", "1609633800"),
        ("%S", "09", "09", "00"),
        ("%t", "\t", "\t", "\t"),
        ("%T", "14:07:09", "19:37:09", "00:00:00"),
        ("%u", "2", "2", "7"),
        ("%U", "09", "09", "01"),
        ("%V", "10", "10", "53"),
        ("%w", "2", "2", "0"),
        ("%W", "10", "10", "00"),
        ("%x", "03/05/24", "03/05/24", "01/03/21"),
        ("%X", "14:07:09", "19:37:09", "00:00:00"),
        ("%y", "24", "24", "21"),
        ("%Y", "2024", "2024", "2021"),
        ("%z", "+0000", "+0530", "-0030"),
        ("%:z", "+00:00", "+05:30", "-00:30"),
        ("%::z", "+00:00:00", "+05:30:00", "-00:30:00"),
        ("%:::z", "+00", "+05:30", "-00:30"),
        ("%Z", "UTC", "", ""),
        ("%%", "%", "%", "%"),
        ("%+", "%+", "%+", "%+"),
        ("%v", " 5-MAR-2024", " 5-MAR-2024", " 3-JAN-2021"),
        ("%Q", "%Q", "%Q", "%Q"),
        ("%Ey", "24", "24", "21"),
        ("%Oy", "24", "24", "21"),
        ("%E", "%E", "%E", "%E"),
        ("%:", "%:", "%:", "%:"),
    ]
    static let flagged: [(String, String, String)] = [
        ("%-d", "5", "5"),
        ("%-m", "3", "3"),
        ("%-H", "14", "19"),
        ("%-I", "2", "7"),
        ("%-l", "2", "7"),
        ("%-e", "5", "5"),
        ("%-j", "65", "65"),
        ("%-y", "24", "24"),
        ("%_d", " 5", " 5"),
        ("%_m", " 3", " 3"),
        ("%_H", "14", "19"),
        ("%_j", " 65", " 65"),
        ("%0e", "05", "05"),
        ("%0k", "14", "19"),
        ("%05d", "00005", "00005"),
        ("%010A", "000Tuesday", "000Tuesday"),
        ("%-10A", "Tuesday", "Tuesday"),
        ("%10A", "   Tuesday", "   Tuesday"),
        ("%^a", "TUE", "TUE"),
        ("%^A", "TUESDAY", "TUESDAY"),
        ("%#a", "TUE", "TUE"),
        ("%#A", "TUESDAY", "TUESDAY"),
        ("%^b", "MAR", "MAR"),
        ("%#B", "MARCH", "MARCH"),
        ("%^B", "MARCH", "MARCH"),
        ("%^p", "PM", "PM"),
        ("%#p", "pm", "pm"),
        ("%^P", "PM", "PM"),
        ("%#P", "PM", "PM"),
        ("%p", "PM", "PM"),
        ("%P", "pm", "pm"),
        ("%^Z", "UTC", ""),
        ("%#Z", "utc", ""),
        ("%10Z", "       UTC", ""),
        ("%-10Z", "UTC", ""),
        ("%_10Z", "       UTC", ""),
        ("%-z", "-0000", "+0530"),
        ("%_z", " +000", " +530"),
        ("%-_z", " -000", " +530"),
        ("%_-z", "-0000", "+0530"),
        ("%10z", "+000000000", "+000000530"),
        ("%_10z", "      +000", "      +530"),
        ("%-6z", "-00000", "+00530"),
        ("%10:z", "+000000:00", "+000005:30"),
        ("%_10::z", "  +0:00:00", "  +5:30:00"),
        ("%-:z", "-00:00", "+05:30"),
        ("%-30c", "      Tue Mar  5 14:07:09 2024", "      Tue Mar  5 19:37:09 2024"),
        ("%^c", "TUE MAR  5 14:07:09 2024", "TUE MAR  5 19:37:09 2024"),
        ("%#c", "Tue Mar  5 14:07:09 2024", "Tue Mar  5 19:37:09 2024"),
        ("%_12x", "    03/05/24", "    03/05/24"),
        ("%-12x", "    03/05/24", "    03/05/24"),
        ("%^10v", " 5-MAR-2024", " 5-MAR-2024"),
        ("%10%", "         %", "         %"),
        ("%5n", "    \n", "    \n"),
        ("%05%", "0000%", "0000%"),
        ("%5_d", "%5_d", "%5_d"),
        ("%10-d", "%10-d", "%10-d"),
        ("%3_d", "%3_d", "%3_d"),
        ("%::::z", "%::::z", "%::::z"),
        ("%Oz", "%Oz", "%Oz"),
        ("%Ez", "%Ez", "%Ez"),
        ("%1000000000000000000000d", "%1000000000000000000000d", "%1000000000000000000000d"),
        ("%-N", "123456789", "123456789"),
        ("%_5N", "12345", "12345"),
        ("%5L", "12345", "12345"),
        ("%12s", "001709647629", "001709647629"),
        ("%_12s", "  1709647629", "  1709647629"),
        ("%-s", "1709647629", "1709647629"),
        ("%10C", "0000000020", "0000000020"),
        ("%_Y", "2024", "2024"),
        ("%-Y", "2024", "2024"),
        ("%+", "%+", "%+"),
        ("%^#a", "TUE", "TUE"),
        ("%#^a", "TUE", "TUE"),
        ("%0-5d", "5", "5"),
        ("%-05d", "5", "5"),
    ]
    static let farYears: [(Int, String, String)] = [
        (-62324985600, "%Y|%C|%y|%G|%g|%V|%j|%a|%5Y|%-Y|%_Y|%10C|%s|%F", "-0005|-1|95|-0006|94|52|001|Sun|-0005|-5|   -5|-000000001|-62324985600|-0005-01-01"),
        (327416976550, "%Y|%C|%y|%G|%g|%V|%j|%a|%5Y|%-Y|%_Y|%10C|%s|%F", "12345|123|45|12345|45|23|158|Thu|12345|12345|12345|0000000123|327416976550|12345-06-07"),
        (-126032976000, "%Y|%C|%y|%G|%g|%V|%j|%a|%5Y|%-Y|%_Y|%10C|%s|%F", "-2024|-21|76|-2024|76|10|065|Fri|-2024|-2024|-2024|-000000021|-126032976000|-2024-03-05"),
        (-62135596800, "%Y|%C|%y|%G|%g|%V|%j|%a|%5Y|%-Y|%_Y|%10C|%s|%F", "0001|00|01|0001|01|01|001|Mon|00001|1|   1|0000000000|-62135596800|0001-01-01"),
        (-1, "%Y|%C|%y|%G|%g|%V|%j|%a|%5Y|%-Y|%_Y|%10C|%s|%F", "1969|19|69|1970|70|01|365|Wed|01969|1969|1969|0000000019|-1|1969-12-31"),
    ]
    static let weeks: [(Int, String)] = [
        (1609459200, "53 2020 20 00 00 001 5 5"),
        (1609372800, "53 2020 20 52 52 366 4 4"),
        (1798934400, "53 2026 26 01 00 003 7 0"),
        (1735516800, "01 2025 25 52 53 365 1 1"),
        (1767225600, "01 2026 26 00 00 001 4 4"),
        (1451520000, "53 2015 15 52 52 365 4 4"),
        (1451779200, "53 2015 15 01 00 003 7 0"),
        (1546214400, "01 2019 19 52 53 365 1 1"),
        (1262476800, "53 2009 09 01 00 003 7 0"),
    ]

    static let formsUTC: [(String, Expect?)] = [
        ("2024-03-05", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("2024-03-05T14:07:09Z", Expect(1709647629, 0, 0, "UTC", true)),  // 2024-03-05 14:07:09.000000000 +0000
        ("2024-03-05 14:07:09 +0100", Expect(1709644029, 0, 3600, nil, false)),  // 2024-03-05 14:07:09.000000000 +0100
        ("2024-03-05T14:07:09.123456+05:30", Expect(1709627829, 123456000, 19800, nil, false)),  // 2024-03-05 14:07:09.123456000 +0530
        ("2024-03-05T14:07:09.5-00:30", Expect(1709649429, 500000000, -1800, nil, false)),  // 2024-03-05 14:07:09.500000000 -0030
        ("2024-03-05T14:07:09,25Z", Expect(1709647629, 250000000, 0, "UTC", true)),  // 2024-03-05 14:07:09.250000000 +0000
        ("Tue, 05 Mar 2024 14:07:09 +0000", Expect(1709647629, 0, 0, "UTC", false)),  // 2024-03-05 14:07:09.000000000 +0000
        ("Tue, 05 Mar 2024 14:07:09 GMT", Expect(1709647629, 0, 0, "UTC", false)),  // 2024-03-05 14:07:09.000000000 +0000
        ("Tue, 05 Mar 2024 14:07:09 -0000", Expect(1709647629, 0, 0, "UTC", true)),  // 2024-03-05 14:07:09.000000000 +0000
        ("March 5, 2024", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("5 March 2024", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("Mar 5 2024 14:07", Expect(1709647620, 0, 0, "UTC", false)),  // 2024-03-05 14:07:00.000000000 +0000
        ("2024/03/05", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("3pm", Expect(1783522800, 0, 0, "UTC", false)),  // 2026-07-08 15:00:00.000000000 +0000
        ("10:30 p.m.", Expect(1783549800, 0, 0, "UTC", false)),  // 2026-07-08 22:30:00.000000000 +0000
        ("12:00 am", Expect(1783468800, 0, 0, "UTC", false)),  // 2026-07-08 00:00:00.000000000 +0000
        ("12:15 PM", Expect(1783512900, 0, 0, "UTC", false)),  // 2026-07-08 12:15:00.000000000 +0000
        ("March 5, 2024 3:04 PM", Expect(1709651040, 0, 0, "UTC", false)),  // 2024-03-05 15:04:00.000000000 +0000
        ("5th of March 2024 at 3pm", Expect(1709305200, 0, 0, "UTC", false)),  // 2024-03-01 15:00:00.000000000 +0000
        ("05.03.2024", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("20240305", Expect(20240305, 0, 0, "UTC", false)),  // 1970-08-23 06:18:25.000000000 +0000
        ("20240305T140709Z", Expect(1709647629, 0, 0, "UTC", true)),  // 2024-03-05 14:07:09.000000000 +0000
        ("2024-065", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("2024-w10-2", nil),
        ("H31.04.30", Expect(1556582400, 0, 0, "UTC", false)),  // 2019-04-30 00:00:00.000000000 +0000
        ("5th", Expect(1783209600, 0, 0, "UTC", false)),  // 2026-07-05 00:00:00.000000000 +0000
        ("march", Expect(1772323200, 0, 0, "UTC", false)),  // 2026-03-01 00:00:00.000000000 +0000
        ("14", Expect(14, 0, 0, "UTC", false)),  // 1970-01-01 00:00:14.000000000 +0000
        ("14:07", Expect(1783519620, 0, 0, "UTC", false)),  // 2026-07-08 14:07:00.000000000 +0000
        ("1.5", nil),
        ("-1152098955", nil),
        ("tomorrow", nil),
        ("garbage", nil),
        ("2024-02-30", Expect(1709251200, 0, 0, "UTC", false)),  // 2024-03-01 00:00:00.000000000 +0000
        ("2023-02-29", Expect(1677628800, 0, 0, "UTC", false)),  // 2023-03-01 00:00:00.000000000 +0000
        ("2024-04-31", Expect(1714521600, 0, 0, "UTC", false)),  // 2024-05-01 00:00:00.000000000 +0000
        ("2024-13-01", nil),
        ("2024-03-05 24:00", Expect(1709683200, 0, 0, "UTC", false)),  // 2024-03-06 00:00:00.000000000 +0000
        ("2024-03-05 24:01", nil),
        ("2024-03-05 23:59:60", Expect(1709683200, 0, 0, "UTC", false)),  // 2024-03-06 00:00:00.000000000 +0000
        ("2024-03-05 14:07 EST", Expect(1709665620, 0, -18000, nil, false)),  // 2024-03-05 14:07:00.000000000 -0500
        ("2024-03-05 14:07 pdt", Expect(1709672820, 0, -25200, nil, false)),  // 2024-03-05 14:07:00.000000000 -0700
        ("2024-03-05 14:07 cet", Expect(1709647620, 0, 0, "UTC", false)),  // 2024-03-05 14:07:00.000000000 +0000
        ("2024-03-05 14:07 UT", Expect(1709647620, 0, 0, "UTC", true)),  // 2024-03-05 14:07:00.000000000 +0000
        ("2024-03-05 14:07 -00:00", Expect(1709647620, 0, 0, "UTC", true)),  // 2024-03-05 14:07:00.000000000 +0000
        ("2024-03-05 14:07 +09", Expect(1709615220, 0, 32400, nil, false)),  // 2024-03-05 14:07:00.000000000 +0900
        ("2024-03-05 14:07 -88", nil),
        ("'99", Expect(915148800, 0, 0, "UTC", false)),  // 1999-01-01 00:00:00.000000000 +0000
        ("99-12-31", Expect(946598400, 0, 0, "UTC", false)),  // 1999-12-31 00:00:00.000000000 +0000
        ("68-01-01", Expect(3092601600, 0, 0, "UTC", false)),  // 2068-01-01 00:00:00.000000000 +0000
        ("12/25/2024", nil),
        ("5 mar 10 bc", Expect(-62445772800, 0, 0, "UTC", false)),  // -0009-03-05 00:00:00.000000000 +0000
        ("Sat Aug 28 02:55:50 +09:00 1999", Expect(935776550, 0, 32400, nil, false)),  // 1999-08-28 02:55:50.000000000 +0900
        ("Fri Mar  5 00:00:00 2024", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("1 Jan 2000 00:30 +0100", Expect(946683000, 0, 3600, nil, false)),  // 2000-01-01 00:30:00.000000000 +0100
        ("2024-00-31 23:00 -0500", Expect(1704081600, 0, -18000, nil, false)),  // 2023-12-31 23:00:00.000000000 -0500
        ("2024-03-05 10:00 [-5:EST]", Expect(1709632800, 0, 0, "UTC", false)),  // 2024-03-05 10:00:00.000000000 +0000
        ("now", Expect(1783501811, 250000000, 0, "UTC", false)),  // 2026-07-08 09:10:11.250000000 +0000
        ("Today", Expect(1783501811, 250000000, 0, "UTC", false)),  // 2026-07-08 09:10:11.250000000 +0000
        ("NOW", Expect(1783501811, 250000000, 0, "UTC", false)),  // 2026-07-08 09:10:11.250000000 +0000
        ("1152098955", Expect(1152098955, 0, 0, "UTC", false)),  // 2006-07-05 11:29:15.000000000 +0000
        ("0001709647629", Expect(1709647629, 0, 0, "UTC", false)),  // 2024-03-05 14:07:09.000000000 +0000
        (" 1709647629", nil),
        ("99999999999999999999", nil),  // Ruby: year 3168873852651; past Int64 we give up
        ("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", nil),
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx2024-03-05", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
        ("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx2024-03-055", nil),
        ("ÉTÉ 5 MARS 2024", Expect(1709596800, 0, 0, "UTC", false)),  // 2024-03-05 00:00:00.000000000 +0000
    ]
    static let formsNewYork: [(String, Expect?)] = [
        ("March 5, 2024", Expect(1709614800, 0, -18000, "EST", false)),  // 2024-03-05 00:00:00.000000000 -0500
        ("2024-07-05 14:07", Expect(1720202820, 0, -14400, "EDT", false)),  // 2024-07-05 14:07:00.000000000 -0400
        ("2024-11-03 01:30", Expect(1730615400, 0, -18000, "EST", false)),  // 2024-11-03 01:30:00.000000000 -0500
        ("2024-03-10 02:30", Expect(1710055800, 0, -14400, "EDT", false)),  // 2024-03-10 03:30:00.000000000 -0400
        ("2024-03-10 03:30", Expect(1710055800, 0, -14400, "EDT", false)),  // 2024-03-10 03:30:00.000000000 -0400
        ("2024-03-05 14:07 est", Expect(1709665620, 0, -18000, "EST", false)),  // 2024-03-05 14:07:00.000000000 -0500
        ("2024-03-05 14:07 edt", Expect(1709662020, 0, -14400, nil, false)),  // 2024-03-05 14:07:00.000000000 -0400
        ("2024-07-05 14:07 edt", Expect(1720202820, 0, -14400, "EDT", false)),  // 2024-07-05 14:07:00.000000000 -0400
        ("2024-07-05 14:07 -0400", Expect(1720202820, 0, -14400, "EDT", false)),  // 2024-07-05 14:07:00.000000000 -0400
        ("2024-07-05 14:07 -0500", Expect(1720206420, 0, -18000, nil, false)),  // 2024-07-05 14:07:00.000000000 -0500
        ("2024-03-05 14:07 gmt", Expect(1709647620, 0, 0, nil, false)),  // 2024-03-05 14:07:00.000000000 +0000
        ("2024-03-05 14:07 utc", Expect(1709647620, 0, 0, "UTC", true)),  // 2024-03-05 14:07:00.000000000 +0000
        ("3pm", Expect(1783537200, 0, -14400, "EDT", false)),  // 2026-07-08 15:00:00.000000000 -0400
        ("1709647629", Expect(1709647629, 0, -18000, "EST", false)),  // 2024-03-05 09:07:09.000000000 -0500
    ]
}

/// The direct reading of plain `YYYY-MM-DD[ HH:MM[:SS]]` strings agrees with Ruby's full
/// scanner sequence, including out-of-range numbers.
@Suite struct PlainISODateTests {
    @Test func agreesWithTheFullParser() {
        var inputs: [String] = []
        for date in ["2005-04-04", "1999-12-31", "2024-02-29", "2023-02-29", "0000-01-01", "9999-13-40", "2024-00-00"] {
            inputs.append(date)
            for time in ["12:00", "00:00", "23:59:59", "24:00", "99:99:99", "07:05:09"] {
                inputs.append(date + " " + time)
                inputs.append(date + "t" + time)
            }
        }
        var checked = 0
        for input in inputs {
            let bytes = Array(input.utf8)
            guard let plain = RubyDateParser.plainISO(bytes) else {
                Issue.record("not read as plain: \(input)")
                continue
            }
            #expect(plain == RubyDateParser.parseFully(bytes), "\(input)")
            checked += 1
        }
        #expect(checked == inputs.count)
        for other in ["2005-04-04 12", "2005-4-04", "2005-04-04 12:00 +0100", "2005-04-04x12:00", "20050404"] {
            #expect(RubyDateParser.plainISO(Array(other.utf8)) == nil, "\(other)")
        }
    }
}
