import Testing
@testable import Liquid

/// A template keeps a finished render's context (session, scopes, registers, output buffer) for
/// its next render without a session of its own: nothing of one render may be seen by the next,
/// renders on many threads at once must each get a context of their own, and a context that
/// something else still holds must not be reused.
@Suite("Spare render context")
struct SpareContextTests {
    /// Every kind of per-render state, set by one render, is gone in the next.
    @Test func nothingOfARenderIsSeenByTheNext() throws {
        let template = try Environment().parse("""
            {{ a }}|{{ l }}|{{ assigned }}|{% increment n %}|{% cycle 'x', 'y' %}|\
            {% for i in (1..5) limit: 2 %}{{ i }}{% endfor %}{% for i in (1..5) offset: continue limit: 2 %}{{ i }}{% endfor %}|\
            {% ifchanged %}c{% endifchanged %}|{% assign assigned = l %}{{ forloop.index }}
            """)
        let first = try template.render(globals: ["a": "A1"], locals: ["l": "L1"])
        #expect(first == "A1|L1||0|x|1234|c|")
        let second = try template.render(globals: ["a": "A2"])
        #expect(second == "A2|||0|x|1234|c|")
        let third = try template.render(locals: ["a": "local", "l": "L3"])
        #expect(third == "local|L3||0|x|1234|c|")
    }

    /// A spare context moves between templates (one shared spare serves any template without its
    /// own): each render must see its own template's environment, source and name.
    @Test func aSpareMovesBetweenTemplatesOfDifferentEnvironments() throws {
        var strict = Environment()
        strict.strictVariables = true
        strict.renderErrors = .inline
        let lax = Environment()
        let a = try strict.parse("[{{ missing }}]", name: "a")
        let b = try lax.parse("[{{ missing }}|{{ 'x' | upcase }}]", name: "b")
        let c = try lax.parse("[{% assign z = 1 %}{{ z }}]", name: "c")
        for _ in 0..<3 {
            #expect(try a.render().contains("undefined variable missing"))
            #expect(try b.render() == "[|X]")
            #expect(try c.render() == "[1]")
        }
        // Errors located in the right template, after the context served another one.
        var raising = Environment()
        raising.renderErrors = .raise
        let d = try raising.parse("line one\n{{ 1 | divided_by: 0 }}", name: "d")
        _ = try b.render()
        #expect {
            try d.render()
        } throws: { error in
            guard let e = error as? LiquidError else { return false }
            return e.templateName == "d" && e.line == 2
        }
    }

    /// An environment's identity changes with every setting and is shared by unchanged copies.
    @Test func environmentIdentityFollowsChanges() {
        var env = Environment()
        let copy = env
        #expect(copy.identity === env.identity)
        env.strictFilters = true
        #expect(copy.identity !== env.identity)
        let before = env.identity
        env.limits.maxOutputBytes = 10
        #expect(env.identity !== before)
    }

    /// A render that stops on an error leaves nothing behind for the next one.
    @Test func aFailedRenderLeavesNothingBehind() throws {
        var env = Environment()
        env.renderErrors = .raise
        let template = try env.parse("{% assign x = 'set' %}{% for i in (1..3) %}{{ i }}{% if fail %}{{ 1 | divided_by: 0 }}{% endif %}{% endfor %}|{{ x }}{{ y }}")
        #expect(throws: LiquidError.self) { try template.render(globals: ["fail": true]) }
        #expect(try template.render() == "123|set")
    }

    /// The loop limit counts per render: a reused session starts from zero.
    @Test func loopIterationsCountPerRender() throws {
        var env = Environment()
        env.limits.maxLoopIterations = 10
        let template = try env.parse("{% for i in (1..6) %}{% endfor %}ok")
        for _ in 0..<5 { #expect(try template.render() == "ok") }
    }

    /// A render given a session uses that session, not the spare's, and leaves the spare alone.
    @Test func aGivenSessionIsUsedAndNotKept() throws {
        let template = try Environment().parse("{{ 'now' | date: '%Y' }}")
        let session = RenderSession(now: 0)
        #expect(try template.render(session: session) == "1970")
        #expect(try template.render() != "1970")
        #expect(try template.render(session: session) == "1970")
    }

    /// Rendering into a caller's buffer goes through the spare too, and appends.
    @Test func renderingIntoABufferAppends() throws {
        let template = try Environment().parse("{{ x }};")
        var out = OutputBuffer()
        try template.render(into: &out, globals: ["x": "1"])
        try template.render(into: &out, globals: ["x": "2"])
        #expect(out.string == "1;2;")
    }

    /// A filter that keeps the context (and so its session) past the render: the next render
    /// must get a context of its own, and what the filter kept is left as it was.
    @Test func aContextKeptByAFilterIsNotReused() throws {
        final class Keeper: @unchecked Sendable { var context: RenderContext? }
        let keeper = Keeper()
        var env = Environment()
        env.register(FilterDefinition("keep") { input, _, context in
            keeper.context = context
            return input
        })
        let template = try env.parse("{% assign a = x %}{{ x | keep }}")
        #expect(try template.render(globals: ["x": "1"]) == "1")
        let kept = try #require(keeper.context)
        #expect(try template.render(globals: ["x": "2"]) == "2")
        #expect(keeper.context !== kept)
        #expect(kept.resolve("a") == "1")
    }

    /// Many renders of one template at once, on the threads of the task pool, each get the
    /// right output.
    @Test func concurrentRendersOfOneTemplate() async throws {
        let template = try Environment().parse(
            "{% assign t = n | times: 2 %}{% for i in (1..3) %}{{ n }}-{{ t }}-{{ forloop.index }};{% endfor %}{% increment c %}")
        let failures = await withTaskGroup(of: Int.self) { group in
            for job in 0..<8 {
                group.addTask {
                    var failed = 0
                    for round in 0..<300 {
                        let n = job * 10_000 + round
                        let expected = (1...3).map { "\(n)-\(n * 2)-\($0);" }.joined() + "0"
                        if (try? template.render(globals: ["n": .int(n)])) != expected { failed += 1 }
                    }
                    return failed
                }
            }
            return await group.reduce(0, +)
        }
        #expect(failures == 0)
    }
}
