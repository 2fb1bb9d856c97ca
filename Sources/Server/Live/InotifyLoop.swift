#if os(Linux)
import Glibc

/// The inotify side of `FileWatcher`: one watch per folder, events read after `poll`, a burst
/// gathered until the folder is quiet, new folders watched as they appear.
struct InotifyLoop {
    let watcher: FileWatcher
    private let fd: Int32
    private var folderOf: [Int32: String] = [:]
    private var watched: Set<String> = []

    private static let fileEvents = UInt32(IN_CLOSE_WRITE) | UInt32(IN_MODIFY) | UInt32(IN_CREATE) | UInt32(IN_DELETE)
        | UInt32(IN_MOVED_FROM) | UInt32(IN_MOVED_TO) | UInt32(IN_ATTRIB) | UInt32(IN_DELETE_SELF)

    /// Nil when inotify is not available or refuses the watches (no watches left): the caller
    /// polls instead.
    init?(watcher: FileWatcher) {
        self.watcher = watcher
        fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        guard watchAll(watcher.takeFolders().folders) else {
            close(fd)
            return nil
        }
    }

    /// Read events until the watcher is stopped.
    mutating func run() {
        var pending = Set<String>()
        var burstStart: Int64 = 0
        while !watcher.isStopped {
            let timeout: Int32 = pending.isEmpty ? -1 : FileWatcher.milliseconds(watcher.quiet)
            var fds = [pollfd(fd: fd, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: watcher.wakeFD, events: Int16(POLLIN), revents: 0)]
            let n = poll(&fds, 2, timeout)
            if n < 0 && errno != EINTR { break }
            if fds[1].revents != 0 {
                watcher.drainWake()
                let (folders, changed) = watcher.takeFolders()
                if changed {
                    _ = watchAll(folders)
                    pending.insert("*")
                }
            }
            if fds[0].revents != 0 {
                if pending.isEmpty { burstStart = Self.nowMillis() }
                readEvents(into: &pending)
            }
            // Flush after a quiet spell, or after 200 ms of continuous writing.
            if !pending.isEmpty && (n == 0 || Self.nowMillis() - burstStart > 200) {
                watcher.emit(pending)
                pending = []
            }
        }
        close(fd)
        watcher.finish()
    }

    private mutating func watchAll(_ folders: [String]) -> Bool {
        guard add("", recursive: false) else { return false }
        for folder in folders where !folder.isEmpty {
            guard add(folder, recursive: true) else { return false }
        }
        return true
    }

    /// Watch a folder (and its subfolders). False when the kernel refuses (no watches left).
    @discardableResult
    private mutating func add(_ folder: String, recursive: Bool) -> Bool {
        let list = recursive ? FileWatcher.subfolders(root: watcher.root, folder) : [folder]
        for f in list where !watched.contains(f) {
            let path = f.isEmpty ? watcher.root : watcher.root + "/" + f
            let wd = inotify_add_watch(fd, path, Self.fileEvents | UInt32(IN_ONLYDIR))
            if wd < 0 {
                if errno == ENOENT || errno == ENOTDIR || errno == EACCES { continue }
                return false
            }
            folderOf[wd] = f
            watched.insert(f)
        }
        return true
    }

    private mutating func readEvents(into pending: inout Set<String>) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            var offset = 0
            while offset + 16 <= count {
                let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                    (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                handle(wd: wd, mask: mask, name: name, into: &pending)
            }
        }
    }

    private mutating func handle(wd: Int32, mask: UInt32, name: String, into pending: inout Set<String>) {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            pending.insert("*")  // events were lost: reload everything
            return
        }
        guard let folder = folderOf[wd] else { return }
        if mask & UInt32(IN_IGNORED) != 0 {
            folderOf[wd] = nil
            watched.remove(folder)
            return
        }
        guard !name.isEmpty, !FileWatcher.isIgnored(name) else { return }
        let path = folder.isEmpty ? name : folder + "/" + name
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & (UInt32(IN_CREATE) | UInt32(IN_MOVED_TO)) != 0, !folder.isEmpty || isWatchedRootChild(name) {
                // A new folder: watch it, and report what was written into it before the watch.
                add(path, recursive: true)
                for file in FileWatcher.files(root: watcher.root, under: path) { pending.insert(file) }
            }
            pending.insert(path)
            return
        }
        pending.insert(path)
    }

    /// Folders at the root are watched only when they are (or are inside) a watched folder.
    private func isWatchedRootChild(_ name: String) -> Bool {
        watcher.currentFolders.contains { $0 == name || $0.hasPrefix(name + "/") }
    }

    static func nowMillis() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) * 1000 + Int64(ts.tv_nsec) / 1_000_000
    }
}
#endif
