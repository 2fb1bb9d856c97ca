import Foundation
import Liquid
@testable import Server
import Templates
import Testing

/// From a save to the updated preview: how long the server takes to reload the file, re-render
/// what depends on it and push the change, for the example project's largest template and for
/// the layout most emails use. Prints the figures; asserts nothing about time (DESIGN.md:
/// speed claims come from benchmarks, not from timed tests).
@Suite(.serialized) struct ServerBenchmarkTests {
    @Test func saveToPush() async throws {
        let root = try TestServer.copyOfExample()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let largest = try Self.largestTemplate(in: root)
        try await TestServer.with(root: root) { http in
            let events = try TestEventStream(port: http.port)
            defer { events.close() }
            _ = await events.next("hello")
            for file in [largest, "layouts/default/html_layout.html"] {
                let path = root + "/" + file
                let original = try String(contentsOfFile: path, encoding: .utf8)
                var endToEnd: [Double] = []
                var server: [Double] = []
                var workflows = 0
                let clock = ContinuousClock()
                for i in 0..<15 {
                    let start = clock.now
                    try TestServer.write(original + "\n<!-- edit \(i) -->", to: path)
                    guard let data = await events.next("change") else {
                        Issue.record("no change event for \(file)")
                        return
                    }
                    endToEnd.append(Self.millis(clock.now - start))
                    let json = try JSONParser.parse(data)
                    if case .double(let ms) = json["render_ms"] { server.append(ms) }
                    workflows = json["workflows"].items.count
                }
                print("""
                    save → re-render + push, \(file) (\(original.utf8.count) bytes, \(workflows) workflow(s) re-rendered, debug build):
                      server (reload + re-render): median \(Self.median(server)) ms, max \(server.max() ?? 0) ms
                      file written → event received (includes the 15 ms quiet wait for a burst of saves): median \(Self.median(endToEnd)) ms, max \(Self.round(endToEnd.max() ?? 0)) ms
                    """)
                #expect(server.count == 15)
            }
        }
    }

    /// The biggest template file of a channel step in the example project.
    static func largestTemplate(in root: String) throws -> String {
        let project = try Project.load(root: root)
        var best = ("", 0)
        for workflow in project.workflows.values {
            for step in workflow.allSteps {
                for location in step.info?.sources.values.map({ $0 }) ?? [] where location.isWholeFile {
                    let size = (try? FileManager.default.attributesOfItem(atPath: root + "/" + location.file)[.size] as? Int) ?? 0
                    if size > best.1 { best = (location.file, size) }
                }
            }
        }
        return best.0
    }

    static func millis(_ d: Swift.Duration) -> Double {
        round(Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15)
    }

    static func round(_ x: Double) -> Double { (x * 100).rounded() / 100 }

    static func median(_ xs: [Double]) -> Double {
        guard !xs.isEmpty else { return 0 }
        return round(xs.sorted()[xs.count / 2])
    }
}
