/// The bodies of one template's blocks, in its `SyntaxArena`: each body is a run of nodes in a
/// row behind a header slot holding its count, in chunks freed with the template. A body costs
/// no array of its own (about 770 arrays per op of the Shopify workload), and a block is one
/// word, so tags holding blocks stay small enough for an existential's inline storage.
///
/// Every slot below a chunk's count holds a node (headers are `RunHeader`s, slots skipped to
/// align a run are `EmptyNode`s), so freeing destroys them all in one pass.
struct NodeRuns {
    private typealias State = ArenaChunks.State
    private typealias ChunkHeader = ArenaChunks.Header

    /// A chunk header's room: 16 bytes, so the first slot is 16-byte aligned.
    private static var headerSize: Int { 16 }
    private static var slot: Int { MemoryLayout<any Node>.stride }
    /// The state's room before the first chunk.
    private static var stateSize: Int { 32 }

    /// The bytes of the state and a first chunk of `capacity` slots.
    static func firstBytes(capacity: Int) -> Int { stateSize + headerSize + capacity * slot }

    private let state: UnsafeMutablePointer<State>

    /// Runs whose state and first chunk of `capacity` slots are at `memory` (16-byte aligned,
    /// `firstBytes(capacity:)` long).
    init(at memory: UnsafeMutableRawPointer, capacity: Int) {
        precondition(MemoryLayout<State>.size <= Self.stateSize && MemoryLayout<ChunkHeader>.size <= Self.headerSize)
        // `Block.count` reads a header's count from the first word of its slot.
        precondition(InlineNode.metadata(RunHeader.self) != nil, "a RunHeader must be stored inline in its slot")
        let chunk = memory + Self.stateSize
        chunk.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: ChunkHeader(previous: nil, count: 0))
        (chunk + Self.headerSize).bindMemory(to: (any Node).self, capacity: capacity)
        state = memory.bindMemory(to: State.self, capacity: 1)
        state.initialize(to: State(chunk: chunk, count: 0, capacity: capacity))
    }

    /// Move `count` nodes from `source` into a new run and return its header slot, 16-byte
    /// aligned (see `ArenaRef`). `source`'s slots are left uninitialized.
    func store(moving source: UnsafeMutablePointer<any Node>, count: Int) -> UnsafeMutablePointer<any Node> {
        var at = state.pointee.count
        // A slot is 16-byte aligned when its offset is (the chunk's first slot is).
        if (at * Self.slot) & 15 != 0 { at += 1 }
        if at + 1 + count > state.pointee.capacity {
            addChunk(atLeast: 1 + count)
            at = 0
        }
        let slots = slots(of: state.pointee.chunk)
        if at > state.pointee.count { (slots + state.pointee.count).initialize(to: EmptyNode()) }
        let header = slots + at
        header.initialize(to: RunHeader(count: count))
        (header + 1).moveInitialize(from: source, count: count)
        setCount(at + 1 + count)
        return header
    }

    /// `T`'s metadata as its slots hold it, when its values are stored inline and need no
    /// destroying (nil otherwise: such nodes are destroyed as usual).
    static func trivialMetadata<T: Node>(_ type: T.Type) -> UnsafeRawPointer? {
        _isPOD(T.self) ? InlineNode.metadata(T.self) : nil
    }

    private func slots(of chunk: UnsafeMutableRawPointer) -> UnsafeMutablePointer<any Node> {
        (chunk + Self.headerSize).assumingMemoryBound(to: (any Node).self)
    }

    private func setCount(_ n: Int) {
        state.pointee.count = n
        state.pointee.chunk.assumingMemoryBound(to: ChunkHeader.self).pointee.count = n
    }

    private func addChunk(atLeast slots: Int) {
        let capacity = max(min(state.pointee.capacity * 2, 1024), slots)
        let chunk = ArenaMemory.allocate(Self.headerSize + capacity * Self.slot)
        chunk.bindMemory(to: ChunkHeader.self, capacity: 1).initialize(to: ChunkHeader(previous: state.pointee.chunk, count: 0))
        (chunk + Self.headerSize).bindMemory(to: (any Node).self, capacity: capacity)
        state.pointee = State(chunk: chunk, count: 0, capacity: capacity)
    }

    /// Destroy every node and free the chunks this allocated (not the owner's memory). Text and
    /// outputs, most nodes, hold nothing to release (`Self.isTrivial`): they are skipped rather
    /// than destroyed one by one through their existential's value witness.
    func free() {
        let text = Self.trivialMetadata(TextNode.self), output = Self.trivialMetadata(OutputNode.self)
        var chunk: UnsafeMutableRawPointer? = state.pointee.chunk
        while let c = chunk {
            let header = c.assumingMemoryBound(to: ChunkHeader.self).pointee
            let slots = slots(of: c)
            for i in 0..<header.count {
                let slot = slots + i
                let type = InlineNode.metadata(of: slot)
                if type != nil && (type == text || type == output) { continue }
                slot.deinitialize(count: 1)
            }
            chunk = header.previous
            if chunk != nil { ArenaMemory.free(c) }
        }
        state.deinitialize(count: 1)
    }
}

/// The first slot of a run: how many nodes follow. Never rendered.
struct RunHeader: Node {
    let count: Int
    var offset: Int { 0 }
    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {}
}

/// A slot that holds nothing: skipped to align a run, or left when a body dropped its blank text.
struct EmptyNode: Node {
    var offset: Int { 0 }
    var isBlank: Bool { true }
    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {}
}
