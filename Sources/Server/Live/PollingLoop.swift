import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The fallback side of `FileWatcher`: every `pollInterval`, list the watched folders and compare
/// each file's modification time, size and inode with the last look.
struct PollingLoop {
    let watcher: FileWatcher
    private var last: [String: Stamp] = [:]

    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int64
        var inode: UInt64
    }

    init(watcher: FileWatcher) {
        self.watcher = watcher
        last = scan(watcher.takeFolders().folders)
    }

    mutating func run() {
        while !watcher.isStopped {
            var fds = [pollfd(fd: watcher.wakeFD, events: Int16(POLLIN), revents: 0)]
            if poll(&fds, 1, FileWatcher.milliseconds(watcher.pollInterval)) > 0 { watcher.drainWake() }
            if watcher.isStopped { break }
            let (folders, changed) = watcher.takeFolders()
            let now = scan(folders)
            var paths = Set<String>()
            for (path, stamp) in now where last[path] != stamp { paths.insert(path) }
            for path in last.keys where now[path] == nil { paths.insert(path) }
            if changed { paths.insert("*") }
            last = now
            watcher.emit(paths)
        }
        watcher.finish()
    }

    private func scan(_ folders: [String]) -> [String: Stamp] {
        var out: [String: Stamp] = [:]
        var files = rootFiles()
        for folder in folders where !folder.isEmpty { files += FileWatcher.files(root: watcher.root, under: folder) }
        for file in files {
            var st = stat()
            guard stat(watcher.root + "/" + file, &st) == 0 else { continue }
            #if os(Linux)
            let modified = st.st_mtim
            #else
            let modified = st.st_mtimespec
            #endif
            out[file] = Stamp(seconds: Int(modified.tv_sec), nanoseconds: Int(modified.tv_nsec),
                              size: Int64(st.st_size), inode: UInt64(st.st_ino))
        }
        return out
    }

    /// Files directly in the root (the configuration file lives there).
    private func rootFiles() -> [String] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: watcher.root) else { return [] }
        return names.filter { name in
            guard !FileWatcher.isIgnored(name) else { return false }
            var st = stat()
            return lstat(watcher.root + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG
        }
    }
}
