import Foundation
import Liquid
import Templates
import Testing
@testable import Channels

/// Shared by the Channels tests: where the fixtures and the example project are, a fixed time,
/// sample scopes, and throwaway projects.
enum TestSupport {
    /// 2026-08-28T14:05:00Z: every test renders at this time, so output is the same on every run.
    static let now: Double = 1_787_925_900

    /// Tests/ChannelsTests.
    static let testsFolder: String = {
        let path = #filePath
        return String(path[..<path.lastIndex(of: "/")!])
    }()

    static let fixtures = testsFolder + "/Fixtures"

    /// The repository root: the example project.
    static let exampleRoot: String = {
        var path = testsFolder
        for _ in 0..<2 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()

    /// A workflow's sample.json as a run scope, and its locale.
    static func sample(_ workflow: String, in project: Project) throws -> (RunScope, String?) {
        let s = try #require(project.samples[workflow], "no sample.json for \(workflow)")
        var scope = RunScope()
        scope.data = s.data
        scope.recipient = s.recipient.map(Value.object) ?? .nil
        scope.actor = s.actor.map(Value.object) ?? .nil
        scope.tenant = s.tenant.map(Value.object) ?? .nil
        return (scope, s.locale)
    }

    /// Render a workflow of `project` for its sample data at the fixed time.
    static func render(_ workflow: String, step: String? = nil, in project: Project,
                       options: WorkflowRenderer.Options = .init()) throws -> [WorkflowRenderer.Outcome]
    {
        let (scope, locale) = try sample(workflow, in: project)
        return try WorkflowRenderer(project: project, options: options).render(workflow: workflow, step: step, scope: scope,
                                                                               locale: locale, now: now)
    }

    static func message(_ outcome: WorkflowRenderer.Outcome?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Message {
        switch outcome {
        case .message(let m)?: return m
        case .failed(let ref, _, let error)?:
            Issue.record("\(ref) failed: \(error.description)", sourceLocation: sourceLocation)
        case .skipped(let ref, _, let reason)?:
            Issue.record("\(ref) was skipped: \(reason)", sourceLocation: sourceLocation)
        case nil:
            Issue.record("no outcome", sourceLocation: sourceLocation)
        }
        throw CancellationError()
    }

    static func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    /// Knock's helper filters (json, currency, ...) are registered in KnockFlavour: some example
    /// templates need them to render valid JSON.
    static var knockFiltersRegistered: Bool { KnockFlavour.environment().filters["json"] != nil }
}

/// A project written into a temporary folder for one test, removed afterwards.
final class ScratchProject {
    let root: String

    /// A project with one workflow `wf` whose only step is `step` (a channel step's JSON), with
    /// `files` beside workflow.json and `sample` as its sample.json.
    init(step: String, files: [String: String] = [:], sample: String? = nil, extra: [String: String] = [:]) {
        root = NSTemporaryDirectory() + "missive-channels-" + UUID().uuidString
        write("templates/wf/workflow.json", "{\"name\": \"Test\", \"steps\": [\(step)]}")
        for (path, text) in files { write("templates/wf/" + path, text) }
        write("templates/wf/sample.json", sample ?? ScratchProject.defaultSample)
        for (path, text) in extra { write(path, text) }
    }

    static let defaultSample = """
        {"data": {"name": "Launch"},
         "recipient": {"id": "u1", "name": "Mia", "email": "mia@example.com", "phone_number": "+15555550142",
                       "channel_data": {"apns": {"tokens": ["t1"]}, "fcm": {"tokens": ["f1"]},
                                        "slack": {"connections": [{"incoming_webhook": {"url": "https://hooks.example/1"}}]}}},
         "actor": {"id": "u2", "name": "Omar"}}
        """

    deinit { try? FileManager.default.removeItem(atPath: root) }

    func write(_ path: String, _ text: String) {
        let full = root + "/" + path
        try! FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try! text.write(toFile: full, atomically: false, encoding: .utf8)
    }

    func load() throws -> Project {
        let project = try Project.load(root: root)
        #expect(project.errors.isEmpty, "\(project.errors)")
        return project
    }

    /// Render the workflow's only step.
    func render(options: WorkflowRenderer.Options = .init(), sample: String? = nil) throws -> WorkflowRenderer.Outcome {
        let outcomes = try TestSupport.render("wf", in: load(), options: options)
        return try #require(outcomes.first)
    }

    func message(options: WorkflowRenderer.Options = .init(), sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Message {
        try TestSupport.message(render(options: options), sourceLocation: sourceLocation)
    }
}
