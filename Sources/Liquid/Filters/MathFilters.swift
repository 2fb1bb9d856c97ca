/// Shopify Liquid 5's math filters. Operands go through `Utils.to_number` (`RubyNumeric`):
/// Integer with Integer stays Integer (division floors, modulo takes the divisor's sign);
/// anything with a Float or a decimal string is done in exact decimal, as Liquid does with
/// BigDecimal, and shown as the nearest Float.
enum MathFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("abs") { input, _, _ in
            switch RubyNumeric(input) {
            case .integer(let i) where i != .min: return .int(abs(i))
            case .decimal(let d): return .double(d.magnitude.toDouble())
            case let n: return n.decimal.magnitude.integerValue
            }
        },
        FilterDefinition("plus", arguments: 1...1) { input, arguments, _ in
            (RubyNumeric(input) + RubyNumeric(RubyArguments(arguments)[0])).value
        },
        FilterDefinition("minus", arguments: 1...1) { input, arguments, _ in
            (RubyNumeric(input) - RubyNumeric(RubyArguments(arguments)[0])).value
        },
        FilterDefinition("times", arguments: 1...1) { input, arguments, _ in
            (RubyNumeric(input) * RubyNumeric(RubyArguments(arguments)[0])).value
        },
        FilterDefinition("divided_by", arguments: 1...1) { input, arguments, _ in
            try RubyNumeric.dividing(RubyNumeric(input), by: RubyNumeric(RubyArguments(arguments)[0])).value
        },
        FilterDefinition("modulo", arguments: 1...1) { input, arguments, _ in
            try RubyNumeric.modulo(RubyNumeric(input), by: RubyNumeric(RubyArguments(arguments)[0])).value
        },
        FilterDefinition("at_least", arguments: 1...1) { input, arguments, _ in
            let bound = RubyNumeric(RubyArguments(arguments)[0])
            let n = RubyNumeric(input)
            return (RubyNumeric.compare(bound, n) == 1 ? bound : n).value
        },
        FilterDefinition("at_most", arguments: 1...1) { input, arguments, _ in
            let bound = RubyNumeric(RubyArguments(arguments)[0])
            let n = RubyNumeric(input)
            return (RubyNumeric.compare(bound, n) == -1 ? bound : n).value
        },
        FilterDefinition("ceil") { input, _, _ in
            try roundToInteger(RubyNumeric(input), .ceiling)
        },
        FilterDefinition("floor") { input, _, _ in
            try roundToInteger(RubyNumeric(input), .floor)
        },
        FilterDefinition("round", arguments: 0...1) { input, arguments, _ in
            let a = RubyArguments(arguments)
            let places = a.count > 0 ? try rubyInt32(RubyNumeric(a[0])) : 0
            switch RubyNumeric(input) {
            case .integer, .bigInteger:
                // Integer#round: itself for places >= 0; else to tens, hundreds, ..., halves away from zero.
                let n = RubyNumeric(input)
                return places >= 0 ? n.value : n.decimal.rounded(places: places, .halfUp).integerValue
            case .decimal(let d):
                // BigDecimal#round: an Integer for places < 1 (an error for NaN and infinities),
                // else a BigDecimal, which Liquid turns into a Float.
                if places < 1 { return try roundToInteger(.decimal(d), .halfUp, places: places) }
                return .double(d.rounded(places: places, .halfUp).toDouble())
            }
        },
    ]

    /// `ceil`, `floor` and `round` to an Integer; NaN and the infinities are Ruby's FloatDomainError.
    static func roundToInteger(_ n: RubyNumeric, _ mode: RubyDecimal.RoundingMode, places: Int = 0) throws -> Value {
        switch n {
        case .integer, .bigInteger: return n.value
        case .decimal(let d):
            switch d.kind {
            case .nan: throw LiquidError.render("Computation results in 'NaN' (Not a Number)")
            case .infinite: throw LiquidError.render("Computation results in '\(d.negative ? "-" : "")Infinity'")
            case .finite: return d.rounded(places: places, mode).integerValue
            }
        }
    }

    /// Ruby's `NUM2INT`: an Integer that fits in 32 bits; a BigDecimal is truncated first.
    static func rubyInt32(_ n: RubyNumeric) throws -> Int {
        let i: Int
        switch n {
        case .integer(let v): i = v
        case .bigInteger(let d):
            throw LiquidError.render("integer \(DecimalLimbs.decimalString(d.limbs)) too \(d.negative ? "small" : "big") to convert to `int'")
        case .decimal(let d):
            switch d.kind {
            case .nan: throw LiquidError.render("Computation results in 'NaN' (Not a Number)")
            case .infinite: throw LiquidError.render("Computation results in '\(d.negative ? "-" : "")Infinity'")
            case .finite:
                let t = d.rounded(places: 0, d.negative ? .ceiling : .floor)
                guard let v = t.exactInt else {
                    throw LiquidError.render("integer \(RubyFormat.float(t.toDouble())) too \(d.negative ? "small" : "big") to convert to `int'")
                }
                i = v
            }
        }
        guard i >= Int(Int32.min) && i <= Int(Int32.max) else {
            throw LiquidError.render("integer \(i) too \(i < 0 ? "small" : "big") to convert to `int'")
        }
        return i
    }
}

/// A filter's arguments as Ruby's method receives them: the positional ones, then the keyword
/// arguments as one trailing hash (a filter that takes no keywords sees that hash as a value).
struct RubyArguments {
    let values: [Value]

    init(_ arguments: FilterArguments) {
        if arguments.keywords.isEmpty {
            values = arguments.positional
        } else {
            values = arguments.positional + [.object(LiquidObject(arguments.keywords))]
        }
    }

    var count: Int { values.count }
    subscript(i: Int) -> Value { i < values.count ? values[i] : .nil }
}
