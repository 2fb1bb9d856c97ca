import Testing
@testable import Liquid

@Suite struct TagTests {
    @Test func output() throws {
        #expect(try render("{{ a.b[0] }}", ["a": ["b": [7]]]) == "7")
        #expect(try render("{{ a[k] }}", ["a": ["x": 1], "k": "x"]) == "1")
        #expect(try render("{{ 1.5 }}|{{ 10000000000000000.0 }}|{{ 0.00001 }}|{{ 1000000000000000.0 }}|{{ 999999999999999.9 }}") == "1.5|1.0e+16|1.0e-05|1.0e+15|999999999999999.9")
        #expect(try render("{{ nil }}{{ true }}{{ (1..3) }}") == "true1..3")
        #expect(try render("{{ h }}", ["h": ["a": 1]]) == "{\"a\"=>1}")
    }

    @Test func whitespaceControl() throws {
        #expect(try render("a  {{- 1 -}}  b") == "a1b")
        #expect(try render("a \n {%- if true -%} \n b \n {%- endif -%} \n c") == "abc")
    }

    @Test func assignAndCapture() throws {
        #expect(try render("{% assign x = 'v' %}{{ x }}") == "v")
        #expect(try render("{% capture c %}<{{ 1 }}>{% endcapture %}{{ c }}{{ c }}") == "<1><1>")
        #expect(try render("{% for i in (1..2) %}{% assign last = i %}{% endfor %}{{ last }}") == "2")
    }

    @Test func conditions() throws {
        #expect(try render("{% if 1 < 2 and 'ab' contains 'b' %}y{% endif %}") == "y")
        #expect(try render("{% if false or true and false %}y{% else %}n{% endif %}") == "n")
        #expect(try render("{% if true or false and false %}y{% endif %}") == "y")
        #expect(try render("{% unless a %}none{% endunless %}") == "none")
        #expect(try render("{% if x == empty %}e{% endif %}{% if y == blank %}b{% endif %}", ["x": [], "y": "  "]) == "eb")
        #expect(try render("{% case 2 %}{% when 1, 2 %}a{% when 3 or 2 %}b{% else %}c{% endcase %}") == "ab")
    }

    @Test func forLoops() throws {
        #expect(try render("{% for i in (1..5) limit: 2 offset: 1 %}{{ i }}{% endfor %}") == "23")
        #expect(try render("{% for i in (1..3) reversed %}{{ i }}{% endfor %}") == "321")
        #expect(try render("{% for i in (1..6) limit: 2 %}{{ i }}{% endfor %}{% for i in (1..6) offset: continue limit: 2 %}{{ i }}{% endfor %}") == "1234")
        #expect(try render("{% for i in x %}{{ i }}{% else %}empty{% endfor %}", ["x": []]) == "empty")
        #expect(try render("{% for i in (1..5) %}{% if i == 2 %}{% continue %}{% endif %}{% if i == 4 %}{% break %}{% endif %}{{ i }}{% endfor %}") == "13")
        #expect(try render("{% for i in (1..2) %}{{ forloop.index }}/{{ forloop.rindex0 }}{{ forloop.first }}{% endfor %}") == "1/1true2/0false")
        #expect(try render("{% for a in (1..2) %}{% for b in (1..1) %}{{ forloop.parentloop.index }}{% endfor %}{% endfor %}") == "12")
        #expect(try render("{% for p in h %}{{ p[0] }}={{ p[1] }};{% endfor %}", ["h": ["a": 1, "b": 2]]) == "a=1;b=2;")
    }

    @Test func cycleAndTablerow() throws {
        #expect(try render("{% for i in (1..4) %}{% cycle 'a', 'b', 'c' %}{% endfor %}") == "abca")
        #expect(try render("{% cycle 'g': 1, 2 %}{% cycle 'h': 1, 2 %}{% cycle 'g': 1, 2 %}") == "112")
        #expect(try render("{% tablerow i in (1..3) cols: 2 %}{{ i }}{% endtablerow %}")
            == "<tr class=\"row1\">\n<td class=\"col1\">1</td><td class=\"col2\">2</td></tr>\n<tr class=\"row2\"><td class=\"col1\">3</td></tr>\n")
    }

    @Test func counters() throws {
        #expect(try render("{% increment a %}{% increment a %}{% decrement b %}{{ a }}") == "01-12")
    }

    @Test func rawCommentsAndDocs() throws {
        #expect(try render("{% raw %}{{ x }}{% endraw %}") == "{{ x }}")
        #expect(try render("a{% comment %}{% if %}{% endcomment %}b{% # note %}c") == "abc")
        #expect(try render("{% doc %}@param {string} x{% enddoc %}ok") == "ok")
    }

    @Test func liquidTag() throws {
        #expect(try render("{% liquid\n assign x = 2\n if x > 1\n echo 'big'\n endif %}") == "big")
    }

    @Test func partials() throws {
        let partials = ["p": "[{{ x }}{{ y }}]", "set": "{% assign leaked = 1 %}"]
        #expect(try render("{% assign x = 1 %}{% render 'p', y: 2 %}", partials: partials) == "[2]")
        #expect(try render("{% assign x = 1 %}{% include 'p', y: 2 %}", partials: partials) == "[12]")
        #expect(try render("{% render 'set' %}{{ leaked }}|{% include 'set' %}{{ leaked }}", partials: partials) == "|1")
        #expect(try render("{% render 'p' for xs as x %}", ["xs": [1, 2]], partials: partials) == "[1][2]")
        #expect(try render("{% render 'p' with 5 as y %}", partials: partials) == "[5]")
        #expect(try render("{% render 'p' %}", ["x": "global"], partials: partials) == "[global]")
    }

    @Test func localsAreHiddenFromRenderPartials() throws {
        var env = Environment()
        env.loader = InMemoryLoader(["p": "<{{ secret }}{{ shared }}>"])
        let t = try env.parse("{{ secret }}{% render 'p' %}")
        #expect(try t.render(globals: ["shared": "g"], locals: ["secret": "s"]) == "s<g>")
    }

    @Test func includeCanBeRefused() {
        let e = error("{% include 'p' %}", partials: ["p": "x"]) { $0.allowsInclude = false }
        #expect(e?.kind == .syntax)
        #expect(e?.message.contains("render") == true)
    }
}
