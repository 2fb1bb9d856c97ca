extension RenderContext {
    /// Print `{{ expression | filters }}` read in place where the node stores it: the filter
    /// calls are walked unretained and a plain variable is printed from where its value is
    /// stored, so printing copies nothing of the template and nothing of the data.
    /// When the last filter has a writer, it writes its result straight into `out`.
    func write(_ output: UnsafePointer<FilteredExpression>, into out: inout OutputBuffer) throws {
        // A variable (most outputs) is followed through its path unretained; binding the
        // stored expression itself would copy (retain and release) it.
        let path = output.pointee.base.pathUnretained
        guard let first = FilteredExpression.firstFilterUnretained(at: output) else {
            if let path {
                try path._withUnsafeGuaranteedRef { try write($0, into: &out) }
            } else {
                try evaluate(output.pointee.base).write(to: &out)
            }
            return
        }
        let input = try path.map { try $0._withUnsafeGuaranteedRef { try lookup($0) } } ?? evaluate(output.pointee.base)
        try first._withUnsafeGuaranteedRef { try write(input, through: $0, into: &out) }
    }

    /// A variable without filters, printed from where its value is stored.
    private func write(_ path: VariablePath, into out: inout OutputBuffer) throws {
        switch storedValue(path) {
        case .some(let stored) where !stored.pointee.isDrop: Value.write(at: stored, to: &out)
        default: try lookup(path).write(to: &out)
        }
    }

    /// A value copy of `output`, printed like the in-place form above.
    func write(_ output: FilteredExpression, into out: inout OutputBuffer) throws {
        try withUnsafePointer(to: output) { try write($0, into: &out) }
    }

    /// `call` and the calls after it applied to `input`; the last call's writer, when it has
    /// one, prints its result, otherwise the result is printed.
    private func write(_ input: Value, through call: FilterCall, into out: inout OutputBuffer) throws {
        switch call.nextUnretained {
        case .some(let next):
            let value = try apply(call, to: input)
            try next._withUnsafeGuaranteedRef { try write(value, through: $0, into: &out) }
        case .none:
            // The writer read through the unretained definition, so it is not retained.
            guard let definition = call.definitionUnretained else { return try apply(call, to: input).write(to: &out) }
            try definition._withUnsafeGuaranteedRef { definition in
                switch definition.writer {
                case .some(let writer): try write(input, lastCall: call, writer, into: &out)
                case .none: try apply(call, to: input).write(to: &out)
                }
            }
        }
    }

    /// The last filter through its writer. The arguments are read straight from the call's
    /// stored constants (a `let`, so nothing is copied) unless they must be evaluated.
    private func write(_ value: Value, lastCall last: FilterCall, _ writer: FilterWriter, into out: inout OutputBuffer) throws {
        do {
            if value.isDrop {
                try writer(value.resolvedDrop, try arguments(checkedFor: last), self, &out)
            } else if last.constantArityChecked {
                try writer(value, last.constantArguments.unsafelyUnwrapped, self, &out)
            } else {
                try writer(value, try arguments(checkedFor: last), self, &out)
            }
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = last.offset }
            throw e
        }
    }

    /// A call's arguments with their count checked against the filter's arity.
    private func arguments(checkedFor call: FilterCall) throws -> FilterArguments {
        let arguments = try self.arguments(of: call)
        if !call.constantArityChecked { try call.definition?.checkArity(arguments) }
        return arguments
    }
}
