/// Base64 as Ruby's `Base64` module does it for Liquid's filters: `strict_encode64`,
/// `strict_decode64`, `urlsafe_encode64` and `urlsafe_decode64`.
enum Base64 {
    private static let standard = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let urlSafe = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    /// Padded base64 without line breaks; the URL-safe alphabet uses `-` and `_`.
    static func encode(_ bytes: [UInt8], urlSafe: Bool) -> String {
        let table = urlSafe ? Self.urlSafe : Self.standard
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i + 2 < bytes.count {
            let n = UInt32(bytes[i]) << 16 | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2])
            out.append(table[Int(n >> 18 & 63)])
            out.append(table[Int(n >> 12 & 63)])
            out.append(table[Int(n >> 6 & 63)])
            out.append(table[Int(n & 63)])
            i += 3
        }
        let rest = bytes.count - i
        if rest > 0 {
            let n = UInt32(bytes[i]) << 16 | (rest == 2 ? UInt32(bytes[i + 1]) << 8 : 0)
            out.append(table[Int(n >> 18 & 63)])
            out.append(table[Int(n >> 12 & 63)])
            out.append(rest == 2 ? table[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(UInt8(ascii: "="))
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func value(_ c: UInt8) -> UInt32? {
        switch c {
        case 0x41...0x5A: return UInt32(c - 0x41)
        case 0x61...0x7A: return UInt32(c - 0x61 + 26)
        case 0x30...0x39: return UInt32(c - 0x30 + 52)
        case UInt8(ascii: "+"): return 62
        case UInt8(ascii: "/"): return 63
        default: return nil
        }
    }

    /// `strict_decode64`: the standard alphabet, a length that is a multiple of 4, padding only
    /// at the end, and zero bits under the padding; nil for anything else.
    static func decodeStrict(_ input: [UInt8]) -> [UInt8]? {
        guard input.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(input.count / 4 * 3)
        var i = 0
        while i < input.count {
            let last = i + 4 == input.count
            guard let a = value(input[i]), let b = value(input[i + 1]) else { return nil }
            let c3 = input[i + 2], c4 = input[i + 3]
            if last && c3 == UInt8(ascii: "=") && c4 == UInt8(ascii: "=") {
                guard b & 0x0F == 0 else { return nil }
                out.append(UInt8(a << 2 | b >> 4))
                break
            }
            guard let c = value(c3) else { return nil }
            if last && c4 == UInt8(ascii: "=") {
                guard c & 0x03 == 0 else { return nil }
                out.append(UInt8(a << 2 | b >> 4))
                out.append(UInt8((b << 4 | c >> 2) & 0xFF))
                break
            }
            guard let d = value(c4) else { return nil }
            out.append(UInt8(a << 2 | b >> 4))
            out.append(UInt8((b << 4 | c >> 2) & 0xFF))
            out.append(UInt8((c << 6 | d) & 0xFF))
            i += 4
        }
        return out
    }

    /// `urlsafe_decode64`: padding is added when the input lacks it (and does not end in `=`),
    /// `-` and `_` read as `+` and `/`, then `strict_decode64`.
    static func decodeURLSafe(_ input: [UInt8]) -> [UInt8]? {
        var s = input.map { c -> UInt8 in
            c == UInt8(ascii: "-") ? UInt8(ascii: "+") : c == UInt8(ascii: "_") ? UInt8(ascii: "/") : c
        }
        if input.last != UInt8(ascii: "=") && input.count % 4 != 0 {
            s.append(contentsOf: repeatElement(UInt8(ascii: "="), count: 4 - input.count % 4))
        }
        return decodeStrict(s)
    }
}
