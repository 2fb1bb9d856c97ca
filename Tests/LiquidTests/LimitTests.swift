import Testing
@testable import Liquid

@Suite struct LimitTests {
    func limited(_ change: @escaping (inout Limits) -> Void) -> (inout Environment) -> Void {
        { env in change(&env.limits) }
    }

    @Test func templateSize() {
        let e = error(String(repeating: "x", count: 101), configure: limited { $0.maxTemplateBytes = 100 })
        #expect(e?.kind == .limit)
        #expect(e?.message.contains("maxTemplateBytes") == true)
    }

    @Test func nestingDepth() {
        let deep = String(repeating: "{% if true %}", count: 20) + String(repeating: "{% endif %}", count: 20)
        #expect(error(deep, configure: limited { $0.maxNestingDepth = 10 })?.message.contains("maxNestingDepth") == true)
        #expect(error(deep, configure: limited { $0.maxNestingDepth = 30 }) == nil)
    }

    @Test func outputBytes() {
        let e = error("{% for i in (1..1000) %}xxxxxxxxxx{% endfor %}", configure: limited { $0.maxOutputBytes = 5000 })
        #expect(e?.message.contains("maxOutputBytes") == true)
    }

    @Test func outputBytesStopEvenInLaxInlineMode() throws {
        var env = Environment()
        env.limits.maxOutputBytes = 100
        let t = try env.parse("{% for i in (1..100) %}xxxxxxxxxx{% endfor %}")
        #expect(throws: LiquidError.self) { try t.render() }
    }

    @Test func loopIterations() {
        let e = error("{% for i in (1..100) %}{% for j in (1..100) %}{% endfor %}{% endfor %}",
                      configure: limited { $0.maxLoopIterations = 1000 })
        #expect(e?.message.contains("maxLoopIterations") == true)
    }

    @Test func hugeRangesDoNotHang() {
        let e = error("{% for i in (1..100000000000) %}{% endfor %}", configure: limited { $0.maxLoopIterations = 1000 })
        #expect(e?.kind == .limit)
    }

    @Test func partialDepth() {
        var partials: [String: String] = [:]
        for i in 0..<10 { partials["p\(i)"] = "{% render 'p\(i + 1)' %}" }
        partials["p10"] = "end"
        let e = error("{% render 'p0' %}", partials: partials, configure: limited { $0.maxPartialDepth = 5 })
        #expect(e?.message.contains("maxPartialDepth") == true)
        #expect(e?.message.contains("p0 → p1 → p2") == true)
    }

    @Test func partialCyclesAreReportedWithTheChain() {
        let e = error("{% render 'a' %}", partials: ["a": "{% render 'b' %}", "b": "{% render 'a' %}"])
        #expect(e?.kind == .limit)
        #expect(e?.message == "partial cycle: a → b → a")
        #expect(error("{% include 'a' %}", partials: ["a": "{% include 'a' %}"])?.message == "partial cycle: a → a")
    }
}
