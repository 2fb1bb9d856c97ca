import Testing
@testable import Liquid

/// Objects built from literal pairs: order kept, a repeated key in its first place with its last
/// value, lookups by key and through the index of a large object.
@Suite("Liquid objects")
struct LiquidObjectTests {
    @Test func pairsKeepOrderAndTheLastValueOfARepeatedKey() {
        let o = LiquidObject([("b", 1), ("a", 2), ("b", 3), ("c", 4)])
        #expect(o.keys == ["b", "a", "c"])
        #expect(o.values == [3, 2, 4])
        #expect(o["b"] == 3)
        #expect(o["missing"] == nil)
    }

    @Test func aDictionaryLiteralValueIsAnObjectInOrder() {
        let v: Value = ["title": "t", "is_link": true, "title": "u"]
        guard case .object(let o) = v else {
            Issue.record("expected an object")
            return
        }
        #expect(o.keys == ["title", "is_link"])
        #expect(o["title"] == "u")
    }

    @Test func manyPairsAreIndexedAndStillDeduplicated() {
        var pairs: [(String, Value)] = (0..<40).map { ("k\($0)", .int($0)) }
        pairs.append(("k7", 700))
        let o = LiquidObject(pairs)
        #expect(o.count == 40)
        #expect(o["k7"] == 700)
        #expect(o["k39"] == 39)
        #expect(o.keys.first == "k0")
    }

    /// Lookups skip the scopes when a name's bit is not in them; popping a scope must make a
    /// global of the same name visible again, and assigns made inside loops stay visible.
    @Test func scopesShadowGlobalsOnlyWhileTheyLast() throws {
        let template = try Environment().parse(
            "{% for product in list %}{{ product }}{% assign seen = product %}{% endfor %}|{{ product }}|{{ seen }}|{{ forloop.index }}")
        #expect(try template.render(globals: ["product": "G", "list": ["a", "b"]]) == "ab|G|b|")
    }

    /// Scope starts past the eight kept inline spill into an array and come back in order.
    @Test func scopeStartsNestDeeperThanTheirInlineStorage() {
        var starts = ScopeStarts()
        #expect(starts.last == nil)
        for i in 0..<20 { starts.append(i * 3) }
        #expect(starts.count == 20 && starts.last == 57)
        for i in (0..<20).reversed() { #expect(starts.removeLast() == i * 3) }
        #expect(starts.count == 0 && starts.last == nil)
    }

    @Test func loopsNestedTenDeepFindTheirVariables() throws {
        let open = (0..<10).map { "{% for v\($0) in (1..1) %}" }.joined()
        let close = String(repeating: "{% endfor %}", count: 10)
        let inner = (0..<10).map { "{{ v\($0) }}" }.joined()
        let template = try Environment().parse(open + inner + close + "{{ v0 }}")
        #expect(try template.render() == String(repeating: "1", count: 10))
    }

    @Test func aOneNameScopeShadowsAndIsPopped() throws {
        let context = RenderContext(environment: Environment(), globals: ["x": "global"])
        context.pushScope(binding: "x", to: "inner")
        #expect(context.resolve("x") == "inner")
        context.popScope()
        #expect(context.resolve("x") == "global")
    }
}
