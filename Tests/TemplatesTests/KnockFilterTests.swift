import Liquid
import Testing
@testable import Templates

/// Knock's helper filters (knock-spec §1): every documented example with its documented output,
/// the choices made where Knock is silent, and the hash functions' standard test vectors.
@Suite("Knock filters")
struct KnockFilterTests {
    static let entities = """
        {
          "users": [{"id": "chris", "name": "Chris", "email": "chris@example.com"},
                    {"id": "dana", "name": "Dana"}],
          "objects": [{"id": "proj_1", "collection": "projects", "name": "Website"},
                      {"id": "proj_2", "collection": "projects", "name": "App"},
                      {"id": "proj_1", "collection": "repos", "name": "Not a project"}],
          "tenants": [{"id": "acme", "name": "Acme Corp"}],
          "subscriptions": [
            {"recipient": "chris", "object": {"id": "proj_1", "collection": "projects"}, "properties": {"role": "owner"}},
            {"recipient": {"id": "chris"}, "object": {"id": "proj_9", "collection": "projects", "name": "Unstored"}}
          ]
        }
        """

    static func environment(dataSource: (any KnockDataSource)? = nil) -> Environment {
        var env = Environment()
        env.renderErrors = .raise
        for filter in KnockFilters.all(dataSource: dataSource) { env.register(filter) }
        return env
    }

    static let plain = environment()

    /// Render `source` with Knock's filters and `locals`; "now" is frozen at 2023-12-31T14:30:45Z.
    func render(_ source: String, _ locals: [String: Value] = [:], env: Environment = KnockFilterTests.plain,
                session: RenderSession = RenderSession(now: 1_704_033_045)) throws -> String
    {
        try env.parse(source).render(locals: locals, session: session)
    }

    /// The message of the error rendering `source` raises, or nil when it renders.
    func error(_ source: String, _ locals: [String: Value] = [:]) -> String? {
        do {
            _ = try render(source, locals)
            return nil
        } catch let error as LiquidError {
            return error.message
        } catch {
            return "\(error)"
        }
    }

    // MARK: - Dates (§1.1)

    @Test func timezoneDocumentedExample() throws {
        // Knock's example output is 19:30 in New York, so its `timestamp` was 00:30 UTC on 1 January.
        #expect(try render(#"{{ timestamp | timezone: "America/New_York"}}"#, ["timestamp": "2024-01-01T00:30:00Z"])
            == "2023-12-31T19:30:00-05:00")
    }

    @Test func timezoneConvertsAndNormalises() throws {
        #expect(try render(#"{{ t | timezone: "America/New_York" }}"#, ["t": "2023-07-01T12:00:00.123Z"]) == "2023-07-01T08:00:00-04:00")
        #expect(try render(#"{{ t | timezone: "Asia/Kolkata" }}"#, ["t": "2023-12-31T14:30:45+01:00"]) == "2023-12-31T19:00:45+05:30")
        #expect(try render(#"{{ t | timezone: "UTC" }}"#, ["t": "2023-12-31T09:30:45-05:00"]) == "2023-12-31T14:30:45+00:00")
        #expect(try render(#"{{ t | timezone: "Europe/London" }}"#, ["t": 1_704_033_045]) == "2023-12-31T14:30:45+00:00")
        // A string without an offset is UTC; "now" is the session's frozen clock.
        #expect(try render(#"{{ "2023-12-31 14:30:45" | timezone: "Europe/Paris" }}"#) == "2023-12-31T15:30:45+01:00")
        #expect(try render(#"{{ "now" | timezone: "Asia/Tokyo" }}"#) == "2023-12-31T23:30:45+09:00")
        // No zone: no conversion, only the ISO form.
        #expect(try render(#"{{ t | timezone: nil }}"#, ["t": "2023-12-31T14:30:45-05:00"]) == "2023-12-31T14:30:45-05:00")
    }

    @Test func timezoneEdgeCases() throws {
        #expect(try render(#"[{{ missing | timezone: "America/New_York" }}]"#) == "[]")
        #expect(try render(#"{{ "soon" | timezone: "America/New_York" }}"#) == "soon")
        #expect(error(#"{{ "2023-12-31T14:30:45Z" | timezone: "Mars/Olympus_Mons" }}"#)
            == #"timezone: unknown time zone 'Mars/Olympus_Mons' (expected an IANA name such as "America/New_York")"#)
        #expect(error(#"{{ "2023-12-31T14:30:45Z" | timezone: "../../etc/passwd" }}"#) != nil)
        #expect(error(#"{{ "2023-12-31T14:30:45Z" | timezone }}"#) != nil)  // the zone is required
    }

    @Test func dateWithZoneDocumentedExample() throws {
        #expect(try render(#"{{ startDate | date: "%-I:%M %p %Z" , "America/New_York" }}"#, ["startDate": "2023-12-31T19:30:00Z"])
            == "2:30 PM EST")
    }

    @Test func dateWithZone() throws {
        #expect(try render(#"{{ d | date: "%Y-%m-%d %H:%M %Z %z", "America/New_York" }}"#, ["d": "2023-07-04T16:00:00Z"])
            == "2023-07-04 12:00 EDT -0400")
        #expect(try render(#"{{ d | date: "%A %-d %B %H:%M %Z", "Europe/Berlin" }}"#, ["d": 1_704_033_045])
            == "Sunday 31 December 15:30 CET")
        // A string without an offset is UTC when a zone is given.
        #expect(try render(#"{{ "2023-12-31 14:30" | date: "%H:%M", "Asia/Tokyo" }}"#) == "23:30")
        #expect(try render(#"{{ "now" | date: "%H:%M %Z", "America/Los_Angeles" }}"#) == "06:30 PST")
        #expect(try render(#"{{ "not a date" | date: "%H:%M", "Asia/Tokyo" }}"#) == "not a date")
        #expect(try render(#"{{ d | date: "", "Asia/Tokyo" }}"#, ["d": "2023-12-31T14:30:45Z"]) == "2023-12-31T14:30:45Z")
        #expect(error(#"{{ "now" | date: "%H", "Nowhere/City" }}"#)?.hasPrefix("date: unknown time zone 'Nowhere/City'") == true)
        #expect(error(#"{{ "now" | date: "%H %", "Asia/Tokyo" }}"#) == "invalid format: %H %")  // as Liquid's date
    }

    @Test func dateWithoutZoneIsLiquidsDate() throws {
        var standard = Environment()
        standard.renderErrors = .raise
        // (with Knock's filters, with Liquid's, input)
        let cases: [(String, String, Value)] = [
            (#"{{ d | date: "%Y-%m-%d %H:%M:%S %z" }}"#, #"{{ d | date: "%Y-%m-%d %H:%M:%S %z" }}"#, "2023-12-31T14:30:45-05:00"),
            (#"{{ d | date: "%b %-d, %Y" }}"#, #"{{ d | date: "%b %-d, %Y" }}"#, "March 14, 2016"),
            (#"{{ d | date: "%s" }}"#, #"{{ d | date: "%s" }}"#, 1_704_033_045),
            (#"{{ d | date: "%Y" }}"#, #"{{ d | date: "%Y" }}"#, "not a date"),
            (#"{{ d | date: "" }}"#, #"{{ d | date: "" }}"#, "2023-12-31"),
            (#"{{ d | date: "%H:%M" }}"#, #"{{ d | date: "%H:%M" }}"#, .nil),
            (#"{{ "now" | date: "%Y-%m-%d %H:%M" }}"#, #"{{ "now" | date: "%Y-%m-%d %H:%M" }}"#, .nil),
            (#"{{ d | date: "%Y %H:%M %Z", nil }}"#, #"{{ d | date: "%Y %H:%M %Z" }}"#, "2023-12-31 14:30:45"),
            (#"{{ d | date: "%Y %H:%M %Z", "" }}"#, #"{{ d | date: "%Y %H:%M %Z" }}"#, "2023-12-31 14:30:45"),
        ]
        for (knock, liquid, value) in cases {
            let expected = try standard.parse(liquid).render(locals: ["d": value], session: RenderSession(now: 1_704_033_045))
            #expect(try render(knock, ["d": value]) == expected, "\(knock)")
        }
        #expect(error(#"{{ "now" | date: "%H", "UTC", "extra" }}"#) == "wrong number of arguments (given 4, expected 2..3)")
    }

    /// Knock's date format table, for 2023-12-31.
    static let dateTable: [(style: String, enUS: String, enGB: String)] = [
        ("short", "12/31/23", "31/12/2023"),
        ("medium", "Dec 31, 2023", "31 Dec 2023"),
        ("long", "December 31, 2023", "31 December 2023"),
        ("full", "Sunday, December 31, 2023", "Sunday, 31 December 2023"),
    ]

    /// Knock's time format table, for 14:30:45: the en-US column in New York, the en-GB column in
    /// London (or UTC, which ICU names GMT too).
    static let timeTable: [(style: String, enUS: String, enGB: String)] = [
        ("short", "2:30 PM", "14:30"),
        ("medium", "2:30:45 PM", "14:30:45"),
        ("long", "2:30:45 PM EST", "14:30:45 GMT"),
        ("full", "2:30:45 PM Eastern Standard Time", "14:30:45 Greenwich Mean Time"),
    ]

    @Test func formatDateDocumentedExample() throws {
        #expect(try render(#"{{ timestamp | format_date_in_locale: "en-GB", "long" }}"#, ["timestamp": "2023-12-31T14:30:45Z"])
            == "31 December 2023")
    }

    @Test func formatDateTable() throws {
        for row in Self.dateTable {
            let locals: [String: Value] = ["t": "2023-12-31T14:30:45Z", "style": .string(row.style)]
            #expect(try render(#"{{ t | format_date_in_locale: "en-US", style }}"#, locals) == row.enUS)
            #expect(try render(#"{{ t | format_date_in_locale: "en-GB", style }}"#, locals) == row.enGB)
            // The date part of format_datetime_in_locale is the same.
            #expect(try render(#"{{ t | format_datetime_in_locale: "en-US", style, "short" }}"#, locals) == row.enUS + ", 2:30 PM")
            #expect(try render(#"{{ t | format_datetime_in_locale: "en-GB", style, "short" }}"#, locals) == row.enGB + ", 14:30")
        }
        // `short` is the default.
        #expect(try render(#"{{ "2023-12-31T14:30:45Z" | format_date_in_locale: "en-US" }}"#) == "12/31/23")
    }

    @Test func formatDateTimeDocumentedExample() throws {
        #expect(try render(#"{{ timestamp | format_datetime_in_locale: "en-GB", "medium", "short" }}"#, ["timestamp": "2023-12-31T14:30:45Z"])
            == "31 Dec 2023, 14:30")
    }

    @Test func formatTimeTable() throws {
        for row in Self.timeTable {
            let style = Value.string(row.style)
            // en-US: the instant shown in New York, whose names ICU then prints.
            #expect(try render(#"{{ t | format_datetime_in_locale: "en-US", "short", style, "America/New_York" }}"#,
                               ["t": "2023-12-31T19:30:45Z", "style": style]) == "12/31/23, " + row.enUS)
            // en-GB: a UTC input as it is, and the same instant shown in London.
            #expect(try render(#"{{ t | format_datetime_in_locale: "en-GB", "short", style }}"#,
                               ["t": "2023-12-31T14:30:45Z", "style": style]) == "31/12/2023, " + row.enGB)
            #expect(try render(#"{{ t | format_datetime_in_locale: "en-GB", "short", style, "Europe/London" }}"#,
                               ["t": "2023-12-31T14:30:45Z", "style": style]) == "31/12/2023, " + row.enGB)
        }
    }

    @Test func formatInLocaleZones() throws {
        // The input's own offset is the zone shown; a bare offset is named by its offset.
        #expect(try render(#"{{ t | format_datetime_in_locale: "en-US", "medium", "long" }}"#, ["t": "2023-12-31T14:30:45-05:00"])
            == "Dec 31, 2023, 2:30:45 PM GMT-5")
        #expect(try render(#"{{ t | format_datetime_in_locale: "en-US", "medium", "full" }}"#, ["t": "2023-12-31T14:30:45+05:30"])
            == "Dec 31, 2023, 2:30:45 PM GMT+05:30")
        // A zone argument converts: late on the 31st in New York is the 1st in Tokyo.
        #expect(try render(#"{{ t | format_date_in_locale: "en-US", "full", "Asia/Tokyo" }}"#, ["t": "2023-12-31T19:30:45-05:00"])
            == "Monday, January 1, 2024")
        // Unix timestamps and "now" work as for `date`.
        #expect(try render(#"{{ 1704033045 | format_datetime_in_locale: "en-GB", "long", "medium" }}"#) == "31 December 2023, 14:30:45")
        #expect(try render(#"{{ "now" | format_date_in_locale: "en-GB", "medium" }}"#) == "31 Dec 2023")
    }

    @Test func formatInOtherLocales() throws {
        let t: [String: Value] = ["t": "2023-12-31T14:30:45Z"]
        #expect(try render(#"{{ t | format_date_in_locale: "de", "long" }}"#, t) == "31. Dezember 2023")
        #expect(try render(#"{{ t | format_date_in_locale: "fr", "full" }}"#, t) == "dimanche 31 décembre 2023")
        #expect(try render(#"{{ t | format_date_in_locale: "ja", "long" }}"#, t) == "2023年12月31日")
        #expect(try render(#"{{ t | format_date_in_locale: "en_GB", "short" }}"#, t) == "31/12/2023")  // underscore form
        #expect(try render(#"{{ t | format_datetime_in_locale: "de", "long", "short" }}"#, t) == "31. Dezember 2023, 14:30")
        // Every locale Knock documents is accepted.
        let knock = ["af", "ar", "az", "be", "bg", "bn", "bs", "ca", "cs", "cy", "da", "de", "de-DE", "el", "en", "en-US", "en-GB",
                     "eo", "es", "es-419", "et", "eu", "fa", "fi", "fr", "fr-CA", "fr-FR", "gl", "he", "hi", "hr", "hu", "id", "is",
                     "it", "ja", "ja-JP", "ka", "km", "kn", "ko", "lb", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "nb", "ne",
                     "nl", "nn", "no", "or", "pa", "pl", "pl-PL", "pt", "pt-BR", "rm", "ro", "ru", "sk", "sl", "sq", "sr", "sv",
                     "sw", "ta", "te", "th", "tr", "tt", "ug", "uk", "ur", "uz", "vi", "wo", "zh", "zh-CN", "zh-Hans", "zh-Hant"]
        for locale in knock {
            let out = try render(#"{{ t | format_datetime_in_locale: locale, "full", "full" }}|{{ 1234.5 | currency: "EUR", locale }}"#,
                                 ["t": "2023-12-31T14:30:45Z", "locale": .string(locale)])
            #expect(!out.contains("\u{202F}") && !out.contains("\u{00A0}") && out.contains("|"), "\(locale): \(out)")
        }
        // Gregorian years everywhere, in the locale's own digits.
        #expect(try render(#"{{ t | format_date_in_locale: "th", "long" }}"#, t) == "31 ธันวาคม ค.ศ. 2023")  // CLDR's Thai Gregorian: with the era
        #expect(try render(#"{{ t | format_date_in_locale: "fa", "short" }}"#, t).hasPrefix("۲۰۲۳"))
    }

    @Test func formatInLocaleEdgeCases() throws {
        #expect(try render(#"[{{ missing | format_date_in_locale: "en-US" }}]"#) == "[]")
        #expect(try render(#"{{ "someday" | format_datetime_in_locale: "en-US", "short", "short" }}"#) == "someday")
        #expect(try render(#"{{ t | format_date_in_locale: nil, "medium" }}"#, ["t": "2023-12-31T14:30:45Z"]) == "Dec 31, 2023")
        #expect(error(#"{{ "2023-12-31" | format_date_in_locale: "xx-YY" }}"#)
            == #"format_date_in_locale: unknown locale 'xx-YY' (expected a code such as "en", "en-GB" or "pt-BR")"#)
        #expect(error(#"{{ "2023-12-31" | format_date_in_locale: "en US!" }}"#) != nil)
        #expect(error(#"{{ "2023-12-31" | format_date_in_locale: "en", "tiny" }}"#)
            == "format_date_in_locale: unknown date format 'tiny' (expected short, medium, long or full)")
        #expect(error(#"{{ "2023-12-31" | format_datetime_in_locale: "en", "short", "huge" }}"#)
            == "format_datetime_in_locale: unknown time format 'huge' (expected short, medium, long or full)")
        #expect(error(#"{{ "2023-12-31" | format_datetime_in_locale: "en", "short", "short", "Nowhere/City" }}"#)?
            .hasPrefix("format_datetime_in_locale: unknown time zone 'Nowhere/City'") == true)
    }

    // MARK: - Numbers and money (§1.2)

    @Test func numberDocumentedExamples() throws {
        #expect(try render(#"{{ 10000 | format_number: "en" }}"#) == "10,000")
        #expect(try render(#"{{ 10 | currency: "GBP", "en" }}"#) == "£10.00")
        #expect(try render(#"{{ 10.99 | rounded_currency: "GBP", "en" }}"#) == "£11")
    }

    @Test func formatNumber() throws {
        #expect(try render(#"{{ 1234567 | format_number }}"#) == "1,234,567")  // locale "en" by default
        #expect(try render(#"{{ 1234.5678 | format_number: "en" }}"#) == "1,234.568")
        #expect(try render(#"{{ -0.5 | format_number: "en" }}"#) == "-0.5")
        #expect(try render(#"{{ "10000" | format_number: "en-GB" }}"#) == "10,000")
        #expect(try render(#"{{ " 2500.5 " | format_number: "de" }}"#) == "2.500,5")
        #expect(try render(#"{{ 10000 | format_number: "fr" }}"#) == "10 000")  // plain space, not U+202F
        #expect(try render(#"{{ 9223372036854775807 | format_number: "en" }}"#) == "9,223,372,036,854,775,807")
    }

    @Test func currency() throws {
        #expect(try render(#"{{ 10 | currency }}"#) == "$10.00")  // USD by default
        #expect(try render(#"{{ 1234.5 | currency: "USD", "en-US" }}"#) == "$1,234.50")
        #expect(try render(#"{{ -5 | currency: "gbp" }}"#) == "-£5.00")
        #expect(try render(#"{{ 10.005 | currency: "USD" }}"#) == "$10.01")  // half away from zero
        #expect(try render(#"{{ 1234.5 | currency: "EUR", "de" }}"#) == "1.234,50 €")
        #expect(try render(#"{{ 1234.5 | currency: "EUR", "fr" }}"#) == "1 234,50 €")
        #expect(try render(#"{{ 1234.5 | currency: "JPY", "en" }}"#) == "¥1,235")  // the currency's own decimals
        #expect(try render(#"{{ "19.99" | currency: "USD", "en" }}"#) == "$19.99")
        #expect(try render(#"{{ 10 | currency: nil, nil }}"#) == "$10.00")
    }

    @Test func roundedCurrency() throws {
        #expect(try render(#"{{ 10.5 | rounded_currency: "GBP" }}"#) == "£11")
        #expect(try render(#"{{ 10.49 | rounded_currency: "GBP" }}"#) == "£10")
        #expect(try render(#"{{ -10.5 | rounded_currency: "GBP" }}"#) == "-£11")
        #expect(try render(#"{{ 1234567.89 | rounded_currency }}"#) == "$1,234,568")
        #expect(try render(#"{{ 99.5 | rounded_currency: "EUR", "de" }}"#) == "100 €")
    }

    @Test func numberEdgeCases() throws {
        #expect(try render(#"[{{ missing | format_number: "en" }}|{{ missing | currency }}|{{ missing | rounded_currency }}]"#) == "[||]")
        #expect(try render(#"{{ "ten" | currency }}|{{ "0x10" | format_number }}|{{ "nan" | currency }}|{{ true | currency }}"#)
            == "ten|0x10|nan|true")
        #expect(error(#"{{ 10 | currency: "POUNDS" }}"#)
            == #"currency: 'POUNDS' is not a currency code (expected three letters such as "USD" or "EUR")"#)
        #expect(error(#"{{ 10 | rounded_currency: "GBP", "klingon" }}"#)?.hasPrefix("rounded_currency: unknown locale 'klingon'") == true)
        #expect(error(#"{{ 10 | format_number: "zz" }}"#)?.hasPrefix("format_number: unknown locale 'zz'") == true)
    }

    @Test func pluralize() throws {
        #expect(try render(#"{{ total_actors | pluralize: "user", "users" }}"#, ["total_actors": 2]) == "users")
        #expect(try render(#"{{ total_actors | pluralize: "user", "users" }}"#, ["total_actors": 1]) == "user")
        #expect(try render(#"{{ n | pluralize: 'View comment', 'View comments' }}"#, ["n": 1]) == "View comment")
        #expect(try render(#"{{ 0 | pluralize: "user", "users" }}"#) == "users")
        #expect(try render(#"{{ 1.0 | pluralize: "user", "users" }}"#) == "user")
        #expect(try render(#"{{ 1.5 | pluralize: "user", "users" }}"#) == "users")
        #expect(try render(#"{{ "1" | pluralize: "user", "users" }}"#) == "user")
        #expect(try render(#"{{ " 1 " | pluralize: "user", "users" }}"#) == "user")
        #expect(try render(#"{{ "12" | pluralize: "user", "users" }}"#) == "users")
        #expect(try render(#"{{ "one" | pluralize: "user", "users" }}"#) == "users")
        #expect(try render(#"{{ missing | pluralize: "user", "users" }}"#) == "users")
        #expect(error(#"{{ 1 | pluralize: "user" }}"#) == "wrong number of arguments (given 2, expected 3)")
    }

    @Test func compareVersions() throws {
        #expect(try render(#"{{ "1.0.0" | compare_versions: "2.0.0" }}"#) == "-1")
        let cases: [(String, String, Int)] = [
            ("2.0.0", "1.9.9", 1), ("1.2.3", "1.2.3", 0), ("1.10.0", "1.9.0", 1), ("1.2", "1.2.0", 0), ("1", "1.0.1", -1),
            ("v1.2.3", "1.2.3", 0), ("1.0.0-beta", "1.0.0", -1), ("1.0.0", "1.0.0-rc.1", 1),
            ("1.0.0-alpha", "1.0.0-alpha.1", -1), ("1.0.0-alpha.1", "1.0.0-alpha.beta", -1), ("1.0.0-beta.2", "1.0.0-beta.11", -1),
            ("1.0.0-rc.1", "1.0.0-beta.11", 1), ("1.0.0+build.5", "1.0.0+build.7", 0), ("01.002", "1.2", 0),
            ("99999999999999999999999.0", "99999999999999999999998.9", 1), ("", "0.0.0", 0), ("1.x", "1.0", 0),
        ]
        for (a, b, expected) in cases {
            #expect(try render("{{ a | compare_versions: b }}", ["a": .string(a), "b": .string(b)]) == "\(expected)", "\(a) vs \(b)")
            #expect(VersionComparison.compare(b, a) == -expected, "\(b) vs \(a)")
        }
        // Filters are not allowed in `if`; the usual form is an assign.
        #expect(try render(#"{% assign c = app_version | compare_versions: "2.0.0" %}{% if c >= 0 %}new{% else %}old{% endif %}"#,
                           ["app_version": "2.1"]) == "new")
    }

    // MARK: - Strings, data (§1.3)

    @Test func json() throws {
        let recipient: Value = ["id": "user_123", "name": "John Hammond"]
        #expect(try render("{{ recipient | json }}", ["recipient": recipient]) == #"{"id":"user_123","name":"John Hammond"}"#)
        // Whatever goes in, valid JSON comes out, and reads back as the same data.
        let data: Value = ["b": [1, 2.5, true, nil], "a": ["quote": "say \"hi\"\n\\ <b>é</b>"], "empty": [:]]
        let out = try render("{{ data | json }}", ["data": data])
        #expect(out == #"{"b":[1,2.5,true,null],"a":{"quote":"say \"hi\"\n\\ <b>é</b>"},"empty":{}}"#)
        #expect(try JSONParser.parse(out) == data)
        #expect(try render("{{ missing | json }}|{{ 'text' | json }}|{{ 3 | json }}") == #"null|"text"|3"#)
        #expect(try render("{{ (1..3) | json }}") == "[1,2,3]")
    }

    @Test func fromJSON() throws {
        #expect(try render(#"{% assign r = input | from_json %}{{ r.name }} {{ r.tags[1] }} {{ r.tags.size }}"#,
                           ["input": #"{"name": "Ada", "tags": ["a", "b"]}"#]) == "Ada b 2")
        #expect(try render(#"{% assign on = "true" | from_json %}{% if on %}yes{% endif %}"#) == "yes")
        #expect(try render(#"{% assign off = "false" | from_json %}{% if off %}yes{% else %}no{% endif %}"#) == "no")
        // Round trip through json, as partial inputs do.
        #expect(try render(#"{% assign s = data | json %}{% assign d = s | from_json %}{{ d.list | join: "," }}"#,
                           ["data": ["list": [1, 2, 3]]]) == "1,2,3")
        // Structured input passes through.
        #expect(try render(#"{% assign d = data | from_json %}{{ d.k }}"#, ["data": ["k": "v"]]) == "v")
        #expect(try render(#"[{{ missing | from_json }}]"#) == "[]")
    }

    @Test func fromJSONInvalidGivesNilAndAWarning() throws {
        let session = RenderSession()
        let out = try Self.plain.parse(#"{% assign r = input | from_json %}[{{ r }}]{% if r == nil %}nil{% endif %}"#)
            .render(locals: ["input": #"{"name": "#], session: session)
        #expect(out == "[]nil")
        #expect(session.warnings.count == 1)
        #expect(session.warnings.first?.hasPrefix("from_json: invalid JSON") == true)
    }

    @Test func titlecase() throws {
        #expect(try render("{{ project_name | titlecase }}", ["project_name": "my project name"]) == "My Project Name")
        #expect(try render(#"{{ "hELLO  wORLD" | titlecase }}"#) == "Hello  World")
        #expect(try render(#"{{ "élan vital" | titlecase }}"#) == "Élan Vital")
        #expect(try render(#"{{ "already Title" | titlecase }}"#) == "Already Title")
        #expect(try render(#"[{{ missing | titlecase }}]"#) == "[]")
    }

    @Test func intersect() throws {
        let locals: [String: Value] = ["arr1": ["Acme Corp", "Globex", "InGen", "Acme Corp"], "arr2": ["InGen", "Initech", "Acme Corp"]]
        #expect(try render("{{ arr1 | intersect: arr2 | json }}", locals) == #"["Acme Corp","InGen"]"#)
        #expect(try render("{{ arr1 | intersect: arr2 | join: ', ' }}", locals) == "Acme Corp, InGen")
        #expect(try render("{{ a | intersect: b | json }}", ["a": [1, 2.0, "3", ["x": 1], ["x": 1]], "b": [1.0, 2.0, 3, ["x": 1]]])
            == #"[2.0,{"x":1}]"#)
        #expect(try render("{{ a | intersect: missing | json }}", ["a": [1, 2]]) == "[]")
        #expect(try render("{{ 'x' | intersect: a | json }}", ["a": ["x", "y"]]) == #"["x"]"#)
    }

    @Test func equals() throws {
        #expect(try render(#"{{ recipient.plan | equals: "premium" }}"#, ["recipient": ["plan": "premium"]]) == "true")
        #expect(try render(#"{{ recipient.plan | equals: "premium" }}"#, ["recipient": ["plan": "free"]]) == "false")
        #expect(try render(#"{{ 1 | equals: 1.0 }}|{{ 1 | equals: "1" }}|{{ missing | equals: nil }}"#) == "true|false|true")
        #expect(try render(#"{% assign premium = plan | equals: "premium" %}{% if premium %}★{% endif %}"#, ["plan": "premium"]) == "★")
    }

    @Test func fromMarkdown() throws {
        #expect(try render("{{ data.comment_body | from_markdown }}", ["data": ["comment_body": "# Hello"]]) == "<h1>Hello</h1>")
        #expect(try render(#"{{ "Some **bold** and ~~gone~~" | from_markdown }}"#) == "<p>Some <strong>bold</strong> and <del>gone</del></p>")
        #expect(try render(#"[{{ missing | from_markdown }}]"#) == "[]")
    }

    // MARK: - Hashing (§1.3)

    @Test func md5RFC1321Suite() {
        let suite: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            (String(repeating: "1234567890", count: 8), "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (message, digest) in suite {
            #expect(HashingFilters.lowercaseHex(MD5.digest(message.utf8)) == digest, "md5(\"\(message)\")")
        }
    }

    @Test func sha256FIPS180Vectors() {
        #expect(HashingFilters.lowercaseHex(SHA256.digest("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(HashingFilters.lowercaseHex(SHA256.digest("".utf8)) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(HashingFilters.lowercaseHex(SHA256.digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
            == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// Lengths around the padding boundaries (55, 56, 64 bytes ...), against Python's hashlib.
    @Test func digestsAtBlockBoundaries() {
        let expected: [(Int, String, String)] = [
            (55, "04364420e25c512fd958a70738aa8f72", "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
            (56, "668a72d5ba17f08e62dabcafad6db14b", "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
            (63, "7dc2ca208106a2f703567bdff99d8981", "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
            (64, "c1bb4f81d892b2d57947682aeb252456", "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
            (65, "1bc932052302d074bdec39795fe00cf6", "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
            (119, "ab347a5f68c8a443cfcddc633f12c24f", "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
            (120, "fb98667f98096de92620b64f46e1c5b5", "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
            (1000, "398533d48111e9f664b1f64cb10c4b63", "44f8354494a5ba03ba1792a8d3e9c534c47a9181980fde7a3f44b06ef2ae7c7f"),
        ]
        for (length, md5, sha256) in expected {
            let message = String(repeating: "x", count: length)
            #expect(HashingFilters.lowercaseHex(MD5.digest(message.utf8)) == md5, "md5 of \(length) bytes")
            #expect(HashingFilters.lowercaseHex(SHA256.digest(message.utf8)) == sha256, "sha256 of \(length) bytes")
        }
    }

    @Test func hmacSHA256RFC4231() {
        let long = [UInt8](repeating: 0xaa, count: 131)
        let cases: [(key: [UInt8], data: [UInt8], mac: String)] = [
            ([UInt8](repeating: 0x0b, count: 20), Array("Hi There".utf8),
             "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"),
            (Array("Jefe".utf8), Array("what do ya want for nothing?".utf8),
             "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"),
            ([UInt8](repeating: 0xaa, count: 20), [UInt8](repeating: 0xdd, count: 50),
             "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"),
            (Array(1...25), [UInt8](repeating: 0xcd, count: 50),
             "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b"),
            (long, Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8),
             "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"),
            (long, Array(("This is a test using a larger than block-size key and a larger than block-size data. "
                    + "The key needs to be hashed before being used by the HMAC algorithm.").utf8),
             "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"),
        ]
        for (i, c) in cases.enumerated() {
            #expect(HashingFilters.lowercaseHex(SHA256.hmac(key: c.key, message: c.data)) == c.mac, "RFC 4231 case \(i < 4 ? i + 1 : i + 2)")
        }
    }

    @Test func hashingFilters() throws {
        let locals: [String: Value] = ["recipient": ["id": "user_123"]]
        #expect(try render("{{ recipient.id | md5 }}", locals) == "7e7630b5947f69e5041aa3f3ff1a9848")
        #expect(try render("{{ recipient.id | sha256 }}", locals) == "80fba0ae1c48e3978e43e4efc365e14e12ea0c830ba8ba5b9a2dafc7e3f2ab8b")
        #expect(try render(#"{{ recipient.id | hmac_sha256: "some-key" }}"#, locals)
            == "21bf29c2949725dee520689c8130c10dbb711d20838671648507b1df78159c3f")
        // UTF-8 bytes of the string form; numbers hash as their digits.
        #expect(try render(#"{{ "héllo ✓" | md5 }}"#) == "21b1ae5bc147bb564254200a4731e337")
        #expect(try render(#"{{ "héllo ✓" | sha256 }}"#) == "5657cdef8a85a584e0e961e6f8247cf5d3f8ed21496ed6fdbcfd43a761e94245")
        #expect(try render(#"{{ 12 | hmac_sha256: "some-key" }}"#) == "6b7deac4fc6ddb832be21fb5880c166fc74fefd9c466e66a568b7914510d4bef")
        // nil has nothing to hash; a nil key is a mistake.
        #expect(try render("[{{ missing | md5 }}{{ missing | sha256 }}{{ missing | hmac_sha256: 'k' }}]") == "[]")
        #expect(error(#"{{ "x" | hmac_sha256: secret }}"#) == "hmac_sha256: the key is nil (is the variable holding it defined?)")
    }

    // MARK: - Side-loading (§1.4)

    @Test func sideLoadingDocumentedExamples() throws {
        let env = Self.environment(dataSource: try InMemoryDataSource(json: Self.entities))
        #expect(try render(#"{% assign u = "chris" | user %}{{ u.name }} <{{ u.email }}>"#, env: env) == "Chris <chris@example.com>")
        #expect(try render(#"{% assign u = data.other_user_id | user %}{{ u.name }}"#, ["data": ["other_user_id": "dana"]], env: env) == "Dana")
        #expect(try render(#"{% assign project = "proj_1" | object: "projects" %}{{ project.name }}"#, env: env) == "Website")
        #expect(try render(#"{% assign project = data.project_id | object: "projects" %}{{ project.name }}"#,
                           ["data": ["project_id": "proj_2"]], env: env) == "App")
        #expect(try render(#"{% assign t = "acme" | tenant %}{{ t.name }}"#, env: env) == "Acme Corp")
        #expect(try render(#"{% assign subs = recipient.id | subscriptions %}{% for sub in subs %}{{ sub.object.name }}:{{ sub.properties.role }};{% endfor %}"#,
                           ["recipient": ["id": "chris"]], env: env) == "Website:owner;Unstored:;")
    }

    @Test func sideLoadingUnknownAndMissing() throws {
        let env = Self.environment(dataSource: try InMemoryDataSource(json: Self.entities))
        #expect(try render(#"{% assign u = "nobody" | user %}{% if u %}found{% else %}none{% endif %}[{{ u.name }}]"#, env: env) == "none[]")
        #expect(try render(#"[{{ "proj_1" | object: "tasks" }}{{ "proj_3" | object: "projects" }}{{ "nope" | tenant }}]"#, env: env) == "[]")
        #expect(try render(#"{% assign repo = "proj_1" | object: "repos" %}{{ repo.name }}"#, env: env) == "Not a project")
        #expect(try render(#"[{{ missing | user }}{{ "" | tenant }}{{ "proj_1" | object: nil }}]"#, env: env) == "[]")
        #expect(try render(#"{{ "dana" | subscriptions | size }}|{{ missing | subscriptions | size }}"#, env: env) == "0|0")
        #expect(try render(#"{{ recipient | subscriptions | size }}"#, ["recipient": ["id": "chris"]], env: env) == "2")  // an entity passed whole
        #expect(error(#"{{ "proj_1" | object }}"#) == "wrong number of arguments (given 1, expected 2)")
    }

    @Test func sideLoadingWithoutDataSource() throws {
        #expect(try render(#"[{{ "chris" | user }}{{ "proj_1" | object: "projects" }}{{ "acme" | tenant }}]"#) == "[]")
        #expect(try render(#"{% assign s = "chris" | subscriptions %}{% if s == nil %}nil{% endif %}"#) == "nil")
    }

    @Test func subscriptionsAreCappedAt25() throws {
        let subscriptions = (0..<30).map { i in
            LiquidObject([("recipient", "chris"), ("object", ["id": .string("o\(i)"), "collection": "projects"])])
        }
        let env = Self.environment(dataSource: try InMemoryDataSource(subscriptions: subscriptions))
        #expect(try render(#"{% assign subs = "chris" | subscriptions %}{{ subs.size }} {{ subs.last.object.id }}"#, env: env) == "25 o24")
    }

    @Test func inMemoryDataSourceReportsMalformedEntries() {
        #expect(throws: InMemoryDataSource.Error.self) { try InMemoryDataSource(json: #"{"users": [{"name": "no id"}]}"#) }
        #expect(throws: InMemoryDataSource.Error.self) { try InMemoryDataSource(json: #"{"objects": [{"id": "x"}]}"#) }
        #expect(throws: InMemoryDataSource.Error.self) { try InMemoryDataSource(json: #"{"users": {"chris": {}}}"#) }
        #expect(throws: InMemoryDataSource.Error.self) { try InMemoryDataSource(json: #"{"subscriptions": [{"recipient": "a"}]}"#) }
        #expect(throws: InMemoryDataSource.Error.self) { try InMemoryDataSource(json: "[1, 2") }
        do {
            _ = try InMemoryDataSource(json: #"{"tenants": [{"id": "a"}, {"id": ""}]}"#)
        } catch {
            #expect("\(error)" == "tenants[1].id is missing (expected a non-empty string)")
        }
        let programmatic = try? InMemoryDataSource(users: [["id": "u1", "name": "One"]], objects: [["id": 7, "collection": "things"]])
        #expect(programmatic?.user(id: "u1") == ["id": "u1", "name": "One"])
        #expect(programmatic?.object(collection: "things", id: "7") == ["id": 7, "collection": "things"])
    }

    // MARK: - Registration

    @Test func everyKnockFilterIsThere() {
        let names = Set(KnockFilters.all(dataSource: nil).map(\.name))
        #expect(names == ["timezone", "date", "format_date_in_locale", "format_datetime_in_locale", "format_number", "currency",
                          "rounded_currency", "json", "from_json", "pluralize", "titlecase", "intersect", "compare_versions",
                          "equals", "from_markdown", "md5", "sha256", "hmac_sha256", "user", "object", "tenant", "subscriptions"])
    }

    @Test func concurrentRendersShareFormattersSafely() async throws {
        let template = try Self.plain.parse(#"{{ t | format_datetime_in_locale: locale, "medium", "short" }}|{{ 1234.5 | currency: "EUR", locale }}"#)
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<64 {
                group.addTask {
                    let locale = ["en-GB", "de", "fr", "en-US"][i % 4]
                    let out = try template.render(locals: ["t": "2023-12-31T14:30:45Z", "locale": .string(locale)])
                    #expect(out.contains("2023"))
                }
            }
            try await group.waitForAll()
        }
    }
}
