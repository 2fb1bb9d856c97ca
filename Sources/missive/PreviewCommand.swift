import ArgumentParser
import Dispatch
import Foundation
import Server

/// `missive preview [DIR] [--port N] [--host H]`: serve the preview page for a project.
struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Preview every channel of every workflow in a browser, live as you edit.",
        discussion: """
            Serves a page that shows each workflow's email, SMS, push, chat, in-app and webhook \
            messages rendered with its sample data (sample.json), the project's layouts, partials \
            and translations, and its problems. Saving a file re-renders what depends on it and \
            updates open pages. A JSON API is under /api. Binds to 127.0.0.1 unless --host says otherwise.
            """
    )

    @Argument(help: "The project folder (default: the current folder).") var directory: String = "."
    @Option(help: "The port to listen on (0 picks a free one).") var port: Int = 4000
    @Option(help: "The address to bind to. Anything but 127.0.0.1 or localhost exposes your templates to the network.")
    var host: String = "127.0.0.1"
    @Flag(help: "Compare file times every 250 ms instead of using inotify.") var poll = false
    @Flag(help: "Log each change and how long its re-render took.") var verbose = false

    func run() throws {
        let server: PreviewServer
        do {
            server = try PreviewServer(options: .init(root: directory, host: host, port: port, forcePolling: poll, verbose: verbose))
        } catch {
            IO.error("missive preview: \(error)")
            throw ExitCode(1)
        }
        if host != "127.0.0.1" && host != "localhost" && host != "::1" {
            IO.error("missive preview: warning: listening on \(host): anyone who can reach this address can read your templates")
        }
        let host = self.host
        let task = Task {
            try await server.run { port in
                IO.write("Missive preview: http://\(host.contains(":") ? "[\(host)]" : host):\(port)/  (Ctrl-C to stop)\n")
            }
        }
        // Ctrl-C or SIGTERM stop the server; the command's run() is synchronous, so wait here.
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = { @Sendable in task.cancel() }
        let sources = [SIGINT, SIGTERM].map { sig in
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .main)
            source.setEventHandler(handler: stop)
            source.resume()
            return source
        }
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await task.value } catch is CancellationError {} catch { failure.set("\(error)") }
            done.signal()
        }
        while done.wait(timeout: .now() + .milliseconds(100)) == .timedOut {
            RunLoop.main.run(until: Date().addingTimeInterval(0.01))
        }
        _ = sources
        if let message = failure.get() {
            IO.error("missive preview: \(message)")
            throw ExitCode(1)
        }
    }
}

/// The server task's error, handed from the task to the waiting command.
private final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var message: String?
    func set(_ m: String) { lock.lock(); message = m; lock.unlock() }
    func get() -> String? { lock.lock(); defer { lock.unlock() }; return message }
}
