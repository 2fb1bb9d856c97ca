/// State one render shares with every partial it renders.
///
/// Made for every render, so what most renders never touch (partials, attributes, warnings,
/// errors) lives in one object made on first use: a plain render allocates and frees only
/// the session itself.
public final class RenderSession {
    @exclusivity(unchecked) var loopIterations = 0
    /// Frozen "now" for `date: "now"`; nil reads the clock.
    @exclusivity(unchecked) public var now: Double?
    /// Overrides the environment's render error policy for this render.
    @exclusivity(unchecked) public var errorPolicy: RenderErrorPolicy?
    @exclusivity(unchecked) private var extras: Extras?

    private final class Extras {
        var partials: [String: Template] = [:]
        var partialsUsed: [String] = []
        var attributes: [String: Value] = [:]
        var warnings: [String] = []
        var errors: [LiquidError] = []
    }

    public init(now: Double? = nil, errorPolicy: RenderErrorPolicy? = nil) {
        self.now = now
        self.errorPolicy = errorPolicy
    }

    /// Back to the state of a new session made with no arguments, for a template's spare
    /// context (see `Template.render`).
    func resetForReuse() {
        loopIterations = 0
        now = nil
        errorPolicy = nil
        extras = nil
    }

    private var madeExtras: Extras {
        if let extras { return extras }
        let made = Extras()
        extras = made
        return made
    }

    /// Partials parsed during this render, by name.
    var partials: [String: Template] {
        get { extras?.partials ?? [:] }
        _modify { yield &madeExtras.partials }
    }

    /// Names of the partials this render used, in first-use order (e.g. to hoist their styles).
    public var partialsUsed: [String] { extras?.partialsUsed ?? [] }

    func notePartialUsed(_ name: String) { madeExtras.partialsUsed.append(name) }

    /// Render-wide settings an embedding layer passes to its own tags and filters (Knock's locale
    /// and tenant, say). Liquid itself never reads them.
    public var attributes: [String: Value] {
        get { extras?.attributes ?? [:] }
        _modify { yield &madeExtras.attributes }
    }

    /// Warnings a caller may want to show (e.g. a missing translation); never affect output.
    public var warnings: [String] {
        get { extras?.warnings ?? [] }
        _modify { yield &madeExtras.warnings }
    }

    /// Errors written inline (`Liquid error (line N): ...`) under the `.inline` policy, in order.
    public internal(set) var errors: [LiquidError] {
        get { extras?.errors ?? [] }
        _modify { yield &madeExtras.errors }
    }
}
