/// Bounds for rendering untrusted templates. Exceeding one stops with a `.limit` error naming it.
public struct Limits: Sendable, Equatable {
    /// Largest template source accepted, in bytes.
    public var maxTemplateBytes: Int = 1 << 20
    /// Deepest nesting of block tags (`if` in `for` in `case` ...).
    public var maxNestingDepth: Int = 100
    /// Largest output one render may produce, in bytes.
    public var maxOutputBytes: Int = 16 << 20
    /// Total iterations of all `for` and `tablerow` loops in one render.
    public var maxLoopIterations: Int = 1_000_000
    /// Deepest chain of `render`/`include` partials.
    public var maxPartialDepth: Int = 25
    /// Whether a partial may appear twice in its own chain (recursion). Off by default: a chain
    /// `a → b → a` is reported as a cycle with the chain, instead of running to the depth limit.
    public var allowRecursivePartials: Bool = false

    public init() {}

    /// No practical limits: for trusted templates and the conformance suite.
    public static var unlimited: Limits {
        var l = Limits()
        l.maxTemplateBytes = .max
        l.maxNestingDepth = 1000
        l.maxOutputBytes = .max
        l.maxLoopIterations = .max
        l.maxPartialDepth = 100
        l.allowRecursivePartials = true
        return l
    }
}
