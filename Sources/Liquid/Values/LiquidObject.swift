/// An insertion-ordered string-keyed map. Small objects (the common case in template data) are
/// searched linearly; a hash index is built once an object grows past `indexThreshold` keys.
///
/// One reference to copy-on-write storage, so copying an object (every lookup through a
/// `Value`) costs one retain, not one per array inside it, and `Value` stays small.
public struct LiquidObject: Sendable {
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var keys: [String]
        @exclusivity(unchecked) var values: [Value]
        @exclusivity(unchecked) var index: [String: Int]?

        init(keys: [String] = [], values: [Value] = [], index: [String: Int]? = nil) {
            self.keys = keys
            self.values = values
            self.index = index
        }

        func copy() -> Storage { Storage(keys: keys, values: values, index: index) }
    }

    private var storage: Storage
    private static let indexThreshold = 12
    /// Shared by every empty object until one is written to.
    private static let empty = Storage()

    public init() { storage = Self.empty }

    public init(_ pairs: [(String, Value)]) {
        storage = Storage()
        storage.keys.reserveCapacity(pairs.count)
        storage.values.reserveCapacity(pairs.count)
        for (k, v) in pairs { self[k] = v }
    }

    public var keys: [String] { storage.keys }
    public var values: [Value] { storage.values }
    @inlinable public var count: Int { keys.count }
    @inlinable public var isEmpty: Bool { keys.isEmpty }

    public func position(of key: String) -> Int? {
        let s = storage
        if let index = s.index { return index[key] }
        // Compare UTF-8 bytes: the keys here are short and this beats hashing.
        return s.keys.withUnsafeBufferPointer { keys in
            for i in keys.indices where keys[i] == key { return i }
            return nil
        }
    }

    public subscript(key: String) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return storage.values[i]
        }
        set {
            if let i = position(of: key) {
                makeUnique()
                if let newValue { storage.values[i] = newValue } else { remove(at: i) }
                return
            }
            guard let newValue else { return }
            makeUnique()
            storage.keys.append(key)
            storage.values.append(newValue)
            if storage.index != nil {
                storage.index![key] = storage.keys.count - 1
            } else if storage.keys.count > Self.indexThreshold {
                buildIndex()
            }
        }
    }

    public var pairs: Zip2Sequence<[String], [Value]> { zip(storage.keys, storage.values) }

    private mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
    }

    private mutating func remove(at i: Int) {
        storage.keys.remove(at: i)
        storage.values.remove(at: i)
        if storage.index != nil { buildIndex() }
    }

    private mutating func buildIndex() {
        var map = [String: Int](minimumCapacity: storage.keys.count)
        for (i, k) in storage.keys.enumerated() { map[k] = i }
        storage.index = map
    }
}

extension LiquidObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
