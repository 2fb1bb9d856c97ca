import Testing
@testable import Templates

/// The HTML without cmark's trailing newline, for one-line expectations.
private func md(_ markdown: String, _ options: Markdown.Options = Markdown.Options(trimTrailingNewline: true)) -> String {
    Markdown.html(markdown, options: options)
}

@Suite("Markdown")
struct MarkdownTests {
    @Test func tables() {
        let html = md("| Item | Qty |\n|:-----|----:|\n| Socks | 2 |\n| Hat | ~~1~~ |")
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th align="left">Item</th>
            <th align="right">Qty</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">Socks</td>
            <td align="right">2</td>
            </tr>
            <tr>
            <td align="left">Hat</td>
            <td align="right"><del>1</del></td>
            </tr>
            </tbody>
            </table>
            """)
        // Without a delimiter row it is just a paragraph.
        #expect(md("| a | b |") == "<p>| a | b |</p>")
    }

    @Test func strikethrough() {
        #expect(md("~~old~~ new") == "<p><del>old</del> new</p>")
        #expect(md("~one~ tilde") == "<p><del>one</del> tilde</p>")
        #expect(md("a ~~~three~~~ b") == "<p>a ~~~three~~~ b</p>")  // one or two tildes only
    }

    @Test func autolinks() {
        #expect(md("See https://knock.app/docs.") == #"<p>See <a href="https://knock.app/docs">https://knock.app/docs</a>.</p>"#)
        #expect(md("Go to www.example.com now") == #"<p>Go to <a href="http://www.example.com">www.example.com</a> now</p>"#)
        #expect(md("Mail help@acme.example") == #"<p>Mail <a href="mailto:help@acme.example">help@acme.example</a></p>"#)
        #expect(md("<https://a.example>") == #"<p><a href="https://a.example">https://a.example</a></p>"#)
        #expect(md("[docs](https://knock.app \"Knock\")") == #"<p><a href="https://knock.app" title="Knock">docs</a></p>"#)
    }

    @Test func tagfilterEscapesDangerousTags() {
        #expect(md("<script>alert(1)</script>") == "&lt;script>alert(1)&lt;/script>")
        #expect(md("a <iframe src=x></iframe> <textarea>t</textarea> <style>p{}</style>")
                == "<p>a &lt;iframe src=x>&lt;/iframe> &lt;textarea>t&lt;/textarea> &lt;style>p{}&lt;/style></p>")
        #expect(md("<title>t</title><xmp>x</xmp>") == "&lt;title>t&lt;/title>&lt;xmp>x&lt;/xmp>")
    }

    @Test func rawHTMLPassesThrough() {
        #expect(md(#"Hi <b>there</b>, <span style="color:red">red</span>"#) == #"<p>Hi <b>there</b>, <span style="color:red">red</span></p>"#)
        #expect(md("<div class=\"card\">\n*not emphasis*\n</div>") == "<div class=\"card\">\n*not emphasis*\n</div>")
        #expect(md("<!-- note -->") == "<!-- note -->")
        // Liquid that already ran leaves plain HTML; Liquid left over is just text.
        #expect(md("{{ name }} & {% if x %}") == "<p>{{ name }} &amp; {% if x %}</p>")
    }

    @Test func rawHTMLCanBeRefused() {
        let safe = Markdown.Options(trimTrailingNewline: true, allowsRawHTML: false)
        #expect(md("Hi <b>x</b>", safe) == "<p>Hi <!-- raw HTML omitted -->x<!-- raw HTML omitted --></p>")
        #expect(md("[x](javascript:alert(1))", safe) == #"<p><a href="">x</a></p>"#)
        #expect(md("[x](javascript:alert(1))") == #"<p><a href="javascript:alert(1)">x</a></p>"#)
    }

    @Test func headingsListsAndCode() {
        #expect(md("# Title\n## Sub\n###### Six") == "<h1>Title</h1>\n<h2>Sub</h2>\n<h6>Six</h6>")
        #expect(md("Title\n=====") == "<h1>Title</h1>")
        #expect(md("- a\n- b") == "<ul>\n<li>a</li>\n<li>b</li>\n</ul>")
        #expect(md("3. c\n4. d") == "<ol start=\"3\">\n<li>c</li>\n<li>d</li>\n</ol>")
        #expect(md("- a\n  - b") == "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n</ul>")
        #expect(md("- [x] done") == "<ul>\n<li>[x] done</li>\n</ul>")  // no tasklist extension
        #expect(md("Use `a < b` here") == "<p>Use <code>a &lt; b</code> here</p>")
        #expect(md("```swift\nlet x = 1 < 2\n```") == "<pre><code class=\"language-swift\">let x = 1 &lt; 2\n</code></pre>")
        #expect(md("    indented") == "<pre><code>indented\n</code></pre>")
        #expect(md("> quoted") == "<blockquote>\n<p>quoted</p>\n</blockquote>")
        #expect(md("**b** *i* ***bi***") == "<p><strong>b</strong> <em>i</em> <em><strong>bi</strong></em></p>")
        #expect(md("a\n\n---\n\nb") == "<p>a</p>\n<hr />\n<p>b</p>")
        #expect(md("![Logo](https://x.example/l.png)") == #"<p><img src="https://x.example/l.png" alt="Logo" /></p>"#)
    }

    @Test func punctuationIsNotSmart() {
        #expect(md(#"a "quote" -- dash... 'it'"#) == "<p>a &quot;quote&quot; -- dash... 'it'</p>")
    }

    @Test func lineBreaks() {
        #expect(md("one\ntwo") == "<p>one\ntwo</p>")
        #expect(md("one\ntwo", .init(hardBreaks: true, trimTrailingNewline: true)) == "<p>one<br />\ntwo</p>")
        #expect(md("one  \ntwo") == "<p>one<br />\ntwo</p>")
        #expect(md("one\\\ntwo") == "<p>one<br />\ntwo</p>")
    }

    @Test func trailingNewline() {
        #expect(Markdown.html("Hi") == "<p>Hi</p>\n")
        #expect(Markdown.html("Hi", options: .inAppFeed) == "<p>Hi</p>")
        #expect(Markdown.html("") == "")
        #expect(Markdown.html("", options: .inAppFeed) == "")
        // Knock's in-app feed fixture (knock-spec §5), after Liquid has run.
        #expect(md("Hey **Ellie** - John Hammond added a new comment.")
                == "<p>Hey <strong>Ellie</strong> - John Hammond added a new comment.</p>")
    }

    @Test func inlineHTML() {
        #expect(Markdown.inlineHTML("Pay **now**") == "Pay <strong>now</strong>")
        #expect(Markdown.inlineHTML("Open www.example.com") == #"Open <a href="http://www.example.com">www.example.com</a>"#)
        #expect(Markdown.inlineHTML("two\nlines") == "two\nlines")
        #expect(Markdown.inlineHTML("a\n\nb") == "<p>a</p>\n<p>b</p>")
        #expect(Markdown.inlineHTML("# Title") == "<h1>Title</h1>")
        #expect(Markdown.inlineHTML("- item") == "<ul>\n<li>item</li>\n</ul>")
        #expect(Markdown.inlineHTML("<div>raw</div>") == "<div>raw</div>")
        #expect(Markdown.inlineHTML("") == "")
    }

    @Test func unusualInput() {
        #expect(md("a\u{0}b") == "<p>a\u{FFFD}b</p>")
        #expect(md("naïve — ✓ 🎉") == "<p>naïve — ✓ 🎉</p>")
        #expect(md("a\r\nb") == "<p>a\nb</p>")
    }

    /// cmark-gfm switches extension characters on and off in a process-wide table during each
    /// parse; without the parse lock, concurrent parses lose strikethrough and autolinks.
    @Test func rendersConcurrently() async {
        let source = """
            # Release ~~draft~~ notes

            | Feature | Status |
            |---|---|
            | Tables | ~~planned~~ done |
            | Links | www.example.org |

            Visit https://swift.org or mail help@acme.example. <b>raw</b> <script>x</script>

            - ~~one~~
            - two
            """
        let expected = Markdown.html(source)
        #expect(expected.contains("<del>draft</del>") && expected.contains("<table>") && expected.contains("&lt;script>"))
        let results = await withTaskGroup(of: [String].self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<300).map { _ in Markdown.html(source) } }
            }
            var all: [String] = []
            for await batch in group { all += batch }
            return all
        }
        #expect(results.count == 2400)
        #expect(results.allSatisfy { $0 == expected })
    }
}
