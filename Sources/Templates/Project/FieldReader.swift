import Liquid

/// Reads typed fields out of one JSON object, reporting each wrong field (with its JSON path and
/// the line of its key) and carrying on: a bad field is skipped, never fatal.
struct FieldReader {
    let members: [JSONMember]
    /// The object's JSON path (`steps[2].template`); "" at the top of a file.
    let path: String
    let location: SourceLocation
    let log: ProblemLog

    /// Nil (after reporting) when the node is not an object.
    init?(_ node: JSONNode, path: String, log: ProblemLog) {
        guard let members = node.members else {
            log.error(node.location, path, "must be an object, not \(node.typeDescription)")
            return nil
        }
        self.members = members
        self.path = path
        self.location = node.location
        self.log = log
    }

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    func path(_ key: String) -> String { Self.join(path, key) }

    /// The last member with this key (as JSON parsers do when a key repeats).
    func member(_ key: String) -> JSONMember? { members.last { $0.key == key } }

    func has(_ key: String) -> Bool { member(key) != nil }

    /// The value, treating `null` as absent.
    func node(_ key: String) -> JSONNode? {
        guard let m = member(key), !m.value.isNull else { return nil }
        return m.value
    }

    func value(_ key: String) -> Value? { node(key)?.value }

    private func wrongType(_ key: String, expected: String) {
        guard let m = member(key) else { return }
        log.error(m.keyLocation, path(key), "'\(key)' must be \(expected), not \(m.value.typeDescription)")
    }

    func missing(_ key: String, _ what: String = "") {
        if log.unresolved.contains(path(key)) { return }
        log.error(location, path.isEmpty ? nil : path, "missing '\(key)'\(what.isEmpty ? "" : " (\(what))")")
    }

    func string(_ key: String, required: Bool = false) -> String? {
        guard let n = node(key) else {
            if required { missing(key) }
            return nil
        }
        guard let s = n.string else { wrongType(key, expected: "a string"); return nil }
        return s
    }

    func bool(_ key: String) -> Bool? {
        guard let n = node(key) else { return nil }
        guard case .bool(let b) = n.kind else { wrongType(key, expected: "true or false"); return nil }
        return b
    }

    func int(_ key: String, in range: ClosedRange<Int>? = nil) -> Int? {
        guard let n = node(key) else { return nil }
        let value: Int
        switch n.kind {
        case .int(let i): value = i
        case .double(let d) where d == d.rounded() && abs(d) < 1e15: value = Int(d)
        default: wrongType(key, expected: "a whole number"); return nil
        }
        if let range, !range.contains(value), let m = member(key) {
            log.error(m.keyLocation, path(key), "'\(key)' must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
            return nil
        }
        return value
    }

    func strings(_ key: String) -> [String] {
        guard let n = node(key) else { return [] }
        guard let items = n.items else { wrongType(key, expected: "an array of strings"); return [] }
        var out: [String] = []
        for (i, item) in items.enumerated() {
            if let s = item.string { out.append(s) } else {
                log.error(item.location, path(key) + "[\(i)]", "must be a string, not \(item.typeDescription)")
            }
        }
        return out
    }

    func object(_ key: String) -> FieldReader? {
        guard let n = node(key) else { return nil }
        return FieldReader(n, path: path(key), log: log)
    }

    func array(_ key: String) -> [JSONNode]? {
        guard let n = node(key) else { return nil }
        guard let items = n.items else { wrongType(key, expected: "an array"); return nil }
        return items
    }

    /// A string from a fixed set; anything else is reported with the allowed values.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _: E.Type, required: Bool = false) -> E?
        where E.RawValue == String
    {
        guard let s = string(key, required: required) else { return nil }
        if let e = E(rawValue: s) { return e }
        if let m = member(key) {
            let allowed = E.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            log.error(m.keyLocation, path(key), "'\(key)' must be one of \(allowed), not '\(s)'")
        }
        return nil
    }

    /// Warn about keys this object does not know, and keys written twice.
    func checkKeys(_ known: Set<String>, what: String) {
        var seen = Set<String>()
        for m in members {
            if !seen.insert(m.key).inserted {
                log.warning(m.keyLocation, path(m.key), "'\(m.key)' appears twice; the last one is used")
            }
            if !known.contains(m.key) {
                log.warning(m.keyLocation, path(m.key), "unknown key '\(m.key)' in \(what)")
            }
        }
    }
}

extension FieldReader {
    /// `{"unit": "minutes", "value": 15}`.
    func duration(_ key: String) -> Duration? {
        guard let r = object(key) else { return nil }
        r.checkKeys(["unit", "value"], what: "a duration")
        let unit = r.choice("unit", Duration.Unit.self, required: true)
        guard let value = r.int("value") else {
            if !r.has("value") { r.missing("value") }
            return nil
        }
        if value < 0, let m = r.member("value") { log.error(m.keyLocation, r.path("value"), "a duration cannot be negative") }
        guard let unit else { return nil }
        return Duration(unit: unit, value: value)
    }

    /// `[{"key": ..., "value": ...}]` (headers, query parameters).
    func keyValues(_ key: String) -> [KeyValue] {
        guard let items = array(key) else { return [] }
        var out: [KeyValue] = []
        for (i, item) in items.enumerated() {
            guard let r = FieldReader(item, path: path(key) + "[\(i)]", log: log) else { continue }
            r.checkKeys(["key", "value"], what: "a key-value pair")
            if let k = r.string("key", required: true) {
                out.append(KeyValue(key: k, value: r.string("value") ?? ""))
            }
        }
        return out
    }

    /// Conditions are kept as written, after checking their outer shape.
    func conditions(_ key: String = "conditions") -> Value? {
        guard let n = node(key) else { return nil }
        guard let r = FieldReader(n, path: path(key), log: log) else { return nil }
        if !r.has("all") && !r.has("any") {
            log.error(r.location, r.path, "conditions must have 'all' or 'any'")
        }
        r.checkKeys(["all", "any"], what: "conditions")
        return n.value
    }
}

extension JSONNode {
    /// The origin of every string leaf, by path relative to this node (`template.subject`).
    func stringSources(prefix: String = "", into out: inout [String: SourceLocation]) {
        switch kind {
        case .string: out[prefix] = location
        case .array(let items):
            for (i, item) in items.enumerated() { item.stringSources(prefix: prefix + "[\(i)]", into: &out) }
        case .object(let members):
            for m in members { m.value.stringSources(prefix: FieldReader.join(prefix, m.key), into: &out) }
        default: break
        }
    }
}
