import Foundation

/// The project's files, confined to its root: every read resolves symlinks and refuses a path
/// that lands outside the root. Contents are kept, so rebuilding one resource after an edit
/// re-reads only the file that changed.
struct ProjectFiles: Sendable {
    enum Content: Sendable, Equatable {
        case bytes([UInt8])
        case missing
        /// The path resolves (through a symlink) outside the project root.
        case outside
        case notAFile
        case tooLarge
    }

    struct Entry: Sendable {
        let name: String
        let isDirectory: Bool
    }

    /// Absolute, symlinks resolved.
    let root: String
    private var contents: [String: Content] = [:]
    /// Every read that went to the disk, in order (tests check that a reload reads one file).
    private(set) var diskReads: [String] = []

    static let maxFileBytes = 8 << 20

    init(root: String) { self.root = root }

    /// The file at a path relative to the root (from memory when it was read before).
    mutating func read(_ path: String) -> Content {
        if let known = contents[path] { return known }
        diskReads.append(path)
        let content = readFromDisk(path)
        contents[path] = content
        return content
    }

    /// What was read for a path, without reading it.
    func cached(_ path: String) -> Content? { contents[path] }

    /// Drop what is kept for a path, so the next `read` goes to the disk.
    mutating func forget(_ path: String) { contents[path] = nil }

    mutating func forgetAll() { contents = [:] }

    /// The absolute path of a project path, or nil when it is missing or resolves outside the root.
    func resolvedPath(_ path: String) -> String? {
        guard let real = Self.realPath(absolute(path)), isInside(real) else { return nil }
        return real
    }

    func isOutside(_ path: String) -> Bool {
        guard let real = Self.realPath(absolute(path)) else { return false }
        return !isInside(real)
    }

    func isDirectory(_ path: String) -> Bool {
        guard let real = resolvedPath(path) else { return false }
        var st = stat()
        return stat(real, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// The visible entries of a folder, sorted by name; nil when it is missing or outside the root.
    func list(_ path: String) -> [Entry]? {
        guard let real = resolvedPath(path), isDirectory(path),
              let names = try? FileManager.default.contentsOfDirectory(atPath: real)
        else { return nil }
        return names.filter { !$0.hasPrefix(".") }.sorted().map { name in
            var st = stat()
            let isDir = stat(real + "/" + name, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
            return Entry(name: name, isDirectory: isDir)
        }
    }

    private func absolute(_ path: String) -> String { path.isEmpty ? root : root + "/" + path }

    private func isInside(_ real: String) -> Bool { real == root || real.hasPrefix(root == "/" ? "/" : root + "/") }

    private func readFromDisk(_ path: String) -> Content {
        guard let real = Self.realPath(absolute(path)) else { return .missing }
        guard isInside(real) else { return .outside }
        var st = stat()
        guard stat(real, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return .notAFile }
        guard Int(st.st_size) <= Self.maxFileBytes else { return .tooLarge }
        guard let data = FileManager.default.contents(atPath: real) else { return .missing }
        return .bytes([UInt8](data))
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
