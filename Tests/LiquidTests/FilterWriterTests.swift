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
    ]

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
}
