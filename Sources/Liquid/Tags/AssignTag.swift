/// `{% assign name = expression | filters %}`: sets a variable in the template's outermost scope.
struct AssignTag: Node {
    let name: String
    let value: FilteredExpression
    let offset: Int
    var isBlank: Bool { true }

    static let definition = TagDefinition("assign") { tag, parser in
        let usage = "Syntax Error in 'assign' - Valid syntax: assign [var] = [source]"
        let (name, after) = try parser.variableName(in: tag.markup, tag: "assign")
        var i = after
        while i < tag.markup.upperBound && Bytes.isWhitespace(parser.source[i]) { i += 1 }
        guard i < tag.markup.upperBound, parser.source[i] == UInt8(ascii: "=") else {
            throw LiquidError.syntax(usage, at: tag.offset)
        }
        var expr = parser.expressionParser((i + 1)..<tag.markup.upperBound)
        guard !expr.atEnd else { throw LiquidError.syntax(usage, at: tag.offset) }
        let value = try expr.parseFilteredExpression()
        try expr.finish()
        return AssignTag(name: name, value: value, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        context.assign(name, try context.evaluate(value))
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.add(value)
        analysis.defineLocal(name)
        analysis.addTag("assign", at: offset)
    }
}

/// `{% capture name %}...{% endcapture %}`: renders its body into a string variable.
struct CaptureTag: Node {
    let name: String
    let body: Block
    let offset: Int
    var isBlank: Bool { true }


    static let definition = TagDefinition("capture") { tag, parser in
        let (name, after) = try parser.variableName(in: tag.markup, tag: "capture")
        if parser.mode == .strict && after < tag.markup.upperBound {
            throw LiquidError.syntax("Syntax Error in 'capture' - Valid syntax: capture [var]", at: tag.offset)
        }
        let body = try parser.parseBody(until: BodyEnds("capture", "endcapture")).block
        return CaptureTag(name: name, body: body, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        var captured = OutputBuffer(capacity: 128)
        try body.render(context, into: &captured)
        context.assign(name, .string(captured.string))
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("capture", at: offset)
        body.analyze(&analysis)
        analysis.defineLocal(name)
    }
}

/// `{% increment name %}` / `{% decrement name %}`: counters separate from assigned variables,
/// shared with `include` partials and reset inside `render` partials.
struct IncrementTag: Node {
    let name: String
    let step: Int
    let offset: Int

    static let increment = TagDefinition("increment") { tag, parser in
        IncrementTag(name: try parser.variableName(in: tag.markup, tag: "increment").0, step: 1, offset: tag.offset)
    }
    static let decrement = TagDefinition("decrement") { tag, parser in
        IncrementTag(name: try parser.variableName(in: tag.markup, tag: "decrement").0, step: -1, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        var current = 0
        if case .int(let i)? = context.localsEntry(name) { current = i }
        if step > 0 {
            out.append(String(current))
            context.setLocalsEntry(name, .int(current + 1))
        } else {
            current -= 1
            context.setLocalsEntry(name, .int(current))
            out.append(String(current))
        }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag(step > 0 ? "increment" : "decrement", at: offset)
        analysis.defineLocal(name)
    }
}

/// `{% echo expression | filters %}`: `{{ }}` as a tag, for `{% liquid %}` blocks.
struct EchoTag: Node {
    let expression: FilteredExpression?
    let offset: Int

    static let definition = TagDefinition("echo") { tag, parser in
        var expr = parser.expressionParser(tag.markup)
        if expr.atEnd { return EchoTag(expression: nil, offset: tag.offset) }
        let e = try expr.parseFilteredExpression()
        try expr.finish()
        return EchoTag(expression: e, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        guard let expression else { return }
        try context.evaluate(expression).write(to: &out)
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("echo", at: offset)
        if let expression { analysis.add(expression) }
    }
}
