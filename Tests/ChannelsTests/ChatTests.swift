import Liquid
import Templates
import Testing
@testable import Channels

/// Markdown → Slack mrkdwn, json_body parsing and its located errors.
@Suite struct ChatTests {
    func mrkdwn(_ s: String) -> String { SlackMarkup.mrkdwn(s) }

    @Test func emphasisStrikeAndCode() {
        #expect(mrkdwn("**bold** and *italic* and _also_ and ***both***") == "*bold* and _italic_ and _also_ and *_both_*")
        // A code span of any length becomes Slack's single-backtick code.
        #expect(mrkdwn("~~gone~~ and `**not bold**` and ``a ` b``") == "~gone~ and `**not bold**` and `a ` b`")
        #expect(mrkdwn("snake_case_name and 2 * 3 * 4") == "snake_case_name and 2 * 3 * 4")
        #expect(mrkdwn("__bold__ too") == "*bold* too")
    }

    @Test func linksImagesAndSlackMentions() {
        #expect(mrkdwn("[Open](https://x.example/a?b=1&c=2)") == "<https://x.example/a?b=1&c=2|Open>")
        #expect(mrkdwn("![Chart](https://x.example/c.png)") == "<https://x.example/c.png|Chart>")
        #expect(mrkdwn("<https://x.example|Open> <@U123> <#C456> <!here> <https://y.example>")
            == "<https://x.example|Open> <@U123> <#C456> <!here> <https://y.example>")
        #expect(mrkdwn("[**Bold** link](https://x.example)") == "<https://x.example|*Bold* link>")
    }

    @Test func specialCharactersAreEscapedButEntitiesKept() {
        #expect(mrkdwn("a < b & c > d &amp; e &#39;") == "a &lt; b &amp; c &gt; d &amp; e &#39;")
        #expect(mrkdwn("\\*not italic\\*") == "*not italic*")
    }

    @Test func blocks() {
        let markdown = """
            # Title
            Intro line
            continues.

            - one
            * two
            1. first
            - [x] done

            > quoted
            still quoted

            ---
            ```swift
            let a = "<b>"
            ```
            Break here  
            next line
            """
        #expect(mrkdwn(markdown) == """
            *Title*
            Intro line continues.

            • one
            • two
            1. first
            • ☑ done

            > quoted still quoted

            ──────────
            ```
            let a = "&lt;b&gt;"
            ```
            Break here
            next line
            """)
    }

    @Test func theMarkupIsGuessedFromTheChannelKey() {
        #expect(ChatMarkup.guess(channelKey: "slack-alerts") == .slack)
        #expect(ChatMarkup.guess(channelKey: "google-chat") == .googleChat)
        #expect(ChatMarkup.guess(channelKey: "msteams") == .markdown)
        #expect(ChatMarkup.markdown.convert("**x**") == "**x**")
    }

    func step(_ template: String, key: String = "slack") -> String {
        #"{"ref": "chat_1", "type": "channel", "channel_key": "\#(key)", "channel_type": "chat", "template": \#(template)}"#
    }

    @Test func jsonBodyIsParsedAndMarkdownConverted() throws {
        let project = ScratchProject(step: step(#"""
            {"markdown_body": "**{{ actor.name }}** shipped", "json_body": "{\"blocks\": [{\"type\": \"divider\"}]}", "summary": "{{ data.name }}"}
            """#))
        let m = try TestSupport.message(project.render())
        guard case .chat(let chat) = m.content else { Issue.record("not chat"); return }
        #expect(chat.text == "*Omar* shipped")
        #expect(chat.markdown == "**Omar** shipped")
        #expect(chat.jsonContent == ["blocks": [["type": "divider"]]])
        #expect(chat.summary == "Launch")
        #expect(chat.connection == ["incoming_webhook": ["url": "https://hooks.example/1"]])
    }

    @Test func anInvalidJSONBodyNamesStepFieldLineAndColumnOfTheRenderedJSON() throws {
        let project = ScratchProject(step: step(#"{"json_body@": "chat_1/json_body.json"}"#),
                                     files: ["chat_1/json_body.json": "{\n  \"text\": \"hi\",\n  \"name\": {{ data.name }}\n}\n"])
        guard case .failed(let ref, .chat, let error) = try project.render() else { Issue.record("did not fail"); return }
        #expect(ref == "chat_1")
        #expect(error.message.hasPrefix("step chat_1, field template.json_body: the rendered JSON is invalid at line 3, column 11"))
        #expect(error.templateName == "templates/wf/chat_1/json_body.json (template.json_body as rendered)")
        #expect(error.line == 3)
        #expect(error.column == 11)
        #expect(error.sourceLine == "  \"name\": Launch")
        #expect(error.description.contains("\n3 |   \"name\": Launch\n              ^"))
    }

    @Test func noConnectionsMeansSkipped() throws {
        let project = ScratchProject(step: step(#"{"markdown_body": "x"}"#), sample: #"{"recipient": {"id": "u", "channel_data": {"slack": {}}}}"#)
        guard case .skipped(_, .chat, let reason) = try project.render() else { Issue.record("not skipped"); return }
        #expect(reason.contains("recipient.channel_data.slack.connections"))
    }
}
