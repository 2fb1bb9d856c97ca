/// Reading one resource (a workflow, a layout, ...): its files through the project's confined
/// file access, the problems found, and the files it depends on (so an edit to any of them
/// rebuilds it).
struct ReadContext {
    var files: ProjectFiles
    let log = ProblemLog()
    private(set) var dependencies: Set<String> = []
    /// `@` paths already used by this resource: each file may back one field only.
    private var referenced: Set<String> = []

    init(files: ProjectFiles) { self.files = files }

    /// The bytes of a file, or nil after reporting why not: at `location` (the `@` key that
    /// names the file) when given, else against the file itself.
    mutating func bytes(_ path: String, referencedAt location: SourceLocation? = nil, jsonPath: String? = nil)
        -> [UInt8]?
    {
        dependencies.insert(path)
        let problemAt = location ?? SourceLocation(file: path)
        let name = location == nil ? "the file" : "'\(path)'"
        switch files.read(path) {
        case .bytes(let b): return b
        case .missing: log.error(problemAt, jsonPath, "\(name) does not exist")
        case .outside: log.error(problemAt, jsonPath, "\(name) resolves outside the project folder (through a symlink)")
        case .notAFile: log.error(problemAt, jsonPath, "\(name) is not a regular file")
        case .tooLarge: log.error(problemAt, jsonPath, "\(name) is larger than \(ProjectFiles.maxFileBytes >> 20) MB")
        }
        return nil
    }

    /// A JSON file, parsed with positions; nil after reporting a syntax error.
    mutating func json(_ path: String, referencedAt location: SourceLocation? = nil, jsonPath: String? = nil) -> JSONNode? {
        guard let bytes = bytes(path, referencedAt: location, jsonPath: jsonPath) else { return nil }
        do {
            return try LocatedJSON.parse(bytes, file: path)
        } catch {
            log.add(Problem(.error, file: path, line: error.line, column: error.column,
                            message: "invalid JSON: \(error.message)"))
            return nil
        }
    }

    /// An object-valued JSON file with Knock's read-only keys (`__readonly`, `$schema`) removed.
    mutating func jsonObject(_ path: String) -> JSONNode? {
        guard var node = json(path) else { return nil }
        guard let members = node.members else {
            log.error(node.location, nil, "must hold a JSON object, not \(node.typeDescription)")
            return nil
        }
        node.kind = .object(members.filter { $0.key != "__readonly" && $0.key != "$schema" })
        return node
    }

    // MARK: `@` file references

    /// Files referenced from files referenced from the top file, and no deeper (workflow.json →
    /// visual_blocks.json → a block's content).
    static let maxReferenceDepth = 2

    /// Replace every `field@: "path"` member, at any depth, with `field` holding the file's
    /// content: decoded JSON for `visual_blocks.json`, raw text for every other file. Paths are
    /// relative to the folder of the file that contains them.
    mutating func resolveReferences(_ node: JSONNode, path: String, depth: Int = 0) -> JSONNode {
        switch node.kind {
        case .array(let items):
            var out = node
            out.kind = .array(items.enumerated().map { i, item in
                resolveReferences(item, path: path + "[\(i)]", depth: depth)
            })
            return out
        case .object(let members):
            var resolved: [JSONMember] = []
            let plainKeys = Set(members.map(\.key).filter { !$0.hasSuffix("@") })
            for member in members {
                let memberPath = FieldReader.join(path, member.key)
                guard member.key.count > 1, member.key.hasSuffix("@") else {
                    resolved.append(JSONMember(key: member.key, keyLocation: member.keyLocation,
                                               value: resolveReferences(member.value, path: memberPath, depth: depth)))
                    continue
                }
                let field = String(member.key.dropLast())
                if plainKeys.contains(field) {
                    log.error(member.keyLocation, memberPath, "both '\(field)' and '\(member.key)' are given; keep one")
                    continue
                }
                let fieldPath = FieldReader.join(path, field)
                if let content = referencedContent(member, path: memberPath, fieldPath: fieldPath, depth: depth + 1) {
                    resolved.append(JSONMember(key: field, keyLocation: member.keyLocation, value: content))
                } else {
                    log.unresolved.insert(fieldPath)
                }
            }
            var out = node
            out.kind = .object(resolved)
            return out
        default:
            return node
        }
    }

    private mutating func referencedContent(_ member: JSONMember, path: String, fieldPath: String, depth: Int)
        -> JSONNode?
    {
        let at = member.keyLocation
        guard let written = member.value.string else {
            log.error(at, path, "a '@' field must hold a file path, not \(member.value.typeDescription)")
            return nil
        }
        let relative: String
        switch NameRules.normalizedRelativePath(written) {
        case .success(let p): relative = p
        case .failure(let refusal):
            log.error(at, path, "file path '\(written)' \(refusal.message)")
            return nil
        }
        let file = RelativePath.join(RelativePath.directory(of: at.file), relative)
        if files.isOutside(file) {
            dependencies.insert(file)
            log.error(at, path, "file path '\(written)' resolves outside the project folder (through a symlink)")
            return nil
        }
        guard depth <= Self.maxReferenceDepth else {
            log.error(at, path, "file references nest deeper than \(Self.maxReferenceDepth) levels")
            return nil
        }
        if !referenced.insert(file).inserted {
            log.warning(at, path, "'\(file)' already backs another field")
        }
        if RelativePath.lastComponent(file).lowercased() == "visual_blocks.json" {
            guard let decoded = json(file, referencedAt: at, jsonPath: path) else { return nil }
            return resolveReferences(decoded, path: fieldPath, depth: depth)
        }
        guard let bytes = bytes(file, referencedAt: at, jsonPath: path) else { return nil }
        return JSONNode(kind: .string(String(decoding: bytes, as: UTF8.self)),
                        location: SourceLocation(file: file, line: 1, column: 1, isWholeFile: true))
    }
}
