/// Ruby's textual forms of values, which Shopify Liquid's output follows exactly.
public enum RubyFormat {
    /// `Float#to_s`: shortest round-trip digits, fixed notation for decimal exponents in -4..<15
    /// (always with a fractional part, `1.0`), scientific with a signed two-digit exponent otherwise
    /// (`1.0e+16`, `1.0e-05`).
    public static func float(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Infinity" : "Infinity" }
        if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
        let (digits, exponent) = shortestDigits(abs(d))
        var out = d < 0 ? "-" : ""
        // `exponent` is the power of ten of the first digit: value = 0.d1d2... × 10^(exponent+1).
        if exponent >= -4 && exponent < 15 {
            if exponent >= 0 {
                let intCount = exponent + 1
                if digits.count <= intCount {
                    out += digits + String(repeating: "0", count: intCount - digits.count) + ".0"
                } else {
                    let cut = digits.index(digits.startIndex, offsetBy: intCount)
                    out += digits[..<cut] + "." + digits[cut...]
                }
            } else {
                out += "0." + String(repeating: "0", count: -exponent - 1) + digits
            }
        } else {
            let first = digits.prefix(1)
            let rest = digits.dropFirst()
            out += first + "." + (rest.isEmpty ? "0" : rest)
            out += exponent < 0 ? "e-" : "e+"
            let e = abs(exponent)
            out += e < 10 ? "0\(e)" : "\(e)"
        }
        return out
    }

    /// The shortest decimal digits that round-trip, and the decimal exponent of the first digit,
    /// taken from Swift's own shortest representation.
    static func shortestDigits(_ d: Double) -> (String, Int) {
        let text = d.description  // e.g. "1234.5", "1e-05", "5e-324", "1.5e+16"
        var mantissa = Substring(text)
        var exp = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exp = Int(text[text.index(after: e)...]) ?? 0
        }
        var intPart = mantissa
        var fracPart: Substring = ""
        if let dot = mantissa.firstIndex(of: ".") {
            intPart = mantissa[..<dot]
            fracPart = mantissa[mantissa.index(after: dot)...]
        }
        var digits = String(intPart) + String(fracPart)
        var pointPos = intPart.count + exp  // digits before the decimal point
        // Strip leading zeros (e.g. "0.001" → "1" with the point moved).
        while digits.count > 1 && digits.first == "0" {
            digits.removeFirst()
            pointPos -= 1
        }
        while digits.count > 1 && digits.last == "0" { digits.removeLast() }
        return (digits, pointPos - 1)
    }

    /// `Hash#inspect` as Ruby 3.1 (Shopify Liquid 5.4's reference) prints it.
    public static func inspect(_ value: Value) -> String {
        switch value {
        case .nil: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return float(d)
        case .string(let s): return quote(s)
        case .array(let a): return "[" + a.map(inspect).joined(separator: ", ") + "]"
        case .object(let o): return "{" + o.pairs.map { quote($0) + "=>" + inspect($1) }.joined(separator: ", ") + "}"
        case .range(let lo, let hi): return "\(lo)..\(hi)"
        case .drop(let d): return inspect(d.toLiquidValue())
        }
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for ch in s.unicodeScalars {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out + "\""
    }
}

extension Value {
    /// Append the value as Liquid outputs it (`{{ x }}`): nil is empty, arrays are their elements
    /// concatenated, floats in Ruby's form, objects as Ruby's inspect.
    public func write(to out: inout OutputBuffer) { Self.write(self, to: &out) }

    /// `write(to:)` for a value read where it is stored, without copying it first (a string
    /// is appended from its storage; other kinds are rare in output and take the general way).
    static func write(at stored: UnsafePointer<Value>, to out: inout OutputBuffer) {
        // A string's bytes read where they are: binding it would retain and release it.
        if case .string = stored.pointee, let bytes = StringInPlace.utf8(ofStringValue: stored) {
            return out.append(utf8: bytes)
        }
        switch stored.pointee {
        case .nil: return
        case .string(let s): out.append(s)
        case .int(let i): out.append(decimal: i)
        default: write(stored.pointee, to: &out)
        }
    }

    /// `value.write(to:)` with the value passed as an argument.
    public static func write(_ value: Value, to out: inout OutputBuffer) {
        switch value {
        case .nil: return
        case .string(let s): out.append(s)
        case .int(let i): out.append(decimal: i)
        case .bool(let b): out.append(b ? "true" : "false")
        case .double(let d): out.append(RubyFormat.float(d))
        case .array(let a): for v in a { v.write(to: &out) }
        case .object: out.append(RubyFormat.inspect(value))
        case .range(let lo, let hi): out.append("\(lo)..\(hi)")
        case .drop(let d): d.toLiquidValue().write(to: &out)
        }
    }

    /// The value as Liquid's `to_s` gives it (what string filters operate on).
    public var liquidString: String {
        switch self {
        case .nil: return ""
        case .string(let s): return s
        case .int(let i): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .double(let d): return RubyFormat.float(d)
        default:
            var out = OutputBuffer(capacity: 64)
            write(to: &out)
            return out.string
        }
    }
}

extension OutputBuffer {
    /// `value` in decimal, written in place (no String made for it).
    public mutating func append(decimal value: Int) {
        if value >= 0 && value < 10 {
            append(UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0"))
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        let digits = DecimalDigits.count(value.magnitude)
        reserve(digits)
        DecimalDigits.write(value.magnitude, digits: digits, at: base + count)
        advance(by: digits)
    }
}
