/// Rules for names that become file or folder names, so a name in a project can never point
/// somewhere else on disk.
enum NameRules {
    /// Knock's rule for workflow, layout and partial keys (and translation namespaces): `^[a-z0-9_-]+$`.
    static func isValidKey(_ key: String) -> Bool {
        !key.isEmpty && key.utf8.count <= 255 && key.utf8.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D
        }
    }

    /// Why a key is not valid, for the message; nil when it is.
    static func keyProblem(_ key: String, what: String) -> String? {
        if isValidKey(key) { return nil }
        if key.utf8.count > 255 { return "\(what) '\(key.prefix(40))…' is longer than 255 characters" }
        return "\(what) '\(key)' may contain only lowercase letters, digits, '_' and '-'"
    }

    /// Locale codes as Knock uses them: a language (`en`), optionally a script (`zh-Hans`) and a
    /// region (`en-GB`, `es-419`).
    static func isValidLocale(_ locale: String) -> Bool {
        let parts = locale.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return false }
        guard isLetters(parts[0], lower: true), (2...3).contains(parts[0].count) else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, isTitleCaseLetters(script) { rest = rest.dropFirst() }
        if let region = rest.first {
            let isRegion = (region.count == 2 && isLetters(region, lower: false))
                || (region.count == 3 && region.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
            guard isRegion else { return false }
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }

    private static func isLetters(_ s: Substring, lower: Bool) -> Bool {
        s.utf8.allSatisfy { lower ? ($0 >= 0x61 && $0 <= 0x7A) : ($0 >= 0x41 && $0 <= 0x5A) }
    }

    private static func isTitleCaseLetters(_ s: Substring) -> Bool {
        guard let first = s.first, first.isASCII, first.isUppercase else { return false }
        return isLetters(s.dropFirst(), lower: true)
    }

    /// A `@` reference or configured folder: relative, no `..`, no empty or odd parts.
    /// Returns the path with `./` parts removed, or a reason it is refused.
    static func normalizedRelativePath(_ path: String) -> Result<String, PathRefusal> {
        if path.isEmpty { return .failure(.empty) }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") { return .failure(.absolute) }
        if path.utf8.contains(0) { return .failure(.odd) }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { return .failure(.parent) }
            parts.append(part)
        }
        return .success(parts.joined(separator: "/"))
    }

    enum PathRefusal: Error {
        case empty, absolute, parent, odd

        var message: String {
            switch self {
            case .empty: return "is empty"
            case .absolute: return "must be a relative path"
            case .parent: return "may not contain '..'"
            case .odd: return "is not a usable path"
            }
        }
    }
}

/// Joining relative paths inside the project ("" is the project root).
enum RelativePath {
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty { return b }
        if b.isEmpty { return a }
        return a + "/" + b
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    static func lastComponent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}
