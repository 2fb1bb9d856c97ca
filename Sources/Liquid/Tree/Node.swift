/// A node of a compiled template. Immutable after parsing, so templates are `Sendable` and can be
/// rendered from many threads at once.
public protocol Node: Sendable {
    /// Byte offset of the node's token in its template, for error locations.
    var offset: Int { get }
    /// True when the node never writes output (assign, comment, whitespace text, blocks of those).
    /// A control-flow tag whose bodies are all blank drops their whitespace text, as Shopify does.
    var isBlank: Bool { get }
    func render(_ context: RenderContext, into out: inout OutputBuffer) throws
    /// Report the variables, filters, tags and partials this node uses.
    func analyze(_ analysis: inout Analysis)
}

extension Node {
    public var isBlank: Bool { false }
    public func analyze(_ analysis: inout Analysis) {}
}

/// A sequence of nodes: a template body or the body of a block tag. A run of nodes in its
/// template's arena (see `NodeRuns`), referred to by the address of the run's header: one word,
/// and copying a block counts no references. Valid as long as its template.
public struct Block: Sendable {
    private let run: ArenaRef<any Node>

    /// The run whose header slot (a `RunHeader`) is at `header`.
    init(run header: UnsafeMutablePointer<any Node>) {
        run = ArenaRef(header)
    }

    /// A block without nodes (a run that is never freed).
    static let empty = Block(run: {
        let header = ArenaMemory.allocate(MemoryLayout<any Node>.stride).bindMemory(to: (any Node).self, capacity: 1)
        header.initialize(to: RunHeader(count: 0))
        return header
    }())

    /// The nodes, in order.
    @inline(__always)
    var nodes: UnsafeBufferPointer<any Node> {
        UnsafeBufferPointer(start: run.pointer + 1, count: count)
    }

    /// The header's count, read in place (a `RunHeader` is stored inline in its slot).
    @inline(__always)
    var count: Int {
        UnsafeRawPointer(run.pointer).load(as: Int.self)
    }

    /// Text and outputs, most of any body, are judged in place (an output is never blank);
    /// asking them through `any Node` would copy each existential first.
    public var isBlank: Bool {
        let nodes = self.nodes
        guard let first = nodes.baseAddress else { return true }
        let text = InlineNode.metadata(TextNode.self), output = InlineNode.metadata(OutputNode.self)
        for i in nodes.indices {
            let node = first + i
            switch InlineNode.metadata(of: node) {
            case text:
                if !InlineNode.value(node, as: TextNode.self).pointee.isWhitespace { return false }
            case output:
                return false
            default:
                if !node.pointee.isBlank { return false }
            }
        }
        return true
    }
    public var isEmpty: Bool { count == 0 }

    /// Render every node; errors get this node's location and follow the render error policy.
    /// Stops early when a `break` or `continue` is pending.
    @inline(__always)
    public func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let nodes = self.nodes
        if let first = nodes.baseAddress {
            let text = InlineNode.metadata(TextNode.self), output = InlineNode.metadata(OutputNode.self)
            let folded = InlineNode.metadata(FoldedOutputNode.self)
            let ifTag = InlineNode.metadata(IfTag.self)
            for i in nodes.indices {
                let node = first + i
                do {
                    // Text and outputs, most of any template, are read in place: calling them
                    // through `any Node` copies the existential (retaining what it holds) first.
                    switch InlineNode.metadata(of: node) {
                    case text:
                        let t = InlineNode.value(node, as: TextNode.self)
                        out.append(utf8: UnsafeBufferPointer(start: t.pointee.bytes, count: t.pointee.count))
                        continue  // text never interrupts
                    case output:
                        try context.write(OutputNode.expression(at: InlineNode.value(node, as: OutputNode.self)), into: &out)
                    case folded:
                        try FoldedOutputNode.write(at: InlineNode.value(node, as: FoldedOutputNode.self), context, into: &out)
                    // The commonest tag, called directly rather than through its witness table.
                    case ifTag:
                        try InlineNode.value(node, as: IfTag.self).pointee.render(context, into: &out)
                    default:
                        try node.pointee.render(context, into: &out)
                    }
                } catch let error as LiquidError {
                    try context.handle(error, at: node.pointee.offset, into: &out)
                }
                if context.interrupt != .none { return }
            }
        }
        try context.checkOutput(out)
    }

    /// Shopify drops whitespace-only text from the bodies of a blank control-flow tag. The
    /// other nodes move up in place; the slots left over at the end hold `EmptyNode`s, so that
    /// the arena still destroys every slot once. Only while parsing, before anything reads
    /// the block.
    func removeBlankText() {
        let n = count
        guard n > 0 else { return }
        let first = UnsafeMutablePointer(mutating: run.pointer + 1)
        let text = InlineNode.metadata(TextNode.self)
        var kept = 0
        for i in 0..<n {
            let node = first + i
            let isText = text != nil ? InlineNode.metadata(of: node) == text : node.pointee is TextNode
            if isText {
                node.deinitialize(count: 1)
            } else {
                if kept != i { (first + kept).moveInitialize(from: node, count: 1) }
                kept += 1
            }
        }
        for i in kept..<n { (first + i).initialize(to: EmptyNode()) }
        UnsafeMutablePointer(mutating: run.pointer).pointee = RunHeader(count: kept)
    }

    public func analyze(_ analysis: inout Analysis) {
        for node in nodes { node.analyze(&analysis) }
    }
}

/// Reading a node of a known type straight out of its `any Node` existential.
///
/// Swift's existential container is ABI: three words of inline storage, then the dynamic type's
/// metadata, then the witness table. A value of at most three words (and alignment at most
/// one word) lives in the inline storage. `TextNode` and `OutputNode` are such values (checked
/// below), so a block can compare the metadata word and use the value in place.
enum InlineNode {
    /// The metadata word of an existential container.
    @inline(__always)
    static func metadata(of node: UnsafePointer<any Node>) -> UnsafeRawPointer? {
        UnsafeRawPointer(node).load(fromByteOffset: 3 * MemoryLayout<Int>.size, as: UnsafeRawPointer?.self)
    }

    /// A type's metadata as the container stores it, or nil (matches nothing) when values of
    /// the type would not be stored inline.
    @inline(__always)
    static func metadata<T: Node>(_ type: T.Type) -> UnsafeRawPointer? {
        guard MemoryLayout<T>.size <= 3 * MemoryLayout<Int>.size,
              MemoryLayout<T>.alignment <= MemoryLayout<Int>.alignment,
              MemoryLayout<any Node>.size == 5 * MemoryLayout<Int>.size
        else { return nil }
        return unsafeBitCast(type as Any.Type, to: UnsafeRawPointer.self)
    }

    /// The value inside a container whose metadata is `T`'s.
    @inline(__always)
    static func value<T: Node>(_ node: UnsafePointer<any Node>, as: T.Type) -> UnsafePointer<T> {
        UnsafeRawPointer(node).assumingMemoryBound(to: T.self)
    }
}

/// Literal template text: a range of the template's own source, read where it is (no copy).
/// Two words and trivial to copy or destroy: the template keeps its source, which the node's
/// bytes point into, for as long as its nodes exist (they are in its arena). Immutable, hence
/// Sendable.
struct TextNode: Node, @unchecked Sendable {
    /// The first byte of the text, inside the template's source.
    let bytes: UnsafePointer<UInt8>
    private let start: Int32, end: Int32

    /// The text at `range` of the source whose first byte is `base`.
    init(base: UnsafePointer<UInt8>, range: Range<Int>) {
        precondition(!range.isEmpty && range.upperBound <= Int(Int32.max))
        self.bytes = base + range.lowerBound
        self.start = Int32(range.lowerBound)
        self.end = Int32(range.upperBound)
    }

    var range: Range<Int> { Int(start)..<Int(end) }
    var count: Int { Int(end &- start) }
    var offset: Int { Int(start) }
    var isBlank: Bool { isWhitespace }

    /// Whether the text is all whitespace.
    var isWhitespace: Bool {
        let p = bytes
        for i in 0..<count where !Bytes.isWhitespace(p[i]) { return false }
        return true
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        out.append(utf8: UnsafeBufferPointer(start: bytes, count: count))
    }
}

/// `{{ expression | filters }}`.
struct OutputNode: Node {
    let expression: FilteredExpression
    var offset: Int { expression.offset }

    /// Where the expression of the node at `node` is stored, for printing it in place.
    @inline(__always)
    static func expression(at node: UnsafePointer<OutputNode>) -> UnsafePointer<FilteredExpression> {
        UnsafeRawPointer(node).advanced(by: MemoryLayout<OutputNode>.offset(of: \.expression)!)
            .assumingMemoryBound(to: FilteredExpression.self)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        try context.write(expression, into: &out)
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.add(expression)
    }
}
