import Foundation
import Liquid
import Templates
import Testing
@testable import Channels

/// Every channel of the fixture project (Fixtures/project: one workflow per channel) rendered at a
/// fixed time and compared byte for byte with Fixtures/expected/<workflow>/<step>.json, and for an
/// email also <step>.html and <step>.txt.
///
/// To update the expected files on purpose, run the suite with MISSIVE_RECORD=1:
/// `MISSIVE_RECORD=1 swift test --filter GoldenTests`, then review the diff before committing.
@Suite struct GoldenTests {
    static let project = TestSupport.fixtures + "/project"
    static let expected = TestSupport.fixtures + "/expected"
    static var recording: Bool { ProcessInfo.processInfo.environment["MISSIVE_RECORD"] == "1" }

    static let workflows = ["chat", "email-blocks", "email-html", "feed", "push", "sms", "webhook"]

    @Test func theFixtureProjectHasOneWorkflowPerCase() throws {
        let project = try Project.load(root: Self.project)
        #expect(project.problems.isEmpty, "\(project.problems)")
        #expect(project.workflows.keys.sorted() == Self.workflows)
    }

    @Test(arguments: workflows)
    func golden(_ workflow: String) throws {
        let project = try Project.load(root: Self.project)
        let outcomes = try TestSupport.render(workflow, in: project)
        #expect(!outcomes.isEmpty)
        for outcome in outcomes {
            let message = try TestSupport.message(outcome)
            let base = "\(Self.expected)/\(workflow)/\(message.stepRef)"
            compare(JSONWriter.pretty(message.json()), base + ".json")
            if case .email(let email) = message.content {
                compare(email.html, base + ".html")
                compare(email.text, base + ".txt")
            }
        }
    }

    /// Byte for byte; in record mode, write the file instead.
    func compare(_ actual: String, _ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        if Self.recording {
            try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try! actual.write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = TestSupport.read(path) else {
            Issue.record("no expected file \(path); run with MISSIVE_RECORD=1 to write it", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let difference = Self.firstDifference(expected, actual)
            Issue.record("\(path) differs from the rendered output:\n\(difference)\n(run with MISSIVE_RECORD=1 to accept the new output)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The first line that differs, both ways.
    static func firstDifference(_ a: String, _ b: String) -> String {
        let x = a.split(separator: "\n", omittingEmptySubsequences: false)
        let y = b.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(x.count, y.count) {
            let l = i < x.count ? String(x[i]) : "<end of file>"
            let r = i < y.count ? String(y[i]) : "<end of output>"
            if l != r { return "line \(i + 1)\n  expected: \(l)\n  rendered: \(r)" }
        }
        return "(same lines; the files differ in line endings)"
    }
}
