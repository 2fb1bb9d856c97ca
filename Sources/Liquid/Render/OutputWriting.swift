extension RenderContext {
    /// Print `{{ expression | filters }}`. When the last filter has a writer, it writes its
    /// result straight into `out`; otherwise the value is made and then printed.
    @inline(__always)
    func write(_ output: FilteredExpression, into out: inout OutputBuffer) throws {
        if let first = output.firstFilter {
            var last = first
            while let next = last.next { last = next }
            if let writer = last.writer {
                try write(output, through: last, writer, into: &out)
                return
            }
        }
        try evaluate(output).write(to: &out)
    }

    /// Every filter but the last as usual, then the last one's writer.
    private func write(_ output: FilteredExpression, through last: FilterCall, _ writer: FilterWriter,
                       into out: inout OutputBuffer) throws
    {
        var value = try evaluate(output.base)
        var call = output.firstFilter
        while let c = call, c !== last {
            value = try apply(c, to: value)
            call = c.next
        }
        let arguments = try self.arguments(of: last)
        do {
            if !last.constantArityChecked { try last.definition?.checkArity(arguments) }
            // The value as it is unless it is a drop: `resolvedDrop` would copy it.
            if case .drop = value {
                try writer(value.resolvedDrop, arguments, self, &out)
            } else {
                try writer(value, arguments, self, &out)
            }
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = last.offset }
            throw e
        }
    }
}
