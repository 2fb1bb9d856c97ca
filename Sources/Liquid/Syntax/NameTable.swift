import Synchronization

/// Tag or filter names, found straight from template bytes: the parser gets a name's definition
/// and its String without making a String or hashing one. Built when the environment's tags or
/// filters change, then only read, so one table serves every parse on every thread.
///
/// Every name is kept in an open-addressing table keyed by its first 16 bytes packed into two
/// words and its length; a longer name's remaining bytes are compared when the key matches.
final class NameTable<Definition: NamedDefinition>: Sendable {
    /// A slot's packed name. Plain words, so probing copies nothing that is reference counted.
    private struct Key: Sendable {
        let low: UInt64
        let high: UInt64
        /// 0 marks an empty slot.
        let count: Int
    }

    private struct Entry: Sendable {
        let name: String
        let definition: Definition?
        /// Whether `definition` holds `name` as its own name (registered under it).
        let namedAsDefinition: Bool
        /// `definition` without ownership (`definition` keeps it alive as long as the table).
        let unretained: Unmanaged<Definition>?
    }

    private let keys: [Key]
    /// The name and definition of each slot of `keys` (same index).
    private let entries: [Entry]
    private let mask: Int

    /// `definitions` by name, plus `names` that have no definition but are looked up often
    /// (block terminators such as `endif`), so their Strings are made once here.
    init(_ definitions: [String: Definition], names: [String] = []) {
        var entries: [(String, Definition?)] = definitions.map { ($0.key, $0.value) }
        for name in names where definitions[name] == nil { entries.append((name, nil)) }
        var size = 16
        while size < entries.count * 3 { size *= 2 }
        let mask = size - 1
        var keys = [Key](repeating: Key(low: 0, high: 0, count: 0), count: size)
        var slots = [Entry](repeating: Entry(name: "", definition: nil, namedAsDefinition: false, unretained: nil), count: size)
        for (name, definition) in entries {
            let bytes = Array(name.utf8)
            let count = bytes.count
            guard count > 0 else { continue }
            let (low, high) = bytes.withUnsafeBufferPointer { Self.pack($0.baseAddress!, min(count, 16)) }
            var slot = Self.slot(low, high, count, mask)
            while keys[slot].count != 0 { slot = (slot + 1) & mask }
            keys[slot] = Key(low: low, high: high, count: count)
            slots[slot] = Entry(name: name, definition: definition, namedAsDefinition: definition?.name == name,
                                unretained: definition.map(Unmanaged.passUnretained))
        }
        self.keys = keys
        self.entries = slots
        self.mask = mask
    }

    /// The name spelled by `count` bytes at `bytes`, and its definition if it has one, not
    /// retained: the table keeps it alive, so a caller holding the table needs no reference.
    func lookup(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> (name: String, definition: Unmanaged<Definition>?) {
        if let slot = slot(of: bytes, count) {
            return (entries[slot].name, entries[slot].unretained)
        }
        return (Self.string(bytes, count), nil)
    }

    /// The definition of the name spelled by `count` bytes at `bytes`, not retained (see
    /// `lookup`), and the name as a String only when the definition does not hold it as its own
    /// name (so a hit copies no String).
    func definition(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> (definition: Unmanaged<Definition>?, otherName: String?) {
        if let slot = slot(of: bytes, count) {
            return (entries[slot].unretained, entries[slot].namedAsDefinition ? nil : entries[slot].name)
        }
        return (nil, Self.string(bytes, count))
    }

    /// The slot holding the name spelled by `count` bytes at `bytes`, nil when none does.
    @inline(__always)
    private func slot(of bytes: UnsafePointer<UInt8>, _ count: Int) -> Int? {
        guard count > 0 else { return nil }
        let (low, high) = Self.pack(bytes, min(count, 16))
        var slot = Self.slot(low, high, count, mask)
        while true {
            let key = keys[slot]
            if key.count == 0 { return nil }
            if key.low == low && key.high == high && key.count == count
                && (count <= 16 || Self.sameTail(entries[slot].name, bytes, count)) {
                return slot
            }
            slot = (slot + 1) & mask
        }
    }

    private static func string(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> String {
        String(unsafeUninitializedCapacity: count) { out in
            if count > 0 { out.baseAddress!.initialize(from: bytes, count: count) }
            return count
        }
    }

    /// Whether a long name's bytes after the 16 packed in its key are those at `bytes`
    /// (`name` has `count` bytes: its key matched).
    private static func sameTail(_ name: String, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        name.utf8.dropFirst(16).elementsEqual(UnsafeBufferPointer(start: bytes + 16, count: count - 16))
    }

    /// The name in `source[range]` (bounds checked once here).
    func lookup(_ source: [UInt8], _ range: Range<Int>) -> (name: String, definition: Unmanaged<Definition>?) {
        precondition(range.lowerBound >= 0 && range.upperBound <= source.count)
        return source.withUnsafeBufferPointer { lookup($0.baseAddress! + range.lowerBound, range.count) }
    }

    /// Bytes 0-7 and 8-15, little-endian, zero-padded.
    @inline(__always)
    private static func pack(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for i in 0..<min(count, 8) { low |= UInt64(bytes[i]) << UInt64(8 * i) }
        if count > 8 { for i in 8..<count { high |= UInt64(bytes[i]) << UInt64(8 * (i - 8)) } }
        return (low, high)
    }

    @inline(__always)
    private static func slot(_ low: UInt64, _ high: UInt64, _ count: Int, _ mask: Int) -> Int {
        let h = (low &* 0x9E37_79B9_7F4A_7C15) ^ (high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
        return Int(truncatingIfNeeded: h >> 32) & mask
    }
}

extension NameTable where Definition == TagDefinition {
    /// The tags, plus the names that end their bodies (`else`, `elsif`, `when`, `endNAME`).
    convenience init(tags: [String: TagDefinition]) {
        self.init(tags, names: ["else", "elsif", "when"] + tags.keys.map { "end" + $0 })
    }
}

/// What a name table holds: a definition that knows the name it was made with.
protocol NamedDefinition: AnyObject, Sendable {
    var name: String { get }
}

extension TagDefinition: NamedDefinition {}
extension FilterDefinition: NamedDefinition {}

/// The name tables of one set of tags and filters, built when a template is first parsed with
/// them (an environment being configured, filter by filter, builds none). Shared by the copies
/// of an environment; replaced whenever its tags or filters change.
final class ParseNames: Sendable {
    typealias Tables = (tags: NameTable<TagDefinition>, filters: NameTable<FilterDefinition>)
    private let built = Mutex<Tables?>(nil)

    func tables(tags: [String: TagDefinition], filters: [String: FilterDefinition]) -> Tables {
        built.withLock { built in
            if let built { return built }
            let tables = (tags: NameTable(tags: tags), filters: NameTable(filters))
            built = tables
            return tables
        }
    }
}
