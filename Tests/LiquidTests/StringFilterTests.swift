import Liquid
import Testing

/// Render with errors raising; `data` becomes the globals.
private func render(_ template: String, _ data: LiquidObject = [:]) throws -> String {
    var env = Environment()
    env.renderErrors = .raise
    return try env.parse(template).render(globals: data)
}

/// The output, or "ERROR: message" when rendering raised.
private func r(_ template: String, _ data: LiquidObject = [:]) -> String {
    do { return try render(template, data) } catch let e as LiquidError { return "ERROR: \(e.message)" } catch { return "ERROR: \(error)" }
}

/// An array-valued filter's result as `count:[a][b]…`, without needing `join`.
private func items(_ expression: String, _ data: LiquidObject = [:]) -> String {
    r("{% assign r = \(expression) %}{{ r | size }}:{% for v in r %}[{{ v }}]{% endfor %}", data)
}

@Suite("string filters")
struct StringFilterTests {
    @Test func appendAndPrepend() {
        #expect(r(#"{{ "hello" | append: " there" }}"#) == "hello there")
        #expect(r(#"{{ 5 | append: 1.5 }}"#) == "51.5")
        #expect(r(#"{{ nosuch | append: "x" }}{{ "y" | prepend: nosuch }}"#) == "xy")
        #expect(r(#"{{ "a" | prepend: "b" }}"#) == "ba")
        // Ruby's to_s of arrays and hashes is their inspect form.
        #expect(r(#"{{ a | append: "!" }}"#, ["a": [1, "two", nil]]) == #"[1, "two", nil]!"#)
        #expect(r(#"{{ h | append: "!" }}"#, ["h": ["a": 1]]) == #"{"a"=>1}!"#)
        #expect(r(#"{{ (1..3) | append: "!" }}"#) == "1..3!")
        // Keyword arguments arrive as one trailing hash, as in Ruby.
        #expect(r(#"{{ "a" | append: x: 1 }}"#) == #"a{"x"=>1}"#)
        #expect(r(#"{{ "a" | append }}"#) == "ERROR: wrong number of arguments (given 1, expected 2)")
        #expect(r(#"{{ "a" | append: "b", "c" }}"#) == "ERROR: wrong number of arguments (given 3, expected 2)")
    }

    @Test func caseFilters() {
        #expect(r(#"{{ "hELLO wORLD" | capitalize }}"#) == "Hello world")
        #expect(r(#"{{ "" | capitalize }}{{ nosuch | upcase }}"#) == "")
        #expect(r(#"{{ "1abc" | capitalize }}"#) == "1abc")
        // Full Unicode mappings, as Ruby's String#upcase/downcase/capitalize.
        #expect(r(#"{{ "ǆemal ßa" | capitalize }}"#) == "ǅemal ßa")
        #expect(r(#"{{ "ﬁx" | capitalize }}"#) == "Fix")
        #expect(r(#"{{ "straße" | upcase }}"#) == "STRASSE")
        #expect(r(#"{{ "ÀÉÎ" | downcase }}"#) == "àéî")
        #expect(r(#"{{ "ΣΑΣ" | downcase }}"#) == "σασ")  // no final-sigma rule in Ruby
        #expect(r(#"{{ 5 | upcase }}"#) == "5")
        #expect(r(#"{{ "a" | upcase: 1 }}"#) == "ERROR: wrong number of arguments (given 2, expected 1)")
    }

    @Test func stripping() {
        let data: LiquidObject = ["s": " \t\r\n hi \u{0B}\u{0C}\0", "u": "\u{A0}hi\u{3000}"]
        #expect(r("[{{ s | strip }}]", data) == "[hi]")
        #expect(r("[{{ s | lstrip }}]", data) == "[hi \u{0B}\u{0C}\0]")
        #expect(r("[{{ s | rstrip }}]", data) == "[ \t\r\n hi]")
        // Only ASCII whitespace and NUL are stripped.
        #expect(r("[{{ u | strip }}]", data) == "[\u{A0}hi\u{3000}]")
        #expect(r("{{ x | strip_newlines }}", ["x": "a\r\nb\nc\rd"]) == "abc\rd")
    }

    @Test func removeAndReplace() {
        let s: LiquidObject = ["s": "I strained to see the train through the rain"]
        #expect(r(#"{{ s | remove: "rain" }}"#, s) == "I sted to see the t through the ")
        #expect(r(#"{{ s | remove_first: "rain" }}"#, s) == "I sted to see the train through the rain")
        #expect(r(#"{{ s | remove_last: "rain" }}"#, s) == "I strained to see the train through the ")
        #expect(r(#"{{ "hello" | replace: "l", "L" }}"#) == "heLLo")
        #expect(r(#"{{ "hello" | replace: "ll" }}"#) == "heo")
        #expect(r(#"{{ "hello" | replace_first: "l", "L" }}"#) == "heLlo")
        #expect(r(#"{{ "hello" | replace_last: "l", "L" }}"#) == "helLo")
        #expect(r(#"{{ "hello" | replace_last: "l" }}"#) == "ERROR: wrong number of arguments (given 2, expected 3)")
        // An empty pattern matches before every character and at the end.
        #expect(r(##"{{ "héllo" | replace: nosuch, "#" }}"##) == "#h#é#l#l#o#")
        #expect(r(##"{{ "ab" | replace_first: "", "#" }}{{ "ab" | replace_last: "", "#" }}"##) == "#abab#")
        #expect(r(#"{{ h | replace: "{", "!" }}"#, ["h": [:]]) == "!}")
    }

    @Test func replacementBackslashes() {
        // Ruby expands backslash sequences in sub/gsub replacements even for string patterns.
        #expect(r(#"{{ "hello" | replace: "l", "[\0]" }}"#) == "he[l][l]o")
        #expect(r(#"{{ "hello" | replace: "l", "[\&|\`|\']" }}"#) == "he[l|he|lo][l|hel|o]o")
        #expect(r(#"{{ "hello" | replace: "l", "[\1]" }}"#) == "he[][]o")
        #expect(r(#"{{ "hello" | replace: "l", "[\\|\x|\]" }}"#) == #"he[\|\x|\][\|\x|\]o"#)
        #expect(r(#"{{ "hello" | replace_first: "l", "\0\0" }}"#) == "helllo")
        // replace_last assigns the replacement literally.
        #expect(r(#"{{ "hello" | replace_last: "l", "[\0]" }}"#) == #"hel[\0]o"#)
        #expect(r(#"{{ "hello" | replace: "l", "\k<a>" }}"#) == "ERROR: undefined group name reference: a")
        #expect(r(#"{{ "hello" | replace: "z", "\k<a>" }}"#) == "hello")
    }

    @Test func split() {
        #expect(items(#""Hi, how are you" | split: " ""#) == "4:[Hi,][how][are][you]")
        // A single space splits on runs of ASCII whitespace, ignoring it at both ends.
        #expect(items(#"s | split: " ""#, ["s": "  a \t b\nc  "]) == "3:[a][b][c]")
        #expect(items(#"s | split: "  ""#, ["s": "  a  b  "]) == "3:[][a][b]")
        // Trailing empty strings are dropped, leading and inner ones kept.
        #expect(items(#"",a,,b,," | split: ",""#) == "4:[][a][][b]")
        #expect(items(#""héllo" | split: """#) == "5:[h][é][l][l][o]")
        #expect(items(#""ab" | split: nil"#) == "2:[a][b]")
        #expect(items(#""" | split: ",""#) == "0:")
        #expect(items(#"",,," | split: ",""#) == "0:")
        #expect(items(#"nosuch | split: ",""#) == "0:")
        #expect(items(#"1213 | split: 1"#) == "3:[][2][3]")
        #expect(items(#""a true b" | split: true"#) == "2:[a ][ b]")
    }

    @Test func truncate() {
        let s: LiquidObject = ["s": "Ground control to Major Tom."]
        #expect(r("{{ s | truncate: 20 }}", s) == "Ground control to...")
        #expect(r(#"{{ s | truncate: 25, ", and so on" }}"#, s) == "Ground control, and so on")
        #expect(r(#"{{ s | truncate: 20, "" }}"#, s) == "Ground control to Ma")
        #expect(r("{{ s | truncate: 20, nosuch }}", s) == "Ground control to Ma")
        #expect(r("{{ s | truncate: 100 }}", s) == "Ground control to Major Tom.")
        #expect(r(#"{{ "hello" | truncate: 2, "abc" }}|{{ "hello" | truncate: -1 }}"#) == "abc|...")
        #expect(r(#"{{ "héllo wörld" | truncate: 5 }}"#) == "hé...")
        #expect(r(#"{{ "hello" | truncate: "4", "" }}"#) == "hell")
        #expect(r("{{ s | truncate }}", ["s": .string(String(repeating: "a", count: 60))]) == String(repeating: "a", count: 47) + "...")
        #expect(r("{{ s | truncate: nosuch }}", s) == "ERROR: invalid integer")
        #expect(r("{{ s | truncate: 1.5 }}", s) == "ERROR: invalid integer")
        #expect(r("[{{ nosuch | truncate: 5 }}]") == "[]")
        #expect(r(#"{% assign x = nosuch | truncate %}{% if x == nil %}nil{% endif %}"#) == "nil")
    }

    @Test func truncatewords() {
        #expect(r(#"{{ "Ground control to Major Tom." | truncatewords: 3 }}"#) == "Ground control to...")
        #expect(r(#"{{ "one two three" | truncatewords: 2, 1 }}"#) == "one two1")
        #expect(r(#"{{ "one two three four" | truncatewords: 0 }}"#) == "one...")
        #expect(r(#"{{ "one two three four" | truncatewords: -5 }}"#) == "one...")
        #expect(r(#"{{ "    one    two three    four  " | truncatewords: 2 }}"#) == "one two...")
        // Not truncated: the input comes back as it was, whitespace included.
        #expect(r(#"{{ " one  two" | truncatewords: 2 }}"#) == " one  two")
        // Ruby's split(" ", 3) gives ["one", "two", ""] for trailing whitespace: that truncates.
        #expect(r(#"{{ " one  two " | truncatewords: 2 }}"#) == "one two...")
        #expect(r(#"{{ "测试测试测试测试" | truncatewords: 5 }}"#) == "测试测试测试测试")
        #expect(r(#"{{ "a b c d e f g h i j k l m n o p q" | truncatewords }}"#) == "a b c d e f g h i j k l m n o...")
        #expect(r(#"{{ "a b c" | truncatewords: 999999999999 }}"#) == "a b c")
        #expect(r(#"{{ "a b c" | truncatewords: nosuch }}"#) == "ERROR: invalid integer")
    }

    @Test func slice() {
        #expect(r(#"{{ "hello" | slice: 0 }}{{ "hello" | slice: 1, 3 }}"#) == "hell")
        #expect(r(#"{{ "Liquid" | slice: -2 }}|{{ "Liquid" | slice: -2, 99 }}|{{ "Liquid" | slice: -2, -1 }}"#) == "i|id|")
        #expect(r(#"[{{ "hello" | slice: 99 }}][{{ "hello" | slice: 5 }}][{{ "hello" | slice: -6 }}]"#) == "[][][]")
        #expect(r(#"{{ "héllo" | slice: 1, 2 }}"#) == "él")
        #expect(r(#"{{ "hello" | slice: "2" }}{{ "hello" | slice: " 3 " }}{{ "hello" | slice: "0x4" }}"#) == "llo")
        #expect(r(#"{{ "hello" | slice: 1, nosuch }}{{ "hello" | slice: 1, false }}"#) == "ee")
        #expect(r(#"{{ 12345 | slice: 1, 2 }}"#) == "23")
        #expect(r(#"{{ "hello" | slice: 2.2 }}"#) == "ERROR: invalid integer")
        #expect(r(#"{{ "hello" | slice: "08" }}"#) == "ERROR: invalid integer")
        #expect(r(#"{{ "hello" | slice: nosuch }}"#) == "ERROR: invalid integer")
        #expect(r(#"{{ "hello" | slice }}"#) == "ERROR: wrong number of arguments (given 1, expected 2..3)")
        // Arrays slice to arrays; everything else through to_s.
        let a: LiquidObject = ["a": [1, 2, 3, 4, 5]]
        #expect(items("a | slice: 2, 3", a) == "3:[3][4][5]")
        #expect(items("a | slice: -1", a) == "1:[5]")
        #expect(items("a | slice: 5", a) == "0:")
        #expect(items("a | slice: 9", a) == "0:")
        #expect(items("a | slice: 1, -1", a) == "0:")
        #expect(r("{{ (1..5) | slice: 1, 2 }}") == "..")
    }

    @Test func size() {
        #expect(r("{{ a | size }}", ["a": [1, 2, 3]]) == "3")
        #expect(r("{{ a | size }}", ["a": ["x": 1, "y": 2]]) == "2")
        #expect(r(#"{{ "héllo" | size }}{{ "👍🏽" | size }}"#) == "52")  // code points, as Ruby counts
        #expect(r("{{ (3..7) | size }}{{ (3..1) | size }}") == "50")
        #expect(r("{{ nosuch | size }}{{ true | size }}{{ 1.5 | size }}") == "000")
        #expect(r("{{ 5 | size }}") == "8")  // Ruby's Integer#size
        #expect(r("{{ a | size: 1 }}", ["a": []]) == "ERROR: wrong number of arguments (given 2, expected 1)")
    }

    @Test func defaultFilter() {
        #expect(r("{{ nosuch | default: 'd' }}{{ false | default: 'd' }}{{ '' | default: 'd' }}") == "ddd")
        #expect(r("{{ a | default: 'd' }}{{ h | default: 'd' }}", ["a": [], "h": [:]]) == "dd")
        #expect(r("{{ 0 | default: 'd' }}{{ 0.0 | default: 'd' }}{{ ' ' | default: 'd' }}") == "00.0 ")
        #expect(r("{{ (2..1) | default: 'd' }}") == "2..1")
        #expect(r("[{{ false | default }}]") == "[]")
        #expect(r("{{ false | default: 'd', allow_false: true }}{{ nosuch | default: 'd', allow_false: true }}") == "falsed")
        #expect(r("{{ false | default: allow_false: true, 'd' }}{{ false | default: allow_false: false, 'd' }}") == "falsed")
        #expect(r("{{ false | default: 'd', allow_false: f }}", ["f": true]) == "false")
        // As in Ruby: a second positional is the options when it is a hash, and the keyword hash
        // is the default value when no value is given.
        #expect(r("{{ false | default: 'd', 'e' }}{{ false | default: 'd', o }}", ["o": ["allow_false": true]]) == "dfalse")
        #expect(r("{{ false | default: allow_false: true }}") == #"{"allow_false"=>true}"#)
        #expect(r("{{ false | default: 'd', 'e', 'f' }}") == "ERROR: wrong number of arguments (given 4, expected 1..3)")
        #expect(r("{{ false | default: 'd', 'e', allow_false: true }}") == "ERROR: wrong number of arguments (given 4, expected 1..3)")
    }
}

@Suite("HTML, URL and base64 filters")
struct HTMLFilterTests {
    @Test func escape() {
        #expect(r(#"{{ s | escape }}"#, ["s": "<p class=\"x\">Tom's & Jerry's &amp;</p>"])
            == "&lt;p class=&quot;x&quot;&gt;Tom&#39;s &amp; Jerry&#39;s &amp;amp;&lt;/p&gt;")
        #expect(r(#"{{ "<b>" | h }}{{ 5 | escape }}{{ nosuch | escape }}"#) == "&lt;b&gt;5")
        #expect(r(#"{% assign x = nosuch | escape %}{% if x == nil %}nil{% endif %}"#) == "nil")
        #expect(r(#"{{ s | escape_once }}"#, ["s": "&lt;p&gt; &amp; &#20; &#x20; &; &AMP; <'\">"])
            == "&lt;p&gt; &amp; &#20; &amp;#x20; &amp;; &AMP; &lt;&#39;&quot;&gt;")
        #expect(r(#"{{ "a" | escape: 1 }}"#) == "ERROR: wrong number of arguments (given 2, expected 1)")
    }

    @Test func stripHTML() {
        #expect(r("{{ s | strip_html }}", ["s": "Have <em>you</em> read <strong>Ulysses</strong> &amp; &#20;?"])
            == "Have you read Ulysses &amp; &#20;?")
        #expect(r("{{ s | strip_html }}", ["s": "<script type='x'>a</script>b<style>\nc</style>d<!-- e\n -->f"]) == "bdf")
        // Block names are case sensitive; their tags still go as tags.
        #expect(r("{{ s | strip_html }}", ["s": "<SCRIPT>x</SCRIPT>y"]) == "xy")
        #expect(r("{{ s | strip_html }}", ["s": "<div\nclass='m'>test</div> a < b"]) == "test a < b")
        #expect(r("{{ s | strip_html }}", ["s": "<script>unclosed"]) == "unclosed")
    }

    @Test func newlineToBr() {
        #expect(r("{{ s | newline_to_br }}", ["s": "a\r\nb\nc\rd"]) == "a<br />\nb<br />\nc\rd")
    }

    @Test func urlEncoding() {
        #expect(r(#"{{ "email address is bob@example.com!" | url_encode }}"#) == "email+address+is+bob%40example.com%21")
        #expect(r(#"{{ "é ~-._*/+" | url_encode }}"#) == "%C3%A9+~-._%2A%2F%2B")
        #expect(r(#"{{ "email+address%20is%40x%zz%4" | url_decode }}"#) == "email address is@x%zz%4")
        #expect(r(#"{{ "%E2%82%ac" | url_decode }}"#) == "€")
        #expect(r(#"{{ "%FF" | url_decode }}"#) == "ERROR: invalid byte sequence in UTF-8")
        #expect(r(#"{{ "%ED%A0%80" | url_decode }}"#) == "ERROR: invalid byte sequence in UTF-8")
        #expect(r(#"{% assign x = nosuch | url_encode %}{% if x == nil %}nil{% endif %}"#) == "nil")
    }

    @Test func base64() {
        #expect(r(#"{{ "_#/." | base64_encode }}{{ 5 | base64_encode }}[{{ nosuch | base64_encode }}]"#) == "XyMvLg==NQ==[]")
        #expect(r(#"{{ "ÿ?>" | base64_encode }}|{{ "ÿ?>" | base64_url_safe_encode }}"#) == "w78/Pg==|w78_Pg==")
        #expect(r(#"{{ "XyMvLg==" | base64_decode }}{{ "w78_Pg" | base64_url_safe_decode }}"#) == "_#/.ÿ?>")
        #expect(r(#"{{ "w78_Pg==" | base64_url_safe_decode }}{{ "w78/Pg" | base64_url_safe_decode }}"#) == "ÿ?>ÿ?>")
        #expect(r(#"[{{ "" | base64_decode }}]"#) == "[]")
        for bad in ["YQ", "YR==", "YQ==\n", "YQ=a", "YQ==YQ==", "w78_Pg==", "====", "5"] {
            #expect(r("{{ s | base64_decode }}", ["s": .string(bad)]) == "ERROR: invalid base64 provided to base64_decode")
        }
        for bad in ["Y", "YQ=", "YR"] {
            #expect(r("{{ s | base64_url_safe_decode }}", ["s": .string(bad)]) == "ERROR: invalid base64 provided to base64_url_safe_decode")
        }
        // Bytes that are not UTF-8 cannot be a Liquid string: they decode to U+FFFD.
        #expect(r(#"{{ "/w==" | base64_decode }}"#) == "\u{FFFD}")
    }
}
