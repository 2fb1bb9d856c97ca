#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for arena chunks: 16-byte aligned, from `malloc`.
///
/// `UnsafeMutableRawPointer.allocate` goes through `posix_memalign` here whatever alignment it
/// is asked for, which costs more than `malloc`; malloc's blocks are 16-byte aligned on the
/// platforms we build for (glibc, musl and Darwin on 64-bit), which the precondition checks.
enum ArenaMemory {
    static func allocate(_ bytes: Int) -> UnsafeMutableRawPointer {
        guard let p = malloc(bytes) else { fatalError("out of memory") }
        precondition(Int(bitPattern: p) & 15 == 0, "arena memory must be 16-byte aligned")
        return p
    }

    static func free(_ p: UnsafeMutableRawPointer) { cFree(p) }
}

/// The C library's `free`, under a name `ArenaSlab.free()` does not shadow.
private func cFree(_ p: UnsafeMutableRawPointer) { free(p) }

/// The bookkeeping shared by `ArenaSlab` and `NodeRuns`: both fill a chain of chunks.
enum ArenaChunks {
    /// Where storing continues.
    struct State {
        /// The newest chunk.
        var chunk: UnsafeMutableRawPointer
        /// Slots used in the newest chunk, and its room.
        var count: Int
        var capacity: Int
    }

    /// Every chunk starts with the chunk before it (nil for the first, which is in the owner's
    /// memory) and its number of used slots.
    struct Header {
        var previous: UnsafeMutableRawPointer?
        var count: Int
    }
}

/// Values of one type in chunks that never move, so a reference to one stays valid until
/// `free()`. The first chunk and the state live in memory the owner provides (and frees);
/// later chunks double in size, up to 512 values. The state sits behind a pointer, so storing
/// a value through a `let` makes no exclusivity check.
struct ArenaSlab<Element> {
    private typealias State = ArenaChunks.State
    private typealias ChunkHeader = ArenaChunks.Header

    /// The state's and each chunk header's room: a multiple of 16, so slots stay aligned.
    private static var headerSize: Int { 32 }
    /// Each value's slot, rounded up to 16 bytes (see `ArenaRef`).
    private static var slotSize: Int { (MemoryLayout<Element>.stride + 15) & ~15 }

    /// The bytes of the state and a first chunk of `capacity` values (a multiple of 16).
    static func firstBytes(capacity: Int) -> Int { 2 * headerSize + capacity * slotSize }

    private let state: UnsafeMutablePointer<State>

    /// A slab whose state and first chunk of `capacity` values are at `memory` (16-byte
    /// aligned, `firstBytes(capacity:)` long).
    init(at memory: UnsafeMutableRawPointer, capacity: Int) {
        precondition(MemoryLayout<Element>.alignment <= 16 && MemoryLayout<State>.size <= Self.headerSize
                     && MemoryLayout<ChunkHeader>.size <= Self.headerSize && capacity > 0)
        let chunk = memory + Self.headerSize
        chunk.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: ChunkHeader(previous: nil, count: 0))
        state = memory.bindMemory(to: State.self, capacity: 1)
        state.initialize(to: State(chunk: chunk, count: 0, capacity: capacity))
    }

    /// Store `value` (moved in); it is destroyed by `free()`.
    @inline(__always)
    func store(_ value: consuming Element) -> ArenaRef<Element> {
        ArenaRef(storeReturningPointer(value))
    }

    /// `store`, returning the slot itself: its owner may still change it while parsing.
    @inline(__always)
    func storeReturningPointer(_ value: consuming Element) -> UnsafeMutablePointer<Element> {
        if state.pointee.count == state.pointee.capacity { addChunk() }
        let chunk = state.pointee.chunk
        let n = state.pointee.count
        let slot = (chunk + Self.headerSize + n * Self.slotSize).bindMemory(to: Element.self, capacity: 1)
        slot.initialize(to: consume value)
        state.pointee.count = n + 1
        chunk.assumingMemoryBound(to: ChunkHeader.self).pointee.count = n + 1
        return slot
    }

    private func addChunk() {
        let capacity = min(state.pointee.capacity * 2, 512)
        let chunk = ArenaMemory.allocate(Self.headerSize + capacity * Self.slotSize)
        chunk.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: ChunkHeader(previous: state.pointee.chunk, count: 0))
        state.pointee = State(chunk: chunk, count: 0, capacity: capacity)
    }

    /// `body` for every value stored, newest chunk first.
    func forEach(_ body: (UnsafePointer<Element>) -> Void) {
        var chunk: UnsafeMutableRawPointer? = state.pointee.chunk
        while let c = chunk {
            let header = c.assumingMemoryBound(to: ChunkHeader.self).pointee
            for i in 0..<header.count {
                body((c + Self.headerSize + i * Self.slotSize).assumingMemoryBound(to: Element.self))
            }
            chunk = header.previous
        }
    }

    /// Destroy every value and free the chunks it allocated (not the owner's memory).
    func free() {
        var chunk: UnsafeMutableRawPointer? = state.pointee.chunk
        while let c = chunk {
            let header = c.assumingMemoryBound(to: ChunkHeader.self).pointee
            for i in 0..<header.count {
                (c + Self.headerSize + i * Self.slotSize).assumingMemoryBound(to: Element.self).deinitialize(count: 1)
            }
            chunk = header.previous
            // The first chunk is in the owner's memory.
            if chunk != nil { ArenaMemory.free(c) }
        }
        state.deinitialize(count: 1)
    }
}
