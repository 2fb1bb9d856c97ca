#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Partials from a folder, confined to it: names may not be absolute or contain `..`, and a
/// symlink that resolves outside the root is refused. `name` is looked up as `name.liquid`, then
/// `name` as written.
public struct FileSystemLoader: TemplateLoader {
    public let root: String
    public var fileExtension: String

    /// - Parameter root: the folder partials come from; resolved once, so later symlink
    ///   changes to the root itself cannot widen it.
    public init(root: String, fileExtension: String = "liquid") throws {
        guard let resolved = Self.realPath(root) else {
            throw LiquidError(.fileSystem, "partials folder '\(root)' does not exist")
        }
        self.root = resolved
        self.fileExtension = fileExtension
    }

    public func source(named name: String) throws -> String {
        try Self.checkName(name)
        for candidate in [name + "." + fileExtension, name] {
            let path = root + "/" + candidate
            guard let real = Self.realPath(path) else { continue }
            guard real == root || real.hasPrefix(root + "/") else {
                throw LiquidError(.fileSystem, "partial '\(name)' resolves outside the partials folder")
            }
            if let bytes = Self.read(real) { return String(decoding: bytes, as: UTF8.self) }
        }
        throw LiquidError(.fileSystem, "Could not find partial '\(name)'")
    }

    /// Names are relative paths of plain components: no absolute paths, no `..`, no empty parts.
    static func checkName(_ name: String) throws {
        guard !name.isEmpty, !name.hasPrefix("/"), !name.contains("\\"), !name.utf8.contains(0) else {
            throw LiquidError(.fileSystem, "Illegal partial name '\(name)'")
        }
        for part in name.split(separator: "/", omittingEmptySubsequences: false) where part == ".." || part == "." || part.isEmpty {
            throw LiquidError(.fileSystem, "Illegal partial name '\(name)'")
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    static func read(_ path: String) -> [UInt8]? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFREG else { return nil }
        return FileBytes.read(path)
    }
}
