/// The one value model of Missive's Liquid: what JSON decodes into, what variables hold and what
/// filters take and return. Small, `Sendable`, copy-on-write; no `Any` on the render path.
public enum Value: Sendable {
    case `nil`
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])
    /// An object with its keys in insertion order (the order is visible in Liquid output).
    case object(LiquidObject)
    /// A Liquid range `(a..b)`, inclusive on both ends; empty when `upper < lower`.
    case range(lower: Int, upper: Int)
    /// A lazily evaluated object: `forloop`, or data an embedding application computes on demand.
    case drop(any Drop)
}

extension Value {
    /// Liquid truthiness: only `nil` and `false` are falsy (unlike Python or JavaScript, `0` and `""` are truthy).
    @inlinable public var isTruthy: Bool {
        switch self {
        case .nil: return false
        case .bool(let b): return b
        default: return true
        }
    }

    @inlinable public var isNil: Bool {
        if case .nil = self { return true }
        return false
    }

    @inlinable public var isDrop: Bool {
        if case .drop = self { return true }
        return false
    }

    /// The string if this is a string, else nil.
    @inlinable public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    /// Ranges larger than this are cut short when turned into arrays (by filters): a template
    /// cannot make the process allocate terabytes with `(1..100000000000) | join`.
    public static let maxMaterializedRange = 1_000_000

    /// The elements of an array or range; nil for anything else.
    public var arrayElements: [Value]? {
        switch self {
        case .array(let a): return a
        case .range(let lo, let hi):
            guard lo <= hi else { return [] }
            let upper = hi - lo >= Self.maxMaterializedRange ? lo + Self.maxMaterializedRange - 1 : hi
            return (lo...upper).map { .int($0) }
        default: return nil
        }
    }

    /// Ruby's class name for a value, as Liquid's error messages print it.
    public var rubyTypeName: String {
        switch self {
        case .nil: return "NilClass"
        case .bool(let b): return b ? "TrueClass" : "FalseClass"
        case .int: return "Integer"
        case .double: return "Float"
        case .string: return "String"
        case .array: return "Array"
        case .object: return "Hash"
        case .range: return "Range"
        case .drop(let d): return d.typeName
        }
    }

    /// Resolve a drop to a plain value where one is needed (comparison, filters).
    public var resolvedDrop: Value {
        if case .drop(let d) = self { return d.toLiquidValue() }
        return self
    }

    /// `resolvedDrop` of a value the caller gives up (a value just evaluated): any other value
    /// is returned as it is, where `resolvedDrop` would copy it (a retain and a release).
    consuming func resolvingDrop() -> Value {
        if case .drop(let d) = self { return d.toLiquidValue() }
        return self
    }
}

extension Value: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .nil }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: Value...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, Value)...) {
        self = .object(LiquidObject(elements))
    }
}

/// Structural equality (an `int` never equals a `double`; drops by identity). For Liquid's `==`,
/// which mixes numbers, use `liquidEquals`.
extension Value: Equatable {
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.nil, .nil): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)): return x == y
        case (.range(let a1, let b1), .range(let a2, let b2)): return a1 == a2 && b1 == b2
        case (.drop(let x), .drop(let y)): return x === y
        default: return false
        }
    }
}

extension LiquidObject: Equatable {
    /// Same keys in the same order with equal values.
    public static func == (a: LiquidObject, b: LiquidObject) -> Bool {
        a.keys == b.keys && a.values == b.values
    }
}
