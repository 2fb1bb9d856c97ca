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

/// A sequence of nodes: a template body or the body of a block tag.
public struct Block: Sendable {
    public internal(set) var nodes: [any Node]

    public init(_ nodes: [any Node] = []) { self.nodes = nodes }

    public var isBlank: Bool { nodes.allSatisfy(\.isBlank) }
    public var isEmpty: Bool { nodes.isEmpty }

    /// Render every node; errors get this node's location and follow the render error policy.
    /// Stops early when a `break` or `continue` is pending.
    @inline(__always)
    public func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        // Index through the buffer: iterating the array would copy (retain and release) every
        // node's existential on every render.
        try nodes.withUnsafeBufferPointer { nodes in
            for i in nodes.indices {
                do {
                    try nodes[i].render(context, into: &out)
                } catch let error as LiquidError {
                    try context.handle(error, at: nodes[i].offset, into: &out)
                }
                if context.interrupt != .none { return }
            }
        }
        try context.checkOutput(out)
    }

    /// Shopify drops whitespace-only text from the bodies of a blank control-flow tag.
    mutating func removeBlankText() {
        nodes.removeAll { $0 is TextNode }
    }

    public func analyze(_ analysis: inout Analysis) {
        for node in nodes { node.analyze(&analysis) }
    }
}

/// Literal template text: a range of the template's own source, which it shares (no copy).
/// Three words, so it fits an existential's inline buffer and costs no allocation of its own.
struct TextNode: Node {
    let source: [UInt8]
    let range: Range<Int>
    var offset: Int { range.lowerBound }
    var isBlank: Bool { source[range].allSatisfy(Bytes.isWhitespace) }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        out.append(source, range)
    }
}

/// `{{ expression | filters }}`.
struct OutputNode: Node {
    let expression: FilteredExpression
    var offset: Int { expression.offset }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        try context.evaluate(expression).write(to: &out)
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.add(expression)
    }
}
