import Foundation
import Liquid
import Synchronization

/// What the locale-aware filters (`format_date_in_locale`, `format_datetime_in_locale`,
/// `format_number`, `currency`, `rounded_currency`) share: reading the locale argument, and
/// cleaning ICU's output.
enum LocaleArguments {
    /// Knock's documented examples are in "en"; an omitted, nil or empty locale means it.
    static let defaultLocale = "en"

    /// The locale identifier a filter argument names (`"en-GB"`, `"en_GB"`, `"zh-Hant"`), or a
    /// `LiquidError` when it names none ICU knows: a misspelt locale is an author's mistake worth
    /// reporting, and ICU would otherwise format it silently in its root locale.
    static func identifier(_ value: Value?, filter: String) throws -> String {
        guard let value, !value.isNil else { return defaultLocale }
        let text = value.liquidString
        if text.isEmpty { return defaultLocale }
        let wellFormed = text.utf8.count <= 64 && text.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7a) || b == 0x2d || b == 0x5f
        }
        let language = text.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        guard wellFormed, knownLanguages.contains(language) else {
            throw LiquidError.argument("\(filter): unknown locale '\(text)' (expected a code such as \"en\", \"en-GB\" or \"pt-BR\")")
        }
        return text
    }

    /// Language codes ICU has data for ("en", "fr", "zh", ...): every locale Knock documents is among them.
    static let knownLanguages: Set<String> = Set(Locale.availableIdentifiers.compactMap {
        $0.split(separator: "_").first.map { $0.lowercased() }
    })

    /// ICU puts a narrow no-break space (U+202F) before "PM" in English times, and no-break spaces
    /// (U+00A0, U+202F) inside French numbers and around some currency signs. Knock's documented
    /// outputs have plain spaces, and plain text channels (SMS, push) show them more reliably.
    static func plainSpaces(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == "\u{202F}" || $0 == "\u{00A0}" }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(scalar == "\u{202F}" || scalar == "\u{00A0}" ? " " : scalar)
        }
        return String(scalars)
    }
}

/// A small cache of configured Foundation formatters. ICU formatters are slow to build and cheap
/// to reuse, but not safe to share between threads unguarded: each is used under the lock.
final class FormatterCache<Formatter: AnyObject>: Sendable {
    private let entries = Mutex<[String: Formatter]>([:])
    /// Enough for every (locale, style, zone) a project uses; a template cycling through more
    /// empties the cache rather than growing it.
    private let capacity = 512

    /// `make()`'s formatter for `key` (built once), passed to `use` under the lock.
    func with<Result: Sendable>(_ key: String, make: () -> Formatter, _ use: (Formatter) -> Result) -> Result {
        entries.withLock { entries in
            if let formatter = entries[key] { return use(formatter) }
            if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
            let formatter = make()
            entries[key] = formatter
            return use(formatter)
        }
    }
}
