/// Every error Missive's Liquid raises: what went wrong, and where. The location (template name,
/// byte offset into its source) is attached as the error travels up; line and column are
/// computed only when a person needs them.
public struct LiquidError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax
        /// A filter or tag given arguments it cannot use.
        case argument
        /// Anything else that goes wrong while rendering.
        case render
        case undefinedVariable
        case undefinedFilter
        case fileSystem
        case limit

        /// How Shopify's messages name the kind: `Liquid syntax error (line 1): ...`.
        public var label: String {
            switch self {
            case .syntax: return "Liquid syntax error"
            case .argument, .render: return "Liquid error"
            case .undefinedVariable: return "Liquid undefined variable"
            case .undefinedFilter: return "Liquid undefined filter"
            case .fileSystem: return "Liquid file system error"
            case .limit: return "Liquid limit exceeded"
            }
        }
    }

    public var kind: Kind
    public var message: String
    /// The template (or partial) the error is in; nil for an anonymous template.
    public var templateName: String?
    /// Byte offset of the offending token in the template source.
    public var offset: Int?
    /// 1-based line and column, filled in from the source when the error leaves the template.
    public var line: Int?
    public var column: Int?
    /// The whole source line the error points at.
    public var sourceLine: String?
    /// Partials the error passed through, innermost last (`page → product-card`).
    public var partialChain: [String] = []

    public init(_ kind: Kind, _ message: String, offset: Int? = nil) {
        self.kind = kind
        self.message = message
        self.offset = offset
    }

    public static func syntax(_ message: String, at offset: Int? = nil) -> LiquidError {
        LiquidError(.syntax, message, offset: offset)
    }

    public static func argument(_ message: String, at offset: Int? = nil) -> LiquidError {
        LiquidError(.argument, message, offset: offset)
    }

    public static func render(_ message: String, at offset: Int? = nil) -> LiquidError {
        LiquidError(.render, message, offset: offset)
    }

    public static func limit(_ message: String) -> LiquidError { LiquidError(.limit, message) }

    /// Fill in name, line, column and the source line from the template this error happened in.
    /// Keeps the innermost location when the error already has one.
    public mutating func locate(in source: [UInt8], name: String?) {
        guard line == nil else { return }
        templateName = name
        let at = min(max(offset ?? 0, 0), source.count)
        var lineNo = 1
        var lineStart = 0
        var i = 0
        while i < at {
            if source[i] == UInt8(ascii: "\n") {
                lineNo += 1
                lineStart = i + 1
            }
            i += 1
        }
        var lineEnd = lineStart
        while lineEnd < source.count && source[lineEnd] != UInt8(ascii: "\n") && source[lineEnd] != UInt8(ascii: "\r") {
            lineEnd += 1
        }
        line = lineNo
        // Columns count characters, not bytes, so the caret lands under the right glyph.
        column = String(decoding: source[lineStart..<at], as: UTF8.self).count + 1
        sourceLine = String(decoding: source[lineStart..<lineEnd], as: UTF8.self)
    }

    /// Shopify's one-line form: `Liquid syntax error (line 3): Unknown tag 'x'`.
    public var liquidMessage: String {
        let prefix = kind.label
        if let line { return "\(prefix) (line \(line)): \(message)" }
        return "\(prefix): \(message)"
    }

    /// Compiler-style: `name:line:col: message`, then the source line and a caret under the column.
    public var description: String {
        let name = templateName ?? "<template>"
        guard let line, let column else { return "\(name): \(kind.label): \(message)" }
        var text = "\(name):\(line):\(column): \(kind.label): \(message)"
        if let sourceLine {
            let gutter = "\(line) | "
            text += "\n" + gutter + sourceLine
            let pad = String(sourceLine.prefix(column - 1).map { $0 == "\t" ? "\t" : " " })
            text += "\n" + String(repeating: " ", count: gutter.count) + pad + "^"
        }
        if !partialChain.isEmpty { text += "\n  in partial " + partialChain.joined(separator: " → ") }
        return text
    }
}
