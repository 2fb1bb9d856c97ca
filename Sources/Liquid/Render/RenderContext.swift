/// The state of one render: variables in their scopes, loop interrupts, counters, limits.
/// Created per render (never shared between threads); `render` partials get an isolated child
/// that shares only the globals and the per-render `RenderSession`.
public final class RenderContext {
    /// (A `var` only so that a spare context can serve another template: see `Template.render`.)
    @exclusivity(unchecked) public private(set) var environment: Environment
    /// Per-render state shared with isolated children: limits counters, partial cache, warnings.
    /// (A `var` only so that a spare context can tell whether anything else holds it.)
    @exclusivity(unchecked) public private(set) var session: RenderSession
    /// Data visible everywhere, including inside `render` partials (Shopify's static environments).
    /// Set anew each time a template's spare context is reused (see `Template.render`).
    @exclusivity(unchecked) public internal(set) var globals: LiquidObject
    /// Data visible to this template but not to `render` partials; also where `increment` and
    /// `decrement` keep their counters (Shopify's first environment).
    /// A handful of names per render: a list searched by hash, so a render does not build an object.
    @exclusivity(unchecked) var locals: [Binding]
    /// The template's assigns (Shopify's outermost scope). Searched linearly: templates assign a
    /// handful of names, and comparing short strings beats hashing them.
    @exclusivity(unchecked) var assigns: [Binding] = []
    /// Scopes pushed by loops and `include`, flattened; `frames` marks where each one starts.
    @exclusivity(unchecked) var stack: [Binding] = []
    @exclusivity(unchecked) var frames = ScopeStarts()
    /// `nameBit`s of every name in `stack`, `assigns` and `locals`, so that looking up a global
    /// name (most lookups) skips searching them.
    @exclusivity(unchecked) var scopeNames: UInt64 = 0
    /// `nameBit`s of the names in `assigns` and `locals`, which are never removed.
    @exclusivity(unchecked) var outerNames: UInt64 = 0
    /// Set by `break`/`continue`; blocks stop rendering until the enclosing loop clears it.
    @exclusivity(unchecked) var interrupt: Interrupt = .none
    /// State of `cycle`, `ifchanged` and `for ... offset: continue` (Shopify's registers).
    @exclusivity(unchecked) var registers: Registers
    /// Enclosing `for` loops of this template (not across `render`), for `forloop.parentloop`.
    /// (Each drop holds its parent, so the innermost one is all a render needs: no array.)
    @exclusivity(unchecked) var innermostForloop: ForloopDrop?
    /// A finished loop's drop that nothing else holds, ready for the next loop.
    @exclusivity(unchecked) var spareForloop: ForloopDrop?
    /// Partials entered to reach this context, outermost first.
    @exclusivity(unchecked) var partialChain: [String]
    /// The template being rendered, for locating errors.
    @exclusivity(unchecked) var templateSource: [UInt8]
    @exclusivity(unchecked) var templateName: String?
    /// The output buffer of a finished render, kept with the context while it waits as a spare,
    /// so that the next render it serves writes into warm memory instead of allocating.
    @exclusivity(unchecked) var spareOutput: OutputBuffer?

    enum Interrupt { case none, breakLoop, continueLoop }

    /// A variable in a scope, with its name's `KeyHash` so searches compare integers first.
    struct Binding {
        let name: String
        let hash: Int
        var value: Value

        init(_ name: String, _ value: Value) {
            self.name = name
            self.hash = KeyHash.of(name)
            self.value = value
        }

        init(_ name: String, hash: Int, _ value: Value) {
            self.name = name
            self.hash = hash
            self.value = value
        }
    }

    /// A context for rendering one or more templates that share variables (a Knock email body and
    /// then its layout, which sees what the body assigned).
    public convenience init(environment: Environment, globals: LiquidObject = LiquidObject(), locals: [String: Value] = [:],
                            session: RenderSession = RenderSession())
    {
        self.init(environment: environment, session: session, globals: globals, locals: locals, templateSource: [], templateName: nil)
    }

    /// Render a template in this context: its assigns stay visible to the next template rendered here.
    public func render(_ template: Template, into out: inout OutputBuffer) throws {
        let savedSource = templateSource, savedName = templateName
        templateSource = template.source
        templateName = template.name
        defer {
            templateSource = savedSource
            templateName = savedName
        }
        try template.render(into: &out, context: self)
    }

    /// Set a variable the template sees but `render` partials do not (like render-time locals).
    public func setGlobalLocal(_ name: String, _ value: Value) { setLocalsEntry(name, value) }

    /// The value of a name in `locals` (`increment` counters live there too).
    func localsEntry(_ name: String) -> Value? { Self.pointer(in: locals, name, KeyHash.of(name))?.pointee }

    func setLocalsEntry(_ name: String, _ value: Value) {
        let hash = KeyHash.of(name)
        for i in locals.indices where locals[i].hash == hash && locals[i].name == name {
            locals[i].value = value
            return
        }
        appendLocal(Binding(name, value))
    }

    init(environment: Environment, session: RenderSession, globals: LiquidObject, locals: [String: Value],
         templateSource: [UInt8], templateName: String?, partialChain: [String] = [], registers: Registers = Registers())
    {
        self.environment = environment
        self.session = session
        self.globals = globals
        self.locals = []
        self.registers = registers
        self.partialChain = partialChain
        self.templateSource = templateSource
        self.templateName = templateName
        setLocals(locals)
    }

    /// A context for a `render` partial: same globals and session, nothing else.
    func isolatedChild(source: [UInt8], name: String) -> RenderContext {
        RenderContext(environment: environment, session: session, globals: globals, locals: [:],
                      templateSource: source, templateName: name, partialChain: partialChain + [name])
    }

    // MARK: Reuse

    /// Make a finished context (see `finishForReuse`) ready to render again with new data, as
    /// if it had just been made with `globals` and `locals`.
    func prepareForReuse(globals: LiquidObject, locals: [String: Value]) {
        self.globals = globals
        setLocals(locals)
    }

    /// Bind a render's locals into the (empty) `locals` list and note their names.
    private func setLocals(_ locals: [String: Value]) {
        var mask: UInt64 = 0
        if !locals.isEmpty {
            self.locals.reserveCapacity(locals.count)
            for (k, v) in locals {
                let binding = Binding(k, v)
                mask |= Self.nameBit(binding.hash)
                self.locals.append(binding)
            }
        }
        outerNames = mask
        scopeNames = mask
    }

    /// Point a spare context left by another template at `template` (its environment, source
    /// and name), before `prepareForReuse`.
    func rebind(to template: Template) {
        if environment.identity !== template.environment.identity { environment = template.environment }
        templateSource = template.source
        templateName = template.name
    }

    /// After a render that finished without error: drop everything the render put in this
    /// context (its data, assigns, registers, session state) but keep the storage, so the context
    /// can serve the next render (of this template, or of another after `rebind`). Returns false when something else
    /// holds the context's session (a filter kept it, say): then the context must not be reused.
    func finishForReuse() -> Bool {
        globals = LiquidObject()
        Self.truncate(&locals, to: 0)
        Self.truncate(&assigns, to: 0)
        Self.truncate(&stack, to: 0)
        if frames.count != 0 { frames = ScopeStarts() }
        scopeNames = 0
        outerNames = 0
        interrupt = .none
        registers.removeAll()
        innermostForloop = nil
        guard isKnownUniquelyReferenced(&session) else { return false }
        session.resetForReuse()
        return true
    }

    // MARK: Variables

    /// Find a top-level name: innermost scope first, then assigns, then locals, then globals.
    public func resolve(_ name: String) -> Value? {
        resolve(name, hash: KeyHash.of(name))
    }

    /// `resolve` with the name's `KeyHash` already known (paths compute it when parsed).
    @inline(__always)
    func resolve(_ name: String, hash: Int) -> Value? {
        resolvedPointer(name, hash: hash)?.pointee
    }

    /// Where the value of a top-level name is stored, for reading it in place (see
    /// `lookup`): valid until the scopes or the object holding it change, which a lookup never does.
    @inline(__always)
    func resolvedPointer(_ name: String, hash: Int) -> UnsafePointer<Value>? {
        if scopeNames & Self.nameBit(hash) != 0 {
            if let p = Self.pointer(in: stack, name, hash) { return p }
            if let p = Self.pointer(in: assigns, name, hash) { return p }
            if let p = Self.pointer(in: locals, name, hash) { return p }
        }
        return globals.valuePointer(forKey: name, hash: hash)
    }

    @inline(__always)
    private static func pointer(in scope: [Binding], _ name: String, _ hash: Int) -> UnsafePointer<Value>? {
        scope.withUnsafeBufferPointer { bindings in
            var i = bindings.count - 1
            while i >= 0 {
                if bindings[i].hash == hash && bindings[i].name == name {
                    return UnsafeRawPointer(bindings.baseAddress! + i)
                        .advanced(by: MemoryLayout<Binding>.offset(of: \Binding.value)!)
                        .assumingMemoryBound(to: Value.self)
                }
                i -= 1
            }
            return nil
        }
    }

    /// `assign` and `capture` write to the template's outermost scope, so they outlive loops.
    public func assign(_ name: String, _ value: Value) {
        let hash = KeyHash.of(name)
        for i in assigns.indices where assigns[i].hash == hash && assigns[i].name == name {
            assigns[i].value = value
            return
        }
        let binding = Binding(name, value)
        outerNames |= Self.nameBit(binding.hash)
        scopeNames |= Self.nameBit(binding.hash)
        assigns.append(binding)
    }

    public func pushScope(_ scope: [String: Value] = [:]) {
        frames.append(stack.count)
        for (k, v) in scope { push(Binding(k, v)) }
    }

    /// A new innermost scope holding one name (a block tag's own variable, as `paginate` has):
    /// no dictionary made and walked for it.
    public func pushScope(binding name: String, to value: Value) {
        frames.append(stack.count)
        push(Binding(name, value))
    }

    public func popScope() {
        Self.truncate(&stack, to: frames.removeLast())
        var names = outerNames
        for b in stack { names |= Self.nameBit(b.hash) }
        scopeNames = names
    }

    /// Remove the elements of `array` after the first `count`, keeping its storage. One by one
    /// from the end: a handful at a time, where `removeSubrange` and `removeAll(keepingCapacity:)`
    /// cost some 250 instructions of generic machinery each.
    @inline(__always)
    static func truncate<T>(_ array: inout [T], to count: Int) {
        while array.count > count { array.removeLast() }
    }

    /// Append to the innermost scope, noting the name in `scopeNames`.
    @inline(__always)
    private func push(_ binding: Binding) {
        scopeNames |= Self.nameBit(binding.hash)
        stack.append(binding)
    }

    private func appendLocal(_ binding: Binding) {
        outerNames |= Self.nameBit(binding.hash)
        scopeNames |= Self.nameBit(binding.hash)
        locals.append(binding)
    }

    /// One of 64 bits for a name's hash: a lookup whose bit is not in `scopeNames` cannot be in
    /// any scope and goes straight to the globals.
    @inline(__always)
    static func nameBit(_ hash: Int) -> UInt64 { 1 &<< UInt64(truncatingIfNeeded: hash & 63) }

    /// Set a name in the innermost scope (loop variables, `include ... with`); with no scope
    /// pushed, that is the template's assigns.
    public func setLocal(_ name: String, _ value: Value) {
        guard let start = frames.last else { return assign(name, value) }
        _ = setInFrame(from: start, name, value)
    }

    /// Set `name` in the innermost frame and return its index in `stack`, so a loop can update
    /// its variable in place on every iteration.
    @discardableResult
    func setInFrame(from start: Int, _ name: String, _ value: Value) -> Int {
        let hash = KeyHash.of(name)
        for i in start..<stack.count where stack[i].hash == hash && stack[i].name == name {
            stack[i].value = value
            return i
        }
        push(Binding(name, value))
        return stack.count - 1
    }

    /// Push a scope holding one loop variable (and the loop's drop); returns the variable's slot.
    func pushLoopScope(drop name: String, _ drop: Value, variable: String) -> Int {
        pushLoopScope(drop: name, hash: Self.loopDropHash(name), drop, variable: variable, hash: KeyHash.of(variable))
    }

    /// `pushLoopScope` with the names' hashes known (a `for` tag hashes its variable when parsed).
    @inline(__always)
    func pushLoopScope(drop name: String, hash dropHash: Int, _ drop: Value, variable: String, hash variableHash: Int) -> Int {
        // A render starts with empty scopes: make room for a few loops at once instead of
        // regrowing the array one element at a time.
        if stack.capacity == 0 { stack.reserveCapacity(16) }
        frames.append(stack.count)
        push(Binding(name, hash: dropHash, drop))
        push(Binding(variable, hash: variableHash, .nil))
        return stack.count - 1
    }

    /// `forloop`'s name and hash, for a `for` tag pushing its scope.
    static let forloopName = "forloop"

    static let forloopHash = KeyHash.of("forloop")
    private static let tablerowloopHash = KeyHash.of("tablerowloop")

    /// The hash of a loop drop's name: one of two names, hashed once.
    @inline(__always)
    private static func loopDropHash(_ name: String) -> Int {
        switch name {
        case "forloop": return forloopHash
        case "tablerowloop": return tablerowloopHash
        default: return KeyHash.of(name)
        }
    }

    // MARK: Errors

    /// Attach this template's location to an error raised by a node, then either throw it or
    /// write it inline, as the environment's policy says.
    func handle(_ error: LiquidError, at offset: Int, into out: inout OutputBuffer) throws {
        var e = error
        if e.offset == nil { e.offset = offset }
        e.locate(in: templateSource, name: templateName)
        if e.partialChain.isEmpty { e.partialChain = partialChain }
        if (session.errorPolicy ?? environment.renderErrors) == .raise || e.kind == .limit || e.kind == .syntax && environment.errorMode == .strict {
            throw e
        }
        session.errors.append(e)
        out.append(e.liquidMessage)
    }

    /// Count loop iterations against the render's limit.
    @inline(__always)
    func countIterations(_ n: Int) throws {
        session.loopIterations &+= n
        if session.loopIterations > environment.limits.maxLoopIterations {
            throw LiquidError.limit("loop iterations exceeded the limit of \(environment.limits.maxLoopIterations) (maxLoopIterations)")
        }
    }

    @inline(__always)
    func checkOutput(_ out: borrowing OutputBuffer) throws {
        if out.count > environment.limits.maxOutputBytes {
            throw LiquidError.limit("output exceeded the limit of \(environment.limits.maxOutputBytes) bytes (maxOutputBytes)")
        }
    }
}

/// Shopify's registers: per-render memory of `cycle`, `ifchanged` and `offset: continue`.
struct Registers {
    var cycles = SmallCounterMap()
    var forOffsets = SmallCounterMap()
    var lastIfchanged: String? = nil

    /// Forget everything, keeping the storage.
    mutating func removeAll() {
        cycles.removeAll()
        forOffsets.removeAll()
        lastIfchanged = nil
    }
}

/// A few string-keyed counters: every `for` loop records where it stopped (for a later
/// `offset: continue`), and a hashed dictionary write per loop cost ~450 instructions where a
/// template names a handful of loops. Searched without hashing: the names come from the
/// templates' own strings, so the same loop's name is the same String storage and compares
/// equal at once.
struct SmallCounterMap {
    private var entries: [(name: String, value: Int)] = []

    subscript(name: String) -> Int? {
        get {
            for e in entries where Self.same(e.name, name) { return e.value }
            return nil
        }
        set {
            for i in entries.indices where Self.same(entries[i].name, name) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
                return
            }
            guard let newValue else { return }
            // Room for a template's loops at once, not regrown one entry at a time.
            if entries.isEmpty { entries.reserveCapacity(8) }
            entries.append((name, newValue))
        }
    }

    /// Forget every entry, keeping the storage.
    mutating func removeAll() {
        RenderContext.truncate(&entries, to: 0)
    }

    /// Lengths first: loops' names mostly differ in length, and that is one integer compare.
    @inline(__always)
    private static func same(_ a: String, _ b: String) -> Bool {
        a.utf8.count == b.utf8.count && a == b
    }
}
