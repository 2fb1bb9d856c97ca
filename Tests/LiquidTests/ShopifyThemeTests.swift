import Liquid
import ShopifyTheme
import Testing

/// Shopify's theme-runner workload: every page of the four themes, rendered inside its layout,
/// must match bench-data's `expected/` byte for byte (after the year the expected files were
/// written in is replaced by the current one).
@Suite("Shopify theme workload")
struct ShopifyThemeTests {
    /// The package root: this file is `<root>/Tests/LiquidTests/ShopifyThemeTests.swift`.
    static let packageRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    static let directory = packageRoot + "/../shared/bench-data/shopify"

    static let loaded: Result<ShopifyWorkload, any Error> = Result { try ShopifyWorkload(directory: directory) }

    static let pageIDs: [String] = (try? loaded.get().pages.map(\.id)) ?? []

    @Test func workloadLoads() throws {
        let workload = try Self.loaded.get()
        #expect(workload.pages.count == 30, "expected 30 pages in \(Self.directory)")
        #expect(workload.layouts.count == 4)
        #expect(workload.parsed.count == 30)
    }

    @Test(arguments: pageIDs)
    func page(_ id: String) throws {
        let workload = try Self.loaded.get()
        let output = try workload.render(page: id)
        let expected = try workload.expected(page: id)
        if output != expected {
            Issue.record("\(id): output differs from expected/\(id).html\n\(firstDifference(output, expected))")
        }
    }
}

/// The theme tags and filters on inputs the workload's data never reaches (its collections
/// are all one page long, its form never renders).
@Suite("Shopify theme tags and filters")
struct ShopifyThemeFilterTests {
    func render(_ source: String, _ globals: LiquidObject = [:]) throws -> String {
        try ShopifyTheme.environment().parse(source).render(globals: globals)
    }

    @Test func paginateManyPages() throws {
        let items: [Value] = (1...45).map { .int($0) }
        let out = try render("{% paginate items by 10 %}{{ paginate.page_size }} {{ paginate.current_page }} {{ paginate.current_offset }} {{ paginate.items }} {{ paginate.pages }}|{{ paginate | default_pagination }}{% endpaginate %}[{{ paginate }}]", ["items": .array(items)])
        let link = { (n: String, p: Int) in "<a href=\"/collections/frontpage?page=\(p)\" title=\"\">\(n)</a>" }
        #expect(out == "10 5 50 45 5|<span class=\"page\">\(link("1", 1))</span> <span class=\"page\">\(link("2", 2))</span> <span class=\"deco\">&hellip;</span> <span class=\"page\">\(link("5", 5))</span> <span class=\"next\">\(link("Next &raquo;", 1))</span>[]")
    }

    @Test func paginateOnePageAndEmpty() throws {
        let three: Value = [1, 2, 3]
        #expect(try render("{% paginate xs %}{{ paginate.page_size }} {{ paginate.pages }} {{ paginate.parts.size }}|{{ paginate | default_pagination }}{% endpaginate %}", ["xs": three])
            == "20 1 0|<span class=\"next\"><a href=\"/collections/frontpage?page=1\" title=\"\">Next &raquo;</a></span>")
        #expect(try render("{% paginate xs by 5 %}{{ paginate.pages }}|{{ paginate | default_pagination }}|{% endpaginate %}", ["xs": []]) == "0||")
        #expect(try render("{% paginate xs by 2 %}{{ paginate.parts.size }}{% endpaginate %}", ["xs": three]) == "2")
    }

    @Test func commentForm() throws {
        let article: Value = ["id": 7, "title": "T"]
        #expect(try render("{% form article %}<i>{{ form.author }}</i>{% endform %}", ["article": article])
            == "<form id=\"article-7-comment-form\" class=\"comment-form\" method=\"post\" action=\"\">\n<i></i>\n</form>")
        #expect(try render("{% form 'new_comment', article %}x{% endform %}", ["article": article])
            == "<form id=\"article-7-comment-form\" class=\"comment-form\" method=\"post\" action=\"\">\nx\n</form>")
    }

    @Test func moneyAndText() throws {
        #expect(try render("{{ 23900 | money }}|{{ 5 | money_with_currency }}|{{ -1999 | money }}|{{ nil | money }}|{{ 12.5 | money }}") == "$ 239.00|$ 0.05 USD|$ -19.99||$ 0.12")
        #expect(try render("{{ 1 | pluralize: 'item', 'items' }} {{ 2 | pluralize: 'item', 'items' }}") == "item items")
    }

    @Test func urlsAndTags() throws {
        #expect(try render("{{ 'a.css' | asset_url | stylesheet_tag }}") == "<link href=\"/files/1/[shop_id]/[shop_id]/assets/a.css\" rel=\"stylesheet\" type=\"text/css\"  media=\"all\"  />")
        #expect(try render("{{ 'x.js' | global_asset_url | script_tag }}") == "<script src=\"/global/x.js\" type=\"text/javascript\"></script>")
        #expect(try render("{{ 'a.png' | shopify_asset_url | img_tag: 'A' }}") == "<img src=\"/shopify/a.png\" alt=\"A\" />")
        #expect(try render("{{ 'Home' | link_to: '/', 'T' }}") == "<a href=\"/\" title=\"T\">Home</a>")
        #expect(try render("{{ 'Snow Boards' | link_to_type }}|{{ nil | link_to_vendor }}") == "<a href=\"/collections/snow-boards\" title=\"Snow Boards\">Snow Boards</a>|Unknown Vendor")
        #expect(try render("{{ 'products/arbor_draft.jpg' | product_img_url }}|{{ 'products/a-b.jpeg' | product_img_url: 'large' }}|{{ 'products/x.png' | product_img_url: 'original' }}")
            == "/files/shops/random_number/products/arbor_draft_small.jpg|/files/shops/random_number/products/a-b_large.jpeg|/files/shops/random_number/products/x.png")
        #expect(try render("{{ 'nope.jpg' | product_img_url }}").contains("filter \"size\" can only be called on product images"))
        let tags: LiquidObject = ["handle": "shoes", "current_tags": ["red"]]
        #expect(try render("{{ 'red' | highlight_active_tag }} {{ 'blue' | highlight_active_tag }}", tags) == "<span class=\"active\">red</span> blue")
        #expect(try render("{{ '+' | link_to_add_tag: 'blue' }}", tags) == "<a title=\"Show tag blue\" href=\"/collections/shoes/red+blue\">+</a>")
        #expect(try render("{{ '-' | link_to_remove_tag: 'red' }}", tags) == "<a title=\"Show tag red\" href=\"/collections/shoes/\">-</a>")
        #expect(try render("{{ 'x' | link_to_tag: 'red' }}", tags) == "<a title=\"Show tag red\" href=\"/collections/shoes/red\">x</a>")
    }

    @Test func jsonAndIdentity() throws {
        let product: Value = ["id": 1, "title": "Café \"x\"", "collections": [1], "price": 2.5]
        #expect(try render("{{ p | json }}", ["p": product]) == "{\"id\":1,\"title\":\"Café \\\"x\\\"\",\"price\":2.5}")
        #expect(try render("{{ 'a' | within: c }}{{ 'b' | highlight: t }}") == "ab")
    }
}

/// Where two texts first differ, with a little context and the line number.
private func firstDifference(_ a: String, _ b: String) -> String {
    let x = Array(a.utf8), y = Array(b.utf8)
    var i = 0
    while i < x.count && i < y.count && x[i] == y[i] { i += 1 }
    let line = x[..<i].reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
    func around(_ s: [UInt8]) -> String {
        let lo = max(0, i - 60), hi = min(s.count, i + 60)
        return String(decoding: s[lo..<hi], as: UTF8.self).debugDescription
    }
    return "line \(line), byte \(i) (lengths \(x.count) vs \(y.count))\n  got:      \(around(x))\n  expected: \(around(y))"
}
