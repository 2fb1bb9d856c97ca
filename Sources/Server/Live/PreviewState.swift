import Channels
import Liquid
import Templates

/// The project as the server sees it, and the renders of every workflow with its default
/// sample, kept up to date as files change: a change re-reads only the changed files and
/// re-renders only the workflows that depend on them.
actor PreviewState {
    private(set) var project: Project
    /// Goes up by one with each change that affected something; pages compare it.
    private(set) var version = 0
    /// The frozen "now" every default render uses, so renders stay comparable across reloads.
    let defaultNow: Double
    private var index: DependencyIndex
    private var defaultRenders: [String: WorkflowRender] = [:]

    init(project: Project, now: Double) {
        self.project = project
        self.defaultNow = now
        self.index = DependencyIndex(project: project)
    }

    /// What changed after files were saved.
    struct Change: Sendable {
        var version: Int
        var files: [String]
        var resources: [ResourceID]
        /// Workflows re-rendered because they depend on a changed resource.
        var workflows: [String]
        /// Workflows, steps, layouts, partials or translation files appeared or went away.
        var structureChanged: Bool
        /// Reloading and re-rendering, in milliseconds.
        var millis: Double

        var json: Value {
            .object(LiquidObject([
                ("version", .int(version)),
                ("files", .array(files.map(Value.string))),
                ("resources", .array(resources.map { .string($0.description) })),
                ("workflows", .array(workflows.map(Value.string))),
                ("structure_changed", .bool(structureChanged)),
                ("render_ms", .double((millis * 100).rounded() / 100)),
            ]))
        }
    }

    /// Re-read `files` (relative paths; "*" reloads everything) and re-render what depends on
    /// them. Nil when nothing the project uses changed.
    func apply(files: [String]) -> Change? {
        let clock = ContinuousClock()
        let start = clock.now
        let before = Self.outline(project)
        var resources: [ResourceID] = []
        if files.contains("*") {
            let reloaded = try? Project.load(root: project.root)
            guard let reloaded else { return nil }
            project = reloaded
            resources = [.config]
        } else {
            var seen = Set<ResourceID>()
            for file in files {
                for id in project.reload(file: file) where seen.insert(id).inserted { resources.append(id) }
            }
        }
        guard !resources.isEmpty else { return nil }
        index.update(resources, in: project)
        let affected = index.workflows(affectedBy: resources).filter { project.workflows[$0] != nil }.sorted()
        for key in defaultRenders.keys where project.workflows[key] == nil { defaultRenders[key] = nil }
        for key in affected { defaultRenders[key] = renderDefault(key) }
        version += 1
        let elapsed = clock.now - start
        let millis = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return Change(version: version, files: files, resources: resources.sorted(), workflows: affected,
                      structureChanged: before != Self.outline(project), millis: millis)
    }

    /// The workflow rendered with its default sample (cached until a dependency changes).
    func defaultRender(_ workflow: String) -> WorkflowRender {
        if let cached = defaultRenders[workflow] { return cached }
        let outcomes = renderDefault(workflow)
        defaultRenders[workflow] = outcomes
        return outcomes
    }

    func snapshot() -> (project: Project, version: Int) { (project, version) }

    private func renderDefault(_ key: String) -> WorkflowRender {
        guard let workflow = project.workflows[key] else { return WorkflowRender(outcomes: []) }
        let sample = DefaultSample.json(for: workflow, in: project, now: defaultNow)
        guard let input = try? PreviewInput(json: sample, defaultNow: defaultNow) else { return WorkflowRender(outcomes: []) }
        return WorkflowRender(project, key, input: input)
    }

    /// The names the sidebar shows: when they differ, pages reload their sidebar.
    static func outline(_ p: Project) -> [String] {
        var out = p.workflows.keys.sorted().map { k in "w:" + k + ":" + p.workflows[k]!.allSteps.map(\.ref).joined(separator: ",") }
        out += p.layouts.keys.sorted().map { "l:" + $0 }
        out += p.partials.keys.sorted().map { "p:" + $0 }
        out += p.translations.keys.sorted().map { "t:" + $0.description }
        return out
    }
}

/// A workflow's channel steps rendered for one input, or the error that stopped the renderer.
struct WorkflowRender: Sendable {
    var outcomes: [WorkflowRenderer.Outcome]
    var error: LiquidError?
    /// For the page: a step skipped because the recipient lacks what the channel needs (an email
    /// address, a device token, a chat connection) rendered again with placeholders for those,
    /// so the author still sees the message. By step ref.
    var standIns: [String: WorkflowRenderer.Outcome] = [:]

    init(outcomes: [WorkflowRenderer.Outcome], error: LiquidError? = nil) {
        self.outcomes = outcomes
        self.error = error
    }

    init(_ project: Project, _ key: String, step: String? = nil, input: PreviewInput) {
        do {
            outcomes = try WorkflowRenderer(project: project).render(workflow: key, step: step, scope: input.scope,
                                                                     locale: input.locale, now: input.now)
        } catch let error as LiquidError {
            outcomes = []
            self.error = error
        } catch {
            outcomes = []
            self.error = LiquidError(.render, "\(error)")
        }
        guard let workflow = project.workflows[key] else { return }
        let renderer = WorkflowRenderer(project: project)
        for case .skipped(let ref, _, _) in outcomes {
            guard case .channel(let channel)? = workflow.step(ref: ref) else { continue }
            var scope = input.scope
            scope.recipient = Self.placeholderRecipient(scope.recipient, for: channel)
            let again = try? renderer.render(workflow: key, step: ref, scope: scope, locale: input.locale, now: input.now)
            if let first = again?.first {
                if case .skipped = first { continue }
                standIns[ref] = first
            }
        }
    }

    /// The recipient with what a channel step needs filled in where missing.
    static func placeholderRecipient(_ recipient: Value, for step: ChannelStep) -> Value {
        var r = LiquidObject()
        if case .object(let o) = recipient { r = o } else { r["id"] = .string(recipient.text ?? "preview-recipient") }
        if r["email"] == nil { r["email"] = "recipient@example.com" }
        if r["phone_number"] == nil { r["phone_number"] = "+15555550100" }
        if let key = step.channelKey ?? step.channelGroupKey {
            var channelData = LiquidObject()
            if case .object(let d)? = r["channel_data"] { channelData = d }
            var entry = LiquidObject()
            if case .object(let e)? = channelData[key] { entry = e }
            if entry["tokens"] == nil { entry["tokens"] = ["preview-device-token"] }
            if entry["connections"] == nil {
                entry["connections"] = .array([.object(["incoming_webhook": .object(["url": "https://hooks.slack.com/services/PREVIEW"])])])
            }
            channelData[key] = .object(entry)
            r["channel_data"] = .object(channelData)
        }
        return .object(r)
    }
}
