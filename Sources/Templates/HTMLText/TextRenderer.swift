import CLibXML2

/// Walks libxml2's tree of an HTML document and lays its text out in a ``TextBuilder``, by the
/// rules documented on ``HTMLText``. Recursive: libxml2's HTML parser nests at most 256 deep.
struct TextRenderer {
    let options: HTMLText.Options
    var out = TextBuilder()
    /// Inside `<h1>`/`<h2>` (with upper-casing on).
    private var uppercase = 0
    /// Inside `<pre>`.
    private var preformatted = 0
    /// The open lists, innermost last, with the number of their next item.
    private var lists: [(ordered: Bool, next: Int)] = []

    init(options: HTMLText.Options) {
        self.options = options
    }

    /// Elements whose content is never shown.
    private static let dropped: Set<String> = ["head", "script", "style", "template", "noscript", "iframe",
                                               "object", "embed", "svg", "canvas", "video", "audio", "title"]

    /// Blocks set apart by a blank line (2) or starting a new line (1); the rest are inline.
    private static let blockBreaks: [String: Int] = [
        "p": 2, "dl": 2, "figure": 2, "address": 2,
        "html": 1, "body": 1, "div": 1, "section": 1, "article": 1, "header": 1, "footer": 1, "main": 1,
        "nav": 1, "aside": 1, "center": 1, "form": 1, "fieldset": 1, "legend": 1, "figcaption": 1,
        "details": 1, "summary": 1, "dt": 1, "menu": 1, "dir": 1,
        // Parts of layout tables (data tables are laid out by `dataTable`).
        "table": 1, "caption": 1, "thead": 1, "tbody": 1, "tfoot": 1, "tr": 1, "td": 1, "th": 1,
    ]

    mutating func visit(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            guard let content = node.pointee.content else { return }
            let bytes = UnsafeBufferPointer(start: content, count: Int(xmlStrlen(content)))
            if preformatted > 0 {
                out.preformatted(bytes)
            } else if uppercase > 0 {
                out.text(String(decoding: bytes, as: UTF8.self).uppercased().utf8)
            } else {
                out.text(bytes)
            }
        case XML_ELEMENT_NODE:
            element(node)
        default:
            break  // comments, processing instructions, the doctype
        }
    }

    private mutating func visitChildren(_ node: xmlNodePtr) {
        var child = node.pointee.children
        while let current = child {
            visit(current)
            child = current.pointee.next
        }
    }

    private mutating func element(_ node: xmlNodePtr) {
        let tag = Self.name(node)
        if Self.dropped.contains(tag) || Self.isHidden(node) { return }
        switch tag {
        case "br":
            out.lineBreak()
        case "img":
            if let alt = Self.attribute(node, "alt") { inlineText(alt) }
        case "hr":
            out.requestBreak(2)
            out.literal(Array("---".utf8))
            out.requestBreak(2)
        case "a":
            link(node)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let upper = options.uppercasesHeadings && (tag == "h1" || tag == "h2")
            if upper { uppercase += 1 }
            block(node, break: 2)
            if upper { uppercase -= 1 }
        case "ul", "ol":
            list(node, ordered: tag == "ol")
        case "li":
            listItem(node)
        case "pre":
            out.requestBreak(2)
            out.beginPreformatted()
            preformatted += 1
            visitChildren(node)
            preformatted -= 1
            out.requestBreak(2)
        case "blockquote":
            indented(node, by: "> ", break: 2)
        case "dd":
            indented(node, by: "  ", break: 1)
        case "table" where !Self.isLayoutTable(node):
            dataTable(node)
        default:
            block(node, break: Self.blockBreaks[tag] ?? 0)
        }
    }

    /// Content between two breaks of the given strength (0: inline).
    private mutating func block(_ node: xmlNodePtr, break level: Int) {
        if level > 0 { out.requestBreak(level) }
        visitChildren(node)
        if level > 0 { out.requestBreak(level) }
    }

    private mutating func indented(_ node: xmlNodePtr, by prefix: String, break level: Int) {
        let saved = out.indent
        out.requestBreak(level)
        out.indent += Array(prefix.utf8)
        visitChildren(node)
        out.indent = saved
        out.requestBreak(level)
    }

    /// Text from an attribute, upper-cased inside `<h1>`/`<h2>`.
    private mutating func inlineText(_ text: String) {
        out.text(uppercase > 0 ? text.uppercased().utf8 : text.utf8)
    }

    // MARK: - Lists

    private mutating func list(_ node: xmlNodePtr, ordered: Bool) {
        // A list inside a list item follows the item's text on the next line; others are blocks.
        let level = lists.isEmpty ? 2 : 1
        let start = ordered ? Self.attribute(node, "start").flatMap { Int(Self.trimmed($0)) } ?? 1 : 1
        out.requestBreak(level)
        lists.append((ordered, start))
        visitChildren(node)
        lists.removeLast()
        out.requestBreak(level)
    }

    private mutating func listItem(_ node: xmlNodePtr) {
        var marker = "- "
        if let list = lists.last, list.ordered {
            let number = Self.attribute(node, "value").flatMap { Int(Self.trimmed($0)) } ?? list.next
            lists[lists.count - 1].next = number + 1
            marker = "\(number). "
        }
        let saved = out.indent
        out.requestBreak(1)
        out.setMarker(Array(marker.utf8))
        out.indent += [UInt8](repeating: 0x20, count: marker.utf8.count)
        visitChildren(node)
        out.indent = saved
        out.clearMarker()
        out.requestBreak(1)
    }

    // MARK: - Links

    private mutating func link(_ node: xmlNodePtr) {
        out.beginCapture()
        visitChildren(node)
        let text = out.endCapture()
        guard options.showsLinkURLs, let href = Self.attribute(node, "href"),
              let target = Self.linkTarget(href: Self.trimmed(href), text: text.map(Self.normalized) ?? "")
        else { return }
        if text == nil {
            out.literal(Array(target.utf8))
        } else {
            out.suffix(Array("(\(target))".utf8))
        }
    }

    /// What to show after a link's text (already normalised), or nil for nothing.
    static func linkTarget(href: String, text: String) -> String? {
        let lower = href.lowercased()
        if href.isEmpty || href.hasPrefix("#") || lower.hasPrefix("javascript:") { return nil }
        for scheme in ["mailto:", "tel:"] where lower.hasPrefix(scheme) {
            let address = String(href.dropFirst(scheme.count).prefix { $0 != "?" })
            if address.isEmpty || address.lowercased() == text { return nil }
            return address
        }
        return comparable(lower) == comparable(text) ? nil : href
    }

    /// A URL without `http(s)://` and a trailing `/`, for telling whether link text repeats it.
    private static func comparable(_ url: String) -> Substring {
        var url = Substring(url)
        for prefix in ["https://", "http://"] where url.hasPrefix(prefix) { url = url.dropFirst(prefix.count) }
        if url.hasSuffix("/") { url = url.dropLast() }
        return url
    }

    /// Written text as one lower-cased line, for comparing with a URL.
    private static func normalized(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
            .joined(separator: " ")
            .lowercased()
    }

    // MARK: - Tables

    /// One line per row, cells joined by the separator. Each cell is laid out on its own and
    /// flattened to one line.
    private mutating func dataTable(_ node: xmlNodePtr) {
        out.requestBreak(2)
        for caption in Self.children(node) where Self.name(caption) == "caption" && !Self.isHidden(caption) {
            let text = cellText(caption)
            if !text.isEmpty {
                out.requestBreak(1)
                out.literal(Array(text.utf8))
            }
        }
        for row in Self.rows(node) where !Self.isHidden(row) {
            let cells = Self.cells(row).filter { !Self.isHidden($0) }.map { cellText($0) }
            guard cells.contains(where: { !$0.isEmpty }) else { continue }
            out.requestBreak(1)
            out.literal(Array(cells.joined(separator: options.tableCellSeparator).utf8))
        }
        out.requestBreak(2)
    }

    private func cellText(_ cell: xmlNodePtr) -> String {
        var inner = TextRenderer(options: options)
        inner.uppercase = uppercase
        inner.visitChildren(cell)
        return inner.out.finish().split(separator: "\n").map { Self.trimmed(String($0)) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// A table used for layout rather than data: `role="presentation"`/`"none"`, another table
    /// inside, or at most one cell in every row.
    static func isLayoutTable(_ table: xmlNodePtr) -> Bool {
        if let role = attribute(table, "role")?.lowercased(), role == "presentation" || role == "none" { return true }
        guard rows(table).contains(where: { cells($0).count > 1 }) else { return true }
        return containsTable(table)
    }

    /// The table's rows: `<tr>` children, and those of `<thead>`, `<tbody>` and `<tfoot>`.
    private static func rows(_ table: xmlNodePtr) -> [xmlNodePtr] {
        children(table).flatMap { child -> [xmlNodePtr] in
            switch name(child) {
            case "tr": [child]
            case "thead", "tbody", "tfoot": children(child).filter { name($0) == "tr" }
            default: []
            }
        }
    }

    private static func cells(_ row: xmlNodePtr) -> [xmlNodePtr] {
        children(row).filter { let n = name($0); return n == "td" || n == "th" }
    }

    /// Whether a `<table>` element is nested anywhere below `node` (walked without recursion).
    private static func containsTable(_ node: xmlNodePtr) -> Bool {
        var current = node.pointee.children
        while let n = current {
            if n.pointee.type == XML_ELEMENT_NODE, name(n) == "table" { return true }
            if let child = n.pointee.children, n.pointee.type == XML_ELEMENT_NODE {
                current = child
                continue
            }
            var climb: xmlNodePtr? = n
            while let c = climb, c != node, c.pointee.next == nil { climb = c.pointee.parent }
            guard let c = climb, c != node else { return false }
            current = c.pointee.next
        }
        return false
    }

    // MARK: - libxml2 nodes

    /// Element children.
    private static func children(_ node: xmlNodePtr) -> [xmlNodePtr] {
        var result: [xmlNodePtr] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(current) }
            child = current.pointee.next
        }
        return result
    }

    /// The tag name; libxml2's HTML parser lower-cases it.
    private static func name(_ node: xmlNodePtr) -> String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { clibxml2_free(value) }
        return String(cString: value)
    }

    /// `hidden`, or `display: none` (any case, `!important` or not) in the inline style.
    static func isHidden(_ node: xmlNodePtr) -> Bool {
        if xmlHasProp(node, "hidden") != nil { return true }
        guard let style = attribute(node, "style") else { return false }
        return style.split(separator: ";").contains { declaration in
            let parts = declaration.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, trimmed(String(parts[0])).lowercased() == "display" else { return false }
            var value = trimmed(String(parts[1])).lowercased()
            if value.hasSuffix("!important") { value = trimmed(String(value.dropLast("!important".count))) }
            return value == "none"
        }
    }

    /// Without leading and trailing HTML whitespace.
    static func trimmed(_ s: String) -> String {
        let bytes = Array(s.utf8)
        guard let first = bytes.firstIndex(where: { !TextBuilder.isHTMLWhitespace($0) }),
              let last = bytes.lastIndex(where: { !TextBuilder.isHTMLWhitespace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
