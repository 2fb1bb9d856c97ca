extension RenderContext {
    /// Print `{{ expression | filters }}` read in place where the node stores it: the filter
    /// calls are walked by address and a plain variable is printed from where its value is
    /// stored, so printing copies nothing of the template and nothing of the data.
    /// When the last filter has a writer, it writes its result straight into `out`.
    func write(_ output: UnsafePointer<FilteredExpression>, into out: inout OutputBuffer) throws {
        // A variable (most outputs) is followed through its path (an address).
        let path = output.pointee.base.path
        guard let first = output.pointee.firstFilter else {
            if let path {
                try write(path, into: &out)
            } else {
                try evaluate(output.pointee.base).write(to: &out)
            }
            return
        }
        let input = try path.map { try lookup($0) } ?? evaluate(output.pointee.base)
        try write(input, through: first, into: &out)
    }

    /// A variable without filters, printed from where its value is stored.
    private func write(_ path: VariablePath, into out: inout OutputBuffer) throws {
        switch storedValue(path) {
        case .some(let stored) where !stored.pointee.isDrop: Value.write(at: stored, to: &out)
        case .some(let stored): stored.pointee.write(to: &out)
        // Step by step at once: `lookup` would search the scopes again first.
        case .none: try lookupStepwise(path).write(to: &out)
        }
    }

    /// A value copy of `output`, printed like the in-place form above.
    func write(_ output: FilteredExpression, into out: inout OutputBuffer) throws {
        try withUnsafePointer(to: output) { try write($0, into: &out) }
    }

    /// `call` and the calls after it applied to `input`; the last call's writer, when it has
    /// one, prints its result, otherwise the result is printed.
    private func write(_ input: Value, through call: FilterCall, into out: inout OutputBuffer) throws {
        switch call.next {
        case .some(let next):
            if next.next == nil, try writeWrapped(input, call, last: next, into: &out) { return }
            let value = try apply(call, to: input)
            try write(value, through: next, into: &out)
        case .none:
            // The writer read through the unretained definition, so it is not retained.
            guard let definition = call.definitionUnretained else { return try apply(call, to: input).write(to: &out) }
            try definition._withUnsafeGuaranteedRef { definition in
                if definition.hasWriter {
                    try write(input, lastCall: call, definition, into: &out)
                } else {
                    try apply(call, to: input).write(to: &out)
                }
            }
        }
    }

    /// `input | call | last` printed by `last`'s wrapper around `call`'s writer, when both filters
    /// have them and constant arguments of the right number: the text `call` would return is
    /// written in place, and no String is made for it. False (nothing written) when the pair
    /// does not qualify. On an error, what was written is taken back, so the output is as the
    /// filters applied one by one would leave it; an error is placed at the filter raising it.
    private func writeWrapped(_ input: Value, _ call: FilterCall, last: FilterCall, into out: inout OutputBuffer) throws -> Bool {
        guard call.constantArityChecked, last.constantArityChecked, !input.isDrop,
              let lastDefinition = last.definitionUnretained, let definition = call.definitionUnretained
        else { return false }
        return try lastDefinition._withUnsafeGuaranteedRef { lastDefinition in
            guard lastDefinition.hasWrapper else { return false }
            return try definition._withUnsafeGuaranteedRef { definition in
                guard definition.hasWriter else { return false }
                let mark = out.count
                do {
                    try last.constantsUnretained.unsafelyUnwrapped._withUnsafeGuaranteedRef { lastArguments in
                        try call.constantsUnretained.unsafelyUnwrapped._withUnsafeGuaranteedRef { arguments in
                            try lastDefinition.wrapperFunction({ out in
                                do {
                                    try definition.writerFunction(input, arguments.arguments, self, &out)
                                } catch var e as LiquidError {
                                    if e.offset == nil { e.offset = call.offset }
                                    throw e
                                }
                            }, lastArguments.arguments, self, &out)
                        }
                    }
                } catch {
                    out.written = mark
                    guard var e = error as? LiquidError else { throw error }
                    if e.offset == nil { e.offset = last.offset }
                    throw e
                }
                return true
            }
        }
    }

    /// The last filter through its writer, its constant arguments read straight from the call
    /// (a `let`, so nothing is copied).
    private func write(_ value: Value, lastCall last: FilterCall, _ definition: FilterDefinition, into out: inout OutputBuffer) throws {
        guard last.constantArityChecked, !value.isDrop else { return try writeChecked(value, lastCall: last, definition, into: &out) }
        do {
            try last.constantsUnretained.unsafelyUnwrapped._withUnsafeGuaranteedRef {
                try definition.writerFunction(value, $0.arguments, self, &out)
            }
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = last.offset }
            throw e
        }
    }

    /// The last filter through its writer when its arguments are evaluated here or checked on
    /// every call, or its input is a drop: as `applyChecked` does for a filter returning a value.
    private func writeChecked(_ value: Value, lastCall last: FilterCall, _ definition: FilterDefinition,
                              into out: inout OutputBuffer) throws
    {
        let arguments = try self.arguments(of: last)
        do {
            if !last.constantArityChecked { try definition.checkArity(arguments) }
            try definition.writerFunction(value.resolvedDrop, arguments, self, &out)
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = last.offset }
            throw e
        }
    }
}
