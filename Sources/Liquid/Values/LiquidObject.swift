/// An insertion-ordered string-keyed map. Every key's `KeyHash` is kept beside it, so a lookup
/// compares integers; small objects (the common case in template data) are searched linearly and
/// an open-addressing index is built once an object grows past `indexThreshold` keys.
///
/// One reference to copy-on-write storage, so copying an object (every lookup through a
/// `Value`) costs one retain, not one per array inside it, and `Value` stays small.
public struct LiquidObject: Sendable {
    final class Storage: @unchecked Sendable {
        @exclusivity(unchecked) var keys: [String]
        @exclusivity(unchecked) var hashes: [Int]
        @exclusivity(unchecked) var values: [Value]
        /// Slots of `index + 1` (0 = empty), a power of two long; empty until the threshold.
        @exclusivity(unchecked) var table: [Int32]

        init(keys: [String] = [], hashes: [Int] = [], values: [Value] = [], table: [Int32] = []) {
            self.keys = keys
            self.hashes = hashes
            self.values = values
            self.table = table
        }

        func copy() -> Storage { Storage(keys: keys, hashes: hashes, values: values, table: table) }
    }

    private var storage: Storage
    private static let indexThreshold = 12
    /// Shared by every empty object until one is written to.
    private static let empty = Storage()

    public init() { storage = Self.empty }

    /// An object of these pairs in order; a repeated key keeps its first place and its last value.
    /// The arrays are filled before the storage is made: no per-key uniqueness checks.
    public init(_ pairs: [(String, Value)]) {
        guard pairs.count <= Self.indexThreshold else {
            // Many pairs: inserted one by one, so repeated keys are found through the index.
            storage = Storage()
            for (k, v) in pairs { self[k] = v }
            return
        }
        var keys: [String] = [], hashes: [Int] = [], values: [Value] = []
        keys.reserveCapacity(pairs.count)
        hashes.reserveCapacity(pairs.count)
        values.reserveCapacity(pairs.count)
        for (k, v) in pairs {
            let hash = KeyHash.of(k)
            if let i = keys.indices.first(where: { hashes[$0] == hash && keys[$0] == k }) {
                values[i] = v
            } else {
                keys.append(k)
                hashes.append(hash)
                values.append(v)
            }
        }
        storage = Storage(keys: keys, hashes: hashes, values: values)
    }

    public var keys: [String] { storage.keys }
    public var values: [Value] { storage.values }
    @inlinable public var count: Int { keys.count }
    @inlinable public var isEmpty: Bool { keys.isEmpty }

    public func position(of key: String) -> Int? {
        position(of: key, hash: KeyHash.of(key))
    }

    /// The position of `key`, whose `KeyHash` the caller already knows.
    @inline(__always)
    public func position(of key: String, hash: Int) -> Int? {
        let s = storage
        if !s.table.isEmpty {
            return s.table.withUnsafeBufferPointer { table in
                let mask = table.count - 1
                var slot = hash & mask
                while true {
                    let entry = Int(table[slot])
                    if entry == 0 { return nil }
                    if s.hashes[entry - 1] == hash && s.keys[entry - 1] == key { return entry - 1 }
                    slot = (slot + 1) & mask
                }
            }
        }
        return s.hashes.withUnsafeBufferPointer { hashes in
            for i in hashes.indices where hashes[i] == hash {
                if s.keys[i] == key { return i }
            }
            return nil
        }
    }

    /// Where the value of `key` is stored, for reading it in place: valid while this object's
    /// storage is alive and unchanged.
    @inline(__always)
    func valuePointer(forKey key: String, hash: Int) -> UnsafePointer<Value>? {
        guard let i = position(of: key, hash: hash) else { return nil }
        return storage.values.withUnsafeBufferPointer { $0.baseAddress! + i }
    }

    /// The value of `key`, whose `KeyHash` the caller already knows.
    @inline(__always)
    public func value(forKey key: String, hash: Int) -> Value? {
        guard let i = position(of: key, hash: hash) else { return nil }
        return storage.values[i]
    }

    public subscript(key: String) -> Value? {
        get {
            guard let i = position(of: key) else { return nil }
            return storage.values[i]
        }
        set {
            let hash = KeyHash.of(key)
            if let i = position(of: key, hash: hash) {
                makeUnique()
                if let newValue { storage.values[i] = newValue } else { remove(at: i) }
                return
            }
            guard let newValue else { return }
            makeUnique()
            storage.keys.append(key)
            storage.hashes.append(hash)
            storage.values.append(newValue)
            if !storage.table.isEmpty, storage.keys.count * 2 <= storage.table.count {
                insertInTable(storage.keys.count - 1)
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
        storage.hashes.remove(at: i)
        storage.values.remove(at: i)
        if !storage.table.isEmpty { buildIndex() }
    }

    /// A table at most half full, so probe runs stay short.
    private mutating func buildIndex() {
        var size = 16
        while size < storage.keys.count * 2 { size *= 2 }
        storage.table = [Int32](repeating: 0, count: size)
        for i in storage.keys.indices { insertInTable(i) }
    }

    private func insertInTable(_ i: Int) {
        let mask = storage.table.count - 1
        var slot = storage.hashes[i] & mask
        while storage.table[slot] != 0 { slot = (slot + 1) & mask }
        storage.table[slot] = Int32(i + 1)
    }
}

extension LiquidObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
