import Testing
@testable import Liquid

@Suite struct ErrorTests {
    @Test func syntaxErrorsCarryNameLineAndColumn() throws {
        let e = try #require(error("Hello\n  {% if %}x{% endif %}", mode: .strict))
        #expect(e.kind == .syntax)
        #expect(e.templateName == "test")
        #expect(e.line == 2)
        #expect(e.column == 3)
        #expect(e.sourceLine == "  {% if %}x{% endif %}")
        #expect(e.description == """
            test:2:3: Liquid syntax error: Syntax Error in tag 'if' - Valid syntax: if [expression]
            2 |   {% if %}x{% endif %}
                  ^
            """)
    }

    @Test func unclosedAndUnknownTags() {
        #expect(error("{% if true %}x")?.message == "'if' tag was never closed")
        #expect(error("{% for x in y %}{% endif %}")?.message == "'endif' is not a valid delimiter for for tags. use endfor")
        #expect(error("a\n{% nope %}")?.message == "Unknown tag 'nope'")
        #expect(error("a\n{% nope %}")?.line == 2)
        #expect(error("{{ x ")?.kind == .syntax)
        #expect(error("{% if x %")?.kind == .syntax)
    }

    @Test func strictModeRejectsWhatLaxTolerates() throws {
        #expect(try render("{{ a b }}", ["a": 1]) == "1")
        #expect(error("{{ a b }}", mode: .strict)?.kind == .syntax)
        #expect(error("{% if a endswith b %}{% endif %}")?.message == "Unknown operator endswith")
    }

    @Test func renderErrorsInlineWithLineNumbers() throws {
        var env = Environment()
        let t = try env.parse("a\n{% if 'x' > 1 %}{% endif %}b")
        #expect(try t.render() == "a\nLiquid error (line 2): comparison of String with 1 failedb")
        env.renderErrors = .raise
        let e = try #require(error("a\n{% if 'x' > 1 %}{% endif %}"))
        #expect(e.line == 2 && e.kind == .argument)
    }

    @Test func strictVariablesAndFilters() {
        #expect(error("{{ nope }}") { $0.strictVariables = true }?.kind == .undefinedVariable)
        #expect(error("{{ a.nope }}", ["a": [:]]) { $0.strictVariables = true }?.message == "undefined variable a.nope")
        #expect(error("{{ 1 | nope }}") { $0.strictFilters = true }?.kind == .undefinedFilter)
        #expect((try? render("{{ 1 | nope }}")) == "1")
    }

    @Test func errorsInsidePartialsPointIntoThePartial() throws {
        let e = try #require(error("x\n{% render 'card' %}", partials: ["card": "ok\n\n{% if %}"]))
        #expect(e.templateName == "card")
        #expect(e.line == 3)
    }
}
