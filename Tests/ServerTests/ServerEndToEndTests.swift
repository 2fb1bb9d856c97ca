import Channels
import Foundation
import Liquid
@testable import Server
import Templates
import Testing

/// The server over real HTTP on 127.0.0.1: every API route, its 4xx answers, the page, and live
/// reload from a saved file to the change event and the re-rendered output.
@Suite(.serialized) struct ServerEndToEndTests {
    /// True once Channels renders the example's email steps (WorkflowRenderer was a stub at first).
    static let rendererRendersEmail: Bool = {
        guard let project = try? Project.load(root: TestServer.exampleRoot),
              let outcomes = try? WorkflowRenderer(project: project).render(workflow: "mention", step: "email_1", scope: RunScope())
        else { return false }
        return !outcomes.isEmpty
    }()

    @Test func everyAPIRoute() async throws {
        try await TestServer.with(root: TestServer.exampleRoot) { http in
            let project = try await http.get("/api/project")
            #expect(project.status == 200)
            #expect(project.headers["content-type"]?.hasPrefix("application/json") == true)
            #expect(project.json["workflows"].items.count == 9)
            #expect(project.json["layouts"].items.count == 2)
            #expect(project.json["workflows"].items.contains { $0["key"].text == "mention" && $0["steps"].items.count == 4 })

            let problems = try await http.get("/api/problems")
            #expect(problems.status == 200)
            #expect(problems.json["problems"].arrayElements != nil && problems.json["errors"].text != nil)

            let mention = try await http.get("/api/workflows/mention")
            #expect(mention.status == 200)
            #expect(mention.json["sample"]["recipient"]["name"].text == "Ada Lovelace")

            let rendered = try await http.post("/api/workflows/mention/render", #"{"step": "email_1", "locale": "fr"}"#)
            #expect(rendered.status == 200)
            #expect(rendered.json["workflow"].text == "mention")
            #expect(rendered.json["messages"].arrayElements != nil)
            if Self.rendererRendersEmail {
                #expect(rendered.json["messages"].items.first?["content"]["subject_line"].text?.isEmpty == false)
            }

            let adHoc = try await http.post("/api/render", #"""
                {"template": "{{ \"common.greeting\" | t: name: recipient.name }} {% render 'extra' %} {{ data.n | plus: 1 }}",
                 "data": {"recipient": {"name": "Ada"}, "data": {"n": 41}},
                 "partials": {"extra": "[{{ 'x' | upcase }}]"}, "locale": "en"}
                """#)
            #expect(adHoc.status == 200)
            #expect(adHoc.json["output"].text?.hasSuffix("[X] 42") == true)

            let withLayout = try await http.post("/api/render", #"{"template": "<p>Body {{ page_name }}</p>", "data": {"page_name": "Roadmap"}, "layout": "default"}"#)
            #expect(withLayout.status == 200)
            #expect(withLayout.json["output"].text?.contains("<p>Body Roadmap</p>") == true)
            #expect(withLayout.json["output"].text?.contains("</html>") == true)
            #expect(withLayout.json["text"].text?.contains("Body Roadmap") == true)

            let broken = try await http.post("/api/render", #"{"template": "line one\n{% if x %}never closed", "name": "broken.liquid"}"#)
            #expect(broken.status == 422)
            #expect(broken.errorCode == "template_error")
            #expect(broken.json["error"]["line"] == .int(2))
            #expect(broken.json["error"]["file"].text == "broken.liquid")

            let file = try await http.get("/api/files?path=partials/button/partial.json")
            #expect(file.status == 200 && file.json["content"].text?.contains("\"name\"") == true)

            // What must be refused, and how.
            let refusals: [(String, String, String?, Int, String)] = [
                ("GET", "/api/workflows/nope", nil, 404, "not_found"),
                ("POST", "/api/workflows/nope/render", "{}", 404, "not_found"),
                ("POST", "/api/workflows/mention/render", #"{"step": "email_9"}"#, 404, "not_found"),
                ("POST", "/api/workflows/mention/render", #"{"data": "#, 400, "bad_json"),
                ("POST", "/api/workflows/mention/render", "[]", 400, "bad_json"),
                ("POST", "/api/workflows/mention/render", #"{"dta": {}}"#, 400, "unknown_key"),
                ("POST", "/api/workflows/mention/render", #"{"data": 3}"#, 400, "bad_field"),
                ("POST", "/api/render", #"{"data": {}}"#, 400, "missing_field"),
                ("POST", "/api/render", #"{"template": "x", "layout": "nope"}"#, 404, "not_found"),
                ("GET", "/api/files?path=../Package.swift", nil, 400, "bad_path"),
                ("GET", "/api/files?path=templates/../../etc/passwd", nil, 400, "bad_path"),
                ("GET", "/api/files?path=%2Fetc%2Fpasswd", nil, 400, "bad_path"),
                ("GET", "/api/files?path=Package.swift", nil, 404, "not_found"),
                ("GET", "/api/files/../../etc/passwd", nil, 404, "not_found"),
                ("GET", "/api/nothing-here", nil, 404, "not_found"),
                ("POST", "/ui/stage", #"{"workflow": "mention", "sample": {"recipent": {}}}"#, 400, "unknown_key"),
            ]
            for (method, path, body, status, code) in refusals {
                let reply = try await http.request(method, path, body: body.map { Array($0.utf8) })
                #expect(reply.status == status, "\(method) \(path): \(reply.status) \(reply.text)")
                #expect(reply.errorCode == code, "\(method) \(path): \(reply.text)")
                #expect(reply.json["error"]["message"].text?.isEmpty == false)
            }

            // Another name for this address (DNS rebinding) is refused.
            let rebound = try await http.request("GET", "/api/project", host: "evil.example:\(http.port)")
            #expect(rebound.status == 403 && rebound.errorCode == "forbidden_host")
            #expect(try await http.request("GET", "/api/project", host: "localhost:\(http.port)").status == 200)

            // An oversized body: 413 with a JSON error, and the server keeps answering.
            let big = "{\"data\": {\"x\": \"" + String(repeating: "a", count: 1 << 20) + "\"}}"
            let tooLarge = try await http.post("/api/workflows/mention/render", big)
            #expect(tooLarge.status == 413)
            #expect(tooLarge.errorCode == "body_too_large")
            #expect(try await http.get("/api/project").status == 200)
        }
    }

    @Test func thePageEscapesWhatItShows() async throws {
        try await TestServer.with(root: TestServer.exampleRoot) { http in
            let page = try await http.get("/?workflow=mention&step=email_1")
            #expect(page.status == 200)
            #expect(page.headers["content-type"]?.hasPrefix("text/html") == true)
            #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
            #expect(page.text.contains("Mention") && page.text.contains("id=\"sample\""))
            #expect(page.text.contains("data-step=\"email_1\" aria-selected=\"true\""))
            for path in ["/?layout=default", "/?partial=button", "/?translation=fr", "/?problems", "/?workflow=nope",
                         "/assets/app.css", "/assets/app.js", "/ui/sidebar", "/ui/badge", "/ui/stage?workflow=mention"]
            {
                #expect(try await http.get(path).status == 200, "\(path)")
            }
            #expect(try await http.get("/no/such/page").status == 404)

            // Sample data an author types is shown escaped, never as markup.
            let evil = #"<img src=x onerror=alert(1)>"#
            let stage = try await http.post("/ui/stage", """
                {"workflow": "mention", "step": "email_1", "sample": {"recipient": {"name": "\(evil)", "email": "a@b.c"}, "data": {"page_title": "\(evil)"}}}
                """)
            #expect(stage.status == 200)
            #expect(!stage.text.contains(evil))
            let partial = try await http.get("/?partial=button")
            #expect(!partial.text.contains("<a class=\"cta-button\""), "partial output only inside the sandboxed srcdoc")
        }
    }

    @Test func aSavedPartialIsPushedAndReRendered() async throws {
        let root = try TestServer.copyOfExample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await liveReload(root: root, forcePolling: false)
    }

    @Test func liveReloadAlsoWorksByPolling() async throws {
        let root = try TestServer.copyOfExample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try await liveReload(root: root, forcePolling: true)
    }

    private func liveReload(root: String, forcePolling: Bool) async throws {
        try await TestServer.with(root: root, forcePolling: forcePolling) { http in
            let events = try TestEventStream(port: http.port)
            defer { events.close() }
            #expect(await events.next("hello") == #"{"version":0}"#)
            let request = #"{"template": "{% render 'button', label: 'Open', url: 'https://x.test' %}"}"#
            let before = try await http.post("/api/render", request)
            let workflowBefore = try await http.post("/api/workflows/mention/render", #"{"step": "email_1"}"#)
            #expect(before.json["output"].text?.contains("LIVE-EDIT") == false)

            let file = root + "/partials/button/content.html"
            let original = try String(contentsOfFile: file, encoding: .utf8)
            try TestServer.write(original.replacingOccurrences(of: "{{ label }}", with: "{{ label }} LIVE-EDIT"), to: file)

            let change = await events.next("change")
            #expect(change != nil, "no change event after saving a partial")
            let json = (try? JSONParser.parse(change ?? "")) ?? .nil
            #expect(json["version"] == .int(1))
            #expect(json["files"].items.contains(.string("partials/button/content.html")))
            #expect(json["resources"].items.contains(.string("partial button")))
            #expect(json["workflows"].items.contains(.string("mention")))
            #expect(!json["workflows"].items.contains(.string("incident-alert")))

            let after = try await http.post("/api/render", request)
            #expect(after.json["output"].text?.contains("Open LIVE-EDIT") == true)
            let workflowAfter = try await http.post("/api/workflows/mention/render", #"{"step": "email_1"}"#)
            #expect(workflowAfter.json["version"] == .int(1))
            if Self.rendererRendersEmail {
                #expect(workflowAfter.text != workflowBefore.text)
                #expect(workflowAfter.text.contains("LIVE-EDIT"))
            }
            let stage = try await http.get("/ui/stage?workflow=mention&step=email_1")
            if Self.rendererRendersEmail { #expect(stage.text.contains("LIVE-EDIT")) }
        }
    }
}
