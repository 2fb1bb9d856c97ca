import Liquid

/// A folder of notification templates in Knock CLI's layout: workflows with their step
/// templates, email layouts, partials and translations, plus Missive's sample data for previews.
///
/// Loading never stops at the first problem and never crashes on bad input: everything wrong
/// is collected in `problems` (file, line, column, JSON path, message), and whatever could be
/// read is available. Files are confined to the root: no `..`, no absolute paths, no symlink
/// out of it.
public struct Project: Sendable {
    /// The project folder, absolute, symlinks resolved.
    public let root: String
    public private(set) var config: ProjectConfig
    public private(set) var workflows: [String: Workflow] = [:]
    public private(set) var layouts: [String: Layout] = [:]
    public private(set) var partials: [String: Partial] = [:]
    public private(set) var translations: [TranslationID: Translation] = [:]
    /// `sample.json` of each workflow that has one, by workflow key.
    public private(set) var samples: [String: SampleData] = [:]

    var files: ProjectFiles
    var problemsByResource: [ResourceID: [Problem]] = [:]
    /// The files each resource was built from, so an edited file rebuilds exactly its resources.
    var dependencies: [ResourceID: Set<String>] = [:]

    public struct LoadError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Load the project in `root`. Throws only when `root` is not a readable folder; every
    /// problem inside it is collected in `problems`.
    public static func load(root: String) throws -> Project {
        guard let real = ProjectFiles.realPath(root) else { throw LoadError(description: "'\(root)' does not exist") }
        var project = Project(root: real)
        guard project.files.isDirectory("") else { throw LoadError(description: "'\(root)' is not a folder") }
        project.loadAll()
        return project
    }

    private init(root: String) {
        self.root = root
        self.files = ProjectFiles(root: root)
        self.config = ProjectConfig()
    }

    /// Every problem, ordered by file and position.
    public var problems: [Problem] {
        problemsByResource.values.flatMap { $0 }.sorted(by: Problem.ordered)
    }

    public var errors: [Problem] { problems.filter { $0.severity == .error } }

    /// Partial sources by key, for `KnockFlavour.environment(partials:)`.
    public var partialLoader: InMemoryLoader {
        InMemoryLoader(partials.mapValues(\.content))
    }

    /// The translation files of one locale: the un-namespaced one first, then by namespace.
    public func translations(locale: String) -> [Translation] {
        translations.values.filter { $0.locale == locale }.sorted { ($0.namespace ?? "") < ($1.namespace ?? "") }
    }

    // MARK: loading

    mutating func loadAll() {
        files.forgetAll()
        workflows = [:]; layouts = [:]; partials = [:]; translations = [:]; samples = [:]
        problemsByResource = [:]; dependencies = [:]

        var ctx = takeContext()
        config = ProjectConfig.read(&ctx)
        let config = self.config
        var scanLog: [Problem] = []
        let workflowFolders = ctx.files.list(config.templates) ?? []
        if ctx.files.list(config.templates) == nil {
            scanLog.append(Problem(.warning, file: config.file ?? ".",
                                   message: "there is no templates folder '\(config.templates)'"))
        }
        let layoutFolders = ctx.files.list(config.layouts) ?? []
        let partialFolders = ctx.files.list(config.partials) ?? []
        let translationFiles = TranslationScan.files(in: config.translations, ctx.files, problems: &scanLog)
        finish(.config, ctx, extra: scanLog)

        for entry in workflowFolders where entry.isDirectory {
            loadWorkflow(entry.name)
            loadSample(entry.name)
        }
        for entry in layoutFolders where entry.isDirectory { loadLayout(entry.name) }
        for entry in partialFolders where entry.isDirectory { loadPartial(entry.name) }
        for (id, file) in translationFiles { loadTranslation(id, file: file) }
    }

    /// Move the file cache into a context (no copy), to be put back by `finish`.
    private mutating func takeContext() -> ReadContext {
        let ctx = ReadContext(files: files)
        files = ProjectFiles(root: root)
        return ctx
    }

    private mutating func finish(_ id: ResourceID, _ ctx: ReadContext, extra: [Problem] = []) {
        files = ctx.files
        let found = extra + ctx.log.problems
        problemsByResource[id] = found.isEmpty ? nil : found
        dependencies[id] = ctx.dependencies
    }

    mutating func loadWorkflow(_ key: String) {
        workflows[key] = loadFolder(.workflow(key), key: key, in: config.templates, file: "workflow.json",
                                    what: "workflow key", read: ResourceReaders.workflow)
    }

    mutating func loadLayout(_ key: String) {
        layouts[key] = loadFolder(.layout(key), key: key, in: config.layouts, file: "layout.json",
                                  what: "layout key", read: ResourceReaders.layout)
    }

    mutating func loadPartial(_ key: String) {
        partials[key] = loadFolder(.partial(key), key: key, in: config.partials, file: "partial.json",
                                   what: "partial key", read: ResourceReaders.partial)
    }

    /// A resource defined by `<parent>/<key>/<file>`: the key is checked before it becomes a
    /// path, and a folder without its file, or leading out of the project, is reported.
    private mutating func loadFolder<T>(_ id: ResourceID, key: String, in parent: String, file name: String, what: String,
                                        read: (String, String, inout ReadContext) -> T?) -> T?
    {
        let folder = RelativePath.join(parent, key)
        let file = RelativePath.join(folder, name)
        var ctx = takeContext()
        var resource: T? = nil
        if let why = NameRules.keyProblem(key, what: what) {
            ctx.log.error(SourceLocation(file: folder), nil, why + "; the folder is skipped")
        } else if ctx.files.isOutside(folder) {
            ctx.log.error(SourceLocation(file: folder), nil, "the folder resolves outside the project folder (through a symlink); it is skipped")
        } else if ctx.files.isDirectory(folder) {
            if ctx.files.read(file) == .missing {
                ctx.log.warning(SourceLocation(file: folder), nil, "the folder has no \(name); it is skipped")
            } else {
                resource = read(key, file, &ctx)
            }
        }
        var deps = ctx.dependencies
        deps.insert(file)
        finish(id, ctx)
        dependencies[id] = deps
        return resource
    }

    mutating func loadSample(_ key: String) {
        let file = RelativePath.join(RelativePath.join(config.templates, key), "sample.json")
        var ctx = takeContext()
        samples[key] = nil
        if NameRules.isValidKey(key), !ctx.files.isOutside(RelativePath.directory(of: file)), ctx.files.read(file) != .missing {
            samples[key] = ResourceReaders.sample(file: file, &ctx)
        }
        finish(.sample(key), ctx)
        dependencies[.sample(key), default: []].insert(file)
    }

    mutating func loadTranslation(_ id: TranslationID, file: String) {
        var ctx = takeContext()
        translations[id] = nil
        if ctx.files.read(file) != .missing {
            translations[id] = ResourceReaders.translation(id, file: file, &ctx)
        }
        finish(.translation(id), ctx)
        dependencies[.translation(id), default: []].insert(file)
    }
}

/// A resource of a project: what `reload(file:)` reports as changed.
public enum ResourceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The configuration file and the folder scan.
    case config
    case workflow(String)
    case sample(String)
    case layout(String)
    case partial(String)
    case translation(TranslationID)

    public var description: String {
        switch self {
        case .config: return "config"
        case .workflow(let k): return "workflow \(k)"
        case .sample(let k): return "sample \(k)"
        case .layout(let k): return "layout \(k)"
        case .partial(let k): return "partial \(k)"
        case .translation(let t): return "translation \(t)"
        }
    }

    public static func < (a: ResourceID, b: ResourceID) -> Bool { a.description < b.description }
}
