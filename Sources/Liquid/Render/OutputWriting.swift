extension RenderContext {
    /// Print `{{ expression | filters }}` read in place where the node stores it: the filter
    /// calls are walked unretained and a plain variable is printed from where its value is
    /// stored, so printing copies nothing of the template and nothing of the data.
    /// When the last filter has a writer, it writes its result straight into `out`.
    func write(_ output: UnsafePointer<FilteredExpression>, into out: inout OutputBuffer) throws {
        guard let first = FilteredExpression.firstFilterUnretained(at: output) else {
            try write(output.pointee.base, into: &out)
            return
        }
        let input = try evaluate(output.pointee.base)
        try first._withUnsafeGuaranteedRef { try write(input, through: $0, into: &out) }
    }

    /// An expression without filters; a variable is printed from where its value is stored.
    private func write(_ base: Expression, into out: inout OutputBuffer) throws {
        switch base {
        case .variable(let path):
            switch storedValue(path) {
            case .some(let stored) where !stored.pointee.isDrop: Value.write(stored.pointee, to: &out)
            default: try lookup(path).write(to: &out)
            }
        default:
            try evaluate(base).write(to: &out)
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
            switch call.writer {
            case .some(let writer): try write(input, lastCall: call, writer, into: &out)
            case .none: try apply(call, to: input).write(to: &out)
            }
        }
    }

    /// The last filter through its writer.
    private func write(_ value: Value, lastCall last: FilterCall, _ writer: FilterWriter, into out: inout OutputBuffer) throws {
        do {
            switch last.constantArguments {
            case .some(let arguments) where last.constantArityChecked:
                // The value as it is unless it is a drop: `resolvedDrop` would copy it.
                if case .drop = value { try writer(value.resolvedDrop, arguments, self, &out) } else { try writer(value, arguments, self, &out) }
            default:
                let arguments = try self.arguments(of: last)
                try last.definition?.checkArity(arguments)
                if case .drop = value { try writer(value.resolvedDrop, arguments, self, &out) } else { try writer(value, arguments, self, &out) }
            }
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = last.offset }
            throw e
        }
    }
}
