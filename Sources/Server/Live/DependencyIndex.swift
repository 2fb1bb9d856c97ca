import Liquid
import Templates

/// Which workflows a changed resource affects: the partials and layouts each workflow's
/// templates use (through partials that render partials, and layouts that render partials), and
/// whether they translate. Built from Liquid's static analysis; updated per changed resource.
struct DependencyIndex: Sendable {
    /// What one source (a workflow's templates, a layout, a partial) uses directly.
    struct Uses: Sendable, Equatable {
        var partials: Set<String> = []
        var layouts: Set<String> = []
        var translates = false
        /// Some source did not parse: it might use anything, so any change re-renders it.
        var unknown = false
    }

    private(set) var workflows: [String: Uses] = [:]
    private(set) var partials: [String: Uses] = [:]
    private(set) var layouts: [String: Uses] = [:]

    init(project: Project) {
        let env = project.environment()
        for (key, workflow) in project.workflows { workflows[key] = Self.uses(of: workflow, env) }
        for (key, partial) in project.partials { partials[key] = Self.uses(of: [partial.liquidField], env) }
        for (key, layout) in project.layouts { layouts[key] = Self.uses(of: layout.liquidFields, env) }
    }

    /// Re-read what the changed resources use (the others are unchanged).
    mutating func update(_ resources: [ResourceID], in project: Project) {
        if resources.contains(.config) {
            self = DependencyIndex(project: project)
            return
        }
        let env = project.environment()
        for id in resources {
            switch id {
            case .workflow(let key): workflows[key] = project.workflows[key].map { Self.uses(of: $0, env) }
            case .partial(let key): partials[key] = project.partials[key].map { Self.uses(of: [$0.liquidField], env) }
            case .layout(let key): layouts[key] = project.layouts[key].map { Self.uses(of: $0.liquidFields, env) }
            default: break
            }
        }
    }

    /// The workflows whose rendering may change when `resources` change.
    func workflows(affectedBy resources: [ResourceID]) -> Set<String> {
        var out = Set<String>()
        var changedPartials = Set<String>()
        var changedLayouts = Set<String>()
        var translations = false
        for id in resources {
            switch id {
            case .config: return Set(workflows.keys)
            case .workflow(let k), .sample(let k): out.insert(k)
            case .partial(let p): changedPartials.insert(p)
            case .layout(let l): changedLayouts.insert(l)
            case .translation: translations = true
            }
        }
        guard !changedPartials.isEmpty || !changedLayouts.isEmpty || translations else { return out }
        // Partials that render a changed partial change too, transitively.
        var partialSet = changedPartials
        var grew = true
        while grew {
            grew = false
            for (key, uses) in partials where !partialSet.contains(key) {
                if !uses.partials.isDisjoint(with: partialSet) || (translations && uses.translates) {
                    partialSet.insert(key)
                    grew = true
                }
            }
        }
        var layoutSet = changedLayouts
        for (key, uses) in layouts where !uses.partials.isDisjoint(with: partialSet) || (translations && uses.translates) {
            layoutSet.insert(key)
        }
        for (key, uses) in workflows {
            if uses.unknown || !uses.partials.isDisjoint(with: partialSet) || !uses.layouts.isDisjoint(with: layoutSet)
                || (translations && uses.translates)
            {
                out.insert(key)
            }
        }
        return out
    }

    // MARK: reading sources

    static func uses(of workflow: Workflow, _ env: Environment) -> Uses {
        var uses = Uses()
        for step in workflow.allSteps {
            uses.merge(Self.uses(of: step.liquidFields, env))
            guard case .channel(let channel) = step else { continue }
            if case .object(let settings)? = channel.template["settings"], case .string(let layout)? = settings["layout_key"] {
                uses.layouts.insert(layout)
            } else if channel.channelType == .email {
                // Without a layout_key the channel's default layout may apply.
                uses.layouts.insert("default")
            }
            if case .array(let blocks)? = channel.template["visual_blocks"] {
                for case .object(let block) in blocks where block["type"]?.stringValue == "partial" {
                    if let key = block["key"]?.stringValue { uses.partials.insert(key) }
                }
            }
        }
        return uses
    }

    static func uses(of fields: [LiquidField], _ env: Environment) -> Uses {
        var uses = Uses()
        for field in fields {
            guard let template = try? env.parse(field.source, name: field.location.file) else {
                uses.unknown = true
                continue
            }
            let analysis = template.analyze()
            uses.partials.formUnion(analysis.partials.map(\.name))
            if analysis.filters.contains(where: { $0.name == "t" }) || analysis.tags.contains(where: { $0.name == "t" }) {
                uses.translates = true
            }
        }
        return uses
    }
}

extension DependencyIndex.Uses {
    mutating func merge(_ other: Self) {
        partials.formUnion(other.partials)
        layouts.formUnion(other.layouts)
        translates = translates || other.translates
        unknown = unknown || other.unknown
    }
}
