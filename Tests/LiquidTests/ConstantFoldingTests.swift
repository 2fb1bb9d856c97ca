import Synchronization
import Testing
@testable import Liquid

/// Outputs of literals through pure filters are computed at their template's first render and
/// kept (`ConstantFolding`): they must print, fail and analyze exactly as the same output
/// computed at every render does.
@Suite("Constant folding")
struct ConstantFoldingTests {
    /// The standard environment with every filter copied without its `pure` mark: nothing folds.
    static func unfolded(_ base: Environment = Environment()) -> Environment {
        var env = base
        for f in base.filters.values {
            env.register(FilterDefinition(f.name, arguments: f.minArguments...f.maxArguments, keywords: f.acceptsKeywords,
                                          f.function, writer: f.writer, wrapper: f.wrapper))
        }
        return env
    }

    /// How many outputs of a template's top level were folded.
    static func foldedCount(_ template: Template) -> Int {
        template.root.nodes.filter { $0 is FoldedOutputNode }.count
    }

    static let sources = [
        "{{ 'a b' | upcase | append: '!' }}",
        "x{{ 'Hello <b>' | escape }}y{{ 10 | plus: 5 | times: 2 }}z",
        "{{ 'a,b,c' | split: ',' }}|{{ 'abc' | size }}|{{ '' | default: 'none' }}",
        "{{ 'the quick brown fox' | truncatewords: 2 }}{{ 'the quick brown fox' | truncate: 7 }}",
        "{{ 'caf\u{e9} \u{1F600}' | upcase | url_encode }}",
        "{{ 10 | divided_by: 0 }} after",          // throws: not folded, error printed inline
        "{{ 'a' | truncate: 1, 2, 3 }} after",     // wrong arity: not folded
        "{{ 'a' | nosuchfilter | upcase }}",       // unknown filter: not folded
        "{{ 'a' | append: x }}",                   // argument not a literal
        "{{ x | upcase }}{{ 'x' }}{{ (1..3) | join: '-' }}",
        "{{ '2024-01-02' | date: '%Y' }}",        // date is not pure
        "{{ 1.5 | round }}{{ -3 | abs }}{{ 'x' | base64_encode | base64_decode }}",
    ]

    @Test func foldedOutputsRenderAsUnfolded() throws {
        let folded = Environment(), plain = Self.unfolded()
        for source in Self.sources {
            let a = try folded.parse(source), b = try plain.parse(source)
            #expect(Self.foldedCount(b) == 0)
            for _ in 0..<2 {
                #expect(try a.render(globals: ["x": "v"]) == b.render(globals: ["x": "v"]), "\(source)")
            }
            #expect(a.analyze().filters == b.analyze().filters, "\(source)")
            #expect(a.analyze().variables == b.analyze().variables, "\(source)")
        }
    }

    @Test func foldsOnlyConstantPureOutputs() throws {
        let env = Environment()
        #expect(Self.foldedCount(try env.parse("{{ 'a' | upcase | append: 'b' }}{{ 'c' | escape }}")) == 2)
        #expect(Self.foldedCount(try env.parse("{{ 'a' }}{{ x | upcase }}{{ 'a' | append: x }}")) == 0)
        #expect(Self.foldedCount(try env.parse("{{ 'a' | truncate: 1, 2, 3 }}")) == 0)  // wrong arity
        #expect(Self.foldedCount(try env.parse("{{ 'now' | date: '%Y' }}{{ 'a' | nosuch }}")) == 0)
    }

    /// A pure filter is called at the first two renders and never again; on every render when not.
    @Test func pureFiltersRunOncePerTemplate() throws {
        let calls = Atomic<Int>(0)
        var env = Environment()
        let shout: FilterFunction = { input, _, _ in
            calls.add(1, ordering: .relaxed)
            return .string(input.liquidString + "!")
        }
        env.register(FilterDefinition("shout", shout, pure: true))
        env.register(FilterDefinition("shout_each_time", shout))
        let pure = try env.parse("{{ 'a' | shout }}")
        #expect(calls.load(ordering: .relaxed) == 0)
        for _ in 0..<4 { #expect(try pure.render() == "a!") }
        #expect(calls.load(ordering: .relaxed) == 2)
        let impure = try env.parse("{{ 'a' | shout_each_time }}")
        for _ in 0..<3 { #expect(try impure.render() == "a!") }
        #expect(calls.load(ordering: .relaxed) == 5)
    }

    /// Strict filters and errors raised at render keep their messages and positions.
    @Test func errorsAreUnchanged() throws {
        var strict = Environment()
        strict.strictFilters = true
        strict.renderErrors = .raise
        for source in ["{{ 'a' | nosuch }}", "\n  {{ 1 | divided_by: 0 }}", "{{ 'a' | upcase | modulo: 0 }}"] {
            var foldedMessage = "", plainMessage = ""
            do { _ = try strict.parse(source).render() } catch { foldedMessage = "\(error)" }
            do { _ = try Self.unfolded(strict).parse(source).render() } catch { plainMessage = "\(error)" }
            #expect(!foldedMessage.isEmpty && foldedMessage == plainMessage, "\(source)")
        }
    }

    /// Filter positions reported by analysis are those of the calls, folded or not.
    @Test func analysisReportsFoldedFilters() throws {
        let source = "a\n  {{ 'x.css' | upcase | append: '?v=1' }}"
        let t = try Environment().parse(source)
        #expect(Self.foldedCount(t) == 1)
        let filters = t.analyze().filters
        #expect(filters.map(\.name) == ["upcase", "append"])
        #expect(filters.map(\.line) == [2, 2])
        #expect(filters == (try Self.unfolded().parse(source).analyze().filters))
    }

    /// A folded output keeps its node inline in the existential and trivial (freeing a template
    /// skips it; the arena releases the kept text).
    @Test func foldedNodeIsInline() {
        #expect(InlineNode.metadata(FoldedOutputNode.self) != nil)
        #expect(_isPOD(FoldedOutputNode.self))
    }

    /// A render that fails keeps nothing: the next render computes (and fails) again, and an
    /// output kept by one template is not seen by another parsed from the same markup.
    @Test func failedFirstRenderKeepsNothing() throws {
        let calls = Atomic<Int>(0)
        var env = Environment()
        env.renderErrors = .raise
        let flaky: FilterFunction = { input, _, _ in
            if calls.add(1, ordering: .relaxed).newValue == 1 { throw LiquidError.argument("first time") }
            return .string(input.liquidString + "?")
        }
        env.register(FilterDefinition("flaky", flaky, pure: true))
        let t = try env.parse("{{ 'a' | flaky }}")
        #expect(throws: LiquidError.self) { try t.render() }
        for _ in 0..<4 { #expect(try t.render() == "a?") }
        #expect(calls.load(ordering: .relaxed) == 3)  // the failed render, the one noted, the one kept
    }

    /// Many threads rendering a template for the first time at once all print the same text.
    @Test func concurrentFirstRendersAgree() async throws {
        let t = try Environment().parse(String(repeating: "{{ 'x' | upcase | append: '-' }}", count: 50))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<8 { group.addTask { (try? t.render()) ?? "" } }
            var all: [String] = []
            for await r in group { all.append(r) }
            return all
        }
        #expect(Set(results) == [String(repeating: "X-", count: 50)])
    }
}
