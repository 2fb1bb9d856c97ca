import Liquid

/// A JSON value that remembers where it was written, so a problem with a field can name its line.
/// (Liquid's `JSONParser` is built for speed and keeps no positions; project files are small and
/// read once, so this scanner trades speed for locations.)
struct JSONNode: Sendable {
    enum Kind: Sendable {
        case null
        case bool(Bool)
        case int(Int)
        case double(Double)
        case string(String)
        case array([JSONNode])
        case object([JSONMember])
    }

    var kind: Kind
    /// Where the value starts (for a `@` reference: the referenced file, line 1).
    var location: SourceLocation

    /// The plain value, as templates see it.
    var value: Value {
        switch kind {
        case .null: return .nil
        case .bool(let b): return .bool(b)
        case .int(let n): return .int(n)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        case .array(let items): return .array(items.map(\.value))
        case .object(let members):
            var object = LiquidObject()
            for m in members { object[m.key] = m.value.value }
            return .object(object)
        }
    }

    var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    var members: [JSONMember]? {
        if case .object(let m) = kind { return m }
        return nil
    }

    var items: [JSONNode]? {
        if case .array(let a) = kind { return a }
        return nil
    }

    var isNull: Bool {
        if case .null = kind { return true }
        return false
    }

    /// "a string", "an object": for messages like "must be an object, not a string".
    var typeDescription: String {
        switch kind {
        case .null: return "null"
        case .bool: return "a boolean"
        case .int, .double: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }
}

struct JSONMember: Sendable {
    var key: String
    var keyLocation: SourceLocation
    var value: JSONNode
}

/// A scanner for JSON documents that records the line and column of every value and key.
struct LocatedJSON {
    struct SyntaxError: Error, Sendable {
        let message: String
        let line: Int
        let column: Int
    }

    private let bytes: [UInt8]
    private let file: String
    private var i = 0
    private var line = 1
    private var lineStart = 0
    private var depth = 0
    private var columnOffset = 0
    private var columnValue = 1
    private static let maxDepth = 256

    private init(_ bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
    }

    /// Parse one JSON document; `file` is recorded in every node's location.
    static func parse(_ bytes: [UInt8], file: String) throws(SyntaxError) -> JSONNode {
        var scanner = LocatedJSON(bytes, file: file)
        // Editors on some systems start UTF-8 files with a byte-order mark.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.i = 3; scanner.lineStart = 3; scanner.columnOffset = 3 }
        scanner.skipWhitespace()
        let node = try scanner.value()
        scanner.skipWhitespace()
        if scanner.i < bytes.count { throw scanner.error("unexpected text after the JSON value") }
        return node
    }

    // MARK: positions

    /// The character column of `i`. Counted on from the last column asked for on the same line,
    /// so a long minified line costs linear time, not quadratic.
    private mutating func column() -> Int {
        if columnOffset < lineStart || columnOffset > i {
            columnOffset = lineStart
            columnValue = 1
        }
        while columnOffset < i && columnOffset < bytes.count {
            if bytes[columnOffset] & 0xC0 != 0x80 { columnValue += 1 }
            columnOffset += 1
        }
        return columnValue
    }

    private mutating func here() -> SourceLocation { SourceLocation(file: file, line: line, column: column()) }

    private mutating func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column())
    }

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case 0x0A:
                i += 1
                line += 1
                lineStart = i
            case 0x20, 0x09, 0x0D:
                i += 1
            default:
                return
            }
        }
    }

    // MARK: values

    private mutating func value() throws(SyntaxError) -> JSONNode {
        guard i < bytes.count else { throw error("unexpected end of file, expected a value") }
        let start = here()
        switch bytes[i] {
        case UInt8(ascii: "{"): return JSONNode(kind: try object(), location: start)
        case UInt8(ascii: "["): return JSONNode(kind: try array(), location: start)
        case UInt8(ascii: "\""): return JSONNode(kind: .string(try string()), location: start)
        case UInt8(ascii: "t"): try literal("true"); return JSONNode(kind: .bool(true), location: start)
        case UInt8(ascii: "f"): try literal("false"); return JSONNode(kind: .bool(false), location: start)
        case UInt8(ascii: "n"): try literal("null"); return JSONNode(kind: .null, location: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return JSONNode(kind: try number(), location: start)
        case UInt8(ascii: "}"), UInt8(ascii: "]"): throw error("expected a value (a trailing comma?)")
        case UInt8(ascii: "'"): throw error("strings must use double quotes")
        default: throw error("unexpected character '\(String(decoding: [bytes[i]], as: UTF8.self))'")
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<i + w.count]) == w else {
            throw error("invalid literal, expected '\(word)'")
        }
        i += w.count
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nested deeper than \(Self.maxDepth) levels") }
    }

    private mutating func object() throws(SyntaxError) -> JSONNode.Kind {
        try enter()
        defer { depth -= 1 }
        i += 1
        var members: [JSONMember] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
        while true {
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of file in an object") }
            guard bytes[i] == UInt8(ascii: "\"") else {
                if bytes[i] == UInt8(ascii: "}") { throw error("trailing comma before '}'") }
                throw error("expected a key in double quotes")
            }
            let keyLocation = here()
            let key = try string()
            skipWhitespace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw error("expected ':' after the key \"\(key)\"") }
            i += 1
            skipWhitespace()
            members.append(JSONMember(key: key, keyLocation: keyLocation, value: try value()))
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of file in an object, expected '}'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(members) }
            throw error("expected ',' or '}' after an object member")
        }
    }

    private mutating func array() throws(SyntaxError) -> JSONNode.Kind {
        try enter()
        defer { depth -= 1 }
        i += 1
        var items: [JSONNode] = []
        skipWhitespace()
        if i < bytes.count && bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
        while true {
            skipWhitespace()
            if i < bytes.count && bytes[i] == UInt8(ascii: "]") { throw error("trailing comma before ']'") }
            items.append(try value())
            skipWhitespace()
            guard i < bytes.count else { throw error("unexpected end of file in an array, expected ']'") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw error("expected ',' or ']' after an array item")
        }
    }

    private mutating func number() throws(SyntaxError) -> JSONNode.Kind {
        let start = i
        var end = i
        let scanned = bytes.withUnsafeBufferPointer { buffer in Result { () throws(JSONScanning.Failure) in try JSONScanning.number(buffer, &end) } }
        i = end
        let isInteger: Bool
        switch scanned {
        case .success(let integer): isInteger = integer
        case .failure(.numberDigits(.fraction)): throw error("invalid number: digits must follow '.'")
        case .failure(.numberDigits(.exponent)): throw error("invalid number: digits must follow the exponent")
        case .failure: throw error("invalid number")
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        if isInteger, let n = Int(text) { return .int(n) }
        guard let d = Double(text) else { throw error("invalid number") }
        return .double(d)
    }

    private mutating func string() throws(SyntaxError) -> String {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b == 0x0A { throw error("line break inside a string (write \\n)") }
            if b < 0x20 { throw error("control character inside a string") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { break }
            var at = i
            let unescaped = bytes.withUnsafeBufferPointer { buffer in
                Result { () throws(JSONScanning.Failure) in try JSONScanning.unescape(buffer, &at, into: &out) }
            }
            i = at
            switch unescaped {
            case .success: continue
            case .failure(.escape(let e)):
                i -= 1  // point at the escape's letter
                throw error("invalid escape '\\\(String(decoding: [e], as: UTF8.self))'")
            case .failure(.surrogatePair): throw error("invalid surrogate pair")
            case .failure: throw error("invalid \\u escape")
            }
        }
        throw error("unterminated string")
    }
}
