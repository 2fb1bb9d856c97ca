import Liquid

/// Reading each kind of project file into its model. Every reader reports problems to the
/// context's log and returns what it could make sense of (nil when nothing usable is left).
enum ResourceReaders {
    static let workflowKeys: Set<String> = ["name", "description", "categories", "tags", "steps", "conditions", "settings",
                                            "trigger_frequency", "trigger_data_json_schema"]

    static func workflow(key: String, file: String, _ ctx: inout ReadContext) -> Workflow? {
        guard let raw = ctx.jsonObject(file) else { return nil }
        let node = ctx.resolveReferences(raw, path: "")
        guard let r = FieldReader(node, path: "", log: ctx.log) else { return nil }
        r.checkKeys(workflowKeys, what: "a workflow")
        let name = r.string("name") ?? {
            r.missing("name")
            return key
        }()
        var settings = Workflow.Settings()
        if let s = r.object("settings") {
            s.checkKeys(["override_preferences", "is_commercial"], what: "workflow settings")
            settings.overridePreferences = s.bool("override_preferences") ?? false
            settings.isCommercial = s.bool("is_commercial") ?? false
        }
        var steps: [Step] = []
        if let items = r.array("steps") {
            var reader = StepReader(log: ctx.log)
            steps = reader.steps(items, path: "steps")
        } else if !r.has("steps") {
            ctx.log.warning(r.location, nil, "the workflow has no steps")
        }
        return Workflow(key: key, name: name, description: r.string("description"), categories: r.strings("categories"),
                        tags: r.strings("tags"), conditions: r.conditions(), settings: settings,
                        triggerFrequency: r.choice("trigger_frequency", Workflow.TriggerFrequency.self) ?? .everyTrigger,
                        triggerDataJSONSchema: r.value("trigger_data_json_schema"), steps: steps, file: file)
    }

    static func layout(key: String, file: String, _ ctx: inout ReadContext) -> Layout? {
        guard let raw = ctx.jsonObject(file) else { return nil }
        let node = ctx.resolveReferences(raw, path: "")
        guard let r = FieldReader(node, path: "", log: ctx.log) else { return nil }
        r.checkKeys(["name", "html_layout", "text_layout", "footer_links", "branding_overrides", "is_mjml"],
                    what: "a layout")
        var footerLinks: [Layout.FooterLink] = []
        for (i, item) in (r.array("footer_links") ?? []).enumerated() {
            guard let f = FieldReader(item, path: "footer_links[\(i)]", log: ctx.log) else { continue }
            f.checkKeys(["text", "url"], what: "a footer link")
            if let text = f.string("text", required: true), let url = f.string("url", required: true) {
                footerLinks.append(Layout.FooterLink(text: text, url: url))
            }
        }
        var branding: LiquidObject? = nil
        if r.object("branding_overrides") != nil, case .object(let o)? = r.value("branding_overrides") { branding = o }
        let html = r.string("html_layout")
        if html == nil && !r.has("html_layout") { r.missing("html_layout") }
        var sources: [String: SourceLocation] = [:]
        node.stringSources(into: &sources)
        return Layout(key: key, name: r.string("name") ?? key, htmlLayout: html, textLayout: r.string("text_layout"),
                      footerLinks: footerLinks, brandingOverrides: branding, isMJML: r.bool("is_mjml") ?? false,
                      file: file, sources: sources.filter { $0.key == "html_layout" || $0.key == "text_layout" })
    }

    /// A partial; when `content` is not given, `content.<ext>` next to partial.json is read
    /// (the file Knock's CLI writes for the partial's type).
    static func partial(key: String, file: String, _ ctx: inout ReadContext) -> Partial? {
        guard let raw = ctx.jsonObject(file) else { return nil }
        let node = ctx.resolveReferences(raw, path: "")
        guard let r = FieldReader(node, path: "", log: ctx.log) else { return nil }
        r.checkKeys(["name", "type", "content", "input_schema", "visual_block_enabled", "icon_name", "description"],
                    what: "a partial")
        guard let type = r.choice("type", Partial.Kind.self, required: true) else { return nil }
        var content: String
        var source: SourceLocation
        if let c = r.node("content"), let text = c.string {
            content = text
            source = c.location
        } else if r.has("content") || ctx.log.unresolved.contains("content") {
            _ = r.string("content")
            return nil
        } else {
            let conventional = RelativePath.join(RelativePath.directory(of: file), "content." + type.fileExtension)
            guard let bytes = ctx.bytes(conventional, referencedAt: r.location) else { return nil }
            content = String(decoding: bytes, as: UTF8.self)
            source = SourceLocation(file: conventional, line: 1, column: 1, isWholeFile: true)
        }
        let visual = r.bool("visual_block_enabled") ?? false
        if visual && type != .html, let m = r.member("visual_block_enabled") {
            ctx.log.warning(m.keyLocation, "visual_block_enabled", "only html partials can be visual blocks")
        }
        if let schema = r.node("input_schema"), schema.items == nil, let m = r.member("input_schema") {
            ctx.log.error(m.keyLocation, "input_schema", "'input_schema' must be an array of fields")
        }
        return Partial(key: key, name: r.string("name") ?? key, type: type, content: content,
                       inputSchema: r.value("input_schema"), visualBlockEnabled: visual, file: file,
                       contentSource: source)
    }

    static func translation(_ id: TranslationID, file: String, _ ctx: inout ReadContext) -> Translation? {
        guard let node = ctx.json(file) else { return nil }
        guard case .object(let content) = node.value else {
            ctx.log.error(node.location, nil, "a translation file must hold a JSON object, not \(node.typeDescription)")
            return nil
        }
        checkTranslationLeaves(node, path: "", log: ctx.log)
        return Translation(locale: id.locale, namespace: id.namespace, content: content, file: file)
    }

    /// Leaves are strings; objects nest keys (or hold plural forms). Numbers and lists are
    /// suspicious: `t` renders strings.
    private static func checkTranslationLeaves(_ node: JSONNode, path: String, log: ProblemLog) {
        for m in node.members ?? [] {
            let p = FieldReader.join(path, m.key)
            switch m.value.kind {
            case .string: break
            case .object: checkTranslationLeaves(m.value, path: p, log: log)
            default: log.warning(m.keyLocation, p, "a translation should be a string or an object, not \(m.value.typeDescription)")
            }
        }
    }

    static func sample(file: String, _ ctx: inout ReadContext) -> SampleData? {
        guard let node = ctx.jsonObject(file) else { return nil }
        guard let r = FieldReader(node, path: "", log: ctx.log) else { return nil }
        r.checkKeys(["data", "recipient", "actor", "tenant", "locale", "vars", "timestamp", "activities", "actors",
                     "total_activities", "total_actors"], what: "sample data")
        func object(_ key: String) -> LiquidObject? {
            guard r.object(key) != nil, case .object(let o)? = r.value(key) else { return nil }
            return o
        }
        var sample = SampleData(file: file)
        sample.data = object("data") ?? LiquidObject()
        sample.recipient = object("recipient")
        sample.actor = object("actor")
        sample.tenant = object("tenant")
        // A batched run's activities and totals, vars and timestamp: kept as written for RunScope.
        for key in ["vars", "timestamp", "activities", "actors", "total_activities", "total_actors"] {
            if let v = r.value(key) { sample.run[key] = v }
        }
        if let locale = r.string("locale") {
            if NameRules.isValidLocale(locale) { sample.locale = locale } else {
                ctx.log.error(r.member("locale")!.keyLocation, "locale", "'\(locale)' is not a locale code like en, en-GB or zh-Hans")
            }
        }
        return sample
    }
}
