import Liquid
import Testing

/// The array and math filters against Shopify Liquid 5.12's behaviour. Every expectation here was
/// checked against Ruby (Liquid's own filter code on Ruby 3.1 with bigdecimal 3.1).
@Suite("array and math filters")
struct ArrayMathFilterTests {
    private func render(_ source: String, _ data: Value = [:]) throws -> String {
        var env = Environment()
        env.renderErrors = .raise
        guard case .object(let globals) = data else { return try env.parse(source).render() }
        return try env.parse(source).render(globals: globals)
    }

    private func check(_ source: String, _ data: Value = [:], _ expected: String,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let output = try render(source, data)
            #expect(output == expected, "\(source)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(source): unexpected error \(error)", sourceLocation: sourceLocation)
        }
    }

    private func fails(_ source: String, _ data: Value = [:], _ message: String? = nil,
                       sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let output = try render(source, data)
            Issue.record("\(source): expected an error, got \(output.debugDescription)", sourceLocation: sourceLocation)
        } catch let e as LiquidError {
            if let message { #expect(e.message == message, sourceLocation: sourceLocation) }
        } catch {
            Issue.record("\(source): unexpected error type \(error)", sourceLocation: sourceLocation)
        }
    }

    // MARK: Arithmetic

    @Test func integerArithmeticStaysInteger() {
        check("{{ 10 | plus: 2 }} {{ 10 | minus: 12 }} {{ 6 | times: 7 }}", [:], "12 -2 42")
        check("{{ 9 | divided_by: 2 }} {{ -7 | divided_by: 2 }} {{ 7 | divided_by: -2 }}", [:], "4 -4 -4")
        check("{{ -7 | modulo: 3 }} {{ 7 | modulo: -3 }} {{ 10 | modulo: 2 }}", [:], "2 -2 0")
    }

    @Test func floatsAreDecimalArithmetic() {
        // Liquid turns Floats into BigDecimal(float.to_s), so binary rounding never shows.
        check("{{ 10.1 | plus: 2.2 }} {{ 0.1 | plus: 0.2 }} {{ 10.1 | minus: 2.2 }}", [:], "12.3 0.3 7.9")
        check("{{ 1.1 | times: 1.1 }} {{ 3 | times: 0.1 }} {{ 10 | plus: 2.0 }}", [:], "1.21 0.3 12.0")
        check("{{ 10.1 | modulo: 7.0 }} {{ 0.3 | modulo: 0.1 }} {{ 0.3 | divided_by: 0.1 }}", [:], "3.1 0.0 3.0")
        check("{{ 20 | divided_by: 7.0 }} {{ 10 | divided_by: 3.0 }} {{ 2 | divided_by: 3.0 | times: 3 }}", [:],
              "2.857142857142857 3.3333333333333335 1.9999999999999998")
        check("{{ 5.5 | modulo: 2 }} {{ -5.5 | modulo: 2 }} {{ 5.5 | modulo: -2 }}", [:], "1.5 0.5 -0.5")
        check("{{ 0 | times: -1.5 }} {{ a | abs }} {{ a | plus: 0 }}", ["a": -0.0], "-0.0 0.0 0.0")
    }

    @Test func stringOperandsFollowUtilsToNumber() {
        check(#"{{ "10.1" | plus: "2.2" }} {{ "foo" | plus: "2.0" }} {{ "10" | plus: "foo" }}"#, [:], "12.3 2.0 10")
        // Only /\A-?\d+\.\d+\z/ is a decimal; everything else is String#to_i.
        check(#"{{ "+5.5" | plus: 0 }} {{ "5.5abc" | plus: 0 }} {{ "1_000" | plus: 0 }} {{ " 4.25 " | times: 2 }}"#, [:],
              "5 5 1000 8.5")
        check(#"{{ "3." | plus: 1 }} {{ "-3.5e2" | plus: 0 }} {{ "0x1F" | plus: 0 }} {{ "12abc" | minus: 2 }}"#, [:], "4 -3 0 10")
        check("{{ a | plus: 1 }} {{ b | plus: 1 }} {{ nothing | minus: 2 }}", ["a": [:], "b": [1, 2]], "1 1 -2")
    }

    @Test func divisionByZero() {
        fails("{{ 10 | divided_by: 0 }}", [:], "divided by 0")
        fails("{{ 10 | divided_by: nothing }}", [:], "divided by 0")
        fails("{{ 10 | modulo: 0 }}", [:], "divided by 0")
        fails("{{ 1.5 | modulo: 0 }}", [:], "divided by 0")
        fails("{{ 1 | modulo: 0.0 }}", [:], "divided by 0")
        // BigDecimal division by zero is Infinity (NaN for 0/0), not an error.
        check("{{ 1.5 | divided_by: 0 }} {{ 0.0 | divided_by: 0 }} {{ -1.5 | divided_by: 0 }} {{ 1 | divided_by: a }}",
              ["a": -0.0], "Infinity NaN -Infinity -Infinity")
    }

    @Test func overflowDoesNotCrash() {
        let max = Value.int(Int.max), min = Value.int(Int.min)
        check("{{ a | plus: 1 }} {{ a | times: 3 }} {{ b | minus: 1 }}", ["a": max, "b": min],
              "9.223372036854776e+18 2.7670116110564327e+19 -9.223372036854776e+18")
        check("{{ b | divided_by: -1 }} {{ b | modulo: -1 }} {{ b | abs }}", ["b": min],
              "9.223372036854776e+18 0 9.223372036854776e+18")
        // Integers past 64 bits stay exact inside a filter: the quotient here fits again.
        check(#"{{ 1 | divided_by: "99999999999999999999" }} {{ -1 | divided_by: "99999999999999999999" }}"#, [:], "0 -1")
        check(#"{{ "99999999999999999999" | modulo: 7 }} {{ a | plus: 1 | minus: 2 }}"#, ["a": max],
              "1 9.223372036854776e+18")
        check("{{ a | times: 10 }} {{ a | times: 10 | plus: 1 }}", ["a": 1e308], "Infinity Infinity")
    }

    @Test func unaryMath() {
        check("{{ -5 | abs }} {{ -5.4 | abs }} {{ '-5.1' | abs }} {{ 'hello' | abs }}", [:], "5 5.4 5.1 0")
        check("{{ 4.6 | ceil }} {{ -4.6 | ceil }} {{ 4.6 | floor }} {{ -4.6 | floor }} {{ '5.1' | ceil }} {{ 5 | floor }}", [:],
              "5 -4 4 -5 6 5")
        check("{{ 5 | at_least: 8 }} {{ 5.4 | at_least: 8.9 }} {{ 'abc' | at_least: -2 }} {{ 5 | at_least: 5.0 }}", [:],
              "8 8.9 0 5")
        check("{{ 5 | at_most: 4.5 }} {{ nothing | at_most: 5 }} {{ 5.0 | at_least: 5 }}", [:], "4.5 0 5.0")
    }

    @Test func rounding() {
        check("{{ 5.1 | round }} {{ 5.6 | round }} {{ '5.666666' | round: 2 }} {{ 5.666 | round: '1' }}", [:], "5 6 5.67 5.7")
        // BigDecimal rounds halves away from zero, on the decimal digits.
        check("{{ 2.675 | round: 2 }} {{ 1.005 | round: 2 }} {{ -2.5 | round }} {{ 2.5 | round }} {{ -0.5 | round }}", [:],
              "2.68 1.01 -3 3 -1")
        // Fewer than one place gives an Integer; an Integer input stays an Integer.
        check("{{ 5.666 | round: -2 }} {{ 1234.5678 | round: -2 }} {{ 5 | round: 2 }} {{ 15 | round: -1 }} {{ -25 | round: -1 }}",
              [:], "0 1200 5 20 -30")
        check("{{ 5.666 | round: 1.2 }} {{ 5.666 | round: 'foo' }} {{ 35 | round: -1.5 }} {{ -0.04 | round: 1 }}", [:],
              "5.7 6 40 -0.0")
        fails("{{ 5.5 | round: 3000000000 }}")
        fails("{{ 5 | round: 1, 2 }}")
    }

    @Test func mathArity() {
        fails("{{ 5 | plus }}")
        fails("{{ 5 | plus: 1, 2 }}")
        fails("{{ -3 | abs: 1 }}")
        fails("{{ 5 | at_most }}")
        fails("{{ 3.1 | ceil: 1 }}")
    }

    // MARK: Arrays

    @Test func join() {
        check("{{ (1..3) | join: '#' }} {{ 'a,b' | join: '#' }} {{ 123 | join: '#' }}", [:], "1#2#3 a,b 123")
        check("{{ a | join }}|{{ a | join: 5 }}|{{ a | join: nothing }}", ["a": ["a", "b"]], "a b|a5b|ab")
        check("{{ a | join: ',' }}", ["a": [1.0, 2.5, 1e20, .nil, true, ["k": [1, "x"]], [["n"]]]],
              #"1.0,2.5,1.0e+20,,true,{"k"=>[1, "x"]},n"#)
        fails("{{ a | join: '#', 42 }}", ["a": ["a"]])
    }

    @Test func firstAndLast() {
        check("{{ a | first }} {{ a | last }}", ["a": ["a", "b", 1]], "a 1")
        check("{{ (1..3) | first }} {{ (1..3) | last }} {{ (3..1) | first }}", [:], "1 3 3")
        check("{% assign x = h | first %}({{ x[0] }},{{ x[1] }}) [{{ h | last }}]", ["h": ["b": 1, "c": 2]], "(b,1) []")
        check("[{{ 'hello' | first }}][{{ 12 | last }}][{{ nothing | first }}]", [:], "[][][]")
    }

    @Test func concat() {
        check("{{ a | concat: b | join: '#' }}", ["a": [["a", "x"], ["b", ["y"]]], "b": ["c", ["d"]]], "a#x#b#y#c#d")
        check("{{ 'ab' | concat: b | join: '#' }} {{ nothing | concat: b | join: '#' }}", ["b": ["c"]], "ab#c c")
        fails("{{ a | concat: 5 }}", ["a": []], "concat filter requires an array argument")
        fails("{{ a | concat: (1..2) }}", ["a": []])
        fails("{{ a | concat: h }}", ["a": [], "h": ["x": 1]])
    }

    @Test func map() {
        let a: Value = [["title": "foo"], [["title": "bar"]], ["heading": "baz"], .nil, 2.5]
        check("{{ a | map: 'title' | join: '#' }}", ["a": a], "foo#bar###")
        check("{{ h | map: 'title' }} {{ 'hello' | map: 'e' }} {{ s | map: 1 | join: ',' }}",
              ["h": ["title": "foo"], "s": ["hello", "wo"]], "foo e e,o")
        check("{{ a | map: 'to_liquid' | join: ',' }}", ["a": [1, [2, 3]]], "1,2,3")
        // Hash#[] has no `size` or `first`: those are template lookups, not properties.
        check("[{{ a | map: 'size' | join: ',' }}]", ["a": [["x": 1], ["size": 7]]], "[,7]")
        fails("{{ a | map: 'title' }}", ["a": [["title": "foo"], 5]], "cannot select the property 'title'")
        fails("{{ 123 | map: 'title' }}")
    }

    @Test func reverseAndCompact() {
        check("{{ a | reverse | join: '#' }} {{ 123 | reverse }}", ["a": ["a", ["b", 1], [:]]], "{}#1#b#a 123")
        check("{{ a | compact | join: '#' }}", ["a": ["b", .nil, ["a", .nil]]], "b#a")
        let items: Value = [["t": "foo", "n": "a"], ["t": .nil, "n": "b"], ["t": false, "n": "c"], ["n": "d"]]
        check("{{ a | compact: 't' | map: 'n' | join: ',' }}", ["a": items], "a,c")
        check("[{{ a | compact: 't' }}]", ["a": [["t": 1], 5.5]], "[]")
        fails("{{ a | compact: 't' }}", ["a": [["t": 1], 5]])
        fails("{{ a | compact: 'foo', 'bar' }}")
    }

    @Test func sort() {
        check("{{ a | sort | join: '#' }}", ["a": ["b", "a", "C", "B", "A"]], "A#B#C#a#b")
        check("{{ a | sort | join: '#' }}", ["a": [1, 1000, 3, 30, 1.5, 1.0]], "1#1.0#1.5#3#30#1000")
        check("{{ a | sort | join: ',' }} {{ b | sort | join: ',' }}", ["a": [.nil, "b", .nil, "a"], "b": [true, true]],
              "a,b,, true,true")
        check("{{ 'BzAa4' | sort }} {{ 123 | sort }} [{{ nothing | sort }}]", [:], "BzAa4 123 []")
        fails("{{ a | sort }}", ["a": [1, "4"]], "cannot sort values of incompatible types")
        fails("{{ a | sort }}", ["a": [true, false]])
        fails("{{ a | sort }}", ["a": [["a": 1], ["a": 2]]])
        fails("{{ a | sort: 'title', 'foo' }}", ["a": []])
    }

    @Test func sortByPropertyIsStableWithNilLast() {
        let a: Value = [["x": 2, "n": 1], ["x": .nil, "n": 2], ["n": 3], ["x": 1, "n": 4], ["x": 2.0, "n": 5]]
        check("{{ a | sort: 'x' | map: 'n' | join: ',' }}", ["a": a], "4,1,5,2,3")
        let ties: Value = [["p": 1, "n": "a"], ["p": 0, "n": "b"], ["p": 1, "n": "c"], ["p": 0, "n": "d"], ["p": 1, "n": "e"]]
        check("{{ a | sort: 'p' | map: 'n' | join: '' }} {{ a | sort_natural: 'p' | map: 'n' | join: '' }}", ["a": ties],
              "bdace bdace")
        // Every item needs `[]`; one without makes the result nil. A lone item is never looked at.
        check("[{{ a | sort: 'x' }}] [{{ b | sort: 'x' }}]", ["a": [1.5, 2.5], "b": [5]], "[] [5]")
        fails("{{ a | sort: 'x' }}", ["a": [5, 6]], "cannot select the property 'x'")
        check("{{ a | sort: 'b' | join: ',' }}", ["a": ["abc", "xbz", "qqq"]], "abc,xbz,qqq")
    }

    @Test func sortNatural() {
        check("{{ a | sort_natural | join: '#' }}", ["a": ["b", "a", "C", "B", "A"]], "a#A#b#B#C")
        check("{{ a | sort_natural | join: ',' }}", ["a": [1.5, 10, "9", .nil, true, ["a": 1], "a"]],
              #"1.5,10,9,a,true,{"a"=>1},"#)
        check("{{ a | sort_natural | join: ',' }}", ["a": ["b10", "b9", "B1", "a", "_x", "[", "Z"]], "[,_x,a,B1,b10,b9,Z")
        let titles: Value = [["title": 9], ["title": 1111], ["title": 87]]
        check("{{ a | sort_natural: 'title' | map: 'title' | join: ',' }}", ["a": titles], "1111,87,9")
    }

    @Test func uniq() {
        check("{{ a | uniq | join: '#' }}", ["a": ["a", "b", 1, 1, 1.0, [], [:], [:]]], "a#b#1#1.0#{}")
        check("{{ a | concat: b | uniq | join: ';' }}", ["a": [], "b": [[1], [1.0], [1], ["a": 1], ["a": 1]]],
              #"1;1.0;{"a"=>1}"#)
        let items: Value = [["t": "foo", "n": "a"], ["t": "foo", "n": "b"], ["t": 1, "n": "c"], ["t": 1.0, "n": "d"], ["n": "e"], ["n": "f"]]
        check("{{ a | uniq: 't' | map: 'n' | join: ',' }}", ["a": items], "a,c,d,e")
        check("[{{ a | uniq: 't' }}] {{ b | uniq: 't' }}", ["a": [["t": 1], .nil], "b": [5]], "[] 5")
        fails("{{ a | uniq: 't' }}", ["a": [5, 6]])
        fails("{{ nothing | uniq: 'foo', 'bar' }}")
    }

    @Test func whereAndReject() {
        let a: Value = [["title": "foo"], ["title": "bar"], ["title": .nil], ["heading": "baz"]]
        check("{{ a | where: 'title' | map: 'title' | join: ',' }}", ["a": a], "foo,bar")
        check("{{ a | where: 'title', 'bar' | map: 'title' | join: ',' }}", ["a": a], "bar")
        check("{% assign r = a | reject: 'title' %}{{ r.size }} {% assign r = a | reject: 'title', 'bar' %}{{ r.size }}",
              ["a": a], "2 3")
        check("{{ a | where: 'b', false | map: 'b' | join }} {{ a | where: 'b', nil | map: 'b' | join }}",
              ["a": [["b": false], ["b": "bar"], ["b": .nil]]], "false bar")
        // Strings answer `[]` with the substring, integers with a bit.
        check("{{ s | reject: 'c' | join: ',' }} {{ n | where: 0, 1 | join: ',' }}", ["s": ["x", "y", "cat"], "n": [5, 4, 3]],
              "x,y 5,3")
        check("{{ (2..5) | where: 0 | join: ',' }} [{{ 'foobar' | reject: 'oo' }}] {{ 'foobar' | reject: 'xx' }}", [:],
              "2,3,4,5 [] foobar")
        // An item without `[]` ends the filter with nil.
        check("[{{ a | reject: 'c' }}] [{{ a | where: 'c' }}]", ["a": ["x", "cat", .nil]], "[] []")
        fails("{{ a | reject: 'c' }}", ["a": ["x", "cat", 1]], "cannot select the property 'c'")
        fails("{{ a | where: 'title' }}", ["a": 123])
        fails("{{ a | where }}", ["a": []])
        fails("{{ a | where: 'a', 'b', 'c' }}", ["a": []])
        check("[{{ nothing | where: 'title' }}] [{{ a | where: nothing }}]", ["a": a], "[] []")
    }

    @Test func findFindIndexHas() {
        check("{{ a | find: 'oo' }} {{ a | find_index: 'oo' }} {{ a | has: 'oo' }} [{{ a | find: 'q' }}]",
              ["a": ["x", "y", "zoo"]], "zoo 2 true []")
        check("{% assign b = a | find: 'z', 42 %}{{ b.foo }} {{ a | find_index: 'z', 42 }}",
              ["a": [["x": 99], ["z": 42, "foo": "bar"]]], "bar 1")
        check("{{ h | has: 'z' }} {{ h | has: 'z', '42' }} {{ h | find_index: 'z' }} {{ h | has: 'x' }}",
              ["h": ["z": 42]], "true false 0 false")
        check("{{ a | has: 2 }} {{ a | has: 4 }} {{ (1..5) | find: 0 }}", ["a": [1, 2, 3]], "true true 1")
        fails("{{ a | has: 'x' }}", ["a": [1, 2]])
        // A match before an item without `[]` still counts; reaching that item gives nil.
        check("{{ a | find: 'x' }} [{{ a | has: 'z' }}] [{{ a | find_index: 'z' }}]", ["a": ["x", .nil, "z"]], "x [] []")
        check("{{ e | has: 'x' }} [{{ e | find: 'x' }}] [{{ e | find_index: 'x' }}]", ["e": []], "false [] []")
    }

    @Test func sum() {
        check("{{ a | sum }} {{ b | sum }} {{ c | sum }}", ["a": [1, [2, [3]]], "b": ["-1", "-2", "-3"], "c": []], "6 -6 0")
        check("{{ a | sum }} {{ b | sum }} {{ c | sum }}", ["a": [0.1, 0.2], "b": ["0.1", "0.2", 1], "c": [1, 2.5, "3.5"]],
              "0.3 1.3 7.0")
        check("{{ a | sum: 'k' }} {{ a | sum }}", ["a": [["k": 1], ["k": "2"], ["x": 3], 4.5]], "3 4.5")
        check("{{ a | sum: 'k' }}", ["a": [["k": [1, [2.5]]], ["k": "3"], ["k": ["x": 1]], ["k": true], 5.5, .nil]], "6.5")
        check("{{ a | sum }} {{ b | sum }}", ["a": [1e100, 0.1, -1e100], "b": [Value.int(Int.max), 1, -5]],
              "0.1 9223372036854775803")
        fails("{{ a | sum: 'k' }}", ["a": [1, 2, 3]], "cannot select the property 'k'")
        fails("{{ a | sum: 'k', 'j' }}", ["a": []])
    }

    @Test func rangesAreBoundedByTheLoopLimit() {
        check("{{ (1..5) | reverse | join: ',' }} {{ (1..100) | sum }}", [:], "5,4,3,2,1 5050")
        fails("{{ (1..100000000000) | join }}")
        // first and last never expand the range.
        check("{{ (1..100000000000) | last }}", [:], "100000000000")
    }

    @Test func keywordArgumentsArriveAsAHash() {
        check("{{ a | join: b: 1 }}", ["a": [1, 2]], #"1{"b"=>1}2"#)
        fails("{{ a | join: '-', b: 1 }}", ["a": [1, 2]])
        fails("{{ a | sort: b: 1 }}", ["a": [1, 2]], #"cannot select the property '{"b"=>1}'"#)
    }
}
