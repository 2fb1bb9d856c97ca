import Liquid

/// The Liquid environment of a Knock project: standard Liquid plus Knock's filters and tags,
/// `include` refused, partials from the project. (Being filled in: helpers, `t`, partial rules.)
public enum KnockFlavour {
    /// An environment for rendering this project's templates.
    public static func environment(partials loader: (any TemplateLoader)? = nil) -> Environment {
        var env = Environment()
        env.allowsInclude = false
        env.loader = loader
        env.register(TranslateTag.definition)
        return env
    }
}

/// `{% t %}...{% endt %}` — placeholder until translations land: renders its body as written.
struct TranslateTag: Node {
    let body: Block
    let offset: Int

    static let definition = TagDefinition("t") { tag, parser in
        let (body, _) = try parser.parseBody(endingAt: ["endt"], blockName: "t")
        return TranslateTag(body: body, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        try body.render(context, into: &out)
    }
}
