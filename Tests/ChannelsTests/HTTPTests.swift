import Liquid
import Templates
import Testing
@testable import Channels

/// Webhook requests: every part rendered, the query encoded, JSON bodies checked.
@Suite struct HTTPTests {
    func step(_ template: String) -> String {
        #"{"ref": "webhook_1", "type": "channel", "channel_key": "crm", "channel_type": "http", "template": \#(template)}"#
    }

    @Test func everyPartIsRendered() throws {
        let project = ScratchProject(step: step(#"""
            {"method": "{{ 'put' }}", "url": "https://api.example/items/{{ data.name }}?v=1",
             "headers": [{"key": "Content-Type", "value": "application/json; charset=utf-8"}, {"key": "X-Actor", "value": "{{ actor.id }}"}],
             "query_params": [{"key": "q", "value": "a b&c/é"}],
             "body": "{\"name\": \"{{ data.name }}\"}"}
            """#))
        let m = try TestSupport.message(project.render())
        guard case .http(let h) = m.content else { Issue.record("not http"); return }
        #expect(h.method == "PUT")
        #expect(h.url == "https://api.example/items/Launch?v=1&q=a%20b%26c%2F%C3%A9")
        #expect(h.headers.map(\.value) == ["application/json; charset=utf-8", "u2"])
        #expect(h.jsonBody == ["name": "Launch"])
        #expect(m.warnings.isEmpty)
    }

    @Test func aJSONBodyThatDoesNotParseFailsAtItsRenderedPosition() throws {
        let project = ScratchProject(step: step(#"""
            {"method": "post", "url": "https://api.example", "headers": [{"key": "content-type", "value": "application/json"}],
             "body": "{\"a\": 1,}"}
            """#))
        guard case .failed(_, .http, let error) = try project.render() else { Issue.record("did not fail"); return }
        #expect(error.message.hasPrefix("step webhook_1, field template.body: the rendered JSON is invalid at line 1, column 9"))
        #expect(error.templateName == "templates/wf/workflow.json (template.body as rendered)")
    }

    @Test func aBodyIsOnlyCheckedWhenTheContentTypeSaysJSON() throws {
        let project = ScratchProject(step: step(#"{"method": "post", "url": "https://api.example", "body": "a=1&b=2"}"#))
        guard case .http(let h) = try TestSupport.message(project.render()).content else { Issue.record("not http"); return }
        #expect(h.body == "a=1&b=2")
        #expect(h.jsonBody == nil)
    }

    @Test func doubtfulRequestsWarn() throws {
        let project = ScratchProject(step: step(#"{"method": "get", "url": "api.example/x", "body": "x"}"#))
        let m = try TestSupport.message(project.render())
        #expect(m.warnings == ["url 'api.example/x' does not start with http:// or https://", "a GET request with a body: many servers ignore it"])
    }
}
