import Foundation
import Hummingbird
import Liquid
import Logging
import Templates

/// The preview server: a page that shows every channel step of every workflow of a project as it
/// will be sent, a JSON API, and live reload. Binds to 127.0.0.1 unless told otherwise.
///
/// ```swift
/// let server = try PreviewServer(options: .init(root: "."))
/// try await server.run { port in print("http://127.0.0.1:\(port)") }
/// ```
public struct PreviewServer: Sendable {
    public struct Options: Sendable {
        /// The project folder.
        public var root: String
        public var host: String
        /// 0 picks a free port (see `run(onReady:)`).
        public var port: Int
        /// Request bodies larger than this get a 413.
        public var bodyLimit: Int
        /// Compare modification times instead of using inotify.
        public var forcePolling: Bool
        /// Log each file change and its re-render time.
        public var verbose: Bool

        public init(root: String, host: String = "127.0.0.1", port: Int = 4000, bodyLimit: Int = 1 << 20,
                    forcePolling: Bool = false, verbose: Bool = false)
        {
            self.root = root
            self.host = host
            self.port = port
            self.bodyLimit = bodyLimit
            self.forcePolling = forcePolling
            self.verbose = verbose
        }
    }

    public let options: Options
    let state: PreviewState
    let hub = EventHub()

    /// Load the project. Throws when the folder is missing; problems inside it are shown on the page.
    public init(options: Options) throws {
        self.options = options
        let project = try Project.load(root: options.root)
        // "now" is frozen for the session (to the minute), so re-renders stay comparable.
        let now = (Date().timeIntervalSince1970 / 60).rounded(.down) * 60
        state = PreviewState(project: project, now: now)
    }

    /// Serve until cancelled. `onReady` gets the port once the server listens.
    public func run(onReady: @escaping @Sendable (Int) async -> Void = { _ in }) async throws {
        let project = await state.project
        let watcher = FileWatcher(root: project.root, folders: Self.watchedFolders(project.config),
                                  forcePolling: options.forcePolling)
        watcher.start()
        defer { watcher.stop() }
        if options.verbose { Self.log("watching \(project.root) (\(watcher.mode.rawValue))") }

        let router = Router()
        router.add(middleware: ErrorMiddleware())
        if HostCheckMiddleware.isLoopbackBinding(options.host) { router.add(middleware: HostCheckMiddleware()) }
        APIRoutes(state: state, hub: hub, bodyLimit: options.bodyLimit).register(on: router)
        PageRoutes(state: state, bodyLimit: options.bodyLimit).register(on: router)

        var logger = Logger(label: "missive.preview")
        // Cancelling the server (Ctrl-C) makes Hummingbird log errors that are not: keep it quiet
        // unless asked.
        logger.logLevel = options.verbose ? .info : .critical
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(options.host, port: options.port), serverName: "missive"),
            onServerRunning: { channel in await onReady(channel.localAddress?.port ?? 0) },
            logger: logger
        )
        let hub = self.hub
        let state = self.state
        let verbose = options.verbose
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await app.runService(gracefulShutdownSignals: [])
            }
            group.addTask {
                for await files in watcher.batches {
                    guard let change = await state.apply(files: files) else { continue }
                    if change.resources.contains(.config) { watcher.rewatch(folders: Self.watchedFolders(await state.project.config)) }
                    await hub.publish(event: "change", data: change.json)
                    if verbose {
                        Self.log("\(change.files.joined(separator: ", ")) → \(change.workflows.count) workflow(s) re-rendered in \(change.millis) ms")
                    }
                }
            }
            group.addTask {
                while !Task.isCancelled {
                    try await Task.sleep(for: .seconds(10))
                    await hub.heartbeat()
                }
            }
            defer { group.cancelAll() }
            // Whichever stops first (the server, normally by cancellation) stops the others.
            try await group.next()
            await hub.close()
        }
    }

    /// The project's folders, watched recursively (the root itself is watched too, for its configuration file).
    static func watchedFolders(_ config: ProjectConfig) -> [String] {
        Array(Set([config.templates, config.layouts, config.partials, config.translations])).sorted()
    }

    static func log(_ message: String) {
        FileHandle.standardError.write(Data(("missive preview: " + message + "\n").utf8))
    }
}
