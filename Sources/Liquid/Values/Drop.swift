/// A lazily evaluated object in the template's data: `forloop`, `tablerowloop`, or an object an
/// application computes on demand. Property access asks the drop; output and filters see
/// `toLiquidValue()`.
public protocol Drop: AnyObject, Sendable {
    /// The value of `drop.key`, or nil when the drop has no such property.
    func value(forKey key: String) -> Value?
    /// The plain value the drop stands for when rendered, compared or filtered.
    func toLiquidValue() -> Value
    /// The name error messages use for this drop's type.
    var typeName: String { get }
}

extension Drop {
    public func toLiquidValue() -> Value { .nil }
    public var typeName: String { String(describing: type(of: self)) }
}
