import Liquid

/// Stand-ins for what the Liquid module keeps `internal` today, so this target builds on the
/// public API alone. All of the workarounds live here; each has a one-line public replacement
/// once Liquid exposes the member named in its comment.
enum LiquidCompat {
    /// The expression in `range` of the template source (a tag's markup or part of it).
    /// Public replacement: `var e = parser.expressionParser(range); return try e.parseExpression()`
    /// (needs `ExpressionParser.parseExpression()` public).
    /// Today: parses `{{ text }}` and takes the expression out of its one output node.
    /// Parse time only; never on the render path.
    static func expression(_ range: Range<Int>, of parser: TemplateParser, at offset: Int) throws -> Expression {
        let text = String(decoding: parser.source[range], as: UTF8.self)
        var env = parser.environment
        env.errorMode = .lax
        let template = try env.parse("{{" + text + "}}")
        guard let node = template.root.nodes.first,
            let child = Mirror(reflecting: node).children.first(where: { $0.label == "expression" }),
            let expression = child.value as? FilteredExpression
        else {
            throw LiquidError.syntax("Expected an expression but found '\(text)'", at: offset)
        }
        return expression.base
    }

    /// A top-level variable a tag or filter reads or binds (`paginate`, `current_tags`).
    struct Variable: Sendable {
        let name: String
        /// Public replacement: not needed once `RenderContext.resolve(_:)` is public.
        let lookup: Expression

        init(_ name: String) {
            self.name = name
            var env = Environment()
            env.errorMode = .lax
            let parsed = try? env.parse("{{" + name + "}}")
            let expression = parsed?.root.nodes.first.flatMap { node in
                Mirror(reflecting: node).children.first(where: { $0.label == "expression" })?.value as? FilteredExpression
            }
            lookup = expression?.base ?? .literal(.nil)
        }
    }

    /// The variable's value in the render, nil when undefined.
    /// Public replacement: `context.resolve(variable.name) ?? .nil` (needs `resolve(_:)` public).
    @inline(__always)
    static func value(of variable: Variable, in context: RenderContext) throws -> Value {
        try context.evaluate(variable.lookup)
    }

    /// Render with `bindings` visible, as Shopify's `context.stack { context[k] = v; ... }`.
    /// Public replacement: `context.pushScope(Dictionary(bindings)); defer { context.popScope() }`
    /// (needs `pushScope(_:)` and `popScope()` public).
    /// Today the bindings go into the template's outermost scope (where `assign` writes) and the
    /// previous values are put back afterwards, so nothing leaks past the block. (A name that
    /// was undefined before is left defined as nil: indistinguishable from undefined except
    /// under `strictVariables`.)
    static func withBindings(_ bindings: [(Variable, Value)], in context: RenderContext, _ body: () throws -> Void) throws {
        var saved: [Value] = []
        saved.reserveCapacity(bindings.count)
        for (variable, value) in bindings {
            saved.append(try context.evaluate(variable.lookup))
            context.assign(variable.name, value)
        }
        defer { for ((variable, _), old) in zip(bindings, saved) { context.assign(variable.name, old) } }
        try body()
    }
}
