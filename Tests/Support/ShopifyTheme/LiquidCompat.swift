import Liquid

/// Thin wrappers over Liquid's parser and render-context API used by the Shopify tags and filters.
enum LiquidCompat {
    /// The expression in `range` of the template source (a tag's markup or part of it).
    static func expression(_ range: Range<Int>, of parser: TemplateParser, at offset: Int) throws -> Expression {
        var e = parser.expressionParser(range)
        return try e.parseExpression()
    }

    /// A top-level variable a tag or filter reads or binds (`paginate`, `current_tags`).
    struct Variable: Sendable {
        let name: String
        init(_ name: String) { self.name = name }
    }

    /// The variable's value in the render, nil when undefined.
    @inline(__always)
    static func value(of variable: Variable, in context: RenderContext) throws -> Value {
        context.resolve(variable.name) ?? .nil
    }

    /// Render with `variable` bound to `value` in a new innermost scope, as Shopify's
    /// `context.stack` with one name (no array made for the bindings).
    static func withBinding(_ variable: Variable, _ value: consuming Value, in context: RenderContext,
                            _ body: () throws -> Void) throws {
        context.pushScope(binding: variable.name, to: value)
        defer { context.popScope() }
        try body()
    }
}
