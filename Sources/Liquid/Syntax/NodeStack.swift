/// The nodes of the bodies being parsed, innermost body last. A body pushes its nodes here and,
/// when it ends, moves them into a run of the template's arena (see `NodeRuns`). Shared by a template's parser and the parsers of
/// its `{% liquid %}` tags (a nested body always ends before the body around it), and owned by
/// their `ParseInput`, which makes it with `NodeSlots.make()` and frees it with `free()`.
///
/// The buffer is managed by hand behind a pointer to its state, so pushes make no exclusivity
/// or uniqueness checks. Every access is below `count`, which is at most `capacity`. Through a
/// plain pointer, pushing a node (even across a tag's parse function, which gets the parser
/// `inout`) retains and releases nothing. Valid until `free()`.
struct NodeSlots {
    struct State {
        var base: UnsafeMutablePointer<any Node>
        var count: Int
        var capacity: Int
        /// The first buffer, allocated with the state (it is not freed on its own).
        let first: UnsafeMutablePointer<any Node>
    }

    let state: UnsafeMutablePointer<State>

    /// A new, empty stack: its state and first buffer in one allocation.
    static func make() -> NodeSlots {
        let capacity = 32
        // `any Node` is word-aligned and the state a whole number of words, so the buffer
        // after the state is aligned.
        let stateSize = MemoryLayout<State>.stride
        // From malloc, as arena memory is (see `ArenaMemory`).
        let raw = ArenaMemory.allocate(stateSize + capacity * MemoryLayout<any Node>.stride)
        let first = (raw + stateSize).bindMemory(to: (any Node).self, capacity: capacity)
        let state = raw.bindMemory(to: State.self, capacity: 1)
        state.initialize(to: State(base: first, count: 0, capacity: capacity, first: first))
        return NodeSlots(state: state)
    }

    /// Destroy the nodes left and free the stack.
    func free() {
        let s = state
        s.pointee.base.deinitialize(count: s.pointee.count)
        if s.pointee.base != s.pointee.first { s.pointee.base.deallocate() }
        s.deinitialize(count: 1)
        ArenaMemory.free(UnsafeMutableRawPointer(s))
    }

    var count: Int { state.pointee.count }

    /// Push a node of a known type: the existential is built in place, its value moved in.
    @inline(__always)
    func push<N: Node>(_ node: consuming N) {
        (reserveOne()).initialize(to: node)
        state.pointee.count += 1
    }

    /// Push an output node. Built here from the moved expression: a node built by the caller
    /// and erased to `any Node` in a generic `push` was copied (its references retained and
    /// released) rather than moved.
    func pushOutput(_ expression: consuming FilteredExpression) {
        (reserveOne()).initialize(to: OutputNode(expression: expression))
        state.pointee.count += 1
    }

    /// Push a node a tag's parse function returned. Consumed: a borrowed existential would be
    /// copied into the slot (its value retained) and the caller's copy destroyed.
    func push(any node: consuming any Node) {
        (reserveOne()).initialize(to: node)
        state.pointee.count += 1
    }

    /// The slot for the next node, growing the buffer when full.
    @inline(__always)
    private func reserveOne() -> UnsafeMutablePointer<any Node> {
        let s = state
        if s.pointee.count == s.pointee.capacity { grow() }
        return s.pointee.base + s.pointee.count
    }

    private func grow() {
        let s = state
        let capacity = s.pointee.capacity * 2
        let base = UnsafeMutablePointer<any Node>.allocate(capacity: capacity)
        base.moveInitialize(from: s.pointee.base, count: s.pointee.count)
        if s.pointee.base != s.pointee.first { s.pointee.base.deallocate() }
        s.pointee.base = base
        s.pointee.capacity = capacity
    }

    /// `{{-` / `{%-`: strip the whitespace ending the last node, if it was pushed at or after
    /// `start` and is literal text. The node is moved out and its shortened replacement pushed.
    func trimTrailingWhitespaceOfText(from start: Int) {
        let s = state
        guard s.pointee.count > start else { return }
        let slot = s.pointee.base + (s.pointee.count - 1)
        // The metadata word says whether the node is text (`as?` would copy the existential).
        guard let textType = InlineNode.metadata(TextNode.self) else {
            // Not stored inline (never on the platforms we know): the slow way.
            guard let text = slot.pointee as? TextNode else { return }
            removeLast()
            if let trimmed = text.trimmingTrailingWhitespace() { push(trimmed) }
            return
        }
        guard InlineNode.metadata(of: UnsafePointer(slot)) == textType else { return }
        // The slot holds a TextNode inline: move it out; the slot is now uninitialized.
        let text = UnsafeMutableRawPointer(slot).assumingMemoryBound(to: TextNode.self).move()
        s.pointee.count -= 1
        if let trimmed = text.trimmingTrailingWhitespace() { push(trimmed) }
    }

    /// Remove the last node (there must be one).
    func removeLast() {
        precondition(state.pointee.count > 0)
        state.pointee.count -= 1
        (state.pointee.base + state.pointee.count).deinitialize(count: 1)
    }

    /// Move the nodes from `start` on into a run of `runs` (the body's block), leaving
    /// `start` nodes.
    func take(from start: Int, into runs: NodeRuns) -> Block {
        let s = state
        let n = s.pointee.count - start
        precondition(start >= 0 && n >= 0)
        guard n > 0 else { return .empty }
        let block = Block(run: runs.store(moving: s.pointee.base + start, count: n))
        s.pointee.count = start
        return block
    }

    /// Drop the nodes from `start` on (a body that failed to parse).
    func truncate(to start: Int) {
        let s = state
        guard s.pointee.count > start else { return }
        (s.pointee.base + start).deinitialize(count: s.pointee.count - start)
        s.pointee.count = start
    }
}

extension TextNode {
    /// The text without its trailing whitespace (`{{-`), nil when nothing is left.
    func trimmingTrailingWhitespace() -> TextNode? {
        let range = self.range
        var end = range.upperBound
        // `bytes` points at `range.lowerBound` of the template's source.
        while end > range.lowerBound && Bytes.isWhitespace(bytes[end - range.lowerBound - 1]) { end -= 1 }
        guard end > range.lowerBound else { return nil }
        return TextNode(base: bytes - range.lowerBound, range: range.lowerBound..<end)
    }
}
