/// Where something in a project came from: a file (relative to the project root) and, when
/// known, a 1-based line and column in it.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The value is the whole content of `file` (a `@` reference), so a position inside the value
    /// is the same position inside the file.
    public var isWholeFile: Bool

    public init(file: String, line: Int? = nil, column: Int? = nil, isWholeFile: Bool = false) {
        self.file = file
        self.line = line
        self.column = column
        self.isWholeFile = isWholeFile
    }

    public var description: String {
        guard let line else { return file }
        return "\(file):\(line):\(column ?? 1)"
    }
}

/// One thing wrong (or suspicious) in a project, for a person to fix: what file, where in it,
/// which JSON field, and what is wrong. Loading collects these instead of stopping.
public struct Problem: Sendable, Hashable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error
        case warning
    }

    public var severity: Severity
    /// Relative to the project root.
    public var file: String
    /// The field the problem is about (`steps[2].template.subject`), when it is about one.
    public var jsonPath: String?
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(_ severity: Severity, file: String, jsonPath: String? = nil, line: Int? = nil, column: Int? = nil,
                message: String)
    {
        self.severity = severity
        self.file = file
        self.jsonPath = jsonPath
        self.line = line
        self.column = column
        self.message = message
    }

    public init(_ severity: Severity, at location: SourceLocation, jsonPath: String? = nil, message: String) {
        self.init(severity, file: location.file, jsonPath: jsonPath, line: location.line, column: location.column,
                  message: message)
    }

    /// Compiler style: `file:line:col: error: message (at steps[2].template.subject)`.
    public var description: String {
        var text = file
        if let line { text += ":\(line):\(column ?? 1)" }
        text += ": \(severity.rawValue): \(message)"
        if let jsonPath, !jsonPath.isEmpty { text += " (at \(jsonPath))" }
        return text
    }

    /// Files first, then position, so a listing reads top to bottom.
    static func ordered(_ a: Problem, _ b: Problem) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
        return (a.column ?? 0) < (b.column ?? 0)
    }
}

/// Collects problems while one resource is read; readers share it by reference.
final class ProblemLog {
    private(set) var problems: [Problem] = []
    /// Fields whose `@` reference could not be read (already reported): not "missing" as well.
    var unresolved: Set<String> = []

    func add(_ problem: Problem) { problems.append(problem) }

    func error(_ location: SourceLocation, _ path: String?, _ message: String) {
        add(Problem(.error, at: location, jsonPath: path, message: message))
    }

    func warning(_ location: SourceLocation, _ path: String?, _ message: String) {
        add(Problem(.warning, at: location, jsonPath: path, message: message))
    }
}
