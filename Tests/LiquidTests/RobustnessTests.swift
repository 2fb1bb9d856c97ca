import Testing
@testable import Liquid

/// Untrusted templates get errors, never crashes: random splices of Liquid fragments must parse
/// and render (or fail with a LiquidError) in both modes.
@Suite struct RobustnessTests {
    static let fragments = [
        "{{", "}}", "{%", "%}", "{%-", "-%}", "{{-", "-}}", " ", "\n", "x", "a.b", "[0]", "['k']", "[", "]", "(", ")",
        "..", ".", "|", ":", ",", "'", "\"", "upcase", "join", "if", "endif", "for", "in", "endfor", "else", "elsif",
        "case", "when", "endcase", "raw", "endraw", "comment", "endcomment", "liquid", "echo", "assign", "=", "==",
        "<", ">=", "contains", "and", "or", "1", "-1", "1.5", "(1..3)", "nil", "empty", "blank", "render", "include",
        "'p'", "cycle", "tablerow", "cols:", "limit:", "offset:", "continue", "break", "#", "doc", "enddoc", "é", "\u{0}",
        "capture", "endcapture", "increment", "with", "as", "for x in xs", "{% if x %}", "{% endif %}", "{{ x | size }}",
    ]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomTemplatesNeverCrash() {
        var rng = Generator(state: 42)
        var env = Environment()
        env.loader = InMemoryLoader(["p": "{{ x }}{% render 'p' %}"])
        env.limits.maxLoopIterations = 10_000
        env.limits.maxOutputBytes = 100_000
        let data: LiquidObject = ["x": 1, "xs": [1, "two", ["k": 3]], "a": ["b": "c"]]
        var parsed = 0
        for _ in 0..<20_000 {
            var source = ""
            for _ in 0..<Int.random(in: 1...14, using: &rng) {
                source += Self.fragments.randomElement(using: &rng)!
            }
            for mode in [ErrorMode.lax, .strict] {
                env.errorMode = mode
                if let t = try? env.parse(source) {
                    parsed += 1
                    _ = try? t.render(globals: data)
                }
            }
        }
        #expect(parsed > 1000)
    }
}

/// Parse once, render many: one compiled template rendered from many tasks at once gives the same
/// output every time (no shared mutable state in templates, environments or caches).
@Suite struct ConcurrencyTests {
    @Test func oneTemplateManyTasks() async throws {
        var env = Environment()
        env.loader = InMemoryLoader(["row": "<li>{{ forloop.index }}:{{ item.name | upcase }}{% cycle 'a', 'b' %}</li>"])
        let template = try env.parse("""
            {% for i in (1..3) %}{% assign n = i | times: 2 %}{{ n }}{% endfor %}
            {% render 'row' for items as item %}{{ 'now' | date: '%Y' | size }}{{ items | map: 'name' | join: ',' }}
            """)
        let data: LiquidObject = ["items": [["name": "a"], ["name": "b"], ["name": "c"]]]
        let expected = try template.render(globals: data)
        let outputs = try await withThrowingTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { try (0..<200).map { _ in try template.render(globals: data) } }
            }
            var all: [String] = []
            for try await batch in group { all += batch }
            return all
        }
        #expect(outputs.count == 1600)
        #expect(outputs.allSatisfy { $0 == expected })
    }

    @Test func cacheFromManyTasks() async throws {
        let cache = TemplateCache(environment: Environment())
        let results = try await withThrowingTaskGroup(of: String.self) { group in
            for i in 0..<64 {
                group.addTask { try cache.template(named: "t\(i % 4)", source: "{{ \(i % 4) | plus: 1 }}").render() }
            }
            var all: [String] = []
            for try await r in group { all.append(r) }
            return all.sorted()
        }
        #expect(results == (0..<64).map { String($0 % 4 + 1) }.sorted())
        #expect(cache.count == 4)
    }
}
