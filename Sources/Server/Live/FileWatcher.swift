import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches a project's folders and reports changed files (relative paths) in batches: one batch
/// per burst of saves, once the folder has been quiet for `quiet` (editors write a file in
/// several steps: a temporary file, a rename, a chmod).
///
/// On Linux it uses inotify, one watch per folder, added recursively and for folders created
/// later. Where inotify is missing or refused (no watches left, another OS), it compares file
/// modification times every `pollInterval`. It runs on a thread of its own: blocking waits stay
/// off Swift's cooperative pool.
final class FileWatcher: @unchecked Sendable {
    enum Mode: String, Sendable {
        case inotify, polling
    }

    let root: String
    let quiet: Duration
    let pollInterval: Duration
    private(set) var mode: Mode
    let batches: AsyncStream<[String]>

    private let continuation: AsyncStream<[String]>.Continuation
    private let lock = NSLock()
    private var folders: [String]
    private var foldersChanged = false
    private var stopped = false
    private var wakePipe: [Int32] = [-1, -1]

    /// - Parameters:
    ///   - root: the project folder (absolute).
    ///   - folders: folders inside it watched recursively; the root itself is watched without its subfolders.
    ///   - forcePolling: skip inotify (tests, or file systems that do not report changes).
    init(root: String, folders: [String], quiet: Duration = .milliseconds(15), pollInterval: Duration = .milliseconds(250),
         forcePolling: Bool = false)
    {
        self.root = root
        self.folders = folders
        self.quiet = quiet
        self.pollInterval = pollInterval
        (batches, continuation) = AsyncStream.makeStream(of: [String].self, bufferingPolicy: .unbounded)
        #if os(Linux)
        mode = forcePolling ? .polling : .inotify
        #else
        mode = .polling
        #endif
    }

    /// Start watching; returns once the first watches are in place, so a save right after is seen.
    func start() {
        _ = wakePipe.withUnsafeMutableBufferPointer { pipe($0.baseAddress!) }
        let ready = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            #if os(Linux)
            if mode == .inotify, var inotify = InotifyLoop(watcher: self) {
                ready.signal()
                inotify.run()
                return
            }
            #endif
            mode = .polling
            var polling = PollingLoop(watcher: self)
            ready.signal()
            polling.run()
        }
        thread.name = "missive.file-watcher"
        thread.start()
        ready.wait()
    }

    func stop() {
        lock.lock()
        let already = stopped
        stopped = true
        lock.unlock()
        guard !already else { return }
        wake()
    }

    /// Watch other folders from now on (the configuration named new ones).
    func rewatch(folders: [String]) {
        lock.lock()
        self.folders = folders
        foldersChanged = true
        lock.unlock()
        wake()
    }

    // MARK: for the loops

    var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    /// The folders to watch, and whether they changed since the last call.
    func takeFolders() -> (folders: [String], changed: Bool) {
        lock.lock()
        defer { lock.unlock() }
        let changed = foldersChanged
        foldersChanged = false
        return (folders, changed)
    }

    var currentFolders: [String] {
        lock.lock()
        defer { lock.unlock() }
        return folders
    }

    var wakeFD: Int32 { wakePipe[0] }

    func drainWake() {
        var buffer = [UInt8](repeating: 0, count: 64)
        _ = buffer.withUnsafeMutableBytes { read(wakePipe[0], $0.baseAddress, $0.count) }
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakePipe[1], &byte, 1)
    }

    func emit(_ paths: Set<String>) {
        guard !paths.isEmpty else { return }
        continuation.yield(paths.sorted())
    }

    func finish() {
        continuation.finish()
        close(wakePipe[0])
        close(wakePipe[1])
    }

    /// Names editors and tools write next to real files: hidden files, backups, vim's probe.
    static func isIgnored(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".tmp") || name == "4913"
    }

    static func milliseconds(_ d: Duration) -> Int32 {
        Int32(clamping: d.components.seconds * 1000 + d.components.attoseconds / 1_000_000_000_000_000)
    }

    /// Every file under `relative`, as paths relative to the root (hidden ones skipped).
    static func files(root: String, under relative: String) -> [String] {
        var out: [String] = []
        for folder in subfolders(root: root, relative) {
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names where !isIgnored(name) {
                var st = stat()
                if lstat(absolute + "/" + name, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG {
                    out.append(folder.isEmpty ? name : folder + "/" + name)
                }
            }
        }
        return out
    }

    /// Every folder under `relative` (itself included), skipping hidden ones.
    static func subfolders(root: String, _ relative: String, limit: Int = 4096) -> [String] {
        var out: [String] = []
        var stack = [relative]
        while let folder = stack.popLast(), out.count < limit {
            out.append(folder)
            let absolute = folder.isEmpty ? root : root + "/" + folder
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { continue }
            for name in names.sorted() where !isIgnored(name) {
                var st = stat()
                let path = absolute + "/" + name
                if lstat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR {
                    stack.append(folder.isEmpty ? name : folder + "/" + name)
                }
            }
        }
        return out
    }
}
