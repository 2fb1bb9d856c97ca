import Liquid
import ShopifyTheme
import Testing

/// A filter that is last in an output may write its result straight into the render's buffer
/// (`FilterDefinition.writer`). Whatever path runs, the text must be the same: each case renders
/// the filter last (writer) and followed by a no-op `append: ''` (function, then printed).
@Suite("Filter writers print what their functions return")
struct FilterWriterTests {
    static let cases: [(String, Value)] = [
        ("{{ x | money }}", 12345), ("{{ x | money }}", -5), ("{{ x | money }}", 19.99), ("{{ x | money }}", "250"),
        ("{{ x | money }}", .nil), ("{{ x | money_with_currency }}", 100), ("{{ x | money_with_currency }}", 1.5),
        ("{{ x | asset_url }}", "theme.css"), ("{{ x | script_tag }}", "/a.js"), ("{{ x | stylesheet_tag }}", "/a.css"),
        ("{{ x | stylesheet_tag: 'print' }}", "/a.css"), ("{{ x | link_to: '/p', 'T' }}", "Label"),
        ("{{ x | link_to: y }}", "Label"), ("{{ x | product_img_url }}", "products/shirt.jpg"),
        ("{{ x | product_img_url: 'large' }}", "products/shirt.png"), ("{{ x | product_img_url: 'original' }}", "products/a.gif"),
        ("{{ x | product_img_url: 'huge' }}", "products/shirt.jpg"), ("{{ x | product_img_url }}", "other/shirt.jpg"),
        ("{{ x | money: 1 }}", 5),
        // A wrapper around the writer of the filter before it (no String made in between).
        ("{{ x | asset_url | script_tag }}", "a.js"), ("{{ x | global_asset_url | script_tag }}", "lib/b.js"),
        ("{{ x | shopify_asset_url | stylesheet_tag: 'print' }}", "c.css"), ("{{ x | asset_url | stylesheet_tag }}", 5),
        ("{{ x | product_img_url: 'thumb' | img_tag }}", "products/shirt.jpg"),
        ("{{ x | product_img_url | img_tag: 'Alt' }}", "products/shirt.jpg"),
        ("{{ x | product_img_url: 'huge' | img_tag }}", "products/shirt.jpg"), ("{{ x | product_img_url | img_tag }}", .nil),
        ("{{ x | asset_url | img_tag: y }}", "i.png"), ("{{ x | money | script_tag: 1 }}", 100),
        // Standard filters with writers.
        ("{{ x | truncate: 5 }}", "abcdefghij"), ("{{ x | truncate: 20 }}", "short"), ("{{ x | truncate: -1 }}", "abc"),
        ("{{ x | truncate: 4, '…' }}", "héllo wörld"), ("{{ x | truncate: 3, '' }}", "日本語テキスト"),
        ("{{ x | truncate }}", .nil), ("{{ x | truncate: 'a' }}", "abc"), ("{{ x | truncate: 2 }}", 12345),
        ("{{ x | truncatewords: 2 }}", "one two three four"), ("{{ x | truncatewords: 2, '!' }}", "  one \t two\n three "),
        ("{{ x | truncatewords: 5 }}", "one two"), ("{{ x | truncatewords: 0 }}", "one two"), ("{{ x | truncatewords }}", .nil),
        ("{{ x | truncatewords: 1 }}", "día soleado"), ("{{ x | truncatewords: 'x' }}", "a b"),
        ("{{ x | date: '%B %d, %Y' }}", "2005-04-04 16:00:00 -0400"), ("{{ x | date: '%^a %e %-m %H:%M:%S %z' }}", 1_112_630_400),
        ("{{ x | date: '' }}", "2005-04-04"), ("{{ x | date: '%Y' }}", "not a date"), ("{{ x | date: '%Y' }}", .nil),
        ("{{ x | date: 'año %Y é' }}", "2005-04-04"), ("{{ x | date: '%Y %' }}", "2005-04-04"), ("{{ x | date: y }}", 0),
    ]

    /// Output a wrapper and the writer inside it wrote before an error is taken back: the
    /// output is what the filters applied one by one leave (the error, inline).
    @Test func aWrappedWriterFailingLeavesNoPartialOutput() throws {
        var env = Environment()
        let failing = LiquidError.argument("no")
        env.register(FilterDefinition("half", { _, _, _ in throw failing }, writer: { _, _, _, out in
            out.append(literal: "partial")
            throw failing
        }))
        env.register(FilterDefinition("wrap", { input, _, _ in .string("[" + input.liquidString + "]") }, wrapper: { writeInput, _, _, out in
            out.append(literal: "[")
            try writeInput(&out)
            out.append(literal: "]")
        }))
        let wrapped = try env.parse("a{{ x | half | wrap }}b").render(globals: ["x": "1"])
        let unwrapped = try env.parse("a{{ x | half | wrap | append: '' }}b").render(globals: ["x": "1"])
        #expect(wrapped == unwrapped)
        #expect(!wrapped.contains("partial") && wrapped.hasPrefix("a") && wrapped.hasSuffix("b"))
        env.renderErrors = .raise
        #expect(throws: LiquidError.self) { try env.parse("{{ x | half | wrap }}").render(globals: ["x": "1"]) }
    }

    /// An error evaluating a writer's argument is placed where the same error of a filter
    /// returning its value is: at the output, not at the filter (only the filter's own errors are).
    @Test func anArgumentErrorIsPlacedAsForAnyFilter() throws {
        var env = ShopifyTheme.environment()
        env.renderErrors = .raise
        func offset(_ source: String) throws -> Int? {
            do {
                _ = try env.parse(source).render(globals: ["x": "/a.css", "h": ["k": 1]])
            } catch let error as LiquidError {
                return error.offset
            }
            return nil
        }
        let last = try offset("ab {{ x | stylesheet_tag: (h..1) }}")
        #expect(last != nil)
        #expect(last == (try offset("ab {{ x | stylesheet_tag: (h..1) | append: '' }}")))
    }

    @Test(arguments: cases.indices)
    func writerMatchesFunction(_ i: Int) throws {
        let (source, x) = Self.cases[i]
        let env = ShopifyTheme.environment()
        let globals: LiquidObject = ["x": x, "y": "/q"]
        let last = try env.parse(source).render(globals: globals)
        let chained = try env.parse(String(source.dropLast(2)) + "| append: '' }}").render(globals: globals)
        #expect(last == chained, "\(source) with x = \(x)")
    }

    /// A filter given only a wrapper writes through it: printed last, it writes what its
    /// function returns, for strings, numbers and nil.
    @Test func aWrapperServesAsTheWriter() throws {
        var env = Environment()
        env.register(FilterDefinition("bracket", { input, _, _ in .string("[" + input.liquidString + "]") },
                                      wrapper: { writeInput, _, _, out in
                                          out.append(literal: "[")
                                          try writeInput(&out)
                                          out.append(literal: "]")
                                      }))
        #expect(env.filters["bracket"]?.writer != nil)
        let template = try env.parse("{{ x | bracket }}|{{ x | bracket | append: '' }}")
        for x: Value in ["a <b>", 12, 1.5, .nil] {
            let parts = try template.render(globals: ["x": x]).split(separator: "|", omittingEmptySubsequences: false)
            #expect(parts.count == 2 && parts[0] == parts[1], "\(x)")
        }
    }
}
