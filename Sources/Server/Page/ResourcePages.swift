import Liquid
import Templates

/// Pages for a layout, a partial and a translation file: each rendered with sample data where
/// that means something, its source with line numbers, and where it is used.
enum ResourcePages {
    /// The body a layout preview puts at `{{ content }}`.
    static let sampleBody = """
        <h1 style="margin:0 0 12px">Your message goes here</h1>
        <p style="margin:0 0 12px">This is where a template's body appears inside the layout. The rest of the page is the layout itself: header, branding, footer links.</p>
        <p style="margin:0"><a href="https://example.com">A sample link</a></p>
        """

    static func layout(_ key: String, project: Project, now: Double) -> String {
        guard let layout = project.layouts[key] else { return missing("layout", key) }
        var scope = RunScope(json: Scaffold.sample(paths: []))
        scope.timestamp = PreviewInput.formatTime(now)
        var preview: String
        do {
            let r = try project.render(source: sampleBody, name: "sample body", scope: scope, layoutKey: key, now: now)
            let fakeEmail: Value = .object(LiquidObject([("subject_line", .string("Layout preview: \(layout.name)")),
                                                         ("html_body", .string(r.output)), ("text_body", .string(r.text ?? ""))]))
            preview = ChannelViews.email(fakeEmail) + ChannelViews.warnings(r.warnings)
        } catch let error as LiquidError {
            preview = ErrorView.liquid(error, project: project, title: "The layout did not render")
        } catch {
            preview = "<div class=\"empty\"><p>\(HTML.escape("\(error)"))</p></div>"
        }
        var sources = ""
        for field in layout.liquidFields {
            sources += "<h4>\(HTML.escape(field.jsonPath)) <code class=\"muted\">\(HTML.escape(field.location.file))</code></h4>" + SourceView.numbered(field.source)
        }
        let used = usedBy(project) { $0.layouts.contains(key) }
        var chips = layout.footerLinks.map { "footer: " + $0.text }
        if layout.isMJML { chips.insert("MJML", at: 0) }
        return PageShell.pageHead(eyebrow: "Layout · <code>\(HTML.escape(layout.file))</code>", title: layout.name, description: nil, chips: chips)
            + "<div class=\"wf-grid\"><section class=\"stage\"><div class=\"panel\">\(preview)</div></section>"
            + "<aside class=\"inspector\">\(used)<section class=\"card\"><header class=\"card-head\"><h3>Source</h3></header>\(sources)</section></aside></div>"
    }

    static func partial(_ key: String, project: Project, now: Double) -> String {
        guard let partial = project.partials[key] else { return missing("partial", key) }
        var preview: String
        do {
            let r = try project.render(source: "{% render '\(key)' %}", name: "partial preview", scope: RunScope(), now: now)
            switch partial.type {
            case .html:
                preview = HTML.sandboxedFrame(HTML.snippetDocument(r.output), title: "Partial " + key, classes: "snippet-frame tall", height: 320)
            case .markdown:
                let html = Markdown.html(r.output)
                preview = HTML.sandboxedFrame(HTML.snippetDocument(html), title: "Partial " + key, classes: "snippet-frame tall", height: HTML.snippetHeight(html) + 40)
            case .json:
                preview = "<pre class=\"code\">\(HTML.escape(PrettyJSON.reformat(r.output)))</pre>"
            case .text:
                preview = "<pre class=\"plain\">\(HTML.escape(r.output))</pre>"
            }
            preview += ChannelViews.warnings(r.warnings)
        } catch let error as LiquidError {
            preview = ErrorView.liquid(error, project: project, title: "The partial did not render")
        } catch {
            preview = "<div class=\"empty\"><p>\(HTML.escape("\(error)"))</p></div>"
        }
        var side = usedBy(project) { $0.partials.contains(key) }
        if let schema = partial.inputSchema {
            side += "<section class=\"card\"><header class=\"card-head\"><h3>Inputs</h3></header><pre class=\"code\">\(HTML.escape(PrettyJSON.string(schema)))</pre></section>"
        }
        side += "<section class=\"card\"><header class=\"card-head\"><h3>Source</h3><code class=\"muted small\">\(HTML.escape(partial.contentSource.file))</code></header>\(SourceView.numbered(partial.content))</section>"
        return PageShell.pageHead(eyebrow: "Partial · <code>\(HTML.escape(partial.file))</code>", title: partial.name, description: nil,
                                  chips: [partial.type.rawValue] + (partial.visualBlockEnabled ? ["visual block"] : []))
            + "<div class=\"wf-grid\"><section class=\"stage\"><div class=\"panel\"><div class=\"panel-head\"><h2>Rendered without inputs</h2></div>\(preview)</div></section><aside class=\"inspector\">\(side)</aside></div>"
    }

    /// A translation file's keys, next to the same keys in the other locales (missing ones marked).
    static func translation(_ name: String, project: Project) -> String {
        guard let (id, translation) = project.translations.first(where: { $0.key.description == name }) else {
            return missing("translation file", name)
        }
        let siblings = project.translations.filter { $0.key.namespace == id.namespace && $0.key.locale != id.locale }
            .sorted { $0.key.locale < $1.key.locale }
        var header = "<tr><th>Key</th><th>\(HTML.escape(id.locale))</th>"
        for (other, _) in siblings { header += "<th><a href=\"\(HTML.link([("translation", other.description)]))\">\(HTML.escape(other.locale))</a></th>" }
        header += "</tr>"
        var rows = ""
        let flat = flatten(translation.content)
        let others = siblings.map { flatten($0.value.content) }
        for (key, value) in flat {
            rows += "<tr><td><code>\(HTML.escape(key))</code></td><td>\(HTML.escape(value))</td>"
            for other in others {
                if let v = other.first(where: { $0.0 == key })?.1 {
                    rows += "<td>\(HTML.escape(v))</td>"
                } else {
                    rows += "<td class=\"missing\">missing</td>"
                }
            }
            rows += "</tr>"
        }
        let missingHere = Set(others.flatMap { $0.map(\.0) }).subtracting(flat.map(\.0)).sorted()
        for key in missingHere {
            rows += "<tr><td><code>\(HTML.escape(key))</code></td><td class=\"missing\">missing</td>"
            for other in others { rows += "<td>\(HTML.escape(other.first(where: { $0.0 == key })?.1 ?? ""))</td>" }
            rows += "</tr>"
        }
        let description = "\(flat.count) keys" + (missingHere.isEmpty ? "" : ", \(missingHere.count) missing that other locales have")
        return PageShell.pageHead(eyebrow: "Translations · <code>\(HTML.escape(translation.file))</code>",
                                  title: (id.namespace ?? "common") + " · " + id.locale, description: description)
            + "<section class=\"card wide\"><div class=\"table-scroll\"><table class=\"translations\">\(header)\(rows)</table></div></section>"
    }

    /// `{"a": {"b": "x"}}` → `[("a.b", "x")]`; plural objects as `a.one`, `a.other`.
    static func flatten(_ object: LiquidObject, prefix: String = "") -> [(String, String)] {
        var out: [(String, String)] = []
        for (k, v) in object.pairs {
            let key = prefix.isEmpty ? k : prefix + "." + k
            if case .object(let inner) = v { out += flatten(inner, prefix: key) } else { out.append((key, v.text ?? JSONWriter.string(v))) }
        }
        return out
    }

    /// The workflows whose steps use a resource, as a card of links.
    static func usedBy(_ project: Project, where uses: (DependencyIndex.Uses) -> Bool) -> String {
        let index = DependencyIndex(project: project)
        let keys = index.workflows.filter { uses($0.value) }.keys.sorted()
        let items = keys.isEmpty ? "<li class=\"muted\">No workflow uses it directly.</li>"
            : keys.map { "<li><a href=\"\(HTML.link([("workflow", $0)]))\">\(HTML.escape(project.workflows[$0]?.name ?? $0))</a></li>" }.joined()
        return "<section class=\"card\"><header class=\"card-head\"><h3>Used by</h3><span class=\"count\">\(keys.count)</span></header><ul class=\"links\">\(items)</ul></section>"
    }

    static func missing(_ what: String, _ key: String) -> String {
        "<div class=\"empty big\"><h1>Not found</h1><p>This project has no \(what) <code>\(HTML.escape(key))</code>.</p></div>"
    }
}
