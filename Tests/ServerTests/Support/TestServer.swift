import Foundation
@testable import Server

/// Runs a preview server on a free port for the length of `body`.
enum TestServer {
    static func with(root: String, forcePolling: Bool = false, _ body: (TestHTTP) async throws -> Void) async throws {
        let server = try PreviewServer(options: .init(root: root, port: 0, forcePolling: forcePolling))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task { try await server.run { port in continuation.yield(port) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw TestHTTP.Failure(description: "the server did not start") }
        do {
            try await body(TestHTTP(port: port))
        } catch {
            task.cancel()
            _ = try? await task.value
            throw error
        }
        task.cancel()
        _ = try? await task.value
    }

    /// The example project at the package root.
    static var exampleRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// A temporary copy of the example project (its project files only), removed by the caller.
    static func copyOfExample() throws -> String {
        let fm = FileManager.default
        let dir = fm.temporaryDirectory.appendingPathComponent("missive-preview-\(UUID().uuidString)").path
        try fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
        for item in ["missive.json", "templates", "layouts", "partials", "translations"] {
            try fm.copyItem(atPath: exampleRoot + "/" + item, toPath: dir + "/" + item)
        }
        return dir
    }

    static func write(_ text: String, to path: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }
}
