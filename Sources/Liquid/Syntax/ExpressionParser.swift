/// Recursive-descent parser over the expression tokens of one tag or output.
/// In lax mode it tolerates what Shopify's lax parser tolerates (trailing junk after an output's
/// expression, stray commas); in strict mode those are syntax errors. Made by a
/// `TemplateParser` for a tag's markup; valid only during that template's parse.
public struct ExpressionParser {
    /// The template's bytes, mode and filters. Not counted: the template parser that made this
    /// parser holds it, and an expression parser lives only within that template's parse (a
    /// tag's parse function), so making and dropping one (about 400 per op of the Shopify
    /// workload) retains and releases nothing.
    unowned(unsafe) let input: ParseInput
    /// `input.base`, kept here so lexing reads bytes without going through the object.
    private let base: UnsafePointer<UInt8>
    /// Where the markup ends in the source (at most `input.count`).
    let end: Int
    let mode: ErrorMode
    /// The token being looked at and the one after it; tokens are lexed as the parser advances.
    public private(set) var current: ExprToken
    public private(set) var peekNext: ExprToken
    /// Where lexing resumes after `peekNext`.
    private var cursor: Int
    /// The end of the token before `current` (its range's upper bound).
    private(set) var previousEnd: Int

    init(input: ParseInput, range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= input.count)
        self.input = input
        let base = input.base
        self.base = base
        self.end = range.upperBound
        self.mode = input.mode
        self.previousEnd = range.lowerBound
        let end = range.upperBound
        let (first, afterFirst) = ExpressionLexer.token(in: base, from: range.lowerBound, end: end)
        let (second, afterSecond) = ExpressionLexer.token(in: base, from: afterFirst, end: end)
        (current, peekNext, cursor) = (first, second, afterSecond)
    }

    // MARK: Token access

    public var atEnd: Bool { current.kind == .end }

    public func text(_ token: ExprToken) -> String { input.string(token.range) }

    /// Whether the token (the current one by default) is the identifier `word`. A StaticString,
    /// so the comparison reads the literal's bytes directly instead of walking a String's UTF-8.
    public func isWord(_ word: StaticString, _ token: ExprToken? = nil) -> Bool {
        let t = token ?? current
        guard t.kind == .identifier else { return false }
        return word.withUTF8Buffer { bytes in
            guard t.range.count == bytes.count else { return false }
            // Tokens lie inside the markup, below `end`.
            let from = base + t.range.lowerBound
            for i in 0..<bytes.count where from[i] != bytes[i] { return false }
            return true
        }
    }

    public mutating func advance() {
        guard current.kind != .end else { return }
        previousEnd = current.range.upperBound
        current = peekNext
        guard peekNext.kind != .end else { return }
        // `cursor <= end <= input.count` (the range was checked in init).
        (peekNext, cursor) = ExpressionLexer.token(in: base, from: cursor, end: end)
    }

    @discardableResult
    public mutating func expect(_ kind: ExprToken.Kind, _ what: String) throws -> ExprToken {
        let t = current
        guard t.kind == kind else { throw unexpected(expected: what) }
        advance()
        return t
    }

    public mutating func consume(_ kind: ExprToken.Kind) -> Bool {
        if current.kind == kind { advance(); return true }
        return false
    }

    public mutating func consumeWord(_ word: StaticString) -> Bool {
        if isWord(word) { advance(); return true }
        return false
    }

    public func unexpected(expected: String) -> LiquidError {
        let t = current
        let found = t.kind == .end ? "end of markup" : "'\(text(t))'"
        return .syntax("Expected \(expected) but found \(found)", at: t.range.lowerBound)
    }

    /// In strict mode anything left over is an error; lax mode ignores it, as Shopify does.
    public mutating func finish() throws {
        if !atEnd && mode == .strict {
            throw LiquidError.syntax("Unexpected '\(text(current))' after expression", at: current.range.lowerBound)
        }
    }

    // MARK: Expressions

    /// A primary expression: literal, range, or variable path.
    public mutating func parseExpression() throws -> Expression {
        switch try parseOperand() {
        case .value(let v): return .constant(v, in: input.arena)
        case .expression(let e): return e
        }
    }

    /// What `parseOperand` read: a literal's value (not yet boxed in an `Expression`) or an
    /// expression.
    enum Operand {
        case value(Value)
        case expression(Expression)
    }

    /// A primary expression, with literals returned as plain values so that a caller keeping
    /// values (filter arguments) needs no `Expression` box for them.
    mutating func parseOperand() throws -> Operand {
        let t = current
        switch t.kind {
        case .string:
            advance()
            return .value(.string(text(t)))
        case .integer:
            advance()
            return .value(integer(t).map(Value.int) ?? .double(Double(text(t)) ?? 0))
        case .float:
            advance()
            return .value(.double(Double(text(t)) ?? 0))
        case .leftParen:
            advance()
            let lower = try parseExpression()
            try expect(.dotDot, "'..'")
            let upper = try parseExpression()
            try expect(.rightParen, "')'")
            // Fold literal ranges now, so `(1..5)` costs nothing at render time.
            if case .literal(let a) = lower, case .literal(let b) = upper,
                let lo = RangeBound.integer(a.value), let hi = RangeBound.integer(b.value)
            {
                return .value(.range(lower: lo, upper: hi))
            }
            return .expression(.range(RangeExpression(lower: lower, upper: upper, in: input.arena)))
        case .identifier:
            // Reserved words are literals unless used as a path root (`nil.x` is still nil).
            let next = peekNext.kind
            if next != .dot && next != .leftBracket, let keyword = keywordLiteral(t) {
                advance()
                return keyword
            }
            return .expression(.variable(try parsePath()))
        case .leftBracket:
            return .expression(.variable(try parsePath()))
        default:
            throw unexpected(expected: "a value")
        }
    }

    /// An integer token's value read from its bytes (`-12`, `007`); nil when it overflows `Int`.
    func integer(_ t: ExprToken) -> Int? {
        var i = t.range.lowerBound
        let negative = base[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        var value = 0
        while i < t.range.upperBound {
            let digit = Int(base[i] &- UInt8(ascii: "0"))
            guard digit < 10 else { return nil }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = negative ? times10.subtractingReportingOverflow(digit) : times10.addingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = next
            i += 1
        }
        return value
    }

    /// `nil`, `null`, `true`, `false`, `empty`, `blank`, recognised from the bytes without
    /// making a String for every identifier.
    func keywordLiteral(_ t: ExprToken) -> Operand? {
        switch t.range.count {
        case 3: return isWord("nil", t) ? .value(.nil) : nil
        case 4: return isWord("null", t) ? .value(.nil) : isWord("true", t) ? .value(.bool(true)) : nil
        case 5:
            if isWord("false", t) { return .value(.bool(false)) }
            if isWord("empty", t) { return .expression(.empty) }
            if isWord("blank", t) { return .expression(.blank) }
            return nil
        default: return nil
        }
    }

    /// `name(.key | [expr])*` or `[expr](...)*`.
    public mutating func parsePath() throws -> VariablePath {
        let start = current.range.lowerBound
        let root: VariablePath.Segment
        let rootHash: Int
        if current.kind == .identifier {
            (root, rootHash) = hashedKey(current)
            advance()
        } else {
            root = try parseBracketSegment()
            rootHash = VariablePath.hash(root)
        }
        guard let first = try parseSegment() else {
            return VariablePath(.init(root: consume root, offset: start, rootHash: rootHash, first: nil, second: nil, rest: []),
                                in: input.arena)
        }
        guard let second = try parseSegment() else {
            return VariablePath(.init(root: consume root, offset: start, rootHash: rootHash, first: consume first, second: nil, rest: []),
                                in: input.arena)
        }
        var rest: [VariablePath.HashedSegment] = []
        while let segment = try parseSegment() { rest.append(segment) }
        return VariablePath(.init(root: consume root, offset: start, rootHash: rootHash, first: consume first, second: consume second,
                                  rest: consume rest), in: input.arena)
    }

    /// The next `.key` or `[expr]` of a path with its `KeyHash`; nil at the path's end.
    private mutating func parseSegment() throws -> VariablePath.HashedSegment? {
        if current.kind == .dot {
            advance()
            let t = current
            if t.kind == .identifier {
                advance()
                let (key, hash) = hashedKey(t)
                return VariablePath.HashedSegment(segment: key, hash: hash)
            } else if t.kind == .integer && mode == .lax {
                // Lax Liquid reads `a.0` as the key "0" (an index on arrays).
                advance()
                return VariablePath.HashedSegment(segment: .index(integer(t) ?? 0), hash: 0)
            } else {
                throw unexpected(expected: "a property name after '.'")
            }
        } else if current.kind == .leftBracket {
            let segment = try parseBracketSegment()
            return VariablePath.HashedSegment(segment: segment, hash: VariablePath.hash(segment))
        }
        return nil
    }

    /// An identifier as a `.key` segment, hashed from the source bytes (the same `KeyHash` as
    /// of its String).
    /// One pass over the bytes copies them into the String and hashes them.
    private func hashedKey(_ t: ExprToken) -> (VariablePath.Segment, Int) {
        let range = t.range
        precondition(range.lowerBound >= 0 && range.upperBound <= end && !range.isEmpty)
        var hash = 0
        let from = base + range.lowerBound
        let key = String(unsafeUninitializedCapacity: range.count) { out in
            // `KeyHash.of`'s FNV-1a, computed as the bytes are copied.
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for i in 0..<range.count {
                let b = from[i]
                out[i] = b
                h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3
            }
            hash = Int(bitPattern: UInt(h))
            return range.count
        }
        // Identifiers are ASCII, so the String's bytes are the source's and the hashes agree.
        assert(hash == KeyHash.of(key))
        return (.key(key), hash)
    }

    mutating func parseBracketSegment() throws -> VariablePath.Segment {
        try expect(.leftBracket, "'['")
        let inner = try parseOperand()
        try expect(.rightBracket, "']'")
        switch inner {
        case .value(.string(let s)): return .key(s)
        case .value(.int(let i)): return .index(i)
        case .value(let v): return .dynamic(.constant(v, in: input.arena))
        case .expression(let e): return .dynamic(e)
        }
    }

    // MARK: Filters

    /// An expression followed by `| filter: args` calls.
    public mutating func parseFilteredExpression() throws -> FilteredExpression {
        try parseFilteredExpression(offset: current.range.lowerBound)
    }

    /// The same, located at `offset` (an output's `{{`).
    mutating func parseFilteredExpression(offset: Int) throws -> FilteredExpression {
        let base = try parseExpression()
        if mode == .lax {
            // Shopify's lax parser reads the first fragment and then looks for filters after a pipe.
            while !atEnd && current.kind != .pipe { advance() }
        }
        return FilteredExpression(base: base, firstFilter: try parseFilterCall(), offset: offset)
    }

    public mutating func parseFilters() throws -> [FilterCall] {
        FilteredExpression(base: .empty, firstFilter: try parseFilterCall(), offset: 0).filters
    }

    /// One `| name: args` call and, through `next`, the calls after it; nil when no pipe follows.
    private mutating func parseFilterCall() throws -> FilterCall? {
        while consume(.pipe) {
            let nameToken = current
            guard nameToken.kind == .identifier else {
                if mode == .lax { continue }
                throw unexpected(expected: "a filter name after '|'")
            }
            advance()
            // A call without arguments (`| escape`) makes no argument arrays.
            let arguments = current.kind == .colon ? try parseFilterArguments() : .literals(FilterArguments())
            if mode == .lax {
                while !atEnd && current.kind != .pipe { advance() }
            } else if !atEnd && current.kind != .pipe {
                throw unexpected(expected: "'|' or the end of the expression")
            }
            let (definition, otherName) = input.filters._withUnsafeGuaranteedRef {
                $0.definition(base + nameToken.range.lowerBound, nameToken.range.count)
            }
            let next = try parseFilterCall()
            switch consume arguments {
            case .literals(let values):
                return FilterCall(definition: definition, otherName: otherName, constantArguments: values,
                                  offset: nameToken.range.lowerBound, next: next, in: input.arena)
            case .expressions(let expressions):
                return FilterCall(definition: definition, otherName: otherName, expressions: expressions,
                                  offset: nameToken.range.lowerBound, next: next, in: input.arena)
            }
        }
        return nil
    }

    /// A filter call's arguments as parsed.
    private enum FilterCallArguments {
        /// Every argument a literal (the usual case): kept as values only.
        case literals(FilterArguments)
        /// Positional and keyword arguments, each kind in its order.
        case expressions([FilterCall.ExpressionArgument])
    }

    /// `: arg, key: value, ...` after a filter's name; the current token is the colon.
    private mutating func parseFilterArguments() throws -> FilterCallArguments {
        advance()
        // Literal arguments are kept as values only; expressions are made once an argument is
        // not a literal.
        var values: [Value] = []
        var keywordValues: [(String, Value)] = []
        var expressions: [FilterCall.ExpressionArgument] = []
        var constant = true
        repeat {
            if current.kind == .identifier && peekNext.kind == .colon {
                let key = text(current)
                advance(); advance()
                switch try parseOperand() {
                case .value(let v) where constant: keywordValues.append((key, v))
                case .value(let v): expressions.append(.keyword(key, .constant(v, in: input.arena)))
                case .expression(let e):
                    if constant { expressions = Self.expressions(values, keywordValues, in: input.arena); constant = false }
                    expressions.append(.keyword(key, e))
                }
            } else {
                switch try parseOperand() {
                case .value(let v) where constant: values.append(v)
                case .value(let v): expressions.append(.positional(.constant(v, in: input.arena)))
                case .expression(let e):
                    if constant { expressions = Self.expressions(values, keywordValues, in: input.arena); constant = false }
                    expressions.append(.positional(e))
                }
            }
        } while consume(.comma)
        return constant ? .literals(FilterArguments(values, keywords: keywordValues)) : .expressions(expressions)
    }

    /// Literal arguments read so far, as expressions.
    private static func expressions(_ values: [Value], _ keywords: [(String, Value)], in arena: SyntaxArena)
        -> [FilterCall.ExpressionArgument]
    {
        var expressions: [FilterCall.ExpressionArgument] = []
        expressions.reserveCapacity(values.count + keywords.count + 1)
        for v in values { expressions.append(.positional(.constant(v, in: arena))) }
        for (k, v) in keywords { expressions.append(.keyword(k, .constant(v, in: arena))) }
        return expressions
    }

    // MARK: Conditions

    /// `a == b and c or d`: comparisons joined by `and`/`or`, grouped right to left.
    public mutating func parseCondition() throws -> Condition {
        let left = try parseComparison()
        if consumeWord("and") { return .and(left, try parseCondition()) }
        if consumeWord("or") { return .or(left, try parseCondition()) }
        return left
    }

    /// A comparison token's operator, read from its one or two bytes.
    func comparisonOperator(_ t: ExprToken) -> ComparisonOperator? {
        let first = base[t.range.lowerBound]
        let second = t.range.count > 1 ? base[t.range.lowerBound + 1] : 0
        switch (first, second, t.range.count) {
        case (UInt8(ascii: "="), UInt8(ascii: "="), 2): return .equal
        case (UInt8(ascii: "!"), UInt8(ascii: "="), 2), (UInt8(ascii: "<"), UInt8(ascii: ">"), 2): return .notEqual
        case (UInt8(ascii: "<"), _, 1): return .lessThan
        case (UInt8(ascii: ">"), _, 1): return .greaterThan
        case (UInt8(ascii: "<"), UInt8(ascii: "="), 2): return .lessOrEqual
        case (UInt8(ascii: ">"), UInt8(ascii: "="), 2): return .greaterOrEqual
        default: return nil
        }
    }

    public mutating func parseComparison() throws -> Condition {
        let left = try parseExpression()
        let t = current
        if t.kind == .comparison {
            advance()
            guard let op = comparisonOperator(t) else {
                throw LiquidError.syntax("Unknown operator \(text(t))", at: t.range.lowerBound)
            }
            return .comparison(left, op, try parseExpression())
        }
        if isWord("contains") {
            advance()
            return .comparison(left, .contains, try parseExpression())
        }
        if t.kind == .identifier && !isWord("and") && !isWord("or") {
            throw LiquidError.syntax("Unknown operator \(text(t))", at: t.range.lowerBound)
        }
        return .test(left)
    }
}

/// Range bounds: integers as they are, floats truncated, numeric strings parsed, anything else 0
/// (Ruby's `to_i`).
enum RangeBound {
    static func integer(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .double(let d): return d.isFinite ? Int(d) : nil
        case .string(let s): return Int(s.trimmingPrefixInt())
        case .nil: return 0
        default: return nil
        }
    }
}

extension String {
    /// The leading integer of a string, as Ruby's `String#to_i` reads it ("12abc" → "12", "x" → "0").
    func trimmingPrefixInt() -> String {
        var out = ""
        var sawDigit = false
        for (i, c) in self.drop(while: { $0 == " " }).enumerated() {
            if i == 0 && (c == "-" || c == "+") { out.append(c); continue }
            if c.isASCII && c.isNumber { out.append(c); sawDigit = true } else { break }
        }
        return sawDigit ? out : "0"
    }
}
