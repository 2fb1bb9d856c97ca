import Synchronization

/// A parsed, immutable template: parse once, render many times from any thread.
public final class Template: Sendable {
    public let name: String?
    public let source: [UInt8]
    /// The parsed body. Not public: its expressions refer into `arena`, so they are valid only
    /// while the template is.
    let root: Block
    public let environment: Environment
    /// Where the template's paths are stored (see `SyntaxArena`), freed with the template.
    private let arena: SyntaxArena

    init(source: [UInt8], name: String?, environment: consuming Environment) throws {
        self.name = name
        self.source = source
        do {
            if source.count > environment.limits.maxTemplateBytes {
                throw LiquidError.limit("template is \(source.count) bytes, over the limit of \(environment.limits.maxTemplateBytes) (maxTemplateBytes)")
            }
            // The environment moves into the parser and back out into the template: neither
            // step copies it (a copy retains every reference in it).
            var parser = TemplateParser(source: source, environment: consume environment)
            root = try parser.parseBody(until: BodyEnds.document).block
            (self.environment, arena) = parser.finish()
        } catch var error as LiquidError {
            if error.offset == nil { error.offset = source.count }
            error.locate(in: source, name: name)
            throw error
        }
    }

    deinit {
        arena.free()
        if let kept = UnsafeRawPointer(bitPattern: spare.load(ordering: .acquiring)) {
            Unmanaged<RenderContext>.fromOpaque(kept).release()
        }
    }

    /// Render with `globals` (visible everywhere, including `render` partials) and `locals`
    /// (visible to this template only). Without a `session`, the render gets a new one of its own.
    public func render(globals: LiquidObject = LiquidObject(), locals: [String: Value] = [:],
                       session: RenderSession? = nil) throws -> String
    {
        if let session {
            // Output usually outgrows the source (loops): start at four times it, fewer regrowths.
            var out = OutputBuffer(capacity: max(1024, source.count &* 4))
            try render(into: &out, globals: globals, locals: locals, session: session)
            return out.string
        }
        let context = takeContext(globals: globals, locals: locals)
        var out = context.spareOutput.take() ?? OutputBuffer(capacity: max(1024, source.count &* 4))
        try render(into: &out, context: context)
        let result = out.string
        if out.capacity <= Self.maxSpareOutput {
            out.removeAll()
            context.spareOutput = consume out
        }
        recycle(context)
        return result
    }

    /// Render into a caller's buffer (no String is made).
    public func render(into out: inout OutputBuffer, globals: LiquidObject = LiquidObject(), locals: [String: Value] = [:],
                       session: RenderSession? = nil) throws
    {
        if let session {
            let context = RenderContext(environment: environment, session: session, globals: globals, locals: locals,
                                        templateSource: source, templateName: name)
            try render(into: &out, context: context)
            return
        }
        let context = takeContext(globals: globals, locals: locals)
        try render(into: &out, context: context)
        recycle(context)
    }

    // MARK: The spare context

    /// A context (with its session, arrays and output buffer) left by a finished render, which the
    /// next render without a session of its own takes instead of making one: a render then
    /// allocates almost nothing for its own state. A finished context goes to `sharedSpare`
    /// first and here only when that one is taken (renders on several threads at once); taken
    /// and put back atomically, so renders at the same time each get their own.
    /// (Held as the address of a retained `Unmanaged` reference, 0 for none: the context is not
    /// `Sendable`, but only one render at a time ever holds it.)
    private let spare = Atomic<UInt>(0)

    /// Output buffers larger than this are freed after a render instead of kept with the spare:
    /// a cache of many templates should not hold much memory for them. Notification output is
    /// mostly far smaller (Gmail clips an email at 102 KB).
    static let maxSpareOutput = 128 << 10

    /// One spare context for any template, taken when a template has none of its own (a
    /// template rendered for the first time, most of all): it is pointed at the template first.
    /// Renders on other threads meanwhile find it taken and use their own or a new one.
    private static let sharedSpare = Atomic<UInt>(0)

    /// The spare context prepared for a render: this template's own, else the shared one, else
    /// a new one.
    private func takeContext(globals: LiquidObject, locals: [String: Value]) -> RenderContext {
        if let taken = UnsafeRawPointer(bitPattern: spare.exchange(0, ordering: .acquiring)) {
            let context = Unmanaged<RenderContext>.fromOpaque(taken).takeRetainedValue()
            context.prepareForReuse(globals: globals, locals: locals)
            return context
        }
        if let taken = UnsafeRawPointer(bitPattern: Self.sharedSpare.exchange(0, ordering: .acquiring)) {
            let context = Unmanaged<RenderContext>.fromOpaque(taken).takeRetainedValue()
            context.rebind(to: self)
            context.prepareForReuse(globals: globals, locals: locals)
            return context
        }
        return RenderContext(environment: environment, session: RenderSession(), globals: globals, locals: locals,
                             templateSource: source, templateName: name)
    }

    /// Keep a context after a render that finished without error as the shared spare (the next
    /// render of any template takes it), or as this template's own when the shared one is taken,
    /// unless something else still holds the context.
    private func recycle(_ context: consuming RenderContext) {
        var context = context
        guard isKnownUniquelyReferenced(&context), context.finishForReuse() else { return }
        let kept = Unmanaged.passRetained(context)
        let address = UInt(bitPattern: kept.toOpaque())
        if !Self.sharedSpare.compareExchange(expected: 0, desired: address, ordering: .releasing).exchanged
            && !spare.compareExchange(expected: 0, desired: address, ordering: .releasing).exchanged {
            kept.release()
        }
    }

    func render(into out: inout OutputBuffer, context: RenderContext) throws {
        do {
            try root.render(context, into: &out)
        } catch var error as LiquidError {
            error.locate(in: source, name: name)
            throw error
        }
    }

    /// The variables, filters, tags and partials the template uses, with their positions.
    public func analyze() -> Analysis {
        var analysis = Analysis(source: source)
        root.analyze(&analysis)
        return analysis
    }
}
