/// A `{% tag markup %}` as a tag's parse function receives it.
public struct TagToken: Sendable {
    public let name: String
    /// Byte range of the markup after the tag name, whitespace trimmed.
    public let markup: Range<Int>
    /// Byte offset of the tag's `{%` (or of its line inside `{% liquid %}`).
    public let offset: Int
}

/// How a tag is parsed into a node. Block tags call `parser.parseBody(...)` for their bodies.
/// A class: the parser's name lookup and an environment's tag table hold one reference to it
/// instead of copying its name and function.
public final class TagDefinition: Sendable {
    public let name: String
    public let parse: @Sendable (_ tag: TagToken, _ parser: inout TemplateParser) throws -> any Node

    public init(_ name: String, parse: @escaping @Sendable (_ tag: TagToken, _ parser: inout TemplateParser) throws -> any Node) {
        self.name = name
        self.parse = parse
    }
}

/// Turns template tokens into a tree of nodes, dispatching tags to their definitions.
/// Whitespace control is applied here, once, so rendering never trims.
public struct TemplateParser {
    public let source: [UInt8]
    public let environment: Environment
    private var tokenizer: Tokenizer
    /// Inside `{% liquid %}`: the remaining lines, each read as a tag.
    private var lines: [TemplateToken]?
    private var lineIndex = 0
    private var trimNextText = false
    private var depth = 0
    /// Where the innermost tag being parsed starts, so "never closed" points at its opening tag.
    private var openTag: Int?
    /// The nodes of the bodies being parsed (shared with `{% liquid %}` parsers), through a
    /// pointer `input` keeps valid.
    private let nodes: NodeSlots
    /// The environment's tags, found by the bytes of their names.
    let tagNames: NameTable<TagDefinition>
    /// The source, mode and filters every expression parser reads (one per template).
    let input: ParseInput

    /// Takes the template's environment and gives it back from `finish()`: the template stores
    /// it, so the parser holds it meanwhile without a copy (one retain per reference in it).
    init(source: [UInt8], environment: consuming Environment) {
        self.source = source
        let tables = environment.parseNames.tables(tags: environment.tags, filters: environment.filters)
        tagNames = tables.tags
        input = ParseInput(source: source, mode: environment.errorMode, filterNames: tables.filters)
        self.nodes = input.nodes
        self.tokenizer = Tokenizer(input: input)
        // Last, so it moves in.
        self.environment = environment
    }

    /// A parser over the lines of a `{% liquid %}` tag's markup.
    init(liquidLines markup: Range<Int>, of parent: TemplateParser) {
        self.source = parent.source
        self.environment = parent.environment
        self.tokenizer = Tokenizer(input: parent.input, range: markup.upperBound..<markup.upperBound)
        self.depth = parent.depth
        self.nodes = parent.nodes
        self.tagNames = parent.tagNames
        self.input = parent.input
        var tokens: [TemplateToken] = []
        var start = markup.lowerBound
        var i = start
        while i <= markup.upperBound {
            if i == markup.upperBound || source[i] == UInt8(ascii: "\n") {
                var a = start, b = i
                while a < b && Bytes.isWhitespace(source[a]) { a += 1 }
                while b > a && Bytes.isWhitespace(source[b - 1]) { b -= 1 }
                if a < b { tokens.append(TemplateToken(kind: .tag, range: a..<b, inner: a..<b)) }
                start = i + 1
            }
            i += 1
        }
        self.lines = tokens
    }

    /// The environment, moved out of the finished parser, and the arena holding the
    /// template's paths.
    consuming func finish() -> (Environment, SyntaxArena) { (environment, input.takeArena()) }

    public var mode: ErrorMode { environment.errorMode }
    /// The byte offset the parser has read up to (just after the last tag it returned).
    public var position: Int { tokenizer.position }
    public var isInLiquidTag: Bool { lines != nil }

    // MARK: Tokens

    private mutating func nextToken() -> TemplateToken? {
        if let lines {
            guard lineIndex < lines.count else { return nil }
            lineIndex += 1
            return lines[lineIndex - 1]
        }
        return tokenizer.next()
    }

    /// Split a tag token into its name and markup; nil when it has no valid name.
    func tagParts(_ token: TemplateToken) -> (name: String, markup: Range<Int>)? {
        let header = tagHeader(token)
        return header.isValid ? (header.name, header.markup) : nil
    }

    /// Split a tag token into its name, the environment's tag of that name (unretained: the
    /// environment holds it) and its markup; not `isValid` when it has no valid name.
    func tagHeader(_ token: TemplateToken) -> TagHeader {
        var i = token.inner.lowerBound
        let end = token.inner.upperBound
        while i < end && Bytes.isWhitespace(source[i]) { i += 1 }
        let nameStart = i
        if i < end && source[i] == UInt8(ascii: "#") {
            i += 1
        } else {
            while i < end && ByteClass.of(source[i]) & ByteClass.word != 0 { i += 1 }
        }
        guard i > nameStart else { return TagHeader(name: "", definition: nil, markup: end..<end, nameStart: end, nameCount: 0) }
        let (name, definition) = tagNames.lookup(source, nameStart..<i)
        var a = i, b = end
        while a < b && Bytes.isWhitespace(source[a]) { a += 1 }
        while b > a && Bytes.isWhitespace(source[b - 1]) { b -= 1 }
        return TagHeader(name: name, definition: definition, markup: a..<b, nameStart: nameStart, nameCount: i - nameStart)
    }

    /// What `tagHeader` reads. Neither a tuple nor optional: either, holding an `Unmanaged`,
    /// was destroyed through the runtime's generic value witnesses.
    struct TagHeader {
        /// Empty when the tag has no valid name.
        let name: String
        let definition: Unmanaged<TagDefinition>?
        let markup: Range<Int>
        /// Where the name's bytes are in the source.
        let nameStart: Int
        let nameCount: Int

        var isValid: Bool { !name.isEmpty }
    }

    func text(_ range: Range<Int>) -> String { Bytes.string(source, range) }

    func unterminated(_ token: TemplateToken) -> LiquidError {
        let snippet = text(token.range.lowerBound..<min(token.range.upperBound, token.range.lowerBound + 40))
        if token.kind == .output {
            return .syntax("Variable '\(snippet)' was not properly terminated with regexp: /\\}\\}/", at: token.range.lowerBound)
        }
        return .syntax("Tag '\(snippet)' was not properly terminated with regexp: /\\%\\}/", at: token.range.lowerBound)
    }

    // MARK: Bodies

    /// Parse nodes until one of `ends` (the tag that ended the body is returned) or, for the
    /// document (`ends == nil`), until the end of the source.
    public mutating func parseBody(endingAt ends: [String]?, blockName: String? = nil) throws -> (Block, TagToken?) {
        guard let ends else {
            let (block, end, _) = try parseBody(until: BodyEnds.document)
            return (block, end)
        }
        let (block, end, _) = try parseBody(until: NamedEnds(ends: ends, blockName: blockName))
        return (block, end)
    }

    /// A body ended by one of `ends` (built-in block tags pass a `BodyEnds`, which costs no
    /// reference counting); the result says which terminator ended it.
    mutating func parseBody<Ends: BodyTerminators>(until ends: Ends) throws -> ParsedBody {
        depth += 1
        defer { depth -= 1 }
        if depth > environment.limits.maxNestingDepth {
            throw LiquidError.limit("nesting too deep: more than \(environment.limits.maxNestingDepth) levels (maxNestingDepth)")
        }
        let start = nodes.count
        do {
            var endIndex = -1
            let end = try parseNodes(until: ends, from: start, endIndex: &endIndex)
            return (nodes.take(from: start, into: input.arena.nodes), end, endIndex)
        } catch {
            nodes.truncate(to: start)
            throw error
        }
    }

    /// Push the nodes of a body onto `nodes`; return the tag that ended it, if any, and set
    /// `endIndex` to its place among the terminators.
    private mutating func parseNodes<Ends: BodyTerminators>(until ends: Ends, from start: Int, endIndex: inout Int) throws -> TagToken? {
        while let token = nextToken() {
            switch token.kind {
            case .text:
                var range = token.range
                if trimNextText {
                    while range.lowerBound < range.upperBound && Bytes.isWhitespace(source[range.lowerBound]) {
                        range = (range.lowerBound + 1)..<range.upperBound
                    }
                    trimNextText = false
                }
                if !range.isEmpty { nodes.push(TextNode(base: input.base, range: range)) }
            case .output:
                if token.trimLeft { trimTrailingWhitespace(from: start) }
                guard token.closed else { throw unterminated(token) }
                var parser = expressionParser(token.inner)
                // Located at the `{{`, and built straight into the node (no copy to relocate it).
                if parser.atEnd {
                    nodes.pushOutput(FilteredExpression(base: .constant(.nil, in: input.arena), firstFilter: nil, offset: token.range.lowerBound))
                } else {
                    let expression = try parser.parseFilteredExpression(offset: token.range.lowerBound)
                    try parser.finish()
                    if !ConstantFolding.fold(expression, in: input.arena, into: nodes) { nodes.pushOutput(expression) }
                }
                trimNextText = token.trimRight
            case .tag:
                if token.trimLeft { trimTrailingWhitespace(from: start) }
                guard token.closed else { throw unterminated(token) }
                let header = tagHeader(token)
                guard header.isValid else {
                    if isInLiquidTag { throw LiquidError.syntax("Invalid tag in liquid tag", at: token.range.lowerBound) }
                    throw unterminated(token)
                }
                trimNextText = token.trimRight
                let name = header.name
                let tag = TagToken(name: name, markup: header.markup, offset: token.range.lowerBound)
                let index = ends.terminator(input.base + header.nameStart, header.nameCount, name)
                if index >= 0 {
                    endIndex = index
                    return tag
                }
                guard let definition = header.definition else {
                    if name.hasPrefix("end"), let blockName = ends.blockNameString {
                        throw LiquidError.syntax("'\(name)' is not a valid delimiter for \(blockName) tags. use end\(blockName)", at: tag.offset)
                    }
                    throw LiquidError.syntax("Unknown tag '\(name)'", at: tag.offset)
                }
                let outerTag = openTag
                openTag = tag.offset
                // Straight into the stack: a node held in a local first was copied into its
                // slot (its contents retained) and the local destroyed.
                nodes.push(any: try definition._withUnsafeGuaranteedRef { try $0.parse(tag, &self) })
                openTag = outerTag
            }
        }
        if ends.mustClose, let blockName = ends.blockNameString {
            throw LiquidError.syntax("'\(blockName)' tag was never closed", at: openTag)
        }
        return nil
    }

    /// `{{-` / `{%-`: strip the whitespace ending the text just before, in this body.
    private func trimTrailingWhitespace(from start: Int) {
        nodes.trimTrailingWhitespaceOfText(from: start)
    }

    /// For tags that end their own body early (`raw`): strip whitespace after the closing token.
    mutating func setTrimNextText(_ trim: Bool) { trimNextText = trim }

    // MARK: Raw bodies

    /// Skip to `{% endNAME %}` without tokenizing what is between (raw, doc). Returns the body.
    mutating func rawBody(until endName: String, openedAt offset: Int, blockName: String) throws -> Range<Int> {
        if let lines {
            // Inside `{% liquid %}` a raw body runs over whole lines.
            let start = lineIndex < lines.count ? lines[lineIndex].range.lowerBound : source.count
            while lineIndex < lines.count {
                let line = lines[lineIndex]
                lineIndex += 1
                if let parts = tagParts(line), parts.name == endName { return start..<line.range.lowerBound }
            }
            throw LiquidError.syntax("'\(blockName)' tag was never closed", at: offset)
        }
        let bodyStart = tokenizer.position
        var i = bodyStart
        while i + 1 < source.count {
            if source[i] == UInt8(ascii: "{") && source[i + 1] == UInt8(ascii: "%") {
                var j = i + 2
                if j < source.count && source[j] == UInt8(ascii: "-") { j += 1 }
                while j < source.count && Bytes.isWhitespace(source[j]) { j += 1 }
                let nameStart = j
                while j < source.count && Bytes.isWord(source[j]) { j += 1 }
                if source[nameStart..<j].elementsEqual(endName.utf8) {
                    while j < source.count && Bytes.isWhitespace(source[j]) { j += 1 }
                    var trimRight = false
                    if j < source.count && source[j] == UInt8(ascii: "-") { trimRight = true; j += 1 }
                    if j + 1 < source.count && source[j] == UInt8(ascii: "%") && source[j + 1] == UInt8(ascii: "}") {
                        tokenizer = Tokenizer(input: input, range: (j + 2)..<source.count)
                        trimNextText = trimRight
                        return bodyStart..<i
                    }
                }
            }
            i += 1
        }
        throw LiquidError.syntax("'\(blockName)' tag was never closed", at: offset)
    }

    /// Skip a comment body: tags inside are tokenized (nested comments and raw are honoured,
    /// malformed tags are errors) but never parsed.
    mutating func skipComment(openedAt offset: Int) throws {
        var nesting = 1
        while let token = nextToken() {
            guard token.kind == .tag else {
                if token.kind == .output && !token.closed && lines == nil { throw unterminated(token) }
                continue
            }
            guard token.closed else { throw unterminated(token) }
            guard let (name, _) = tagParts(token) else {
                if isInLiquidTag { continue }
                throw unterminated(token)
            }
            switch name {
            case "comment": nesting += 1
            case "endcomment":
                nesting -= 1
                if nesting == 0 {
                    trimNextText = token.trimRight
                    return
                }
            case "raw" where !isInLiquidTag:
                _ = try rawBody(until: "endraw", openedAt: token.range.lowerBound, blockName: "raw")
            default: break
            }
        }
        throw LiquidError.syntax("'comment' tag was never closed", at: offset)
    }

    // MARK: Markup

    /// An expression parser over a tag's markup.
    public func expressionParser(_ markup: Range<Int>) -> ExpressionParser {
        ExpressionParser(input: input, range: markup)
    }
}
