import Liquid

/// Numbers written as text ("1", " 1234.5 ", "-2e3"), as the number filters and `pluralize`
/// accept them. Stricter than `Double.init`, which also reads "nan", "inf" and hex ("0x1p3").
enum NumericText {
    /// The number `text` is, or nil when it is not wholly a decimal number (surrounding whitespace allowed).
    static func value(_ text: String) -> Value? {
        var trimmed = Substring(text)
        while let first = trimmed.first, first.isWhitespace { trimmed.removeFirst() }
        while let last = trimmed.last, last.isWhitespace { trimmed.removeLast() }
        guard trimmed.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }),
              trimmed.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2b || $0 == 0x2d || $0 == 0x2e || $0 == 0x45 || $0 == 0x65 })
        else { return nil }
        if let i = Int(trimmed) { return .int(i) }
        if let d = Double(trimmed), d.isFinite { return .double(d) }
        return nil
    }
}
