/// A token of the markup inside `{{ }}` and `{% %}`.
public struct ExprToken: Sendable {
    public enum Kind: Equatable, Sendable {
        case identifier, string, integer, float
        case dot, dotDot, leftBracket, rightBracket, leftParen, rightParen
        case pipe, colon, comma, equals, comparison
        case end
        /// A byte no Liquid expression may contain (`@`, `+`, `*`, ...).
        case invalid
    }
    public var kind: Kind
    /// Byte range in the template source (for strings: the contents, quotes excluded).
    public var range: Range<Int>
}

/// Reads expression tokens from markup bytes, one at a time: the parser asks for the next token
/// when it needs it, so no token array is ever built.
enum ExpressionLexer {
    /// The token starting at or after `i` (whitespace skipped) and where the one after it may start.
    /// `source[..<end]` must be valid memory.
    static func token(in source: UnsafePointer<UInt8>, from i: Int, end: Int) -> (ExprToken, next: Int) {
        var i = i
        while i < end && ByteClass.of(source[i]) & ByteClass.whitespace != 0 { i += 1 }
        guard i < end else { return (ExprToken(kind: .end, range: end..<end), end) }
        let b = source[i]
        @inline(__always) func single(_ kind: ExprToken.Kind) -> (ExprToken, next: Int) {
            (ExprToken(kind: kind, range: i..<(i + 1)), i + 1)
        }
        switch b {
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            var j = i + 1
            while j < end && source[j] != b { j += 1 }
            if j >= end { return (ExprToken(kind: .invalid, range: i..<end), end) }
            return (ExprToken(kind: .string, range: (i + 1)..<j), j + 1)
        case UInt8(ascii: "."):
            if i + 1 < end && source[i + 1] == UInt8(ascii: ".") { return (ExprToken(kind: .dotDot, range: i..<(i + 2)), i + 2) }
            return single(.dot)
        case UInt8(ascii: "["): return single(.leftBracket)
        case UInt8(ascii: "]"): return single(.rightBracket)
        case UInt8(ascii: "("): return single(.leftParen)
        case UInt8(ascii: ")"): return single(.rightParen)
        case UInt8(ascii: "|"): return single(.pipe)
        case UInt8(ascii: ":"): return single(.colon)
        case UInt8(ascii: ","): return single(.comma)
        case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
            var j = i + 1
            if j < end, source[j] == UInt8(ascii: "=") || (b == UInt8(ascii: "<") && source[j] == UInt8(ascii: ">")) {
                j += 1
            }
            let kind: ExprToken.Kind
            if b == UInt8(ascii: "=") && j == i + 1 {
                kind = .equals
            } else if b == UInt8(ascii: "!") && j == i + 1 {
                kind = .invalid
            } else {
                kind = .comparison
            }
            return (ExprToken(kind: kind, range: i..<j), j)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            var j = i
            if b == UInt8(ascii: "-") {
                j += 1
                guard j < end, Bytes.isDigit(source[j]) else { return single(.invalid) }
            }
            while j < end && Bytes.isDigit(source[j]) { j += 1 }
            var kind = ExprToken.Kind.integer
            // `1.5` is a float; `1..5` is a range; `1.foo` stays an integer followed by a dot.
            if j + 1 < end && source[j] == UInt8(ascii: ".") && Bytes.isDigit(source[j + 1]) {
                j += 1
                while j < end && Bytes.isDigit(source[j]) { j += 1 }
                kind = .float
                // Ruby's lax number regex tolerates trailing junk like `1.2.3`: stop at the second dot.
            }
            // Digits followed by word characters (`123abc`) form an identifier-like word.
            if j < end && (Bytes.isAlpha(source[j]) || source[j] == UInt8(ascii: "_")) && b != UInt8(ascii: "-") && kind == .integer {
                while j < end && ByteClass.of(source[j]) & ByteClass.identifierPart != 0 { j += 1 }
                if j < end && source[j] == UInt8(ascii: "?") { j += 1 }
                kind = .identifier
            }
            return (ExprToken(kind: kind, range: i..<j), j)
        default:
            if Bytes.isAlpha(b) || b == UInt8(ascii: "_") {
                var j = i + 1
                while j < end && ByteClass.of(source[j]) & ByteClass.identifierPart != 0 { j += 1 }
                if j < end && source[j] == UInt8(ascii: "?") { j += 1 }
                return (ExprToken(kind: .identifier, range: i..<j), j)
            }
            // Skip the whole UTF-8 sequence so error positions stay on character boundaries.
            var j = i + 1
            while j < end && source[j] & 0xC0 == 0x80 { j += 1 }
            return (ExprToken(kind: .invalid, range: i..<j), j)
        }
    }
}
