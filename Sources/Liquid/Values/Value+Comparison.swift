extension Value {
    /// Ruby's `==` as Liquid uses it: numbers compare by value across Integer and Float; no other
    /// types mix (`1 == '1'` is false).
    public func liquidEquals(_ other: Value) -> Bool {
        switch (self, other) {
        case (.nil, .nil): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.double(let a), .double(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.liquidEquals($1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.pairs.allSatisfy { k, v in b[k].map { v.liquidEquals($0) } ?? false }
        case (.range(let a, let b), .range(let c, let d)): return a == c && b == d
        case (.drop(let a), .drop(let b)): return a === b
        default: return false
        }
    }

    /// `contains`: substring for strings (the right side as its string form), element for arrays,
    /// key for objects; false for anything else, including nil on either side.
    public func liquidContains(_ needle: Value) -> Bool {
        // Shopify: `left && right && left.include?(right)`, so a nil or false needle never matches.
        if !needle.isTruthy { return false }
        switch self {
        case .string(let s):
            let n = needle.liquidString
            return n.isEmpty || s.utf8.firstRange(of: n.utf8) != nil
        case .array(let a): return a.contains { $0.liquidEquals(needle) }
        case .range(let lo, let hi):
            if case .int(let i) = needle { return lo <= i && i <= hi }
            return false
        case .object(let o):
            if case .string(let k) = needle { return o[k] != nil }
            return false
        default: return false
        }
    }

    /// `<`, `>`, `<=`, `>=`: numbers with numbers, strings with strings. Mixing them is an error
    /// (Ruby's "comparison of String with 1 failed"); nil or other types compare false.
    public func liquidCompare(_ other: Value, _ op: ComparisonOperator) throws -> Bool {
        let order: Int
        switch (self, other) {
        case (.int(let a), .int(let b)): order = a < b ? -1 : (a > b ? 1 : 0)
        case (.int, .double), (.double, .int), (.double, .double):
            let a = self.numericDouble!, b = other.numericDouble!
            if a.isNaN || b.isNaN { return false }
            order = a < b ? -1 : (a > b ? 1 : 0)
        case (.string(let a), .string(let b)):
            order = a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : (a == b ? 0 : 1)
        case (.string, .int), (.string, .double), (.int, .string), (.double, .string):
            throw LiquidError.argument("comparison of \(rubyTypeName) with \(other.rubyComparisonOperand) failed")
        default:
            return false
        }
        switch op {
        case .lessThan: return order < 0
        case .greaterThan: return order > 0
        case .lessOrEqual: return order <= 0
        case .greaterOrEqual: return order >= 0
        default: return false
        }
    }

    /// How Ruby names the right operand in a failed comparison: numbers by value, others by class.
    var rubyComparisonOperand: String {
        switch self {
        case .int(let i): return String(i)
        case .double(let d): return RubyFormat.float(d)
        default: return rubyTypeName
        }
    }

    var numericDouble: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }

    /// Liquid's `empty`: "", [] and {}.
    public var isEmptyValue: Bool {
        switch self {
        case .string(let s): return s.isEmpty
        case .array(let a): return a.isEmpty
        case .object(let o): return o.isEmpty
        case .range(let lo, let hi): return hi < lo
        default: return false
        }
    }

    /// Liquid's `blank`: nil, false, empty or whitespace-only strings, [] and {}.
    public var isBlank: Bool {
        switch self {
        case .nil: return true
        case .bool(let b): return !b
        case .string(let s): return s.utf8.allSatisfy(Bytes.isWhitespace)
        default: return isEmptyValue
        }
    }
}
