import Liquid

/// `{% form article %}...{% endform %}` (the benchmark's comment form) and Shopify's
/// `{% form 'new_comment', article %}...{% endform %}`: renders the body with `form` holding the
/// posted comment's fields (author, email, body, errors: all from `comment`, nil here) inside
///
///     <form id="article-ID-comment-form" class="comment-form" method="post" action="">
///     BODY
///     </form>
///
/// as the benchmark's `CommentForm` does. The body is rendered without the wrapper when the
/// object is nil or the form type is not a comment form (only comment forms are modelled).
/// The workload never renders it: every use sits under `{% if blog.comments_enabled? %}`.
struct FormTag: Node {
    let formType: String?
    let object: Expression
    let body: Block
    let offset: Int

    static let usage = "Syntax Error in 'form' - Valid syntax: form [article] or form 'type', [object]"
    static let commentTypes: Set<String> = ["new_comment", "comment"]

    static let definition = TagDefinition("form") { tag, parser in
        let markup = Array(parser.source[tag.markup])
        var i = 0
        var formType: String? = nil
        if i < markup.count, markup[i] == UInt8(ascii: "'") || markup[i] == UInt8(ascii: "\"") {
            guard let close = markup[(i + 1)...].firstIndex(of: markup[i]) else { throw LiquidError.syntax(usage, at: tag.offset) }
            formType = String(decoding: markup[(i + 1)..<close], as: UTF8.self)
            i = close + 1
            while i < markup.count && (PaginateTag.isSpace(markup[i]) || markup[i] == UInt8(ascii: ",")) { i += 1 }
        }
        // The object: Liquid's VariableSignature run (`article`, `blog.articles[0]`).
        let start = i
        while i < markup.count {
            let b = markup[i]
            guard PaginateTag.isWordByte(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "[")
                || b == UInt8(ascii: "]") || b == UInt8(ascii: "?") || b >= 0x80
            else { break }
            i += 1
        }
        guard i > start else { throw LiquidError.syntax(usage, at: tag.offset) }
        let base = tag.markup.lowerBound
        let object = try LiquidCompat.expression((base + start)..<(base + i), of: parser, at: tag.offset)
        let (body, _) = try parser.parseBody(endingAt: ["endform"], blockName: "form")
        return FormTag(formType: formType, object: object, body: body, offset: tag.offset)
    }

    static let formVariable = LiquidCompat.Variable("form")
    static let commentVariable = LiquidCompat.Variable("comment")

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let object = try context.evaluate(self.object)
        var form = LiquidObject()
        form["posted_successfully?"] = .nil
        let comment = try LiquidCompat.value(of: Self.commentVariable, in: context)
        for key in ["errors", "author", "email", "body"] {
            form[key] = RenderContext.property(of: comment, key: key) ?? .nil
        }

        let wrap = !object.isNil && (formType.map(Self.commentTypes.contains) ?? true)
        if wrap {
            let id = RenderContext.property(of: object, key: "id")?.liquidString ?? ""
            out.append("<form id=\"article-\(id)-comment-form\" class=\"comment-form\" method=\"post\" action=\"\">\n")
        }
        try LiquidCompat.withBinding(Self.formVariable, .object(form), in: context) {
            try body.render(context, into: &out)
        }
        if wrap { out.append("\n</form>") }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("form", at: offset)
        analysis.add(object)
        analysis.defineLocal("form")
        body.analyze(&analysis)
    }
}
