/// What `include` and `render` share: the partial's name, the variable bound to it, keyword
/// arguments. Syntax: `'name' [with|for expr] [as alias] [,] key: value, ...`.
struct PartialCall: Sendable {
    /// A literal name, or an expression for `include` (`{% include snippet %}`).
    let name: Expression
    let literalName: String?
    let variable: Expression?
    let isForLoop: Bool
    let alias: String?
    let arguments: [(String, Expression)]

    static func parse(_ tag: TagToken, _ parser: inout TemplateParser, requireLiteralName: Bool) throws -> PartialCall {
        var expr = parser.expressionParser(tag.markup)
        guard !expr.atEnd else { throw LiquidError.syntax("Syntax Error in '\(tag.name)' - Valid syntax: \(tag.name) '[template]'", at: tag.offset) }
        if requireLiteralName && expr.current.kind != .string {
            throw LiquidError.syntax("Syntax error in tag 'render' - Template name must be a quoted string", at: tag.offset)
        }
        let name = try expr.parseExpression()
        var literalName: String? = nil
        if case .literal(let l) = name, case .string(let s) = l.value { literalName = s }
        var variable: Expression? = nil
        var isFor = false
        var alias: String? = nil
        if expr.isWord("with") || expr.isWord("for") {
            isFor = expr.isWord("for")
            expr.advance()
            variable = try expr.parseExpression()
        }
        if expr.consumeWord("as") {
            guard expr.current.kind == .identifier else { throw expr.unexpected(expected: "a variable name after 'as'") }
            alias = expr.text(expr.current)
            expr.advance()
        }
        var arguments: [(String, Expression)] = []
        _ = expr.consume(.comma)
        while !expr.atEnd {
            guard expr.current.kind == .identifier, expr.peekNext.kind == .colon else {
                if parser.mode == .strict { throw expr.unexpected(expected: "a keyword argument") }
                expr.advance()
                continue
            }
            let key = expr.text(expr.current)
            expr.advance(); expr.advance()
            arguments.append((key, try expr.parseExpression()))
            _ = expr.consume(.comma)
        }
        return PartialCall(name: name, literalName: literalName, variable: variable, isForLoop: isFor,
                           alias: alias, arguments: arguments)
    }

    /// The variable the bound value is visible as: the alias, or the partial's last path component.
    func boundName(for partialName: String) -> String {
        alias ?? String(partialName.split(separator: "/").last ?? Substring(partialName))
    }

    func analyze(_ analysis: inout Analysis, tag: String, at offset: Int) {
        analysis.addTag(tag, at: offset)
        if let literalName { analysis.addPartial(literalName, at: offset) } else { analysis.add(name) }
        if let variable { analysis.add(variable) }
        for (_, a) in arguments { analysis.add(a) }
    }
}

extension RenderContext {
    /// Load and parse a partial (once per render), enforcing depth and cycle limits.
    func partial(named name: String) throws -> Template {
        let limits = environment.limits
        if partialChain.count >= limits.maxPartialDepth {
            throw LiquidError.limit("partials nested too deep: \((partialChain + [name]).joined(separator: " → ")) (maxPartialDepth \(limits.maxPartialDepth))")
        }
        if !limits.allowRecursivePartials, partialChain.contains(name) || templateName == name {
            throw LiquidError.limit("partial cycle: \((partialChain + [name]).joined(separator: " → "))")
        }
        if let cached = session.partials[name] { return cached }
        guard let loader = environment.loader else {
            throw LiquidError(.fileSystem, "This liquid context does not allow includes.")
        }
        let source = try loader.source(named: name)
        let template = try Template(source: Array(source.utf8), name: name, environment: environment)
        session.partials[name] = template
        session.notePartialUsed(name)
        return template
    }
}

/// `{% include 'name' %}`: renders a partial in the including template's scope, so it sees and
/// can assign the caller's variables.
struct IncludeTag: Node {
    let call: PartialCall
    let offset: Int

    static let definition = TagDefinition("include") { tag, parser in
        guard parser.environment.allowsInclude else {
            throw LiquidError.syntax("'include' is not available here; use {% render %}, whose partials have their own scope", at: tag.offset)
        }
        return IncludeTag(call: try PartialCall.parse(tag, &parser, requireLiteralName: false), offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let nameValue = try context.evaluate(call.name)
        guard case .string(let name) = nameValue else {
            throw LiquidError.argument("Argument error in tag 'include' - Illegal template name")
        }
        let partial = try context.partial(named: name)
        let bound = call.boundName(for: name)
        let value: Value
        if let v = call.variable {
            value = try context.evaluate(v)
        } else {
            value = context.resolve(name) ?? .nil
        }
        // The partial renders in this context; its errors point into the partial's own source.
        let savedSource = context.templateSource, savedName = context.templateName
        context.templateSource = partial.source
        context.templateName = name
        context.partialChain.append(name)
        context.pushScope()
        defer {
            context.popScope()
            context.partialChain.removeLast()
            context.templateSource = savedSource
            context.templateName = savedName
        }
        for (key, e) in call.arguments { context.setLocal(key, try context.evaluate(e)) }
        if case .array(let items) = value {
            for item in items {
                context.setLocal(bound, item)
                try partial.root.render(context, into: &out)
            }
        } else {
            context.setLocal(bound, value)
            try partial.root.render(context, into: &out)
        }
    }

    func analyze(_ analysis: inout Analysis) { call.analyze(&analysis, tag: "include", at: offset) }
}

/// `{% render 'name' %}`: renders a partial in an isolated scope: it sees only its arguments and
/// the globals, and nothing it assigns leaks out.
struct RenderTag: Node {
    let call: PartialCall
    let offset: Int

    static let definition = TagDefinition("render") { tag, parser in
        RenderTag(call: try PartialCall.parse(tag, &parser, requireLiteralName: true), offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let name = call.literalName ?? ""
        let partial = try context.partial(named: name)
        let bound = call.boundName(for: name)
        let value = try call.variable.map { try context.evaluate($0) }
        var arguments: [(String, Value)] = []
        let transform = context.environment.partialArgument
        for (key, e) in call.arguments {
            let value = try context.evaluate(e)
            arguments.append((key, transform.map { $0(name, key, value) } ?? value))
        }

        func renderOnce(_ item: Value?, forloop: ForloopDrop?) throws {
            let child = context.isolatedChild(source: partial.source, name: name)
            if let forloop { child.setLocal("forloop", .drop(forloop)) }
            for (key, v) in arguments { child.setLocal(key, v) }
            if let item, !item.isNil { child.setLocal(bound, item) }
            try partial.root.render(child, into: &out)
        }

        if call.isForLoop, let value, let items = Self.iterable(value) {
            let forloop = ForloopDrop(name: name, length: items.count, parent: nil)
            try context.countIterations(items.count)
            for item in items {
                try renderOnce(item, forloop: forloop)
                forloop.index0 += 1
            }
        } else {
            try renderOnce(value, forloop: nil)
        }
    }

    static func iterable(_ value: Value) -> [Value]? {
        switch value {
        case .array(let a): return a
        case .range: return value.arrayElements
        case .object(let o): return o.pairs.map { .array([.string($0), $1]) }
        default: return nil
        }
    }

    func analyze(_ analysis: inout Analysis) { call.analyze(&analysis, tag: "render", at: offset) }
}
