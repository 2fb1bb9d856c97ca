import Liquid
import Templates
import Testing
@testable import Channels

/// Untrusted input never crashes: the text scanners on random input, odd times and odd values.
@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Text made of the characters the scanners care about, plus some others.
        mutating func text(_ length: Int) -> String {
            let alphabet = Array("<>&*_~`[]()!\\|#@:/\"'= \n-+.1aZé€🚀{}^\r\t;")
            return String((0..<length).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
        }
    }

    @Test func scannersSurviveRandomText() {
        var random = Random(state: 42)
        for _ in 0..<2000 {
            let text = random.text(Int(random.next() % 80))
            _ = SlackMarkup.mrkdwn(text)
            _ = HTMLTags(html: text).scan()
            _ = EmailChecks.warnings(subject: text, html: text, clipBytes: 10)
            _ = SMSEncoding.count(text)
            _ = HeadStyles.insert(["<style></style>"], into: text)
            _ = HTTPRenderer.percentEncoded(text)
        }
    }

    @Test func oddTimesAreClamped() {
        #expect(WorkflowRenderer.iso8601(.nan) == "1970-01-01T00:00:00Z")
        _ = WorkflowRenderer.iso8601(1e300)
        _ = WorkflowRenderer.iso8601(-.infinity)
        #expect(WorkflowRenderer.messageID(workflow: "w", step: "s", scope: RunScope(), now: .infinity).count == 20)
    }

    @Test func oddBlockValuesDoNotCrash() throws {
        let project = ScratchProject(step: #"""
            {"ref": "email_1", "type": "channel", "channel_key": "postmark", "channel_type": "email",
             "template": {"subject": "Hi", "visual_blocks": [
               {"type": "button_set", "layout_attrs": {"column_gap": 1e300, "padding_top": -5, "padding_left": "x"},
                "buttons": [{"label": "a", "action": "b", "style_attrs": {"border_radius": 1.0e200, "background_color": "red;\"><script>"}}]},
               {"type": "image", "url": "u", "alt": "a", "style_attrs": {"width": "100%\"><b>"}},
               {"type": "markdown", "content": 5},
               {"type": "partial", "key": "missing"}]}}
            """#)
        // The loader reports the numeric content; rendering goes on with what is there.
        let loaded = try Project.load(root: project.root)
        #expect(loaded.errors.count == 1)
        guard case .failed(_, _, let error)? = try TestSupport.render("wf", in: loaded).first else { Issue.record("did not fail"); return }
        #expect(error.message == "partial 'missing' does not exist in this project's partials")
        #expect(error.templateName == "templates/wf/workflow.json")
    }

    @Test func hostileStyleValuesStayInsideTheAttribute() throws {
        let project = ScratchProject(step: #"""
            {"ref": "email_1", "type": "channel", "channel_key": "postmark", "channel_type": "email",
             "template": {"subject": "Hi", "settings": {"layout_key": null}, "visual_blocks": [
               {"type": "button_set", "buttons": [{"label": "a", "action": "b\"><script>", "style_attrs": {"background_color": "red;\"><script>"}}]}]}}
            """#)
        guard case .email(let email) = try TestSupport.message(project.render()).content else { Issue.record("not an email"); return }
        #expect(!email.html.contains("<script>"))
    }
}
