import Synchronization

/// Constant outputs: `{{ 'theme.css' | asset_url | stylesheet_tag }}`, whose input and
/// arguments are literals and whose filters are all pure (`FilterDefinition.isPure`), prints the
/// same text on every render. Its first renders compute it the ordinary way; the second keeps the
/// text with the template, and later renders print the kept text (`FoldedOutputNode`). (Not the
/// first: a template rendered once, as one parsed for a single message often is, would pay for
/// keeping a text it never prints again.)
///
/// Only what cannot differ between renders is kept: a literal input (not a variable, range or
/// `empty`/`blank`), every filter known, pure, with literal arguments of the right number. A
/// render that throws keeps nothing (the output raises its error, at its place and under the
/// render's error policy, every time), nor does a long text (the outputs worth keeping are URLs
/// and tags). Nothing is computed when parsing: a template parsed and rendered once costs what
/// it did, and one rendered many times computes each such output once.
enum ConstantFolding {
    /// Longest text kept.
    static let maxKeptBytes = 1024

    /// Push the output `expression` as a folded node when it is constant; false (nothing
    /// pushed) when it is not.
    static func fold(_ expression: borrowing FilteredExpression, in arena: SyntaxArena, into nodes: NodeSlots) -> Bool {
        guard case .literal = expression.base, let first = expression.firstFilter else { return false }
        var call: FilterCall? = first
        while let c = call {
            guard c.constantArityChecked, c.constantsUnretained != nil, let definition = c.definitionUnretained,
                  definition._withUnsafeGuaranteedRef({ $0.isPure })
            else { return false }
            call = c.next
        }
        let output = arena.foldedOutputs.storeReturningPointer(FoldedOutput(expression: copy expression, text: 0))
        nodes.push(FoldedOutputNode(output: UnsafePointer(output), offset: expression.offset))
        return true
    }
}

/// A constant output in its template's arena: the expression, and the text a render kept (0
/// before the first render, `renderedOnce` after it), set by compare-and-swap and released with
/// the template.
struct FoldedOutput {
    let expression: FilteredExpression
    /// An `Unmanaged<FoldedText>` retained by this output, as its address, or 0 or
    /// `renderedOnce`; read and written only as an `Atomic<UInt>` (see `textSlot`).
    private var text: UInt

    /// The text word after one render: not an address (objects are 16-byte aligned).
    static var renderedOnce: UInt { 1 }

    init(expression: FilteredExpression, text: UInt) {
        self.expression = expression
        self.text = text
    }

    /// The text word of the output at `output`, as the atomic it is used as (`Atomic<UInt>` is
    /// laid out as a `UInt`).
    @inline(__always)
    static func textSlot(_ output: UnsafePointer<FoldedOutput>) -> UnsafeMutablePointer<Atomic<UInt>> {
        UnsafeMutableRawPointer(mutating: output).advanced(by: MemoryLayout<FoldedOutput>.offset(of: \.text)!)
            .assumingMemoryBound(to: Atomic<UInt>.self)
    }

    /// The expression of the output at `output`, for writing it in place.
    @inline(__always)
    static func expression(_ output: UnsafePointer<FoldedOutput>) -> UnsafePointer<FilteredExpression> {
        UnsafeRawPointer(output).advanced(by: MemoryLayout<FoldedOutput>.offset(of: \.expression)!)
            .assumingMemoryBound(to: FilteredExpression.self)
    }

    /// Release the kept text, if any (the arena is being freed: no render is running).
    static func releaseText(_ output: UnsafePointer<FoldedOutput>) {
        let word = textSlot(output).pointee.load(ordering: .acquiring)
        if word > renderedOnce, let kept = UnsafeRawPointer(bitPattern: word) {
            Unmanaged<FoldedText>.fromOpaque(kept).release()
        }
    }
}

/// The text of a constant output, in one allocation; immutable once made.
final class FoldedText: ManagedBuffer<FoldedText.Header, UInt8> {
    struct Header {
        let count: Int
        /// Whether the bytes are known to be whole UTF-8 (as the buffer they came from knew).
        let knownUTF8: Bool
    }

    static func make(_ bytes: UnsafeBufferPointer<UInt8>, knownUTF8: Bool) -> FoldedText {
        let n = bytes.count
        let made = create(minimumCapacity: n) { _ in Header(count: n, knownUTF8: knownUTF8) }
        made.withUnsafeMutablePointerToElements { elements in
            if n > 0 { elements.initialize(from: bytes.baseAddress!, count: n) }
        }
        return unsafeDowncast(made, to: FoldedText.self)
    }

    @inline(__always)
    func write(into out: inout OutputBuffer) {
        withUnsafeMutablePointers { header, elements in
            let bytes = UnsafeBufferPointer(start: UnsafePointer(elements), count: header.pointee.count)
            if header.pointee.knownUTF8 { out.append(utf8: bytes) } else { out.append(bytes) }
        }
    }
}

/// An output whose text is kept after its first render (see `ConstantFolding`). Two words,
/// stored inline in its `any Node`, and trivial: its expression and text are in the template's
/// arena. Sendable: the text is set once, atomically, and never changed.
struct FoldedOutputNode: Node, @unchecked Sendable {
    let output: UnsafePointer<FoldedOutput>
    let offset: Int

    /// Print the output of the node at `node`: the kept text, or the output computed the
    /// ordinary way (and kept, from the second render on).
    @inline(__always)
    static func write(at node: UnsafePointer<FoldedOutputNode>, _ context: RenderContext, into out: inout OutputBuffer) throws {
        let output = node.pointee.output
        let word = FoldedOutput.textSlot(output).pointee.load(ordering: .acquiring)
        if word > FoldedOutput.renderedOnce, let kept = UnsafeRawPointer(bitPattern: word) {
            Unmanaged<FoldedText>.fromOpaque(kept)._withUnsafeGuaranteedRef { $0.write(into: &out) }
            return
        }
        try writeComputed(output, keep: word == FoldedOutput.renderedOnce, context, into: &out)
    }

    /// Written as any output is; the first time noted, the second time the bytes it wrote kept. A
    /// render on another thread that kept its text first wins (the same bytes).
    private static func writeComputed(_ output: UnsafePointer<FoldedOutput>, keep: Bool, _ context: RenderContext,
                                      into out: inout OutputBuffer) throws {
        let start = out.count
        try context.write(FoldedOutput.expression(output), into: &out)
        guard keep else {
            _ = FoldedOutput.textSlot(output).pointee.compareExchange(expected: 0, desired: FoldedOutput.renderedOnce,
                                                                       ordering: .relaxed)
            return
        }
        let written = out.count - start
        guard written <= ConstantFolding.maxKeptBytes else { return }
        let text = out.withUnsafeBytes { bytes in
            FoldedText.make(UnsafeBufferPointer(rebasing: bytes[start...]), knownUTF8: out.knownUTF8)
        }
        let kept = Unmanaged.passRetained(text)
        if !FoldedOutput.textSlot(output).pointee.compareExchange(
            expected: FoldedOutput.renderedOnce, desired: UInt(bitPattern: kept.toOpaque()), ordering: .releasing).exchanged {
            kept.release()
        }
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        try withUnsafePointer(to: self) { try Self.write(at: $0, context, into: &out) }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.add(output.pointee.expression)
    }
}
