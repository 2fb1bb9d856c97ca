/// Ruby's conversions as Shopify Liquid's filters apply them.
public enum Coerce {
    /// A number for math filters (`Utils.to_number`): integers and floats as they are; strings
    /// parsed as Ruby does (`"3.5"` → 3.5, `"12abc"` → 12, `"abc"` → 0); nil, booleans and
    /// collections as 0.
    public static func number(_ value: Value) -> Value {
        switch value {
        case .int, .double: return value
        case .string(let s): return parseNumber(s)
        default: return .int(0)
        }
    }

    /// Ruby's lenient numeric parse of a string: optional sign, digits, optional `.digits`.
    public static func parseNumber(_ s: String) -> Value {
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count && Bytes.isWhitespace(bytes[i]) { i += 1 }
        let start = i
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { i += 1 }
        let digitsStart = i
        while i < bytes.count && Bytes.isDigit(bytes[i]) { i += 1 }
        guard i > digitsStart else { return .int(0) }
        if i + 1 < bytes.count && bytes[i] == UInt8(ascii: ".") && Bytes.isDigit(bytes[i + 1]) {
            i += 1
            while i < bytes.count && Bytes.isDigit(bytes[i]) { i += 1 }
            return .double(Double(String(decoding: bytes[start..<i], as: UTF8.self)) ?? 0)
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if let n = Int(text) { return .int(n) }
        return .double(Double(text) ?? 0)
    }

    /// An integer argument (`Utils.to_integer`): integers as they are, anything else through its
    /// string form and Ruby's `Integer()` — so `2.5` and `"2.0"` are "invalid integer" errors.
    public static func integer(_ value: Value) throws -> Int {
        try RubyString.toInteger(value)
    }

    /// The value as an array for array filters: arrays as they are, ranges expanded, nil as [],
    /// anything else wrapped (Ruby's `Array(x)` / `InputIterator`).
    public static func array(_ value: Value) -> [Value] {
        switch value {
        case .array(let a): return a
        case .range: return value.arrayElements ?? []
        case .nil: return []
        default: return [value]
        }
    }
}
