/// `{% for item in collection reversed limit: n offset: n|continue %}...{% else %}...{% endfor %}`.
struct ForTag: Node {
    let variable: String
    /// `KeyHash` of `variable`, computed once here rather than at every render.
    let variableHash: Int
    let collection: Expression
    /// `var-collection`, the key for `offset: continue` and `forloop.name`.
    let loopName: String
    let reversed: Bool
    let limit: Expression?
    let offsetExpression: Expression?
    let continueOffset: Bool
    var body: Block
    var elseBody: Block?
    let offset: Int
    let blank: Bool
    var isBlank: Bool { blank }

    private static var bodyEnds: BodyEnds { BodyEnds("for", "else", "endfor") }
    private static var elseEnds: BodyEnds { BodyEnds("for", "endfor") }

    static let definition = TagDefinition("for") { tag, parser in
        // Taken apart at once: each field lives on in its own local until the tag is built
        // from it, and moves into the tag there.
        let (variable, collection, loopName, reversed, limit, offsetExpression, continueOffset, _, _) =
            try LoopHeader.parseFields(tag, &parser, allowReversed: true)
        var (body, _, endIndex) = try parser.parseBody(until: bodyEnds)
        var elseBody: Block? = nil
        if endIndex == 0 {
            elseBody = try parser.parseBody(until: elseEnds).block
        }
        let blank = body.isBlank && (elseBody?.isBlank ?? true)
        if blank {
            body.removeBlankText()
            elseBody?.removeBlankText()
        }
        let variableHash = KeyHash.of(variable)
        return ForTag(variable: variable, variableHash: variableHash, collection: collection, loopName: loopName,
                      reversed: reversed, limit: limit, offsetExpression: offsetExpression,
                      continueOffset: continueOffset, body: body, elseBody: elseBody, offset: tag.offset, blank: blank)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let all = try context.evaluate(collection).resolvingDrop()
        var start = 0
        if continueOffset {
            start = context.registers.forOffsets[loopName] ?? 0
        } else if let offsetExpression {
            start = try LoopHeader.integer(context.evaluate(offsetExpression), "offset")
        }
        var count: Int? = nil
        if let limit { count = try LoopHeader.integer(context.evaluate(limit), "limit") }
        // Count before materializing, so `(1..100000000000)` stops at the limit instead of
        // allocating the range.
        try context.countIterations(LoopHeader.sliceCount(all, from: start, count: count))
        var items = LoopHeader.slice(all, from: start, count: count)
        context.registers.forOffsets[loopName] = start + items.count
        if items.isEmpty {
            try elseBody?.render(context, into: &out)
            return
        }
        if reversed { items.reverse() }

        // Reuse the last loop's drop when nothing kept it: one allocation less per loop.
        var forloop: ForloopDrop
        // Taken (moved out), not bound and cleared: that would retain and release it.
        if let spare = context.spareForloop.take() {
            forloop = spare
            forloop.reset(name: loopName, length: items.count, parent: context.innermostForloop)
        } else {
            forloop = ForloopDrop(name: loopName, length: items.count, parent: context.innermostForloop)
        }
        let enclosing = context.innermostForloop
        context.innermostForloop = forloop
        let slot = context.pushLoopScope(drop: RenderContext.forloopName, hash: RenderContext.forloopHash, .drop(forloop),
                                         variable: variable, hash: variableHash)
        defer {
            context.popScope()
            context.innermostForloop = enclosing
            if isKnownUniquelyReferenced(&forloop) { context.spareForloop = forloop }
        }
        // Through the buffer: `for item in items` would copy each item once more on its way
        // into the loop variable's slot.
        try items.withUnsafeBufferPointer { items in
            for i in items.indices {
                context.stack[slot].value = items[i]
                try body.render(context, into: &out)
                forloop.index0 += 1
                if context.interrupt != .none {
                    let stop = context.interrupt == .breakLoop
                    context.interrupt = .none
                    if stop { break }
                }
            }
        }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("for", at: offset)
        analysis.add(collection)
        if let limit { analysis.add(limit) }
        if let offsetExpression { analysis.add(offsetExpression) }
        analysis.defineLocal(variable)
        analysis.defineLocal("forloop")
        body.analyze(&analysis)
        elseBody?.analyze(&analysis)
    }
}

/// The shared header of `for` and `tablerow`: `var in collection` and its parameters.
struct LoopHeader {
    var variable: String
    var collection: Expression
    var loopName: String
    var reversed = false
    var limit: Expression?
    var offset: Expression?
    var continueOffset = false
    var cols: Expression?
    var colsGiven = false

    /// A header as parsed, as a tuple: a caller binding its elements owns each one, so a `for`
    /// tag moves them in. (Fields read out of a header struct were copied, retaining every
    /// reference, and the struct destroyed, releasing them again.)
    typealias Fields = (variable: String, collection: Expression, loopName: String, reversed: Bool,
                        limit: Expression?, offset: Expression?, continueOffset: Bool, cols: Expression?, colsGiven: Bool)

    static func parse(_ tag: TagToken, _ parser: inout TemplateParser, allowReversed: Bool) throws -> LoopHeader {
        let (variable, collection, loopName, reversed, limit, offset, continueOffset, cols, colsGiven) =
            try parseFields(tag, &parser, allowReversed: allowReversed)
        return LoopHeader(variable: variable, collection: collection, loopName: loopName, reversed: reversed, limit: limit,
                          offset: offset, continueOffset: continueOffset, cols: cols, colsGiven: colsGiven)
    }

    static func parseFields(_ tag: TagToken, _ parser: inout TemplateParser, allowReversed: Bool) throws -> Fields {
        let usage = "Syntax Error in 'for loop' - Valid syntax: for [item] in [collection]"
        var expr = parser.expressionParser(tag.markup)
        guard expr.current.kind == .identifier || expr.current.kind == .integer else { throw LiquidError.syntax(usage, at: tag.offset) }
        let variableRange = expr.current.range
        let variable = expr.text(expr.current)
        expr.advance()
        guard expr.consumeWord("in") else { throw LiquidError.syntax(usage, at: tag.offset) }
        let collectionStart = expr.current.range.lowerBound
        let collection = try expr.parseExpression()
        let loopName = Self.loopName(parser.source, variableRange, collectionStart..<expr.previousEnd)
        var reversed = false, continueOffset = false, colsGiven = false
        var limit: Expression? = nil, offset: Expression? = nil, cols: Expression? = nil
        while !expr.atEnd {
            if allowReversed && expr.consumeWord("reversed") {
                reversed = true
                continue
            }
            if expr.current.kind == .identifier && expr.peekNext.kind == .colon {
                let key = expr.text(expr.current)
                expr.advance(); expr.advance()
                switch key {
                case "limit": limit = try expr.parseExpression()
                case "offset":
                    if expr.isWord("continue") {
                        expr.advance()
                        continueOffset = true
                    } else {
                        offset = try expr.parseExpression()
                    }
                case "cols" where !allowReversed:
                    cols = try expr.parseExpression()
                    colsGiven = true
                default:
                    if parser.mode == .strict { throw LiquidError.syntax("Invalid attribute '\(key)' in for loop", at: tag.offset) }
                    _ = try expr.parseExpression()
                }
                _ = expr.consume(.comma)
                continue
            }
            if parser.mode == .strict { throw LiquidError.syntax(usage, at: tag.offset) }
            expr.advance()
        }
        return (variable, collection, loopName, reversed, limit, offset, continueOffset, cols, colsGiven)
    }

    /// `variable-collection` as written, made straight from the source bytes (no intermediate
    /// strings, no interpolation).
    static func loopName(_ source: [UInt8], _ variable: Range<Int>, _ collection: Range<Int>) -> String {
        precondition(variable.lowerBound >= 0 && variable.upperBound <= source.count)
        precondition(collection.lowerBound >= 0 && collection.upperBound <= source.count)
        let count = variable.count + 1 + collection.count
        return source.withUnsafeBufferPointer { buf in
            let base = buf.baseAddress!
            return String(unsafeUninitializedCapacity: count) { out in
                let o = out.baseAddress!
                o.initialize(from: base + variable.lowerBound, count: variable.count)
                o[variable.count] = UInt8(ascii: "-")
                (o + variable.count + 1).initialize(from: base + collection.lowerBound, count: collection.count)
                return count
            }
        }
    }

    /// Ruby's `Utils.to_integer`: integers, floats (truncated), numeric strings, nil as 0.
    static func integer(_ value: Value, _ what: String) throws -> Int {
        switch value {
        case .nil: return 0
        case .int(let i): return i
        case .double(let d) where d.isFinite: return Int(d)
        case .string(let s):
            if let i = Int(s.trimmingWhitespace()) { return i }
            throw LiquidError.argument("invalid integer")
        default:
            throw LiquidError.argument("invalid integer")
        }
    }

    /// How many items `slice` would return, without building them.
    static func sliceCount(_ value: Value, from start: Int, count: Int?) -> Int {
        let size: Int
        switch value {
        case .range(let lo, let hi): size = hi >= lo ? hi - lo + 1 : 0
        case .array(let a): size = a.count
        case .object(let o): size = o.count
        case .string(let s): size = s.isEmpty ? 0 : 1
        default: size = 0
        }
        let from = max(0, start)
        guard from < size else { return 0 }
        return min(size - from, max(0, count ?? size))
    }

    /// The items a loop visits: arrays as they are, ranges expanded, objects as [key, value]
    /// pairs, a string or other scalar as itself once, nil as nothing; then offset and limit.
    static func slice(_ value: Value, from start: Int, count: Int?) -> [Value] {
        let from = max(0, start)
        // A whole array (most loops): the array itself, not a copy of it through a slice.
        if case .array(let a) = value, from == 0, count.map({ $0 >= a.count }) ?? true { return a }
        switch value {
        case .range(let lo, let hi):
            guard hi >= lo else { return [] }
            let size = hi - lo + 1
            guard from < size else { return [] }
            let n = min(size - from, max(0, count ?? size))
            return (0..<n).map { .int(lo + from + $0) }
        default:
            let all: [Value]
            switch value {
            case .array(let a): all = a
            case .object(let o): all = o.pairs.map { .array([.string($0), $1]) }
            case .string(let s): all = s.isEmpty ? [] : [value]
            // Numbers, booleans and nil are not iterable: the loop renders its else block.
            default: all = []
            }
            guard from < all.count else { return [] }
            let end = count.map { min(all.count, from + max(0, $0)) } ?? all.count
            return Array(all[from..<end])
        }
    }
}

/// `forloop`: the position of the innermost `for` loop.
final class ForloopDrop: Drop, @unchecked Sendable {
    private(set) var name: String
    private(set) var length: Int
    private(set) var parent: ForloopDrop?
    var index0 = 0

    init(name: String, length: Int, parent: ForloopDrop?) {
        self.name = name
        self.length = length
        self.parent = parent
    }

    func reset(name: String, length: Int, parent: ForloopDrop?) {
        self.name = name
        self.length = length
        self.parent = parent
        index0 = 0
    }

    func value(forKey key: String) -> Value? {
        switch key {
        case "index": return .int(index0 + 1)
        case "index0": return .int(index0)
        case "rindex": return .int(length - index0)
        case "rindex0": return .int(length - index0 - 1)
        case "first": return .bool(index0 == 0)
        case "last": return .bool(index0 == length - 1)
        case "length": return .int(length)
        case "name": return .string(name)
        case "parentloop": return parent.map { .drop($0) } ?? .nil
        default: return nil
        }
    }

    /// `value(forKey:)` with the key's `KeyHash` known (a path's): the property is picked by
    /// comparing integers, and the key is compared only with the name whose hash it has.
    func value(forKey key: String, hash: Int) -> Value? {
        // The names' `KeyHash`es as literals (a `static let` costs a `swift_once` per read);
        // `ForloopPropertyTests` checks them against `KeyHash.of`.
        switch hash {
        case -8_948_777_187_306_027_381: if key == "index" { return .int(index0 + 1) }
        case 8_860_261_562_530_344_897: if key == "index0" { return .int(index0) }
        case 7_276_725_013_684_973_371: if key == "rindex" { return .int(length - index0) }
        case 8_995_787_532_610_875_313: if key == "rindex0" { return .int(length - index0 - 1) }
        case -8_514_075_438_229_807_807: if key == "first" { return .bool(index0 == 0) }
        case 312_668_867_041_707_993: if key == "last" { return .bool(index0 == length - 1) }
        case -1_580_386_065_683_472_715: if key == "length" { return .int(length) }
        case -4_270_347_329_889_690_746, 3_924_234_677_534_649_939: break  // name, parentloop
        // A hash that is no property's: no property has this key.
        default: return nil
        }
        return value(forKey: key)
    }

    /// The properties, for checking the hashes above.
    static let propertyNames = ["index", "index0", "rindex", "rindex0", "first", "last", "length", "name", "parentloop"]
    static let propertyHashes = [-8_948_777_187_306_027_381, 8_860_261_562_530_344_897, 7_276_725_013_684_973_371,
                                 8_995_787_532_610_875_313, -8_514_075_438_229_807_807, 312_668_867_041_707_993,
                                 -1_580_386_065_683_472_715, -4_270_347_329_889_690_746, 3_924_234_677_534_649_939]

    func toLiquidValue() -> Value {
        var o = LiquidObject()
        for k in ["first", "index", "index0", "last", "length", "rindex", "rindex0"] { o[k] = value(forKey: k) }
        return .object(o)
    }

    var typeName: String { "ForloopDrop" }
}

/// `{% break %}` and `{% continue %}`: stop the enclosing loop, or its current iteration.
struct LoopInterruptTag: Node {
    let isBreak: Bool
    let offset: Int

    static let breakDefinition = TagDefinition("break") { tag, _ in LoopInterruptTag(isBreak: true, offset: tag.offset) }
    static let continueDefinition = TagDefinition("continue") { tag, _ in LoopInterruptTag(isBreak: false, offset: tag.offset) }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        context.interrupt = isBreak ? .breakLoop : .continueLoop
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let bytes = Array(utf8)
        var a = 0, b = bytes.count
        while a < b && Bytes.isWhitespace(bytes[a]) { a += 1 }
        while b > a && Bytes.isWhitespace(bytes[b - 1]) { b -= 1 }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}
