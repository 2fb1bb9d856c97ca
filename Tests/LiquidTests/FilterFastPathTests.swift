import Liquid
import Testing

private func r(_ template: String, _ data: LiquidObject = [:]) -> String {
    var env = Environment()
    env.renderErrors = .raise
    do { return try env.parse(template).render(globals: data) } catch { return "ERROR: \(error)" }
}

/// The filters' shortcuts (ASCII by bytes, in-place scans, whole-run copies) against inputs
/// that take the slow way or sit on their edges.
@Suite("filter fast paths")
struct FilterFastPathTests {
    @Test func truncateByBytesAndByCodePoints() {
        #expect(r(#"{{ "abcdefghij" | truncate: 5 }}"#) == "ab...")
        #expect(r(#"{{ "abcde" | truncate: 5 }}"#) == "abcde")
        // More bytes than `length`, but not more code points: kept.
        #expect(r(#"{{ "ééééé" | truncate: 5 }}"#) == "ééééé")
        #expect(r(#"{{ "héllo wörld" | truncate: 8 }}"#) == "héllo...")
        #expect(r(#"{{ "abcdé" | truncate: 4, "" }}"#) == "abcd")
        // Ruby: a negative length keeps nothing but the ellipsis.
        #expect(r(#"{{ "abcdef" | truncate: -1 }}"#) == "...")
    }

    @Test func truncatewordsCopiesPlainTextWhole() {
        #expect(r(#"{{ "one two three four" | truncatewords: 2 }}"#) == "one two...")
        #expect(r("{{ s | truncatewords: 2 }}", ["s": "one\ttwo three"]) == "one two...")
        #expect(r("{{ s | truncatewords: 2 }}", ["s": "one \ntwo three"]) == "one two...")
        #expect(r(#"{{ "one  two three" | truncatewords: 2, "" }}"#) == "one two")
        #expect(r(#"{{ "one two" | truncatewords: 2 }}"#) == "one two")
        #expect(r(#"{{ "one two " | truncatewords: 2 }}"#) == "one two...")
    }

    @Test func stripHTMLBlocksThenTags() {
        #expect(r(#"{{ "a<script>x</script>b<!-- c -->d<style>e</style>f<p>g</p>" | strip_html }}"#) == "abdfg")
        // The comment goes first; the tag around it is then whole.
        #expect(r(#"{{ "<a <!-- x --> >z" | strip_html }}"#) == "z")
        #expect(r(#"{{ "x < y" | strip_html }}"#) == "x < y")
        #expect(r(#"{{ "a<b>c<d" | strip_html }}"#) == "ac<d")
        #expect(r(#"{{ "<script>never closed" | strip_html }}"#) == "never closed")
    }

    @Test func escapeMeasuresThenWrites() {
        #expect(r("{{ s | escape_once }}", ["s": "&amp; & <'\">"]) == "&amp; &amp; &lt;&#39;&quot;&gt;")
        #expect(r("{{ s | escape }}", ["s": "&amp; <"]) == "&amp;amp; &lt;")
        #expect(r(#"{{ "plain" | escape }}"#) == "plain")
    }

    @Test func jsonEscapesAcrossEightByteChunks() {
        let s = "0123456\"89\\abcdefg\n\u{1}é longer plain text without anything to escape"
        let expected = #""0123456\"89\\abcdefg\n\u0001é longer plain text without anything to escape""#
        #expect(JSONWriter.string(.string(s)) == expected)
        #expect(JSONWriter.string(.object(["a": [1, -20, nil, true], "b": "x\u{7f}"])) == #"{"a":[1,-20,null,true],"b":"x\#u{7f}"}"#)
    }
}
