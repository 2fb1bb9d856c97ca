/// An insertion-ordered string-keyed map. Small objects (the common case in template data) are
/// searched linearly; a hash index is built once an object grows past `indexThreshold` keys.
public struct LiquidObject: Sendable {
    public private(set) var keys: [String] = []
    public private(set) var values: [Value] = []
    private var index: [String: Int]? = nil
    private static let indexThreshold = 12

    public init() {}

    public init(_ pairs: [(String, Value)]) {
        keys.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    @inlinable public var count: Int { keys.count }
    @inlinable public var isEmpty: Bool { keys.isEmpty }

    public func position(of key: String) -> Int? {
        if let index { return index[key] }
        // Compare UTF-8 bytes: the keys here are short and this beats hashing.
        for i in keys.indices where keys[i] == key { return i }
        return nil
    }

    public subscript(key: String) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return values[i]
        }
        set {
            if let i = position(of: key) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
                return
            }
            guard let newValue else { return }
            keys.append(key)
            values.append(newValue)
            if index != nil {
                index![key] = keys.count - 1
            } else if keys.count > Self.indexThreshold {
                buildIndex()
            }
        }
    }

    public var pairs: Zip2Sequence<[String], [Value]> { zip(keys, values) }

    private mutating func remove(at i: Int) {
        keys.remove(at: i)
        values.remove(at: i)
        if index != nil { buildIndex() }
    }

    private mutating func buildIndex() {
        var map = [String: Int](minimumCapacity: keys.count)
        for (i, k) in keys.enumerated() { map[k] = i }
        index = map
    }
}

extension LiquidObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
