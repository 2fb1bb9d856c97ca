import Testing
@testable import Liquid

/// A template's paths and filter calls live in its `SyntaxArena`: the arena's chunks must keep
/// every value in place as they fill, an expression must stay one word (nodes holding one fit an
/// existential's inline storage), and the values must outlive nothing but their template.
@Suite("Syntax arena")
struct SyntaxArenaTests {
    /// An expression holding an arena reference keeps a class reference's spare bits, so its
    /// enum and an output's filtered expression stay one and three words.
    @Test func expressionsStayOneWord() {
        #expect(MemoryLayout<Expression>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<FilterCall?>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<FilteredExpression>.size == 3 * MemoryLayout<Int>.size)
    }

    /// Expressions, text and outputs hold nothing to release (everything they refer to is in the
    /// arena): freeing a template skips them, so a reference-counted field added to any of them
    /// would leak. This fails first.
    @Test func textOutputsAndExpressionsAreTrivial() {
        #expect(_isPOD(Expression.self))
        #expect(_isPOD(TextNode.self))
        #expect(_isPOD(OutputNode.self))
        #expect(NodeRuns.trivialMetadata(TextNode.self) != nil)
        #expect(NodeRuns.trivialMetadata(OutputNode.self) != nil)
    }

    /// A range whose bounds are variables is stored in the arena and read back at each render.
    @Test func rangeExpressionsEvaluate() throws {
        let template = try Environment().parse("{% for i in (a..b) %}{{ i }}{% endfor %}|{{ (a..b) | join: ',' }}")
        #expect(try template.render(globals: ["a": 2, "b": 4]) == "234|2,3,4")
        #expect(template.analyze().variables.map(\.name) == ["a", "b", "a", "b"])
    }

    /// Far more paths and calls than the first chunks hold (a 40-byte template sizes them for a
    /// handful), each read back after all are stored: later chunks must not move earlier values.
    @Test func valuesStayInPlaceAcrossChunks() throws {
        let count = 1_500
        var source = ""
        var globals = LiquidObject()
        var expected = ""
        for i in 0..<count {
            source += "{{ v\(i).name | append: '-' | upcase }}"
            globals["v\(i)"] = .object(["name": .string("n\(i)")])
            expected += "N\(i)-"
        }
        let template = try Environment().parse(source)
        #expect(try template.render(globals: globals) == expected)
        // Analysis reads every path and call back, names and offsets intact.
        let analysis = template.analyze()
        #expect(analysis.variables.count == count)
        #expect(analysis.variables.last?.name == "v\(count - 1).name")
        #expect(analysis.filters.count == 2 * count)
    }

    /// Bodies are runs of nodes in the arena: many small bodies past the first chunk, blank
    /// bodies whose whitespace text is dropped in place, and one body longer than any chunk
    /// the arena would grow to by itself must all render as before.
    @Test func bodiesStayIntactAcrossChunks() throws {
        var source = "", expected = ""
        for i in 0..<600 {
            source += "{% if true %}  {% assign a\(i) = \(i) %}  {% endif %}[{{ a\(i) }}]"
            expected += "[\(i)]"
        }
        let blanks = try Environment().parse(source)
        #expect(try blanks.render() == expected)

        let long = String(repeating: "{{ x }}-", count: 5_000)
        #expect(try Environment().parse(long).render(globals: ["x": "y"]) == String(repeating: "y-", count: 5_000))

        let nested = "{% for i in (1..3) %} {% if i > 1 %} {% for j in (1..2) %}{{ i }}{{ j }} {% endfor %}{% endif %}{% endfor %}"
        #expect(try Environment().parse(nested).render() == "   21 22   31 32 ")  // as Shopify Liquid prints it
    }

    /// A slab filled past several chunks hands back each value unchanged, Strings included, and
    /// frees them all.
    @Test func slabKeepsEveryValue() {
        let memory = ArenaMemory.allocate(ArenaSlab<String>.firstBytes(capacity: 2))
        defer { ArenaMemory.free(memory) }
        let slab = ArenaSlab<String>(at: memory, capacity: 2)
        let refs = (0..<1_200).map { slab.store("a string long enough to be on the heap, number \($0)") }
        for (i, ref) in refs.enumerated() {
            #expect(ref.pointer.pointee == "a string long enough to be on the heap, number \(i)")
            #expect(Int(bitPattern: ref.pointer) & 15 == 0)
        }
        slab.free()
    }

    /// A parse that fails frees the paths it stored (the template never takes them); parsing
    /// again afterwards works. Run under the address sanitizer or valgrind, a leak or double free
    /// here shows.
    @Test func failedParseFreesItsArena() throws {
        var strict = Environment()
        strict.errorMode = .strict
        for _ in 0..<100 {
            // Paths and calls stored, then the unclosed `if` fails the parse.
            #expect(throws: LiquidError.self) {
                try strict.parse("{{ a.b | upcase }}{% if x.y %}{{ c | append: d.e }}")
            }
        }
        #expect(try Environment().parse("{{ a.b }}").render(globals: ["a": ["b": "ok"]]) == "ok")
    }
}
