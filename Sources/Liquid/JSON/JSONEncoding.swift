/// Writes a `Value` as compact JSON (keys in order, non-ASCII kept as UTF-8, `/` not escaped).
public enum JSONWriter {
    public static func string(_ value: Value) -> String {
        // Into an output buffer: its appends copy short pieces without a call to memcpy, and
        // its `string` checks the bytes once (all ASCII, mostly) instead of repairing them.
        var out = OutputBuffer(capacity: 1024)
        write(value, into: &out)
        return out.string
    }

    public static func write(_ value: Value, to out: inout OutputBuffer) {
        write(value, into: &out)
    }

    public static func writeString(_ s: String, to out: inout OutputBuffer) {
        writeString(s, into: &out)
    }

    static func write(_ value: Value, to sink: inout ByteSink) {
        write(value, into: &sink)
    }

    static func write<Out: JSONOutput & ~Copyable>(_ value: Value, into out: inout Out) {
        switch value {
        case .nil: out.append(literal: "null")
        case .bool(let b): out.append(literal: b ? "true" : "false")
        case .int(let i): out.append(decimal: i)
        case .double(let d): out.append(d.isFinite ? RubyFormat.jsonFloat(d) : "null")
        case .string(let s): writeString(s, into: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            // Elements read through the buffer: iterating the array would copy each one.
            a.withUnsafeBufferPointer { elements in
                for i in elements.indices {
                    if i > 0 { out.append(UInt8(ascii: ",")) }
                    write(elements[i], into: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            let keys = o.keys, values = o.values
            keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                    for i in keys.indices {
                        if i > 0 { out.append(UInt8(ascii: ",")) }
                        writeString(keys[i], into: &out)
                        out.append(UInt8(ascii: ":"))
                        write(values[i], into: &out)
                    }
                }
            }
            out.append(UInt8(ascii: "}"))
        case .range: write(.array(value.arrayElements ?? []), into: &out)
        case .drop(let d): write(d.toLiquidValue(), into: &out)
        }
    }

    static func writeString<Out: JSONOutput & ~Copyable>(_ s: String, into out: inout Out) {
        out.append(UInt8(ascii: "\""))
        RubyString.withUTF8(s) { bytes in
            // Copy runs of bytes that need no escaping in one go.
            var runStart = 0
            var i = nextSpecial(bytes, from: 0)
            while i < bytes.count {
                let b = bytes[i]
                if runStart < i { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                switch b {
                case UInt8(ascii: "\""): out.append(literal: "\\\"")
                case UInt8(ascii: "\\"): out.append(literal: "\\\\")
                case 0x0A: out.append(literal: "\\n")
                case 0x0D: out.append(literal: "\\r")
                case 0x09: out.append(literal: "\\t")
                case 0x08: out.append(literal: "\\b")
                case 0x0C: out.append(literal: "\\f")
                default:
                    out.append(literal: "\\u00")
                    out.append(hexDigit(b >> 4))
                    out.append(hexDigit(b & 0xF))
                }
                runStart = i &+ 1
                i = nextSpecial(bytes, from: runStart)
            }
            if runStart < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// The index of the first byte at or after `start` that JSON must escape (a control
    /// character, `"` or `\`), or the end. Eight bytes are checked at a time: most text has none.
    @inline(__always)
    static func nextSpecial(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var i = start
        let n = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
            while i &+ 8 <= n {
                let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                // Per byte: below 0x20, or equal to `"` or `\` (a zero byte after the xor).
                let control = (w &- ones &* 0x20) & ~w
                let q = w ^ (ones &* 0x22), bs = w ^ (ones &* 0x5C)
                let quote = (q &- ones) & ~q, backslash = (bs &- ones) & ~bs
                if (control | quote | backslash) & highs != 0 { break }
                i &+= 8
            }
        }
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") { return i }
            i &+= 1
        }
        return n
    }

    @inline(__always) static func hexDigit(_ v: UInt8) -> UInt8 {
        v < 10 ? UInt8(ascii: "0") &+ v : UInt8(ascii: "a") &+ (v &- 10)
    }
}

/// Where JSONWriter writes: the render's output buffer, or a `ByteSink` building one string.
typealias JSONOutput = TextOutput

extension ByteSink: TextOutput {}

extension RubyFormat {
    /// Floats in JSON as Ruby's JSON generator writes them (`1.0`, `1.0e+20`).
    static func jsonFloat(_ d: Double) -> String { float(d) }
}

extension JSONWriter {
    /// JSON for people and diffs: two-space indentation, one member per line, keys in their
    /// order, empty arrays and objects on one line (`[]`, `{}`); as Knock's CLI writes its files,
    /// with a final newline unless `finalNewline` is false. The one pretty printer every layer uses.
    public static func pretty(_ value: Value, finalNewline: Bool = true) -> String {
        var out = OutputBuffer(capacity: 1024)
        writePretty(value, depth: 0, to: &out)
        if finalNewline { out.append(UInt8(ascii: "\n")) }
        return out.string
    }

    static func writePretty(_ value: Value, depth: Int, to out: inout OutputBuffer) {
        func newline(_ d: Int) {
            out.append(UInt8(ascii: "\n"))
            for _ in 0..<(d * 2) { out.append(UInt8(ascii: " ")) }
        }
        switch value {
        case .array(let a) where !a.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, v) in a.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writePretty(v, depth: depth + 1, to: &out)
            }
            newline(depth)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o.pairs {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                newline(depth + 1)
                writeString(k, to: &out)
                out.append(": ")
                writePretty(v, depth: depth + 1, to: &out)
            }
            newline(depth)
            out.append(UInt8(ascii: "}"))
        case .drop(let d): writePretty(d.toLiquidValue(), depth: depth, to: &out)
        default: write(value, to: &out)
        }
    }
}
