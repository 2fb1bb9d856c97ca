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
