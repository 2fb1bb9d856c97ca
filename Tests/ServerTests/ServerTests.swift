import Foundation
import Liquid
@testable import Server
import Templates
import Testing

/// The pieces of the preview server that need no socket: request validation, path checks,
/// escaping, sample scaffolds, the dependency index, preview inputs.
@Suite struct ServerUnitTests {
    @Test func requestBodiesMustBeObjectsWithKnownKeys() throws {
        #expect(try JSONRequest.parseObject(Array("  ".utf8), allowed: []).isEmpty)
        #expect(try JSONRequest.parseObject(Array(#"{"a": 1}"#.utf8), allowed: ["a"])["a"] == .int(1))
        for (body, code) in [("{", "bad_json"), ("[1]", "bad_json"), (#"{"b": 1}"#, "unknown_key")] {
            #expect {
                try JSONRequest.parseObject(Array(body.utf8), allowed: ["a"])
            } throws: { ($0 as? APIError)?.code == code && ($0 as? APIError)?.status == 400 }
        }
    }

    @Test func onlyPlainPathsInsideTheProject() throws {
        for bad in ["../etc/passwd", "/etc/passwd", "templates/../../x", "a//b", "./missive.json", "a\\b", ""] {
            #expect(throws: ProjectFileAccess.Refusal.self) { try ProjectFileAccess.check(bad) }
        }
        #expect(try ProjectFileAccess.check("templates/mention/workflow.json") == "templates/mention/workflow.json")
        let project = try Project.load(root: TestServer.exampleRoot)
        #expect(try ProjectFileAccess.read("partials/button/content.html", in: project).contains("cta-button"))
        // A file in the folder that is not one of the project's files is not served.
        #expect(throws: ProjectFileAccess.Refusal.self) { try ProjectFileAccess.read("Package.swift", in: project) }
    }

    @Test func escapesEverythingItShows() {
        #expect(HTML.escape(#"<script>alert("x") & 'y'</script>"#) == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
        let frame = HTML.sandboxedFrame("<p onclick=\"x\">hi</p>", title: "t", classes: "c")
        #expect(frame.contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\""))
        #expect(frame.contains("srcdoc=\"&lt;p onclick=&quot;x&quot;&gt;hi&lt;/p&gt;\""))
        #expect(HTML.link([("workflow", "a b&c"), ("step", nil)]) == "/?workflow=a%20b%26c")
    }

    @Test func scaffoldsTheVariablesTemplatesRead() {
        let sample = Scaffold.sample(paths: ["data.page.title", "recipient.name", "page_name", "items[1].sku", "actor.email",
                                             "vars.app_name", "data.tags.size", "data[key]"])
        guard case .object(let data)? = sample["data"] else { Issue.record("no data"); return }
        #expect(data["page"].map { JSONWriter.string($0) } == #"{"title":"Title"}"#)
        #expect(data["page_name"] == .string("Page name"))
        #expect(data["items"].map { JSONWriter.string($0) } == #"[null,{"sku":"Sku"}]"#)
        #expect(data["tags"] == .string("Tags"))
        guard case .object(let recipient)? = sample["recipient"], case .object(let actor)? = sample["actor"] else { return }
        #expect(recipient["name"] == .string("Sample Recipient"))
        #expect(actor["email"] == .string("Email"))
        #expect(sample["vars"] == nil)
    }

    @Test func aWorkflowWithoutSampleGetsAScaffold() throws {
        let project = try Project.load(root: TestServer.exampleRoot)
        for (key, workflow) in project.workflows where project.samples[key] == nil {
            let sample = Scaffold.sample(for: workflow, in: project)
            #expect(sample["data"] != nil)
        }
        // Every example workflow has a sample; the scaffold still covers what mention's templates read.
        let mention = Scaffold.sample(for: project.workflows["mention"]!, in: project)
        guard case .object(let data)? = mention["data"] else { Issue.record("no data"); return }
        #expect(data["page_title"] != nil && data["url"] != nil)
    }

    @Test func dependenciesDecideWhatReRenders() throws {
        let project = try Project.load(root: TestServer.exampleRoot)
        let index = DependencyIndex(project: project)
        let button = index.workflows(affectedBy: [.partial("button")])
        #expect(button.isSuperset(of: ["mention", "password-reset", "payment-failed", "weekly-digest", "team-invite"]))
        #expect(!button.contains("incident-alert"))
        let branded = index.workflows(affectedBy: [.layout("branded")])
        #expect(branded.contains("team-invite") && branded.contains("trial-ending") && !branded.contains("mention"))
        let french = index.workflows(affectedBy: [.translation(TranslationID(locale: "fr"))])
        #expect(french.contains("mention") && french.contains("incident-alert"))
        #expect(index.workflows(affectedBy: [.sample("mention")]) == ["mention"])
        #expect(index.workflows(affectedBy: [.config]).count == project.workflows.count)
    }

    @Test func previewInputReadsNowAndLocale() throws {
        let input = try PreviewInput(json: ["locale": "fr", "now": "2026-05-14T09:30:00Z", "recipient": ["name": "Ada"]], defaultNow: 0)
        #expect(input.locale == "fr")
        #expect(input.now == 1_778_751_000)
        #expect(input.scope.timestamp == "2026-05-14T09:30:00Z")
        #expect(try PreviewInput(json: ["now": 12], defaultNow: 0).now == 12)
        #expect(try PreviewInput(json: [:], defaultNow: 99).now == 99)
        for bad: LiquidObject in [["now": "yesterday"], ["data": 3], ["activities": "x"], ["locale": 1]] {
            #expect(throws: APIError.self) { try PreviewInput(json: bad, defaultNow: 0) }
        }
    }

    @Test func inotifySeesSavesAndNewFolders() async throws {
        try await watcherSeesChanges(forcePolling: false)
    }

    @Test func pollingSeesSavesAndNewFolders() async throws {
        try await watcherSeesChanges(forcePolling: true)
    }

    private func watcherSeesChanges(forcePolling: Bool) async throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("missive-watch-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: root + "/partials/a", withIntermediateDirectories: true)
        defer { try? fm.removeItem(atPath: root) }
        let watcher = FileWatcher(root: root, folders: ["partials"], pollInterval: .milliseconds(50), forcePolling: forcePolling)
        watcher.start()
        defer { watcher.stop() }
        #expect(watcher.mode == (forcePolling ? .polling : .inotify))
        var batches = watcher.batches.makeAsyncIterator()
        try TestServer.write("one", to: root + "/partials/a/content.html")
        var seen = Set<String>()
        while !seen.contains("partials/a/content.html"), let batch = await batches.next() { seen.formUnion(batch) }
        try fm.createDirectory(atPath: root + "/partials/b", withIntermediateDirectories: true)
        try TestServer.write("two", to: root + "/partials/b/partial.json")
        try TestServer.write("hidden", to: root + "/partials/b/.swp")
        seen = []
        while !seen.contains("partials/b/partial.json"), let batch = await batches.next() { seen.formUnion(batch) }
        #expect(!seen.contains("partials/b/.swp"))
    }
}
