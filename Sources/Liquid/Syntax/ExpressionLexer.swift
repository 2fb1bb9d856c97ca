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

/// Splits tag and output markup into expression tokens, scanning bytes.
struct ExpressionLexer {
    static func tokenize(_ source: [UInt8], _ range: Range<Int>) -> [ExprToken] {
        var tokens: [ExprToken] = []
        tokens.reserveCapacity(8)
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = source[i]
            if Bytes.isWhitespace(b) { i += 1; continue }
            let start = i
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                var j = i + 1
                while j < end && source[j] != b { j += 1 }
                if j >= end {
                    tokens.append(ExprToken(kind: .invalid, range: start..<end))
                    i = end
                } else {
                    tokens.append(ExprToken(kind: .string, range: (i + 1)..<j))
                    i = j + 1
                }
            case UInt8(ascii: "."):
                if i + 1 < end && source[i + 1] == UInt8(ascii: ".") {
                    tokens.append(ExprToken(kind: .dotDot, range: i..<(i + 2)))
                    i += 2
                } else {
                    tokens.append(ExprToken(kind: .dot, range: i..<(i + 1)))
                    i += 1
                }
            case UInt8(ascii: "["): tokens.append(ExprToken(kind: .leftBracket, range: i..<(i + 1))); i += 1
            case UInt8(ascii: "]"): tokens.append(ExprToken(kind: .rightBracket, range: i..<(i + 1))); i += 1
            case UInt8(ascii: "("): tokens.append(ExprToken(kind: .leftParen, range: i..<(i + 1))); i += 1
            case UInt8(ascii: ")"): tokens.append(ExprToken(kind: .rightParen, range: i..<(i + 1))); i += 1
            case UInt8(ascii: "|"): tokens.append(ExprToken(kind: .pipe, range: i..<(i + 1))); i += 1
            case UInt8(ascii: ":"): tokens.append(ExprToken(kind: .colon, range: i..<(i + 1))); i += 1
            case UInt8(ascii: ","): tokens.append(ExprToken(kind: .comma, range: i..<(i + 1))); i += 1
            case UInt8(ascii: "="), UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"):
                var j = i + 1
                if j < end, source[j] == UInt8(ascii: "=") || (b == UInt8(ascii: "<") && source[j] == UInt8(ascii: ">")) {
                    j += 1
                }
                if b == UInt8(ascii: "=") && j == i + 1 {
                    tokens.append(ExprToken(kind: .equals, range: i..<j))
                } else if b == UInt8(ascii: "!") && j == i + 1 {
                    tokens.append(ExprToken(kind: .invalid, range: i..<j))
                } else {
                    tokens.append(ExprToken(kind: .comparison, range: i..<j))
                }
                i = j
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                var j = i
                if b == UInt8(ascii: "-") {
                    j += 1
                    guard j < end, Bytes.isDigit(source[j]) else {
                        tokens.append(ExprToken(kind: .invalid, range: i..<(i + 1)))
                        i += 1
                        continue
                    }
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
                    while j < end && (Bytes.isWord(source[j]) || source[j] == UInt8(ascii: "-")) { j += 1 }
                    if j < end && source[j] == UInt8(ascii: "?") { j += 1 }
                    kind = .identifier
                }
                tokens.append(ExprToken(kind: kind, range: i..<j))
                i = j
            default:
                if Bytes.isAlpha(b) || b == UInt8(ascii: "_") {
                    var j = i + 1
                    while j < end && (Bytes.isWord(source[j]) || source[j] == UInt8(ascii: "-")) { j += 1 }
                    if j < end && source[j] == UInt8(ascii: "?") { j += 1 }
                    tokens.append(ExprToken(kind: .identifier, range: i..<j))
                    i = j
                } else {
                    // Skip the whole UTF-8 sequence so error positions stay on character boundaries.
                    var j = i + 1
                    while j < end && source[j] & 0xC0 == 0x80 { j += 1 }
                    tokens.append(ExprToken(kind: .invalid, range: i..<j))
                    i = j
                }
            }
        }
        tokens.append(ExprToken(kind: .end, range: end..<end))
        return tokens
    }
}
