/// A JSON decoder that fills `Value` directly from UTF-8 bytes: no Foundation, no `Any`.
/// Integers stay integers and numbers with a fraction or exponent become doubles, so `1` and
/// `1.0` render differently, as Liquid needs. Object key order is kept.
public struct JSONParser {
    public struct Error: Swift.Error, CustomStringConvertible, Sendable {
        public let message: String
        public let line: Int
        public let column: Int
        public var description: String { "JSON error at line \(line), column \(column): \(message)" }
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var depth = 0
    private static let maxDepth = 512

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Parse one JSON document (surrounding whitespace allowed).
    public static func parse(_ data: [UInt8]) throws -> Value {
        try data.withUnsafeBufferPointer { buffer in
            var p = JSONParser(buffer)
            p.skipWhitespace()
            let v = try p.value()
            p.skipWhitespace()
            if p.i != buffer.count { throw p.error("unexpected data after the JSON value") }
            return v
        }
    }

    public static func parse(_ text: String) throws -> Value { try parse(Array(text.utf8)) }

    private func error(_ message: String) -> Error {
        var line = 1, col = 1
        for k in 0..<min(i, bytes.count) {
            if bytes[k] == UInt8(ascii: "\n") { line += 1; col = 1 } else if bytes[k] & 0xC0 != 0x80 { col += 1 }
        }
        return Error(message: message, line: line, column: col)
    }

    private mutating func skipWhitespace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func value() throws -> Value {
        guard i < bytes.count else { throw error("unexpected end of input") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw error("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard i + n <= bytes.count else { throw error("invalid literal") }
        for k in 0..<n where bytes[i + k] != word.utf8Start[k] { throw error("invalid literal") }
        i += n
    }

    private mutating func enter() throws {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws -> Value {
        try enter()
        defer { depth -= 1 }
        i += 1
        var object = LiquidObject()
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
        while true {
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw error("expected a string key") }
            let key = try string()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
            i += 1
            skipWhitespace()
            object[key] = try value()
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in an object") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(object) }
            throw error("expected ',' or '}' in an object")
        }
    }

    private mutating func array() throws -> Value {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [Value] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipWhitespace()
            items.append(try value())
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of input in an array") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' in an array")
        }
    }

    private mutating func number() throws -> Value {
        let start = i
        let isInteger: Bool
        do { isInteger = try JSONScanning.number(bytes, &i) } catch { throw self.error("invalid number") }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        if isInteger, let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw error("invalid number") }
        return .double(d)
    }

    private mutating func string() throws -> String {
        i += 1
        let start = i
        // Fast path: no escapes.
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
                i += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character in a string") }
            i += 1
        }
        var out = Array(bytes[start..<i])
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character in a string") }
            if b != UInt8(ascii: "\\") { out.append(b); i += 1; continue }
            i += 1
            guard i < bytes.count else { break }
            do {
                try JSONScanning.unescape(bytes, &i, into: &out)
            } catch {
                throw self.error(Self.message(error))
            }
        }
        throw error("unterminated string")
    }

    static func message(_ failure: JSONScanning.Failure) -> String {
        switch failure {
        case .numberDigits: return "invalid number"
        case .unicodeEscape: return "invalid \\u escape"
        case .surrogatePair: return "invalid surrogate pair"
        case .escape(let e): return "invalid escape '\\\(String(decoding: [e], as: UTF8.self))'"
        }
    }
}
