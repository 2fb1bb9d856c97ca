import Liquid
import Templates
import Testing
@testable import Channels

/// Push data and payload overrides, silent delivery, tokens, and the 4 KB payload limit.
@Suite struct PushTests {
    func step(_ template: String, key: String = "apns") -> String {
        #"{"ref": "push_1", "type": "channel", "channel_key": "\#(key)", "channel_type": "push", "template": \#(template)}"#
    }

    func push(_ m: Message) throws -> PushContent {
        guard case .push(let p) = m.content else { throw CancellationError() }
        return p
    }

    @Test func overridesMergeDeeplyIntoTheTriggerData() throws {
        let project = ScratchProject(step: step(#"""
            {"title": "T", "text_body": "B",
             "settings": {"payload_overrides": "{\"meta\": {\"b\": 2}, \"name\": \"{{ data.name | upcase }}\"}"}}
            """#), sample: #"{"data": {"name": "x", "meta": {"a": 1}}, "recipient": {"id": "u", "channel_data": {"apns": {"tokens": ["t"]}}}}"#)
        let p = try push(project.message())
        #expect(p.data == ["name": "X", "meta": ["a": 1, "b": 2]])
        #expect(p.token == "t")
        #expect(p.title == "T")
        #expect(p.body == "B")
    }

    @Test func replaceStrategyReplacesTheData() throws {
        let project = ScratchProject(step: step(#"""
            {"title": "T", "text_body": "B", "settings": {"payload_overrides": "{\"__strategy__\": \"replace\", \"only\": true}"}}
            """#))
        #expect(try push(project.message()).data == ["only": true])
    }

    @Test func silentDeliveryHasNoAlert() throws {
        let project = ScratchProject(step: step(#"{"text_body": "B", "settings": {"delivery_type": "silent"}}"#))
        let p = try push(project.message())
        #expect(p.deliveryType == .silent)
        #expect(p.title == nil && p.body == nil)
        guard case .object(let payload) = p.payload, case .object(let aps)? = payload["aps"] else { Issue.record("no aps"); return }
        #expect(aps["content-available"] == 1)
        #expect(aps["alert"] == nil)
    }

    @Test func fcmDataIsFlattenedToStrings() throws {
        let project = ScratchProject(step: step(#"{"title": "T", "text_body": "B"}"#, key: "fcm"),
                                     sample: #"{"data": {"foo": {"bar": [21, true]}}, "recipient": {"id": "u", "channel_data": {"fcm": {"tokens": ["f"]}}}}"#)
        let p = try push(project.message())
        #expect(p.provider == "fcm")
        guard case .object(let payload) = p.payload, case .object(let data)? = payload["data"] else { Issue.record("no data"); return }
        #expect(data["foo.bar.0"] == "21")
        #expect(data["foo.bar.1"] == "true")
    }

    @Test func overridesThatAreNotJSONFailTheStepAtTheRenderedPosition() throws {
        let project = ScratchProject(step: step(#"""
            {"title": "T", "text_body": "B", "settings": {"payload_overrides": "{\"a\": {{ data.name }}}"}}
            """#))
        guard case .failed(_, _, let error) = try project.render() else { Issue.record("did not fail"); return }
        #expect(error.message.contains("step push_1, field template.settings.payload_overrides"))
        #expect(error.line == 1)
        #expect(error.column == 7)
        #expect(error.sourceLine == "{\"a\": Launch}")
    }

    /// The APNs payload of a body of `n` bytes, and whether it warned.
    func payload(bodyBytes n: Int, options: WorkflowRenderer.Options = .init()) throws -> (Int, [String]) {
        let project = ScratchProject(step: step(#"{"title": "", "text_body": "{{ data.body }}", "settings": {"payload_overrides": "{\"__strategy__\": \"replace\"}"}}"#),
                                     sample: #"{"data": {"body": "\#(String(repeating: "x", count: n))"}, "recipient": {"id": "u", "channel_data": {"apns": {"tokens": ["t"]}}}}"#)
        let m = try project.message(options: options)
        return (try push(m).payloadBytes, m.warnings)
    }

    @Test func payloadLimitWarnsAbove4096Bytes() throws {
        // {"aps":{"alert":{"body":"…"}},"knock_message_id":"msg_…"}: 4096 - overhead bytes of body fit.
        let (small, _) = try payload(bodyBytes: 0)
        let fits = 4096 - small
        let (atLimit, quiet) = try payload(bodyBytes: fits)
        #expect(atLimit == 4096)
        #expect(quiet.isEmpty, "\(quiet)")
        let (over, warned) = try payload(bodyBytes: fits + 1)
        #expect(over == 4097)
        #expect(warned.count == 1)
        #expect(warned.first?.contains("4097 bytes") == true)
    }

    @Test func noTokensMeansSkipped() throws {
        let project = ScratchProject(step: step(#"{"title": "T", "text_body": "B"}"#), sample: #"{"recipient": {"id": "u"}}"#)
        guard case .skipped(_, _, let reason) = try project.render() else { Issue.record("not skipped"); return }
        #expect(reason.contains("channel_data.apns.tokens"))
        var options = WorkflowRenderer.Options()
        options.missingChannelData = .render
        let m = try project.message(options: options)
        #expect(m.warnings.first?.hasPrefix("Knock would skip this step") == true)
        #expect(try push(m).token == nil)
    }
}
