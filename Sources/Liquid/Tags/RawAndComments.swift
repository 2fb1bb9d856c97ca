/// `{% raw %}...{% endraw %}`: the body is output exactly as written.
struct RawTag: Node {
    let bytes: [UInt8]
    let offset: Int
    var isBlank: Bool { bytes.isEmpty }

    static let definition = TagDefinition("raw") { tag, parser in
        let body = try parser.rawBody(until: "endraw", openedAt: tag.offset, blockName: "raw")
        return RawTag(bytes: Array(parser.source[body]), offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws { out.append(bytes) }
}

/// `{% comment %}...{% endcomment %}` (nestable) and the inline `{% # comment %}`.
enum CommentTag {
    static let definition = TagDefinition("comment") { tag, parser in
        try parser.skipComment(openedAt: tag.offset)
        return SilentNode(offset: tag.offset)
    }

    /// Every line of an inline comment must start with `#`.
    static let inlineDefinition = TagDefinition("#") { tag, parser in
        var i = tag.markup.lowerBound
        while i < tag.markup.upperBound {
            if parser.source[i] == UInt8(ascii: "\n") {
                var j = i + 1
                while j < tag.markup.upperBound && Bytes.isWhitespace(parser.source[j]) { j += 1 }
                if j < tag.markup.upperBound && parser.source[j] != UInt8(ascii: "#") {
                    throw LiquidError.syntax("Syntax error in tag '#' - Each line of comments must be prefixed by the '#' character", at: tag.offset)
                }
                i = j
            } else {
                i += 1
            }
        }
        return SilentNode(offset: tag.offset)
    }
}

/// `{% doc %}...{% enddoc %}`: documentation for a partial; never parsed, never rendered.
enum DocTag {
    static let definition = TagDefinition("doc") { tag, parser in
        guard tag.markup.isEmpty else {
            throw LiquidError.syntax("Syntax Error in 'doc' - Valid syntax: {% doc %}{% enddoc %}", at: tag.offset)
        }
        _ = try parser.rawBody(until: "enddoc", openedAt: tag.offset, blockName: "doc")
        return SilentNode(offset: tag.offset)
    }
}

/// `{% liquid ... %}`: one tag per line, no delimiters.
struct LiquidTag: Node {
    let body: Block
    let offset: Int
    var isBlank: Bool { body.isBlank }

    static let definition = TagDefinition("liquid") { tag, parser in
        var inner = TemplateParser(liquidLines: tag.markup, of: parser)
        let body = try inner.parseBody(until: BodyEnds.document).block
        return LiquidTag(body: body, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        try body.render(context, into: &out)
    }

    func analyze(_ analysis: inout Analysis) { body.analyze(&analysis) }
}
