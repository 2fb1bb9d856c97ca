#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where one template's variable paths, filter calls, literals, `if` branches and nodes are
/// stored: in a few chunks made and freed with the template, instead of one object each. A template of the Shopify workload has
/// about 25 paths and 16 filter calls, and making and freeing an object each was a large part of
/// parsing (about 400 instructions to free one, whatever it holds).
///
/// Made by the template's `ParseInput`; the `Template` takes it once parsed and frees it when it
/// is freed, so its values live exactly as long as the nodes that refer to them (a parse that
/// fails leaves it to the `ParseInput` to free). Written only while the template is parsed (by
/// one thread), read-only after: `@unchecked Sendable`.
struct SyntaxArena: @unchecked Sendable {
    let paths: ArenaSlab<VariablePath.Storage>
    let calls: ArenaSlab<FilterCall.Storage>
    /// Literal values of expressions (other than the shared commonest ones).
    let literals: ArenaSlab<Value>
    /// The branches of `if` and `unless` tags.
    let branches: ArenaSlab<IfTag.Branch>
    /// The bounds of range expressions that are not literals (rare).
    let ranges: ArenaSlab<RangeExpression.Bounds>
    /// The nodes of every body.
    let nodes: NodeRuns
    /// The states and first chunks of all three, in one allocation.
    private let block: UnsafeMutableRawPointer

    /// An arena sized for a template of `sourceBytes`: the first chunks hold what a template
    /// of that size usually needs (about one path per 100 bytes, one call per 150, a literal and
    /// an `if` branch per 250 and a node slot per 24 in the Shopify workload), so most templates need no further chunk.
    init(sourceBytes: Int) {
        let pathCapacity = min(max(sourceBytes / 100, 4), 512)
        let callCapacity = min(max(sourceBytes / 150, 4), 512)
        let literalCapacity = min(max(sourceBytes / 250, 4), 512)
        let branchCapacity = min(max(sourceBytes / 250, 4), 512)
        let nodeCapacity = min(max(sourceBytes / 24, 8), 2048)
        let pathBytes = ArenaSlab<VariablePath.Storage>.firstBytes(capacity: pathCapacity)
        let callBytes = ArenaSlab<FilterCall.Storage>.firstBytes(capacity: callCapacity)
        let literalBytes = ArenaSlab<Value>.firstBytes(capacity: literalCapacity)
        let branchBytes = ArenaSlab<IfTag.Branch>.firstBytes(capacity: branchCapacity)
        let rangeBytes = ArenaSlab<RangeExpression.Bounds>.firstBytes(capacity: 1)
        block = ArenaMemory.allocate(pathBytes + callBytes + literalBytes + branchBytes + rangeBytes
                                     + NodeRuns.firstBytes(capacity: nodeCapacity))
        var at = block
        paths = ArenaSlab(at: at, capacity: pathCapacity)
        at += pathBytes
        calls = ArenaSlab(at: at, capacity: callCapacity)
        at += callBytes
        literals = ArenaSlab(at: at, capacity: literalCapacity)
        at += literalBytes
        branches = ArenaSlab(at: at, capacity: branchCapacity)
        at += branchBytes
        ranges = ArenaSlab(at: at, capacity: 1)
        at += rangeBytes
        nodes = NodeRuns(at: at, capacity: nodeCapacity)
    }

    /// Destroy everything stored; every reference into the arena is invalid after.
    func free() {
        nodes.free()
        paths.free()
        calls.free()
        literals.free()
        branches.free()
        ranges.free()
        ArenaMemory.free(block)
    }
}

/// A reference to a value in a `SyntaxArena`.
///
/// Held as an `Unmanaged` class reference to the value's address (the address is never used as
/// an object): an enum holding one keeps the spare bits of a class reference, so `Expression`
/// stays one word and a node holding expressions fits an existential's inline storage. Copying
/// it counts no references. Slots are 16-byte aligned, as objects are, so the bits an enum may
/// use are zero.
struct ArenaRef<Element>: @unchecked Sendable {
    private let address: Unmanaged<ArenaSlotMarker>

    init(_ pointer: UnsafeMutablePointer<Element>) {
        address = Unmanaged.fromOpaque(UnsafeRawPointer(pointer))
    }

    @inline(__always)
    var pointer: UnsafePointer<Element> {
        UnsafeRawPointer(address.toOpaque()).assumingMemoryBound(to: Element.self)
    }
}

/// The class an `ArenaRef` pretends to refer to. Never instantiated.
final class ArenaSlotMarker {}

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

/// Values of one type in chunks that never move, so a reference to one stays valid until
/// `free()`. The first chunk and the state live in memory the owner provides (and frees);
/// later chunks double in size, up to 512 values. The state sits behind a pointer, so storing
/// a value through a `let` makes no exclusivity check.
struct ArenaSlab<Element> {
    private struct State {
        /// The newest chunk.
        var chunk: UnsafeMutableRawPointer
        /// Values stored in the newest chunk, and its room.
        var count: Int
        var capacity: Int
    }

    /// Every chunk starts with the chunk before it (nil for the first, which is in the owner's
    /// memory) and the number of values it holds.
    private struct ChunkHeader {
        var previous: UnsafeMutableRawPointer?
        var count: Int
    }

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
