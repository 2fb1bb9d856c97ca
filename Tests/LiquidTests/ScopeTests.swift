import Testing
@testable import Liquid

/// A render's scopes: loop variables and pushed names shadow globals only while their scope
/// lasts (lookups skip the scopes by a mask of the names they hold), and scope starts nest past
/// the eight kept inline.
@Suite("Render scopes")
struct ScopeTests {
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

/// `forloop`'s properties are found by their keys' hashes: every property, one no drop has, and
/// the same keys given at render time (`forloop[k]`) must read as they always did.
@Suite("forloop properties")
struct ForloopPropertyTests {
    /// The hashes `ForloopDrop` picks its properties by are the names' `KeyHash`es.
    @Test func propertyHashesAreTheNamesHashes() {
        #expect(ForloopDrop.propertyNames.map { KeyHash.of($0) } == ForloopDrop.propertyHashes)
    }

    @Test func everyPropertyByNameAndByDynamicKey() throws {
        let names = ["index", "index0", "rindex", "rindex0", "first", "last", "length", "name", "size", "nope"]
        let fields = names.map { "{{ forloop.\($0) }}" }.joined(separator: ",")
        let dynamic = names.map { "{{ forloop[\"\($0)\"] }}" }.joined(separator: ",")
        let template = try Environment().parse(
            "{% for a in (1..2) %}{% for b in list %}[\(fields)|\(dynamic)|{{ forloop.parentloop.index }}]{% endfor %}{% endfor %}")
        let output = try template.render(globals: ["list": ["x", "y", "z"]])
        let rows = (1...2).flatMap { outer in
            (0..<3).map { i -> String in
                let values = ["\(i + 1)", "\(i)", "\(3 - i)", "\(2 - i)", "\(i == 0)", "\(i == 2)", "3", "b-list", "7", ""]
                let joined = values.joined(separator: ",")
                return "[\(joined)|\(joined)|\(outer)]"
            }
        }
        #expect(output == rows.joined())
    }
}
