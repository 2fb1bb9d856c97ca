extension RenderContext {
    /// The value of an expression.
    public func evaluate(_ expression: Expression) throws -> Value {
        switch expression {
        case .literal(let l): return l.value
        case .variable(let path): return try lookup(path)
        case .empty, .blank: return .string("")
        case .range(let r):
            let a = try evaluate(r.lower), b = try evaluate(r.upper)
            guard let lower = RangeBound.integer(a), let upper = RangeBound.integer(b) else {
                throw LiquidError.argument("invalid range: \(a.rubyTypeName)..\(b.rubyTypeName)")
            }
            return .range(lower: lower, upper: upper)
        }
    }

    /// The value of an expression and its filters, applied left to right.
    public func evaluate(_ filtered: FilteredExpression) throws -> Value {
        let value = try evaluate(filtered.base)
        switch filtered.firstFilter {
        case .none: return value
        case .some(let first): return try apply(chain: first, to: value)
        }
    }

    /// `call` and the filters after it, in order.
    private func apply(chain call: FilterCall, to input: Value) throws -> Value {
        let value = try apply(call, to: input)
        switch call.next {
        case .none: return value
        case .some(let next): return try apply(chain: next, to: value)
        }
    }

    func apply(_ call: FilterCall, to input: Value) throws -> Value {
        // Through the unretained definition: binding the stored one, or reading its function
        // from it, would retain them.
        switch call.definitionUnretained {
        case .none:
            if environment.strictFilters {
                throw LiquidError(.undefinedFilter, "undefined filter \(call.name)", offset: call.offset)
            }
            return input
        case .some(let definition):
            guard call.constantArityChecked else {
                return try definition._withUnsafeGuaranteedRef { try applyChecked(call, $0, to: input) }
            }
            do {
                // The arguments passed straight from the call (a `let`): bound to a name first,
                // they would be retained. The input as it is unless it is a drop: `resolvedDrop`
                // would copy it.
                let constants = call.constantsUnretained.unsafelyUnwrapped
                if case .drop = input {
                    return try definition._withUnsafeGuaranteedRef { d in
                        try constants._withUnsafeGuaranteedRef { try d.function(input.resolvedDrop, $0.arguments, self) }
                    }
                }
                return try definition._withUnsafeGuaranteedRef { d in
                    try constants._withUnsafeGuaranteedRef { try d.function(input, $0.arguments, self) }
                }
            } catch var e as LiquidError {
                if e.offset == nil { e.offset = call.offset }
                throw e
            }
        }
    }

    /// A call's arguments: its constant ones, or its expressions evaluated now (positional
    /// ones first, as Ruby does).
    func arguments(of call: FilterCall) throws -> FilterArguments {
        if let constants = call.constantArguments { return constants }
        var positional: [Value] = []
        var keywords: [(String, Value)] = []
        for case .positional(let a) in call.expressionArguments { positional.append(try evaluate(a)) }
        for case .keyword(let k, let a) in call.expressionArguments { keywords.append((k, try evaluate(a))) }
        return FilterArguments(positional, keywords: keywords)
    }

    /// A call whose arguments are evaluated here or whose arity is checked on every call.
    private func applyChecked(_ call: FilterCall, _ definition: FilterDefinition, to input: Value) throws -> Value {
        let arguments = try self.arguments(of: call)
        do {
            try definition.checkArity(arguments)
            if case .drop = input { return try definition.function(input.resolvedDrop, arguments, self) }
            return try definition.function(input, arguments, self)
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = call.offset }
            throw e
        }
    }

    /// Follow a variable path from its root.
    public func lookup(_ path: VariablePath) throws -> Value {
        // The common case reads each value where it is stored and copies only the result;
        // anything else takes the general path.
        if let stored = storedValue(path) { return stored.pointee }
        return try lookupStepwise(path)
    }

    /// Where the value of `path` is stored, for the common shape (a name and up to two keys
    /// through objects); nil for anything else, to be looked up step by step. Valid until the
    /// scopes or the objects on the way change, which reading the value never does.
    @inline(__always)
    func storedValue(_ path: VariablePath) -> UnsafePointer<Value>? {
        guard case .key(let name) = path.root, let root = resolvedPointer(name, hash: path.rootHash) else { return nil }
        guard let first = path.first else { return root }
        guard case .key(let k1) = first.segment, let p1 = Self.propertyPointer(of: root, key: k1, hash: first.hash) else {
            return nil
        }
        guard let second = path.second else { return p1 }
        guard path.rest.isEmpty, case .key(let k2) = second.segment else { return nil }
        return Self.propertyPointer(of: p1, key: k2, hash: second.hash)
    }

    /// Where `value.key` is stored when `value` is an object that has the key; nil otherwise
    /// (other values, `size`/`first`/`last`, drops and missing keys take the general path).
    @inline(__always)
    private static func propertyPointer(of value: UnsafePointer<Value>, key: String, hash: Int) -> UnsafePointer<Value>? {
        guard case .object(let o) = value.pointee else { return nil }
        return o.valuePointer(forKey: key, hash: hash)
    }

    /// `lookup` step by step, for every kind of path.
    func lookupStepwise(_ path: VariablePath) throws -> Value {
        let rootValue: Value
        switch path.root {
        case .key(let name):
            guard let v = resolve(name, hash: path.rootHash) else { return try undefined(path) }
            rootValue = v
        case .index:
            return try undefined(path)
        case .dynamic(let e):
            let key = try evaluate(e)
            guard case .string(let name) = key, let v = resolve(name) else {
                return try undefined(path)
            }
            rootValue = v
        }
        // Each step's value is a new `let`, returned or consumed as is: assigning one `var` over
        // and over would copy (retain and release) every intermediate value.
        guard let first = path.first else { return rootValue }
        guard let firstValue = try step(rootValue, first.segment, hash: first.hash) else { return try undefined(path) }
        guard let second = path.second else { return firstValue }
        guard let secondValue = try step(firstValue, second.segment, hash: second.hash) else { return try undefined(path) }
        if path.rest.isEmpty { return secondValue }
        var value = secondValue
        return try path.rest.withUnsafeBufferPointer { rest in
            for i in rest.indices {
                guard let next = try step(value, rest[i].segment, hash: rest[i].hash) else { return try undefined(path) }
                value = next
            }
            return value
        }
    }

    /// One segment of a path below `value`; nil when there is nothing there.
    @inline(__always)
    private func step(_ value: Value, _ segment: VariablePath.Segment, hash: Int) throws -> Value? {
        switch segment {
        case .key(let k): return Self.property(of: value, key: k, hash: hash)
        case .index(let n): return Self.element(of: value, index: n)
        case .dynamic(let e):
            switch try evaluate(e) {
            case .string(let k): return Self.property(of: value, key: k)
            case .int(let n): return Self.element(of: value, index: n)
            case .double(let d) where d.isFinite: return Self.element(of: value, index: Int(d))
            default: return nil
            }
        }
    }

    /// An undefined variable: nil, or an error in strict-variables mode (the name is only
    /// spelled out then: undefined lookups are common and must stay cheap).
    private func undefined(_ path: VariablePath) throws -> Value {
        if environment.strictVariables {
            throw LiquidError(.undefinedVariable, "undefined variable \(path.description)", offset: path.offset)
        }
        return .nil
    }

    /// `value.key`: an object's key, a drop's property, or the special `size`, `first`, `last`.
    public static func property(of value: Value, key: String) -> Value? {
        property(of: value, key: key, hash: KeyHash.of(key))
    }

    /// `property(of:key:)` with the key's `KeyHash` already known.
    static func property(of value: Value, key: String, hash: Int) -> Value? {
        switch value {
        case .object(let o):
            if let v = o.value(forKey: key, hash: hash) { return v }
            switch key {
            case "size": return .int(o.count)
            case "first":
                // Ruby's Hash#first: the first [key, value] pair.
                guard let k = o.keys.first else { return nil }
                return .array([.string(k), o.values[0]])
            default: return nil
            }
        case .array(let a):
            switch key {
            case "size": return .int(a.count)
            case "first": return a.first
            case "last": return a.last
            default: return nil
            }
        case .range(let lo, let hi):
            switch key {
            case "size": return .int(max(0, hi - lo + 1))
            case "first": return .int(lo)
            case "last": return .int(hi)
            default: return nil
            }
        case .string(let s):
            // Ruby counts code points, not grapheme clusters.
            return key == "size" ? .int(s.unicodeScalars.count) : nil
        case .drop(let d):
            // `forloop.index` and the like: found by the key's hash, not by comparing the key
            // with each property's name in turn (each string compare that fails is a call).
            if ObjectIdentifier(type(of: d)) == ObjectIdentifier(ForloopDrop.self) {
                if let v = unsafeDowncast(d, to: ForloopDrop.self).value(forKey: key, hash: hash) { return v }
            } else if let v = d.value(forKey: key) {
                return v
            }
            return property(of: d.toLiquidValue(), key: key, hash: hash)
        default:
            return nil
        }
    }

    /// `value[i]`: an array element (negative counts from the end).
    public static func element(of value: Value, index i: Int) -> Value? {
        switch value {
        case .array(let a):
            let j = i < 0 ? a.count + i : i
            return j >= 0 && j < a.count ? a[j] : nil
        case .range(let lo, let hi):
            let count = max(0, hi - lo + 1)
            let j = i < 0 ? count + i : i
            return j >= 0 && j < count ? .int(lo + j) : nil
        case .object(let o):
            return o[String(i)]
        case .drop(let d):
            return element(of: d.toLiquidValue(), index: i)
        default:
            return nil
        }
    }

    // MARK: Conditions

    /// Whether a variable is truthy, read where its value is stored.
    func isTruthy(_ path: VariablePath) throws -> Bool {
        // A stored drop is truthy (it is not nil or false); a path `storedValue` cannot follow
        // goes step by step at once, without searching the scopes a second time through `lookup`.
        guard let stored = storedValue(path) else { return try lookupStepwise(path).isTruthy }
        return stored.pointee.isDrop || stored.pointee.isTruthy
    }

    public func evaluate(_ condition: Condition) throws -> Bool {
        switch condition {
        case .test(let e):
            return try evaluate(e).isTruthy
        case .and(let a, let b):
            return try evaluate(a) && evaluate(b)
        case .or(let a, let b):
            return try evaluate(a) || evaluate(b)
        case .comparison(let l, let op, let r):
            return try compare(l, op, r)
        }
    }

    private func compare(_ l: Expression, _ op: ComparisonOperator, _ r: Expression) throws -> Bool {
        // `empty` and `blank` are tests, not values: `x == empty` asks whether x is empty.
        if let special = Self.specialTest(l) {
            if Self.specialTest(r) != nil { return op == .notEqual }
            return try Self.applySpecial(special, op, evaluate(r))
        }
        if let special = Self.specialTest(r) {
            return try Self.applySpecial(special, op, evaluate(l))
        }
        // A variable compared where its value is stored (not a drop, which resolves to a new
        // value), with a literal or another such variable: nothing is copied, and nothing runs
        // between finding the stored values and comparing them.
        if case .variable(let lp) = l, let a = storedValue(lp), !a.pointee.isDrop {
            switch r {
            case .literal:
                return try Self.compare(a.pointee, op, evaluate(r))
            case .variable(let rp):
                if let b = storedValue(rp), !b.pointee.isDrop { return try Self.compare(a.pointee, op, b.pointee) }
            default: break
            }
        } else if case .literal = l, case .variable(let rp) = r, let b = storedValue(rp), !b.pointee.isDrop {
            return try Self.compare(evaluate(l), op, b.pointee)
        }
        return try Self.compare(evaluate(l).resolvingDrop(), op, evaluate(r).resolvingDrop())
    }

    /// `a op b` for values that are not drops.
    @inline(__always)
    private static func compare(_ a: borrowing Value, _ op: ComparisonOperator, _ b: borrowing Value) throws -> Bool {
        switch op {
        case .equal: return a.liquidEquals(b)
        case .notEqual: return !a.liquidEquals(b)
        case .contains: return a.liquidContains(b)
        case .lessThan, .greaterThan, .lessOrEqual, .greaterOrEqual:
            return try a.liquidCompare(b, op)
        }
    }

    /// `value == candidate`, as a `when` tests it, without boxing `value` into an expression.
    func matches(_ value: Value, _ candidate: Expression) throws -> Bool {
        if let special = Self.specialTest(candidate) { return Self.applySpecial(special, .equal, value) }
        return try value.resolvedDrop.liquidEquals(evaluate(candidate).resolvingDrop())
    }

    private static func specialTest(_ e: Expression) -> Expression? {
        switch e {
        case .empty, .blank: return e
        default: return nil
        }
    }

    private static func applySpecial(_ special: Expression, _ op: ComparisonOperator, _ v: Value) -> Bool {
        let matches: Bool
        if case .blank = special { matches = v.resolvedDrop.isBlank } else { matches = v.resolvedDrop.isEmptyValue }
        switch op {
        case .equal: return matches
        case .notEqual: return !matches
        default: return false
        }
    }
}
