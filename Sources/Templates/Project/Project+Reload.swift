extension Project {
    /// Re-read one file after it changed, appeared or was deleted, and rebuild only the resources
    /// made from it (a workflow.json or any file it references, a layout or partial file, a
    /// translation, a sample.json). Other files are not read again. Returns the resources that
    /// changed: empty when the content is the same as before or nothing uses the file. Editing
    /// `missive.json` or `knock.json` reloads the whole project.
    ///
    /// - Parameter path: relative to the project root, or absolute inside it.
    @discardableResult
    public mutating func reload(file path: String) -> [ResourceID] {
        guard let relative = relativePath(path) else { return [] }
        if relative == ProjectConfig.missiveFile || relative == ProjectConfig.knockFile {
            let before = resourceIDs
            loadAll()
            return before.union(resourceIDs).sorted()
        }
        var affected = Set(dependencies.filter { $0.value.contains(relative) }.keys)
        if let owner = owner(of: relative) { affected.insert(owner) }
        guard !affected.isEmpty else { return [] }
        let before = files.cached(relative)
        files.forget(relative)
        if let before, before == files.read(relative) { return [] }
        for id in affected.sorted() { rebuild(id) }
        return affected.sorted()
    }

    /// Every resource the project has (or had problems for).
    var resourceIDs: Set<ResourceID> {
        var ids = Set(problemsByResource.keys)
        ids.formUnion(workflows.keys.map(ResourceID.workflow))
        ids.formUnion(samples.keys.map(ResourceID.sample))
        ids.formUnion(layouts.keys.map(ResourceID.layout))
        ids.formUnion(partials.keys.map(ResourceID.partial))
        ids.formUnion(translations.keys.map(ResourceID.translation))
        return ids
    }

    private mutating func rebuild(_ id: ResourceID) {
        switch id {
        case .config: loadAll()
        case .workflow(let key): loadWorkflow(key)
        case .sample(let key): loadSample(key)
        case .layout(let key): loadLayout(key)
        case .partial(let key): loadPartial(key)
        case .translation(let t):
            let file = RelativePath.join(RelativePath.join(config.translations, t.locale), "\(t).json")
            loadTranslation(t, file: file)
        }
    }

    /// The resource a file defines by its place in the project (`<templates>/<key>/workflow.json`, ...).
    private func owner(of path: String) -> ResourceID? {
        func key(in folder: String, file: String) -> String? {
            let prefix = folder.isEmpty ? "" : folder + "/"
            guard path.hasPrefix(prefix) else { return nil }
            let parts = path.dropFirst(prefix.count).split(separator: "/")
            guard parts.count == 2, parts[1] == file else { return nil }
            return String(parts[0])
        }
        if let k = key(in: config.templates, file: "workflow.json") { return .workflow(k) }
        if let k = key(in: config.templates, file: "sample.json") { return .sample(k) }
        if let k = key(in: config.layouts, file: "layout.json") { return .layout(k) }
        if let k = key(in: config.partials, file: "partial.json") { return .partial(k) }
        if let t = TranslationScan.id(of: path, translationsFolder: config.translations) { return .translation(t) }
        return nil
    }

    /// A path relative to the root, from a relative or absolute one; nil outside the project.
    private func relativePath(_ path: String) -> String? {
        var candidate = path
        if path.hasPrefix("/") {
            if path.hasPrefix(root + "/") {
                candidate = String(path.dropFirst(root.count + 1))
            } else if let folder = ProjectFiles.realPath(RelativePath.directory(of: path)), folder == root || folder.hasPrefix(root + "/") {
                // The root given through a symlink (e.g. /tmp and /private/tmp); the file itself may be gone.
                candidate = RelativePath.join(String(folder.dropFirst(root.count).drop { $0 == "/" }),
                                              RelativePath.lastComponent(path))
            } else {
                return nil
            }
        }
        return try? NameRules.normalizedRelativePath(candidate).get()
    }
}
