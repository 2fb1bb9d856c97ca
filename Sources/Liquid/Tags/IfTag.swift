/// `{% if %}` / `{% unless %}` with `elsif` and `else`. The first true branch renders; branches
/// after an `else` are parsed but can never render (Shopify ignores them too).
/// Its branches point into the template's arena and are never changed once parsed, hence
/// `@unchecked Sendable`.
struct IfTag: Node, @unchecked Sendable {
    /// One `if`/`elsif`/`else` branch, stored in the template's arena and linked to the next:
    /// a tag's branches cost no array.
    struct Branch: @unchecked Sendable {
        /// nil for `else`.
        let condition: Condition?
        let body: Block
        /// The branch after this one (set while parsing, as the next one is stored).
        fileprivate(set) var next: UnsafePointer<Branch>?

        var isElse: Bool {
            if case .none = condition { return true }
            return false
        }

        /// The variable a `{% if variable %}` branch tests.
        @inline(__always)
        var testedPath: VariablePath? {
            if case .test(.variable(let path))? = condition { return path }
            return nil
        }
    }

    /// Three words at most (the first branch, the offset, the flags), so the node fits an
    /// existential's inline buffer and costs no box of its own.
    let firstBranch: UnsafePointer<Branch>
    let offset: Int
    /// `unless` negates the first condition only.
    let negateFirst: Bool
    let blank: Bool
    var isBlank: Bool { blank }
    var name: String { negateFirst ? "unless" : "if" }

    static let definition = TagDefinition("if") { tag, parser in try parse(tag, &parser, negate: false) }
    static let unlessDefinition = TagDefinition("unless") { tag, parser in try parse(tag, &parser, negate: true) }

    /// Terminators 0, 1, 2: `elsif`, `else`, the end tag.
    private static var ifEnds: BodyEnds { BodyEnds("if", "elsif", "else", "endif") }
    private static var unlessEnds: BodyEnds { BodyEnds("unless", "elsif", "else", "endunless") }

    static func parse(_ tag: TagToken, _ parser: inout TemplateParser, negate: Bool) throws -> IfTag {
        // The definitions are registered as `if` and `unless` only, so the terminators follow
        // from `negate`.
        let ends = negate ? unlessEnds : ifEnds
        let arena = parser.input.arena
        var first: UnsafeMutablePointer<Branch>?
        var last: UnsafeMutablePointer<Branch>?
        var blank = true
        var condition: Condition? = try parseCondition(tag, &parser)
        while true {
            let (body, end, endIndex) = try parser.parseBody(until: ends)
            blank = blank && body.isBlank
            // Moved, not copied: the next branch's condition replaces it.
            let branch = arena.branches.storeReturningPointer(Branch(condition: consume condition, body: body, next: nil))
            if let last { last.pointee.next = UnsafePointer(branch) } else { first = branch }
            last = branch
            guard endIndex != 2, let end else { break }
            condition = endIndex == 0 ? try parseCondition(end, &parser) : nil
        }
        let firstBranch = UnsafePointer(first.unsafelyUnwrapped)
        if blank { forEachBranch(from: firstBranch) { $0.pointee.body.removeBlankText() } }
        return IfTag(firstBranch: firstBranch, offset: tag.offset, negateFirst: negate, blank: blank)
    }

    static func parseCondition(_ tag: TagToken, _ parser: inout TemplateParser) throws -> Condition {
        var expr = parser.expressionParser(tag.markup)
        guard !expr.atEnd else {
            throw LiquidError.syntax("Syntax Error in tag '\(tag.name)' - Valid syntax: \(tag.name) [expression]", at: tag.offset)
        }
        let condition = try expr.parseCondition()
        try expr.finish()
        return condition
    }

    /// `body` for each branch, in order.
    private static func forEachBranch(from first: UnsafePointer<Branch>, _ body: (UnsafePointer<Branch>) throws -> Void) rethrows {
        var branch: UnsafePointer<Branch>? = first
        while let b = branch {
            try body(b)
            branch = b.pointee.next
        }
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        // Read in place: copying a branch would copy its condition.
        var branch: UnsafePointer<Branch>? = firstBranch
        var isFirst = true
        while let b = branch {
            if !b.pointee.isElse {
                var truth: Bool
                if let path = b.pointee.testedPath {
                    // `{% if x.y %}`, the commonest condition, read without copying it.
                    truth = try context.isTruthy(path)
                } else {
                    truth = try context.evaluate(b.pointee.condition.unsafelyUnwrapped)
                }
                if isFirst && negateFirst { truth.toggle() }
                isFirst = false
                guard truth else {
                    branch = b.pointee.next
                    continue
                }
            }
            try b.pointee.body.render(context, into: &out)
            return
        }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag(name, at: offset)
        Self.forEachBranch(from: firstBranch) { b in
            if let c = b.pointee.condition { analysis.add(c) }
            b.pointee.body.analyze(&analysis)
        }
    }
}

/// `{% case x %}{% when a, b or c %}...{% else %}...{% endcase %}`. Every matching `when` value
/// renders its body (so a body can render twice), and an `else` renders when nothing before it
/// matched, as in Shopify Liquid.
struct CaseTag: Node {
    enum Branch: Sendable {
        case when([Expression], Block)
        case otherwise(Block)
    }

    let subject: Expression
    var branches: [Branch]
    let offset: Int
    let blank: Bool
    var isBlank: Bool { blank }

    /// Terminators 0, 1, 2: `when`, `else`, `endcase`.
    private static var ends: BodyEnds { BodyEnds("case", "when", "else", "endcase") }

    static let definition = TagDefinition("case") { tag, parser in
        var expr = parser.expressionParser(tag.markup)
        guard !expr.atEnd else { throw LiquidError.syntax("Syntax Error in tag 'case' - Valid syntax: case [condition]", at: tag.offset) }
        let subject = try expr.parseExpression()
        try expr.finish()
        // Whatever sits between `case` and the first `when` is parsed and dropped.
        var (_, end, endIndex) = try parser.parseBody(until: ends)
        var branches: [Branch] = []
        while endIndex != 2, let tagEnd = end {
            let (body, next, nextIndex) = try parser.parseBody(until: ends)
            if endIndex == 0 {
                branches.append(.when(try parseWhen(tagEnd, &parser), body))
            } else {
                branches.append(.otherwise(body))
            }
            (end, endIndex) = (next, nextIndex)
        }
        let blank = branches.allSatisfy {
            switch $0 { case .when(_, let b), .otherwise(let b): return b.isBlank }
        }
        if blank {
            branches = branches.map {
                switch $0 {
                case .when(let v, var b): b.removeBlankText(); return .when(v, b)
                case .otherwise(var b): b.removeBlankText(); return .otherwise(b)
                }
            }
        }
        return CaseTag(subject: subject, branches: branches, offset: tag.offset, blank: blank)
    }

    /// `when a, b or c`. Lax mode stops at the first token that is neither `,` nor `or`.
    static func parseWhen(_ tag: TagToken, _ parser: inout TemplateParser) throws -> [Expression] {
        var expr = parser.expressionParser(tag.markup)
        guard !expr.atEnd else { throw LiquidError.syntax("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}", at: tag.offset) }
        var values = [try expr.parseExpression()]
        while expr.consume(.comma) || expr.consumeWord("or") {
            values.append(try expr.parseExpression())
        }
        if !expr.atEnd && parser.mode == .strict {
            // Shopify's strict parser rejects `when 'a' and 'b'`; lax mode keeps what it read.
            throw LiquidError.syntax("Syntax Error in tag 'case' - Valid when condition: {% when [condition] [or condition2...] %}", at: tag.offset)
        }
        return values
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let value = try context.evaluate(subject)
        var matched = false
        for branch in branches {
            switch branch {
            case .otherwise(let body):
                if !matched { try body.render(context, into: &out) }
            case .when(let candidates, let body):
                for candidate in candidates where try context.matches(value, candidate) {
                    matched = true
                    try body.render(context, into: &out)
                }
            }
        }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("case", at: offset)
        analysis.add(subject)
        for branch in branches {
            switch branch {
            case .when(let vs, let b): vs.forEach { analysis.add($0) }; b.analyze(&analysis)
            case .otherwise(let b): b.analyze(&analysis)
            }
        }
    }
}
