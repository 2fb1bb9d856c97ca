import Foundation
import Templates

/// Reading a project's own files for the page and `GET /api/files`: only files the project is
/// made of (workflow.json and the files it references, layouts, partials, translations, samples),
/// and only when their real path is inside the project folder. Nothing else is ever read.
enum ProjectFileAccess {
    static let maxBytes = 2 << 20

    enum Refusal: Error {
        /// `..`, an absolute path, a NUL byte.
        case badPath(String)
        case notInProject(String)
    }

    /// Every file the loaded project was built from, relative to its root.
    static func files(of p: Project) -> Set<String> {
        var out = Set<String>()
        if let f = p.config.file { out.insert(f) }
        for w in p.workflows.values {
            out.insert(w.file)
            for step in w.allSteps { if let info = step.info { out.formUnion(info.sources.values.map(\.file)) } }
        }
        for s in p.samples.values { out.insert(s.file) }
        for l in p.layouts.values {
            out.insert(l.file)
            out.formUnion(l.sources.values.map(\.file))
        }
        for x in p.partials.values {
            out.insert(x.file)
            out.insert(x.contentSource.file)
        }
        for t in p.translations.values { out.insert(t.file) }
        return out
    }

    /// A checked relative path: no `..` or `.` segment, not absolute, no NUL or backslash.
    static func check(_ path: String) throws -> String {
        guard !path.isEmpty, !path.hasPrefix("/"), !path.contains("\0"), !path.contains("\\") else {
            throw Refusal.badPath("'\(path)' is not a path inside the project")
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard !parts.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty }) else {
            throw Refusal.badPath("'\(path)' is not a plain path inside the project ('..', '.' and '//' are refused)")
        }
        return path
    }

    /// The content of one of the project's files.
    static func read(_ path: String, in project: Project) throws -> String {
        let relative = try check(path)
        guard files(of: project).contains(relative) else {
            throw Refusal.notInProject("'\(relative)' is not one of this project's files")
        }
        let absolute = project.root + "/" + relative
        guard let real = realPath(absolute), real.hasPrefix(project.root + "/") else {
            throw Refusal.notInProject("'\(relative)' is not inside the project folder")
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real),
              let size = attributes[.size] as? Int, size <= maxBytes,
              let data = FileManager.default.contents(atPath: real)
        else {
            throw Refusal.notInProject("'\(relative)' cannot be read")
        }
        return String(decoding: data, as: UTF8.self)
    }

    private static func realPath(_ path: String) -> String? {
        guard let p = realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }
}
