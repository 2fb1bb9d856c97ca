import Liquid
import Templates
import Testing
@testable import Channels

/// The entry point: which steps render, in what order, with what scope, and the outcome JSON.
@Suite struct WorkflowRendererTests {
    static let project: Project = try! Project.load(root: TestSupport.exampleRoot)

    @Test func channelStepsRenderInWorkflowOrderThroughBranches() throws {
        var options = WorkflowRenderer.Options()
        options.missingChannelData = .render
        let outcomes = try TestSupport.render("incident-alert", in: Self.project, options: options)
        #expect(outcomes.map(\.stepRef) == ["push_1", "sms_1", "chat_1", "push_2", "chat_2", "chat_3", "in_app_feed_1"])
        #expect(outcomes.map(\.channelType) == [.push, .sms, .chat, .push, .chat, .chat, .inAppFeed])
    }

    @Test func oneStepOnly() throws {
        let outcomes = try TestSupport.render("payment-failed", step: "webhook_1", in: Self.project)
        #expect(outcomes.map(\.stepRef) == ["webhook_1"])
    }

    @Test func unknownWorkflowsAndStepsThrow() throws {
        let renderer = WorkflowRenderer(project: Self.project)
        #expect(throws: WorkflowRenderer.RenderError.self) { try renderer.render(workflow: "nope", scope: RunScope()) }
        #expect(throws: WorkflowRenderer.RenderError.self) { try renderer.render(workflow: "mention", step: "delay_1", scope: RunScope()) }
        #expect(throws: WorkflowRenderer.RenderError.self) { try renderer.render(workflow: "mention", step: "zzz", scope: RunScope()) }
    }

    @Test func theScopeGetsVarsWorkflowTimestampAndCurrentMessage() throws {
        let project = ScratchProject(step: """
            {"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms",
             "template": {"text_body": "{{ vars.app }}|{{ workflow.key }}|{{ workflow.categories | join: ',' }}|{{ timestamp }}|{{ current_message.id }}|{{ 'now' | date: '%Y' }}"}}
            """, extra: ["missive.json": #"{"vars": {"app": "Lantern"}}"#])
        let m = try TestSupport.message(project.render())
        guard case .sms(let sms) = m.content else { Issue.record("not an SMS"); return }
        #expect(sms.body == "Lantern|wf||2026-08-28T14:05:00Z|\(m.id)|2026")
        #expect(m.id.hasPrefix("msg_") && m.id.count == 20)
        #expect(m.insertedAt == "2026-08-28T14:05:00Z")
    }

    @Test func theLocaleComesFromTheCallerThenTheRecipient() throws {
        let files = ["translations/en/en.json": #"{"hi": "Hello"}"#, "translations/fr/fr.json": #"{"hi": "Bonjour"}"#]
        let step = #"{"ref": "sms_1", "type": "channel", "channel_key": "twilio", "channel_type": "sms", "template": {"text_body": "{{ 'hi' | t }}"}}"#
        let project = try ScratchProject(step: step, sample: #"{"recipient": {"id": "u", "phone_number": "+15555550100", "locale": "fr"}}"#,
                                         extra: files).load()
        let (scope, _) = try TestSupport.sample("wf", in: project)
        let renderer = WorkflowRenderer(project: project)
        func body(_ locale: String?) throws -> String {
            guard case .message(let m)? = try renderer.render(workflow: "wf", scope: scope, locale: locale, now: TestSupport.now).first,
                  case .sms(let sms) = m.content else { throw CancellationError() }
            return sms.body
        }
        #expect(try body(nil) == "Bonjour")
        #expect(try body("en") == "Hello")
    }

    @Test func outcomeJSON() throws {
        let skipped = WorkflowRenderer.Outcome.skipped(stepRef: "sms_1", channelType: .sms, reason: "no phone")
        #expect(skipped.json() == ["step_ref": "sms_1", "channel_type": "sms", "status": "skipped", "reason": "no phone"])
        var error = LiquidError(.syntax, "bad")
        error.templateName = "templates/x/sms_1/text_body.txt"
        error.line = 2
        error.column = 3
        let failed = WorkflowRenderer.Outcome.failed(stepRef: "sms_1", channelType: .sms, error: error)
        guard case .object(let o) = failed.json(), case .object(let e)? = o["error"] else { Issue.record("not an object"); return }
        #expect(o["status"] == "failed")
        #expect(e["file"] == "templates/x/sms_1/text_body.txt")
        #expect(e["line"] == 2)
        #expect(e["column"] == 3)
        #expect(e["description"] == "templates/x/sms_1/text_body.txt:2:3: Liquid syntax error: bad")

        let fixtures = try Project.load(root: TestSupport.fixtures + "/project")
        let message = try TestSupport.message(try TestSupport.render("email-blocks", in: fixtures).first)
        guard case .object(let m) = message.json() else { Issue.record("not an object"); return }
        #expect(m.keys == ["__typename", "id", "channel_type", "channel_key", "workflow", "step_ref", "status", "status_reason",
                           "locale", "inserted_at", "recipient", "actor", "tenant", "content", "warnings"])
        #expect(m["channel_key"] == "postmark")
        #expect(m["locale"] == "fr")
        #expect(WorkflowRenderer.Outcome.message(message).json() == message.json())
    }

    @Test func prettyJSON() {
        #expect(JSONWriter.pretty(["a": [1, "x"], "b": [:], "c": []]) == """
            {
              "a": [
                1,
                "x"
              ],
              "b": {},
              "c": []
            }

            """)
    }
}
