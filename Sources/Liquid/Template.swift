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

    deinit { arena.free() }

    /// Render with `globals` (visible everywhere, including `render` partials) and `locals`
    /// (visible to this template only).
    public func render(globals: LiquidObject = LiquidObject(), locals: [String: Value] = [:],
                       session: RenderSession = RenderSession()) throws -> String
    {
        // Output usually outgrows the source (loops): start at four times it, fewer regrowths.
        var out = OutputBuffer(capacity: max(1024, source.count &* 4))
        try render(into: &out, globals: globals, locals: locals, session: session)
        return out.string
    }

    /// Render into a caller's buffer (no String is made).
    public func render(into out: inout OutputBuffer, globals: LiquidObject = LiquidObject(), locals: [String: Value] = [:],
                       session: RenderSession = RenderSession()) throws
    {
        let context = RenderContext(environment: environment, session: session, globals: globals, locals: locals,
                                    templateSource: source, templateName: name)
        try render(into: &out, context: context)
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
