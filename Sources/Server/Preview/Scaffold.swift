import Liquid
import Templates

/// Sample data made from the variables a workflow's templates read (Liquid's static analysis),
/// for a workflow with no `sample.json`: every path gets a placeholder naming itself, so the
/// preview shows where each variable lands.
enum Scaffold {
    /// Variables the run provides or the project defines: not asked of the author.
    static let provided: Set<String> = [
        "vars", "workflow", "timestamp", "total_activities", "total_actors", "current_message", "content",
        "footer_links", "preview_text", "forloop", "tablerowloop",
    ]

    static func sample(for workflow: Workflow, in project: Project) -> LiquidObject {
        let env = project.environment()
        var paths: [String] = []
        for step in workflow.allSteps {
            for field in step.liquidFields {
                guard let template = try? env.parse(field.source, name: field.location.file) else { continue }
                paths += template.analyze().variables.map(\.name)
            }
        }
        return sample(paths: paths)
    }

    /// A sample object from variable paths (`data.page.title`, `recipient.name`, `items[0].sku`,
    /// or a bare `page_name`, which is trigger data at top level).
    static func sample(paths: [String]) -> LiquidObject {
        var root = Value.object(LiquidObject([
            ("data", .object(LiquidObject())),
            ("recipient", .object(LiquidObject([("id", "user_1"), ("name", "Sample Recipient"),
                                                ("email", "recipient@example.com"), ("phone_number", "+15555550100")]))),
            ("actor", .object(LiquidObject([("id", "user_2"), ("name", "Sample Actor")]))),
        ]))
        for path in paths {
            guard var segments = segments(of: path), let first = segments.first, !provided.contains(first.key ?? "") else { continue }
            if first.key == "$data" { segments[0] = .init(key: "data") }
            if let key = first.key, !RunScope.systemNames.contains(key) { segments.insert(.init(key: "data"), at: 0) }
            // `activities` and `actors` are lists of the run's own data: leave them to the run.
            if first.key == "activities" || first.key == "actors" { continue }
            guard segments.count >= 2 || segments.first?.key == "data" else { continue }
            insert(&root, segments[...], leaf: segments.last?.key ?? "value")
        }
        if case .object(let o) = root { return o }
        return LiquidObject()
    }

    struct Segment: Equatable {
        var key: String?
        var index: Int?
        init(key: String) { self.key = key }
        init(index: Int) { self.index = index }
    }

    /// `a.b[0].c` → [a, b, 0, c]; nil for a dynamic lookup (`a[b]`) the scaffold cannot fill.
    static func segments(of path: String) -> [Segment]? {
        var out: [Segment] = []
        var current = ""
        var i = path.startIndex
        while i < path.endIndex {
            let c = path[i]
            if c == "." {
                if !current.isEmpty { out.append(.init(key: current)) }
                current = ""
            } else if c == "[" {
                if !current.isEmpty { out.append(.init(key: current)) }
                current = ""
                guard let close = path[i...].firstIndex(of: "]") else { return nil }
                let inner = path[path.index(after: i)..<close]
                if let n = Int(inner), n >= 0, n < 100 {
                    out.append(.init(index: n))
                } else if inner.count >= 2, let q = inner.first, q == "\"" || q == "'", inner.last == q {
                    out.append(.init(key: String(inner.dropFirst().dropLast())))
                } else {
                    return nil
                }
                i = close
            } else {
                current.append(c)
            }
            i = path.index(after: i)
        }
        if !current.isEmpty { out.append(.init(key: current)) }
        // `size`, `first` and `last` read a list; they are not keys to fill in.
        if let last = out.last?.key, ["size", "first", "last"].contains(last), out.count > 1 { out.removeLast() }
        return out.isEmpty ? nil : out
    }

    private static func insert(_ value: inout Value, _ path: ArraySlice<Segment>, leaf: String) {
        guard let head = path.first else {
            if value.isNil { value = .string(leaf.replacingUnderscores()) }
            return
        }
        let rest = path.dropFirst()
        if let key = head.key {
            var object: LiquidObject
            if case .object(let o) = value { object = o } else if value.isNil { object = LiquidObject() } else { return }
            var child = object[key] ?? .nil
            insert(&child, rest, leaf: leaf)
            object[key] = child
            value = .object(object)
        } else if let index = head.index {
            var items: [Value]
            if case .array(let a) = value { items = a } else if value.isNil { items = [] } else { return }
            while items.count <= index { items.append(.nil) }
            insert(&items[index], rest, leaf: leaf)
            value = .array(items)
        }
    }
}

private extension String {
    /// `page_title` → `Page title`: a placeholder that reads as what it stands for.
    func replacingUnderscores() -> String {
        let spaced = String(map { $0 == "_" || $0 == "-" ? " " : $0 })
        return spaced.prefix(1).uppercased() + spaced.dropFirst()
    }
}
