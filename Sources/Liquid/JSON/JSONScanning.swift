/// The byte-level pieces of JSON that both of Missive's JSON readers share: Liquid's `JSONParser`
/// (data into `Value`) and the project loader's located parser (files with positions). Each
/// reader keeps its own errors and messages; these report what went wrong as a `Failure`.
public enum JSONScanning {
    public enum Failure: Error, Sendable {
        /// A number without digits where they must be: at the start, after `.`, in the exponent.
        case numberDigits(NumberPart)
        /// `\u` not followed by four hex digits.
        case unicodeEscape
        /// A high surrogate followed by `\u` and something that is not a low surrogate.
        case surrogatePair
        /// A backslash followed by this byte.
        case escape(UInt8)
    }

    public enum NumberPart: Sendable { case integer, fraction, exponent }

    /// Scan a number starting at `i` (`-`? digits, `.digits`?, exponent?); `i` ends after it.
    /// Returns whether it is an integer (no fraction, no exponent).
    public static func number(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) -> Bool {
        if i < bytes.count && bytes[i] == UInt8(ascii: "-") { i += 1 }
        try digits(bytes, &i, .integer)
        var isInteger = true
        if i < bytes.count && bytes[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            try digits(bytes, &i, .fraction)
        }
        if i < bytes.count && (bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E")) {
            isInteger = false
            i += 1
            if i < bytes.count && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) { i += 1 }
            try digits(bytes, &i, .exponent)
        }
        return isInteger
    }

    private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ part: NumberPart) throws(Failure) {
        let start = i
        while i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 { i += 1 }
        guard i > start else { throw .numberDigits(part) }
    }

    /// The escape whose letter is at `i` (just after the backslash), appended to `out` as UTF-8;
    /// `i` ends after it. Surrogate pairs are joined; a lone surrogate becomes U+FFFD.
    public static func unescape(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, into out: inout [UInt8]) throws(Failure) {
        let e = bytes[i]
        i += 1
        switch e {
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "/"): out.append(0x2F)
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "u"):
            var scalar = try hex4(bytes, &i)
            if scalar >= 0xD800 && scalar < 0xDC00, i + 1 < bytes.count,
               bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u")
            {
                i += 2
                let low = try hex4(bytes, &i)
                guard low >= 0xDC00 && low < 0xE000 else { throw .surrogatePair }
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            }
            // A lone surrogate is no scalar: U+FFFD, as a lenient decoder writes it.
            out.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
        default:
            throw .escape(e)
        }
    }

    private static func hex4(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int) throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw .unicodeEscape }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - 0x30)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(b - 0x61 + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(b - 0x41 + 10)
            default: throw .unicodeEscape
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
