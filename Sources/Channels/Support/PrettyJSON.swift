import Liquid

/// JSON for people and diffs: two-space indentation, one member per line, keys in their order,
/// strings escaped as `JSONWriter` escapes them, a final newline. Empty arrays and objects stay
/// on one line (`[]`, `{}`).
public enum PrettyJSON {
    public static func string(_ value: Value) -> String {
        var out = OutputBuffer(capacity: 1024)
        write(value, indent: 0, to: &out)
        out.append(UInt8(ascii: "\n"))
        return out.string
    }

    static func write(_ value: Value, indent: Int, to out: inout OutputBuffer) {
        switch value {
        case .array(let items) where !items.isEmpty:
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                out.append(i == 0 ? "\n" : ",\n")
                pad(indent + 2, &out)
                write(item, indent: indent + 2, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            pad(indent, &out)
            out.append(UInt8(ascii: "]"))
        case .object(let o) where !o.isEmpty:
            out.append(UInt8(ascii: "{"))
            var first = true
            for (k, v) in o.pairs {
                out.append(first ? "\n" : ",\n")
                first = false
                pad(indent + 2, &out)
                JSONWriter.writeString(k, to: &out)
                out.append(": ")
                write(v, indent: indent + 2, to: &out)
            }
            out.append(UInt8(ascii: "\n"))
            pad(indent, &out)
            out.append(UInt8(ascii: "}"))
        case .drop(let d):
            write(d.toLiquidValue(), indent: indent, to: &out)
        default:
            JSONWriter.write(value, to: &out)
        }
    }

    private static func pad(_ n: Int, _ out: inout OutputBuffer) {
        for _ in 0..<n { out.append(UInt8(ascii: " ")) }
    }
}
