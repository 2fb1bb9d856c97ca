/// A number as Shopify Liquid's `Utils.to_number` makes one: an Integer, or a BigDecimal (every
/// Float and every `"3.5"`-shaped string becomes one). Integer with Integer stays Integer; anything
/// with a BigDecimal is done in decimal and shown as the nearest Float (`to_f`). Integers past 64
/// bits (Ruby's Bignums) are exact here too, but a result that does not fit back in 64 bits is
/// shown as the nearest Float: the value model has no Bignum.
enum RubyNumeric {
    case integer(Int)
    /// An Integer past 64 bits: an integral decimal (exponent >= 0).
    case bigInteger(RubyDecimal)
    case decimal(RubyDecimal)

    /// An exact integral value, back in 64 bits where it fits.
    static func integral(_ d: RubyDecimal) -> RubyNumeric {
        if let i = d.exactInt { return .integer(i) }
        return .bigInteger(d)
    }

    var isInteger: Bool {
        if case .decimal = self { return false }
        return true
    }

    /// `Utils.to_number`: Integers as they are, Floats as `BigDecimal(f.to_s)`, strings matching
    /// `/\A-?\d+\.\d+\z/` (after stripping) as BigDecimal, other strings by `String#to_i`, and
    /// anything else (nil, booleans, arrays, hashes, ranges) as 0.
    init(_ value: Value) {
        switch value {
        case .int(let i): self = .integer(i)
        case .double(let d): self = .decimal(RubyDecimal(d))
        case .string(let s): self = Self.parse(s)
        case .drop(let d): self = RubyNumeric(d.toLiquidValue())
        default: self = .integer(0)
        }
    }

    static func parse(_ s: String) -> RubyNumeric {
        let bytes = Array(s.utf8)
        var lo = 0, hi = bytes.count
        while lo < hi && Bytes.isWhitespace(bytes[lo]) { lo += 1 }
        while hi > lo && (Bytes.isWhitespace(bytes[hi - 1]) || bytes[hi - 1] == 0) { hi -= 1 }
        if isDecimalLiteral(bytes[lo..<hi]) { return .decimal(RubyDecimal(decimalString: bytes[lo..<hi])) }
        return toI(bytes)
    }

    /// `/\A-?\d+\.\d+\z/`
    private static func isDecimalLiteral(_ b: ArraySlice<UInt8>) -> Bool {
        var i = b.startIndex
        if i < b.endIndex && b[i] == UInt8(ascii: "-") { i += 1 }
        let intStart = i
        while i < b.endIndex && Bytes.isDigit(b[i]) { i += 1 }
        guard i > intStart, i < b.endIndex, b[i] == UInt8(ascii: ".") else { return false }
        i += 1
        let fracStart = i
        while i < b.endIndex && Bytes.isDigit(b[i]) { i += 1 }
        return i > fracStart && i == b.endIndex
    }

    /// `String#to_i`: leading whitespace, a sign, an optional `0d`, then digits with single
    /// underscores between them; stops at anything else; no digits is 0.
    private static func toI(_ b: [UInt8]) -> RubyNumeric {
        var i = 0
        while i < b.count && Bytes.isWhitespace(b[i]) { i += 1 }
        var negative = false
        if i < b.count && (b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+")) {
            negative = b[i] == UInt8(ascii: "-")
            i += 1
        }
        if i + 2 < b.count && b[i] == UInt8(ascii: "0") && (b[i + 1] | 0x20) == UInt8(ascii: "d") && Bytes.isDigit(b[i + 2]) {
            i += 2
        }
        var digits: [UInt8] = []
        while i < b.count {
            if Bytes.isDigit(b[i]) {
                digits.append(b[i])
            } else if b[i] == UInt8(ascii: "_") && !digits.isEmpty && i + 1 < b.count && Bytes.isDigit(b[i + 1]) {
                // a single underscore between digits
            } else {
                break
            }
            i += 1
        }
        var value = 0
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.addingReportingOverflow(Int(d - 0x30))
            if o1 || o2 {
                return .integral(RubyDecimal(negative: negative, limbs: DecimalLimbs.parse(digits[...]), exponent: 0))
            }
            value = s
        }
        return .integer(negative ? -value : value)
    }

    var decimal: RubyDecimal {
        switch self {
        case .integer(let i): return RubyDecimal(i)
        case .bigInteger(let d), .decimal(let d): return d
        }
    }

    /// The filter's result: an Integer as is, a BigDecimal as `to_f`.
    var value: Value {
        switch self {
        case .integer(let i): return .int(i)
        case .bigInteger(let d): return d.integerValue
        case .decimal(let d): return .double(d.toDouble())
        }
    }

    var isZero: Bool {
        switch self {
        case .integer(let i): return i == 0
        case .bigInteger(let d), .decimal(let d): return d.isZero
        }
    }

    // MARK: Arithmetic, as Ruby's Integer and BigDecimal do it

    static func + (a: RubyNumeric, b: RubyNumeric) -> RubyNumeric {
        if case .integer(let x) = a, case .integer(let y) = b {
            let (r, overflow) = x.addingReportingOverflow(y)
            if !overflow { return .integer(r) }
        }
        return combine(a, b, a.decimal + b.decimal)
    }

    static func - (a: RubyNumeric, b: RubyNumeric) -> RubyNumeric {
        if case .integer(let x) = a, case .integer(let y) = b {
            let (r, overflow) = x.subtractingReportingOverflow(y)
            if !overflow { return .integer(r) }
        }
        return combine(a, b, a.decimal - b.decimal)
    }

    static func * (a: RubyNumeric, b: RubyNumeric) -> RubyNumeric {
        if case .integer(let x) = a, case .integer(let y) = b {
            let (r, overflow) = x.multipliedReportingOverflow(by: y)
            if !overflow { return .integer(r) }
        }
        return combine(a, b, a.decimal * b.decimal)
    }

    /// An exact result, Integer when both operands were, else BigDecimal.
    private static func combine(_ a: RubyNumeric, _ b: RubyNumeric, _ result: RubyDecimal) -> RubyNumeric {
        a.isInteger && b.isInteger ? .integral(result) : .decimal(result)
    }

    /// Integer division floors (`7 / -2` is -4), and an Integer zero divisor is Ruby's
    /// ZeroDivisionError. With a BigDecimal on either side the quotient is decimal, and a zero
    /// divisor gives Infinity (or NaN for 0/0), as BigDecimal does by default.
    static func dividing(_ a: RubyNumeric, by b: RubyNumeric) throws -> RubyNumeric {
        if a.isInteger && b.isInteger {
            if b.isZero { throw LiquidError.render("divided by 0") }
            if case .integer(let x) = a, case .integer(let y) = b {
                let (q, overflow) = x.dividedReportingOverflow(by: y)
                if !overflow {
                    let r = x - q * y
                    return .integer(r != 0 && (r < 0) != (y < 0) ? q - 1 : q)
                }
            }
            return .integral(RubyDecimal.floorDivide(a.decimal, b.decimal))
        }
        let x = a.decimal, y = b.decimal
        if y.isZero {
            if x.isZero || x.isNaN { return .decimal(.nan) }
            return .decimal(.infinity(negative: x.negative != y.negative))
        }
        return .decimal(x / y)
    }

    /// Ruby's modulo: the result takes the divisor's sign (`-7 % 3` is 2). A zero divisor is
    /// Ruby's ZeroDivisionError, for BigDecimal too.
    static func modulo(_ a: RubyNumeric, by b: RubyNumeric) throws -> RubyNumeric {
        if b.isZero { throw LiquidError.render("divided by 0") }
        if case .integer(let x) = a, case .integer(let y) = b {
            let (r, overflow) = x.remainderReportingOverflow(dividingBy: y)
            if overflow { return .integer(0) }  // Int.min % -1
            return .integer(r != 0 && (r < 0) != (y < 0) ? r + y : r)
        }
        return combine(a, b, a.decimal % b.decimal)
    }

    /// Ruby's `<=>`; nil when a NaN is involved.
    static func compare(_ a: RubyNumeric, _ b: RubyNumeric) -> Int? {
        if case .integer(let x) = a, case .integer(let y) = b { return x < y ? -1 : (x > y ? 1 : 0) }
        return RubyDecimal.compare(a.decimal, b.decimal)
    }
}
