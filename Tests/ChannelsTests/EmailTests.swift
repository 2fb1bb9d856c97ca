import Liquid
import Templates
import Testing
@testable import Channels

/// Email: addresses, layouts, visual blocks, and the warnings an author needs.
@Suite struct EmailTests {
    func step(_ template: String, overrides: String? = nil) -> String {
        #"{"ref": "email_1", "type": "channel", "channel_key": "postmark", "channel_type": "email", "template": \#(template)"#
            + (overrides.map { #", "channel_overrides": \#($0)"# } ?? "") + "}"
    }

    func email(_ m: Message) throws -> EmailContent {
        guard case .email(let e) = m.content else { throw CancellationError() }
        return e
    }

    // MARK: warnings

    @Test func gmailClipsAbove102KB() throws {
        let limit = 102 * 1024
        #expect(EmailChecks.warnings(subject: "s", html: String(repeating: "x", count: limit), clipBytes: limit).isEmpty)
        let over = EmailChecks.warnings(subject: "s", html: String(repeating: "x", count: limit + 1), clipBytes: limit)
        #expect(over.count == 1)
        #expect(over.first?.contains("Gmail clips") == true)
        #expect(over.first?.contains("104449 bytes") == true)
    }

    @Test func gmailClippingIsMeasuredOnTheWholeDocument() throws {
        // The body alone is under the limit; with the layout around it, it is over.
        let body = String(repeating: "y", count: 102 * 1024 - 10)
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "{{ data.body }}", "settings": {"layout_key": "l"}}"#),
                                     sample: #"{"data": {"body": "\#(body)"}, "recipient": {"id": "u", "email": "u@example.com"}}"#,
                                     extra: ["layouts/l/layout.json": #"{"name": "L", "html_layout": "<html><body>{{ content }}</body></html>"}"#])
        let m = try project.message()
        #expect(m.warnings.contains { $0.contains("Gmail clips") }, "\(m.warnings)")
    }

    @Test func imagesWithoutAltLinksWithoutSchemeAndEmptySubject() {
        let html = """
            <img src="a.png"><img src="b.png" alt=""><IMG SRC='c.png' ALT='C'>
            <a href="app.example.com/x">x</a><a href="/relative">r</a><a href="https://ok.example">ok</a>
            <a href="mailto:a@b.co">m</a><a href="#top">t</a><a name="anchor">n</a><a href="">e</a>
            <!-- <img src="commented.png"> --><style>a[href="nope"] { }</style>
            """
        let warnings = EmailChecks.warnings(subject: "  ", html: html, clipBytes: 1 << 20)
        #expect(warnings.count == 4, "\(warnings)")
        #expect(warnings.contains("the subject is empty"))
        #expect(warnings.contains { $0.hasPrefix("1 image has no alt attribute") && $0.contains("'a.png'") })
        #expect(warnings.contains { $0.hasPrefix("2 links have no scheme") && $0.contains("'app.example.com/x', '/relative'") })
        #expect(warnings.contains("1 link has an empty href"))
    }

    @Test func aRenderedEmailCarriesItsWarnings() throws {
        let project = ScratchProject(step: step(#"{"subject": "{{ data.missing }}", "html_body": "<img src=\"x.png\"> <a href=\"www.example.com\">go</a>"}"#))
        let m = try project.message()
        #expect(m.warnings.count == 3, "\(m.warnings)")
    }

    // MARK: addresses

    @Test func addressesComeFromOverridesAsLiquid() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<p>Hi</p>"}"#, overrides: #"""
            {"from_name": "{{ actor.name }}, via App", "from_address": "noreply@example.com",
             "to_address": "{{ data.name | downcase }}@example.com", "cc_address": "a@example.com, b@example.com",
             "bcc_address": "", "reply_to_address": "not-an-address"}
            """#))
        let m = try project.message()
        let e = try email(m)
        #expect(e.from == #""Omar, via App" <noreply@example.com>"#)
        #expect(e.to == "launch@example.com")
        #expect(e.cc == "a@example.com, b@example.com")
        #expect(e.bcc == nil)
        #expect(e.replyTo == "not-an-address")
        #expect(m.warnings == ["reply_to 'not-an-address' does not look like an email address"])
    }

    @Test func toDefaultsToTheRecipientsEmailAndIsSkippedWithoutOne() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<p>Hi</p>"}"#))
        #expect(try email(project.message()).to == "mia@example.com")
        let without = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<p>Hi</p>"}"#), sample: #"{"recipient": {"id": "u"}}"#)
        guard case .skipped(_, .email, let reason) = try without.render() else { Issue.record("not skipped"); return }
        #expect(reason == "the recipient has no email address (recipient.email)")
        let overridden = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<p>Hi</p>"}"#, overrides: #"{"to_address": "ops@example.com"}"#),
                                        sample: #"{"recipient": {"id": "u"}}"#)
        #expect(try email(overridden.message()).to == "ops@example.com")
    }

    // MARK: layouts and bodies

    @Test func aMissingLayoutFailsAtTheLayoutKey() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "x", "settings": {"layout_key": "nope"}}"#))
        let loaded = try Project.load(root: project.root)
        let outcome = try #require(try TestSupport.render("wf", in: loaded).first)
        guard case .failed(_, _, let error) = outcome else { Issue.record("did not fail"); return }
        #expect(error.message == "layout 'nope' does not exist in this project")
        #expect(error.templateName == "templates/wf/workflow.json")
        #expect(error.line == 1)
    }

    @Test func withoutALayoutKeyTheDefaultLayoutIsUsedAndNullMeansNone() throws {
        let layout = ["layouts/default/layout.json": #"{"name": "D", "html_layout": "<main>{{ content }}</main>", "text_layout": "{{ content }}"}"#]
        let implicit = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<p>Hi</p>"}"#), extra: layout)
        #expect(try email(implicit.message()).html == "<main><p>Hi</p></main>")
        #expect(try email(implicit.message()).layoutKey == "default")
        let none = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<p>Hi</p>", "settings": {"layout_key": null}}"#), extra: layout)
        #expect(try email(none.message()).html == "<p>Hi</p>")
        #expect(try email(none.message()).layoutKey == nil)
    }

    @Test func theTextPartComesFromTheHTMLWhenThereIsNoTextBody() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "<h2>Hello</h2><p>See <a href=\"https://x.example\">this</a>.</p>"}"#))
        #expect(try email(project.message()).text == "HELLO\n\nSee this (https://x.example).")
    }

    @Test func aSyntaxErrorInAnInlineSubjectPointsIntoWorkflowJSON() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi {% frobnicate %}", "html_body": "x"}"#))
        guard case .failed(let ref, .email, let error) = try project.render() else { Issue.record("did not fail"); return }
        #expect(ref == "email_1")
        #expect(error.templateName == "templates/wf/workflow.json")
        #expect(error.line == 1)
        #expect(error.message.contains("(in steps[0].template.subject)"), "\(error.message)")
        // The line shown is the workflow.json line, the caret under the tag inside the JSON string.
        let line = try #require(error.sourceLine)
        let column = try #require(error.column)
        #expect(line.contains(#""subject": "Hi {% frobnicate %}""#))
        #expect(Array(line)[column - 1] == "{", "\(error.description)")
    }

    @Test func anErrorInAnHTMLBodyFileNamesTheFileAndLine() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body@": "email_1/html_body.html"}"#),
                                     files: ["email_1/html_body.html": "<p>one</p>\n<p>{% if %}</p>\n"])
        guard case .failed(_, _, let error) = try project.render() else { Issue.record("did not fail"); return }
        #expect(error.templateName == "templates/wf/email_1/html_body.html")
        #expect(error.line == 2)
        #expect(error.sourceLine == "<p>{% if %}</p>")
    }

    @Test func anErrorInsideAPartialNamesThePartialsFile() throws {
        let project = ScratchProject(step: step(#"{"subject": "Hi", "html_body": "{% render 'card', n: 1 %}"}"#), extra: [
            "partials/card/partial.json": #"{"name": "Card", "type": "html", "content@": "content.html"}"#,
            "partials/card/content.html": "<div>\n{{ n | divided_by: 0 }}\n</div>\n",
        ])
        guard case .failed(_, _, let error) = try project.render() else { Issue.record("did not fail"); return }
        #expect(error.templateName == "partials/card/content.html")
        #expect(error.line == 2)
        #expect(error.message.contains("divided by 0"), "\(error.message)")
    }

    @Test func anImageBlockWithoutAltWarnsAndUnknownBlocksAreLeftOut() throws {
        let project = ScratchProject(step: step(#"""
            {"subject": "Hi", "visual_blocks": [{"type": "image", "url": "https://x.example/a.png"}, {"type": "row", "columns": []}]}
            """#))
        let m = try project.message()
        #expect(m.warnings.contains("template.visual_blocks[0]: the image has no alt text"))
        #expect(m.warnings.contains("template.visual_blocks[1]: Missive does not render row blocks yet; it is left out"))
        let html = try email(m).html
        #expect(html.hasPrefix("<style>\n.block-row.block-row--button_set-v1"))
        #expect(html.contains(#"<div class="block-image"><img src="https://x.example/a.png" alt="""#))
    }

    @Test func visualBlocksShareAssignsAndSeePreContent() throws {
        let project = ScratchProject(step: step(#"""
            {"subject": "Hi", "settings": {"pre_content": "{% assign who = actor.name %}"},
             "visual_blocks": [{"type": "markdown", "content": "{% assign n = 2 %}Hi {{ who }}"}, {"type": "html", "content": "<i>{{ n }}</i>"}]}
            """#))
        let html = try email(project.message()).html
        #expect(html.contains("<div class=\"block-markdown\"><p>Hi Omar</p></div>"))
        #expect(html.contains("<i>2</i>"))
    }

    @Test func buttonColorsResolveBrandingTokensAndTheTenantWins() throws {
        let project = ScratchProject(step: step(#"""
            {"subject": "Hi", "visual_blocks": [{"type": "button_set", "buttons": [
              {"label": "Go **now**", "action": "https://x.example/?a=1&b=2", "variant": "solid", "style_attrs": {"background_color": "primary_color"}}]}]}
            """#), sample: #"""
            {"recipient": {"id": "u", "email": "u@example.com"},
             "tenant": {"id": "t", "settings": {"branding": {"primary_color": "#123456"}}}}
            """#)
        let html = try email(project.message()).html
        #expect(html.contains(#"href="https://x.example/?a=1&amp;b=2""#))
        #expect(html.contains("background-color: #123456; color: #FFFFFF; border: 0px solid #123456;"))
        #expect(html.contains(">Go <strong>now</strong></a>"))
    }
}
