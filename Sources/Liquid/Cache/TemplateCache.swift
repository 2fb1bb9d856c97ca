import Synchronization

/// Parsed templates keyed by name and a hash of their source, so an edited file is parsed again
/// and an unchanged one never is. Safe to share between threads.
public final class TemplateCache: Sendable {
    private struct Key: Hashable {
        let name: String
        let hash: UInt64
    }

    public let environment: Environment
    private let entries = Mutex<[Key: Template]>([:])
    private let capacity: Int

    public init(environment: Environment, capacity: Int = 1024) {
        self.environment = environment
        self.capacity = capacity
    }

    /// The parsed template for this name and source, parsing it only when not cached.
    public func template(named name: String, source: String) throws -> Template {
        let bytes = Array(source.utf8)
        let key = Key(name: name, hash: Self.fnv1a(bytes))
        if let hit = entries.withLock({ $0[key] }), hit.source == bytes { return hit }
        let template = try Template(source: bytes, name: name, environment: environment)
        entries.withLock { cache in
            // Drop stale versions of this name; keep the cache bounded.
            cache = cache.filter { $0.key.name != name }
            if cache.count >= capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = template
        }
        return template
    }

    public var count: Int { entries.withLock { $0.count } }

    /// FNV-1a, 64-bit: fast and good enough to tell versions of one file apart (the source is
    /// compared too, so a collision can never serve the wrong template).
    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            h ^= UInt64(b)
            h &*= 0x100_0000_01b3
        }
        return h
    }
}
