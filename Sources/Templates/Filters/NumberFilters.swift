import Foundation
import Liquid

/// Knock's number and money filters (knock-spec §1.2), through ICU:
///
///     {{ 10000 | format_number: "en" }}                → 10,000
///     {{ 10 | currency: "GBP", "en" }}                 → £10.00
///     {{ 10.99 | rounded_currency: "GBP", "en" }}      → £11
///
/// - The input is a number, or a string that is one ("1234.5"); anything else comes back unchanged
///   (nil stays nil), so a missing value does not print as "0".
/// - The locale defaults to "en"; the currency to "USD". A currency must be a three-letter ISO 4217
///   code (any case); another string is an error. Codes ICU does not know print as the code itself.
/// - `format_number` shows up to 3 decimals (ICU's default); `currency` the currency's own number
///   (2 for USD/GBP/EUR, 0 for JPY); `rounded_currency` none. Rounding is half away from zero
///   (10.5 → 11, -10.5 → -11), the everyday meaning of "round to the nearest whole number".
/// - No-break spaces ICU puts in some locales become plain spaces (`LocaleArguments.plainSpaces`).
enum NumberFilters {
    static var all: [FilterDefinition] { [formatNumber, currency, roundedCurrency] }

    static let formatNumber = FilterDefinition("format_number", arguments: 0...1) { input, arguments, _ in
        let locale = try LocaleArguments.identifier(arguments[0], filter: "format_number")
        guard let number = number(input) else { return input }
        return .string(format(number, key: "decimal|\(locale)") {
            let formatter = NumberFormatter()
            formatter.numberStyle = .decimal
            formatter.locale = Locale(identifier: locale)
            formatter.roundingMode = .halfUp
            return formatter
        })
    }

    static let currency = money("currency", rounded: false)
    static let roundedCurrency = money("rounded_currency", rounded: true)

    static func money(_ name: String, rounded: Bool) -> FilterDefinition {
        FilterDefinition(name, arguments: 0...2) { input, arguments, _ in
            let code = try currencyCode(arguments[0], filter: name)
            let locale = try LocaleArguments.identifier(arguments[1], filter: name)
            guard let number = number(input) else { return input }
            return .string(format(number, key: "\(name)|\(code)|\(locale)") {
                // Style first: setting it resets the other properties.
                let formatter = NumberFormatter()
                formatter.numberStyle = .currency
                formatter.locale = Locale(identifier: locale)
                formatter.currencyCode = code
                formatter.roundingMode = .halfUp
                if rounded {
                    formatter.minimumFractionDigits = 0
                    formatter.maximumFractionDigits = 0
                }
                return formatter
            })
        }
    }

    static let defaultCurrency = "USD"

    static func currencyCode(_ value: Value?, filter: String) throws -> String {
        guard let value, !value.isNil else { return defaultCurrency }
        let text = value.liquidString
        if text.isEmpty { return defaultCurrency }
        guard text.utf8.count == 3, text.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7a }) else {
            throw LiquidError.argument("\(filter): '\(text)' is not a currency code (expected three letters such as \"USD\" or \"EUR\")")
        }
        return text.uppercased()
    }

    /// The input as a number: integers and floats as they are, strings that are wholly a number
    /// (surrounding whitespace allowed) parsed; anything else nil.
    static func number(_ value: Value) -> NSNumber? {
        switch value {
        case .int(let i): return NSNumber(value: i)
        case .double(let d): return NSNumber(value: d)
        case .string(let s):
            return NumericText.value(s).flatMap(number)
        default: return nil
        }
    }

    static let formatters = FormatterCache<NumberFormatter>()

    static func format(_ number: NSNumber, key: String, make: () -> NumberFormatter) -> String {
        let text = formatters.with(key, make: make) { $0.string(from: number) ?? number.description }
        return LocaleArguments.plainSpaces(text)
    }
}
