extension RenderContext {
    /// Print `{{ expression | filters }}`. When the last filter has a writer, it writes its
    /// result straight into `out`; otherwise the value is made and then printed.
    @inline(__always)
    func write(_ output: FilteredExpression, into out: inout OutputBuffer) throws {
        if let last = output.filters.last, let writer = last.writer {
            try write(output, through: last, writer, into: &out)
        } else {
            try evaluate(output).write(to: &out)
        }
    }

    /// Every filter but the last as usual, then the last one's writer.
    private func write(_ output: FilteredExpression, through last: FilterCall, _ writer: FilterWriter,
                       into out: inout OutputBuffer) throws
    {
        var value = try evaluate(output.base)
        let calls = output.filters
        for i in 0..<(calls.count - 1) { value = try apply(calls[i], to: value) }
        let arguments: FilterArguments
        if let constant = last.constantArguments {
            arguments = constant
        } else {
            var positional: [Value] = []
            positional.reserveCapacity(last.arguments.count)
            for a in last.arguments { positional.append(try evaluate(a)) }
            var keywords: [(String, Value)] = []
            for (k, a) in last.keywordArguments { keywords.append((k, try evaluate(a))) }
            arguments = FilterArguments(positional, keywords: keywords)
        }
        do {
            if !last.constantArityChecked { try last.definition?.checkArity(arguments) }
            try writer(value.resolvedDrop, arguments, self, &out)
        } catch var e as LiquidError {
            if e.offset == nil { e.offset = last.offset }
            throw e
        }
    }
}
