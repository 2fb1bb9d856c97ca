/// Shopify Liquid's `date` filter: `Utils.to_date` on the input, then Ruby's `Time#strftime`.
/// The work is in `LiquidDate` (Filters/Date/), which later filters (`timezone`,
/// `format_date_in_locale`) reuse.
enum DateFilters {
    static let all: [FilterDefinition] = [
        // `{{ input | date: format }}`: an empty (or nil) format, or an input that is no date,
        // returns the input unchanged. A format cut off mid-directive ("%Y %") raises
        // "invalid format", as Ruby does.
        FilterDefinition("date", arguments: 1...1, { input, arguments, context in
            let format = formatString(arguments[0] ?? .nil)
            if format.isEmpty { return input }
            let now = context.session.now ?? LiquidDate.currentTime()
            guard let date = LiquidDate.parse(input, now: now) else { return input }
            return .string(try date.strftime(format, maxBytes: context.environment.limits.maxOutputBytes))
        }, writer: { input, arguments, context, out in
            // Last in an output: the formatted bytes go straight into it (no String made).
            let format = formatString(arguments[0] ?? .nil)
            if format.isEmpty { return input.write(to: &out) }
            let now = context.session.now ?? LiquidDate.currentTime()
            guard let date = LiquidDate.parse(input, now: now) else { return input.write(to: &out) }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(format.utf8.count &+ 32)
            try date.strftime(format, maxBytes: context.environment.limits.maxOutputBytes, into: &bytes)
            bytes.withUnsafeBufferPointer { bytes in
                // ASCII (dates almost always are) as it is; anything else as the String the
                // filter returns would hold (repaired where it is not UTF-8).
                if RubyString.isASCII(bytes) { out.append(utf8: bytes) } else { out.append(String(decoding: bytes, as: UTF8.self)) }
            }
        }),
    ]

    /// Ruby's `format.to_s`: arrays and hashes as `inspect` shows them.
    static func formatString(_ value: Value) -> String {
        switch value {
        case .array, .object: return RubyFormat.inspect(value)
        default: return value.liquidString
        }
    }
}
