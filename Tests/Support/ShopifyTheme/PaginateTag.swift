import Liquid

/// `{% paginate EXPR by N %}...{% endpaginate %}`: renders its body with `paginate` describing
/// the pages of EXPR, as the benchmark's `Paginate` tag does (the current page is always read
/// from `current_page`, but the object claims page 5, a quirk kept from upstream).
struct PaginateTag: Node {
    let collection: Expression
    let collectionName: String
    let pageSize: Int
    let windowSize: Int
    let body: Block
    let offset: Int

    static let usage = "Syntax Error in tag 'paginate' - Valid syntax: paginate [collection] by number"

    static let definition = TagDefinition("paginate") { tag, parser in
        let markup = Array(parser.source[tag.markup])
        var i = 0
        // The collection: Liquid's QuotedFragment (a quoted string, or a run of anything but
        // whitespace, commas, pipes and quotes, with quoted parts allowed inside).
        let start = i
        while i < markup.count {
            let b = markup[i]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") {
                guard let close = markup[(i + 1)...].firstIndex(of: b) else { break }
                i = close + 1
                continue
            }
            if isSpace(b) || b == UInt8(ascii: ",") || b == UInt8(ascii: "|") { break }
            i += 1
        }
        guard i > start else { throw LiquidError.syntax(usage, at: tag.offset) }
        let name = String(decoding: markup[start..<i], as: UTF8.self)
        let base = tag.markup.lowerBound
        let collection = try LiquidCompat.expression((base + start)..<(base + i), of: parser, at: tag.offset)

        // Optional `by N` right after it.
        var pageSize = 20
        var j = i
        while j < markup.count && isSpace(markup[j]) { j += 1 }
        if j + 1 < markup.count && markup[j] == UInt8(ascii: "b") && markup[j + 1] == UInt8(ascii: "y") {
            var k = j + 2
            while k < markup.count && isSpace(markup[k]) { k += 1 }
            let digits = k
            while k < markup.count && isDigit(markup[k]) { k += 1 }
            if k > digits, let n = Int(String(decoding: markup[digits..<k], as: UTF8.self)) { pageSize = n }
        }

        // Attributes (`window_size: 2`); only the window size means anything.
        var windowSize = 3
        if let w = attribute("window_size", in: markup) { windowSize = w }

        let (body, _) = try parser.parseBody(endingAt: ["endpaginate"], blockName: "paginate")
        return PaginateTag(collection: collection, collectionName: name, pageSize: pageSize, windowSize: windowSize,
                           body: body, offset: tag.offset)
    }

    static let paginateVariable = LiquidCompat.Variable("paginate")
    static let currentPageVariable = LiquidCompat.Variable("current_page")

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let currentPage = ShopifyTheme.rubyToI(try LiquidCompat.value(of: Self.currentPageVariable, in: context))
        let items = try context.evaluate(collection)
        guard !items.isNil, case .int(let size)? = RenderContext.property(of: items, key: "size") else {
            throw LiquidError.argument("Cannot paginate array '\(collectionName)'. Not found.")
        }
        guard pageSize > 0 else { throw LiquidError.argument("Cannot paginate by \(pageSize)") }
        let pageCount = (size + pageSize - 1) / pageSize + 1  // ceil(size / page_size) + 1

        // Built as one list of pairs: one object allocation instead of regrowing per key.
        var pagination: [(String, Value)] = [
            ("page_size", .int(pageSize)), ("current_page", 5), ("current_offset", .int(pageSize * 5)),
            ("items", .int(size)), ("pages", .int(pageCount - 1)),
        ]
        pagination.reserveCapacity(8)
        if !(1 >= currentPage) { pagination.append(("previous", Self.link("&laquo; Previous", page: currentPage - 1))) }
        if !(pageCount <= currentPage + 1) { pagination.append(("next", Self.link("Next &raquo;", page: currentPage + 1))) }
        var parts: [Value] = []
        if pageCount > 2 {
            var hellip = false
            for page in 1...(pageCount - 1) {
                if currentPage == page {
                    parts.append(Self.noLink(.int(page)))
                } else if page == 1 || page == pageCount - 1 {
                    parts.append(Self.link(.int(page), page: page))
                } else if page <= currentPage - windowSize || page >= currentPage + windowSize {
                    if hellip { continue }
                    parts.append(Self.noLink("&hellip;"))
                    hellip = true
                    continue
                } else {
                    parts.append(Self.link(.int(page), page: page))
                }
                hellip = false
            }
        }
        pagination.append(("parts", .array(parts)))

        try LiquidCompat.withBinding(Self.paginateVariable, .object(LiquidObject(pagination)), in: context) {
            try body.render(context, into: &out)
        }
    }

    static func link(_ title: Value, page: Int) -> Value {
        ["title": title, "url": .string(.concatenating("/collections/frontpage?page=", String(page))), "is_link": true]
    }

    static func noLink(_ title: Value) -> Value {
        ["title": title, "is_link": false]
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("paginate", at: offset)
        analysis.add(collection)
        analysis.defineLocal("paginate")
        body.analyze(&analysis)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
    static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// `key: N` anywhere in the markup (Liquid's TagAttributes), as an integer.
    static func attribute(_ key: String, in markup: [UInt8]) -> Int? {
        let k = Array(key.utf8)
        guard markup.count > k.count else { return nil }
        var i = 0
        while i + k.count <= markup.count {
            if markup[i..<(i + k.count)].elementsEqual(k) && (i == 0 || !isWordByte(markup[i - 1])) {
                var j = i + k.count
                while j < markup.count && isSpace(markup[j]) { j += 1 }
                if j < markup.count && markup[j] == UInt8(ascii: ":") {
                    j += 1
                    while j < markup.count && isSpace(markup[j]) { j += 1 }
                    let d = j
                    while j < markup.count && isDigit(markup[j]) { j += 1 }
                    if j > d { return Int(String(decoding: markup[d..<j], as: UTF8.self)) }
                }
            }
            i += 1
        }
        return nil
    }

    static func isWordByte(_ b: UInt8) -> Bool {
        isDigit(b) || b == UInt8(ascii: "_") || (b | 0x20 >= UInt8(ascii: "a") && b | 0x20 <= UInt8(ascii: "z"))
    }
}
