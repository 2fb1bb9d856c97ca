/// Writes a `Value` as compact JSON (keys in order, non-ASCII kept as UTF-8, `/` not escaped).
public enum JSONWriter {
    public static func string(_ value: Value) -> String {
        var out = OutputBuffer(capacity: 256)
        write(value, to: &out)
        return out.string
    }

    public static func write(_ value: Value, to out: inout OutputBuffer) {
        switch value {
        case .nil: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .int(let i): out.append(decimal: i)
        case .double(let d): out.append(d.isFinite ? RubyFormat.jsonFloat(d) : "null")
        case .string(let s): writeString(s, to: &out)
        case .array(let a):
            out.append(UInt8(ascii: "["))
            for (k, v) in a.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                write(v, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let o):
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o.pairs {
                if !first { out.append(UInt8(ascii: ",")) }
                first = false
                writeString(k, to: &out)
                out.append(UInt8(ascii: ":"))
                write(v, to: &out)
            }
            out.append(UInt8(ascii: "}"))
        case .range: write(.array(value.arrayElements ?? []), to: &out)
        case .drop(let d): write(d.toLiquidValue(), to: &out)
        }
    }

    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    public static func writeString(_ s: String, to out: inout OutputBuffer) {
        out.append(UInt8(ascii: "\""))
        var s = s
        s.withUTF8 { bytes in
            // Copy runs of bytes that need no escaping in one go.
            var runStart = 0
            for (i, b) in bytes.enumerated() where b < 0x20 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "\\") {
                if runStart < i { out.append(UnsafeBufferPointer(rebasing: bytes[runStart..<i])) }
                runStart = i + 1
                switch b {
                case UInt8(ascii: "\""): out.append("\\\"")
                case UInt8(ascii: "\\"): out.append("\\\\")
                case 0x0A: out.append("\\n")
                case 0x0D: out.append("\\r")
                case 0x09: out.append("\\t")
                case 0x08: out.append("\\b")
                case 0x0C: out.append("\\f")
                default:
                    out.append("\\u00")
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 0xF)])
                }
            }
            if runStart < bytes.count { out.append(UnsafeBufferPointer(rebasing: bytes[runStart...])) }
        }
        out.append(UInt8(ascii: "\""))
    }
}

extension RubyFormat {
    /// Floats in JSON as Ruby's JSON generator writes them (`1.0`, `1.0e+20`).
    static func jsonFloat(_ d: Double) -> String { float(d) }
}

extension JSONWriter {
    /// Indented JSON (two spaces, `"key": value`), as Knock's CLI writes its files; ends with a newline.
    public static func pretty(_ value: Value) -> String {
        var out = OutputBuffer(capacity: 1024)
        writePretty(value, depth: 0, to: &out)
        out.append(UInt8(ascii: "\n"))
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
