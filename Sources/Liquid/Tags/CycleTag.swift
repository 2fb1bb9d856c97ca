/// `{% cycle 'a', 'b' %}` and `{% cycle group: 'a', 'b' %}`: each call outputs the next value.
/// Cycles without a group are keyed by their values as written, as Shopify does.
struct CycleTag: Node {
    let group: Expression?
    let key: String
    let values: [Expression]
    let offset: Int

    static let definition = TagDefinition("cycle") { tag, parser in
        var expr = parser.expressionParser(tag.markup)
        var group: Expression? = nil
        var valuesStart = tag.markup.lowerBound
        // A group name is an expression followed by a colon.
        let saved = expr
        if !expr.atEnd, let g = try? expr.parseExpression(), expr.consume(.colon) {
            group = g
            valuesStart = expr.current.range.lowerBound
        } else {
            expr = saved
        }
        var values: [Expression] = []
        repeat {
            guard !expr.atEnd else { break }
            values.append(try expr.parseExpression())
        } while expr.consume(.comma)
        guard !values.isEmpty else {
            throw LiquidError.syntax("Syntax Error in 'cycle' - Valid syntax: cycle [name :] var [, var2, var3 ...]", at: tag.offset)
        }
        try expr.finish()
        let key = parser.text(valuesStart..<tag.markup.upperBound)
        return CycleTag(group: group, key: key, values: values, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        var name = key
        if let group { name = try context.evaluate(group).liquidString }
        // A group shared by cycles of different lengths can point past this one's values:
        // Shopify then outputs nothing and starts over.
        let position = context.registers.cycles[name] ?? 0
        if position < values.count { try context.evaluate(values[position]).write(to: &out) }
        context.registers.cycles[name] = position + 1 >= values.count ? 0 : position + 1
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("cycle", at: offset)
        values.forEach { analysis.add($0) }
    }
}

/// `{% ifchanged %}...{% endifchanged %}`: renders its body only when it differs from the last time.
struct IfchangedTag: Node {
    let body: Block
    let offset: Int

    static let definition = TagDefinition("ifchanged") { tag, parser in
        let body = try parser.parseBody(until: BodyEnds("ifchanged", "endifchanged")).block
        return IfchangedTag(body: body, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        var captured = OutputBuffer(capacity: 64)
        try body.render(context, into: &captured)
        let text = captured.string
        if context.registers.lastIfchanged != text {
            context.registers.lastIfchanged = text
            captured.withUnsafeBytes { out.append($0) }
        }
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("ifchanged", at: offset)
        body.analyze(&analysis)
    }
}

/// `{% tablerow item in collection cols: n limit: n offset: n %}`: an HTML table's rows and cells.
struct TablerowTag: Node {
    let header: LoopHeader
    let body: Block
    let offset: Int

    static let definition = TagDefinition("tablerow") { tag, parser in
        let header = try LoopHeader.parse(tag, &parser, allowReversed: false)
        let body = try parser.parseBody(until: BodyEnds("tablerow", "endtablerow")).block
        return TablerowTag(header: header, body: body, offset: tag.offset)
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let all = try context.evaluate(header.collection).resolvingDrop()
        let start = try header.offset.map { try LoopHeader.integer(context.evaluate($0), "offset") } ?? 0
        let count = try header.limit.map { try LoopHeader.integer(context.evaluate($0), "limit") }
        let items: [Value]
        switch all {
        case .array, .range, .object:
            try context.countIterations(LoopHeader.sliceCount(all, from: start, count: count))
            items = LoopHeader.slice(all, from: start, count: count)
        default: items = []
        }
        var cols: Int? = nil
        if let c = header.cols {
            let v = try context.evaluate(c)
            if !v.isNil { cols = try LoopHeader.integer(v, "cols") }
        }
        // Without `cols` the whole collection is one row, so the last cell is `col_last`.
        let loop = TablerowloopDrop(length: items.count, cols: cols ?? items.count)
        let slot = context.pushLoopScope(drop: "tablerowloop", .drop(loop), variable: header.variable)
        defer { context.popScope() }
        // The markup is appended in pieces: an interpolated `<td class="colN">` is a String
        // made (and, past 15 bytes, allocated) per cell.
        out.append(literal: "<tr class=\"row1\">\n")
        try items.withUnsafeBufferPointer { items in
            for i in items.indices {
                context.stack[slot].value = items[i]
                out.append(literal: "<td class=\"col")
                out.append(decimal: loop.col)
                out.append(literal: "\">")
                try body.render(context, into: &out)
                out.append(literal: "</td>")
                if loop.colLast && loop.index0 != items.count - 1 {
                    out.append(literal: "</tr>\n<tr class=\"row")
                    out.append(decimal: loop.row + 1)
                    out.append(literal: "\">")
                }
                loop.increment()
                if context.interrupt != .none {
                    let stop = context.interrupt == .breakLoop
                    context.interrupt = .none
                    if stop { break }
                }
            }
        }
        out.append(literal: "</tr>\n")
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("tablerow", at: offset)
        analysis.add(header.collection)
        analysis.defineLocal(header.variable)
        analysis.defineLocal("tablerowloop")
        body.analyze(&analysis)
    }
}

/// `tablerowloop`: the position in a `tablerow`, by cell, column and row.
final class TablerowloopDrop: Drop, @unchecked Sendable {
    let length: Int
    let cols: Int?
    var index0 = 0
    var col = 1
    var row = 1

    init(length: Int, cols: Int?) {
        self.length = length
        self.cols = cols
    }

    var colLast: Bool { cols.map { col == $0 } ?? false }

    func increment() {
        index0 += 1
        if let cols, col == cols {
            col = 1
            row += 1
        } else {
            col += 1
        }
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
        case "col": return .int(col)
        case "col0": return .int(col - 1)
        case "col_first": return .bool(col == 1)
        case "col_last": return .bool(colLast)
        case "row": return .int(row)
        default: return nil
        }
    }

    var typeName: String { "TablerowloopDrop" }
}
