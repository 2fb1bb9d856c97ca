import Liquid
import Templates

/// A workflow's page: its rendered steps, and beside them the sample data it renders with
/// (edited as JSON, re-rendered on change), the variables its templates read, and the problems
/// in its files.
enum WorkflowPage {
    static func render(_ workflow: Workflow, stage: String, project: Project, problems: [Problem], now: Double) -> String {
        let sample = DefaultSample.json(for: workflow, in: project, now: now)
        let sampleText = PrettyJSON.string(.object(sample))
        let source = project.samples[workflow.key] != nil
            ? "<code>\(HTML.escape(project.samples[workflow.key]!.file))</code>"
            : "<span title=\"This workflow has no sample.json: the data is a scaffold of the variables its templates read\">scaffold</span>"
        let head = PageShell.pageHead(eyebrow: "Workflow · <code>\(HTML.escape(workflow.file))</code>", title: workflow.name,
                                      description: workflow.description, chips: workflow.categories)
        return """
            \(head)
            <div class="wf-grid">
            \(stage)
            <aside class="inspector">
            <section class="card sample-card">
            <header class="card-head"><h3>Sample data</h3><span class="grow"></span>
            <button type="button" id="sample-reset" class="text-button" title="Back to the workflow's sample" hidden>\(Icons.svg("reset", size: 13)) Reset</button><span class="card-sub">from \(source)</span></header>
            <textarea id="sample" class="sample" wrap="off" spellcheck="false" autocomplete="off" aria-label="Sample data as JSON" data-workflow="\(HTML.escape(workflow.key))">\(HTML.escape(sampleText))</textarea>
            <textarea id="sample-original" hidden aria-hidden="true">\(HTML.escape(sampleText))</textarea>
            \(localeMenu(sample, project: project))
            <p id="sample-status" class="sample-status">Trigger <code>data</code>, <code>recipient</code>, <code>actor</code>, <code>tenant</code>, <code>locale</code> and a frozen <code>now</code>. Edit to re-render.</p>
            </section>
            \(variablesCard(workflow, project: project))
            \(problemsCard(problems))
            </aside>
            </div>
            """
    }

    /// A menu of the project's locales that sets the sample's `locale` (the page's script rewrites
    /// the JSON and re-renders).
    static func localeMenu(_ sample: LiquidObject, project: Project) -> String {
        let locales = DefaultSample.locales(of: project)
        guard locales.count > 1 else { return "" }
        let current = sample["locale"]?.stringValue ?? ""
        var options = "<option value=\"\"\(current.isEmpty ? " selected" : "")>recipient's</option>"
        for l in locales {
            options += "<option value=\"\(HTML.escape(l))\"\(l == current ? " selected" : "")>\(HTML.escape(l))</option>"
        }
        return "<label class=\"locale-menu\">\(Icons.svg("translation", size: 14)) Locale <select id=\"locale\">\(options)</select></label>"
    }

    /// The variables the workflow's templates read, with where each is first read.
    static func variablesCard(_ workflow: Workflow, project: Project) -> String {
        let env = project.environment()
        var first: [String: String] = [:]
        var order: [String] = []
        for step in workflow.allSteps {
            for field in step.liquidFields {
                guard let template = try? env.parse(field.source, name: field.location.file) else { continue }
                for use in template.analyze().variables where first[use.name] == nil {
                    let at = field.projectPosition(line: use.line, column: use.column)
                    first[use.name] = field.location.file + (at.line.map { ":\($0)" } ?? "")
                    order.append(use.name)
                }
            }
        }
        guard !order.isEmpty else { return "" }
        let items = order.prefix(200).map { "<li><code>\(HTML.escape($0))</code><small>\(HTML.escape(first[$0]!))</small></li>" }.joined()
        return "<details class=\"card vars-card\"><summary class=\"card-head\"><h3>Variables read</h3><span class=\"count\">\(order.count)</span></summary><ul class=\"vars\">\(items)</ul></details>"
    }

    static func problemsCard(_ problems: [Problem]) -> String {
        guard !problems.isEmpty else { return "" }
        return "<section class=\"card\"><header class=\"card-head\"><h3>Problems in these files</h3><span class=\"count\">\(problems.count)</span></header>"
            + ProblemsPage.list(problems) + "</section>"
    }

    /// The files a workflow is made of, for filtering the project's problems.
    static func files(of workflow: Workflow, in project: Project) -> Set<String> {
        var files: Set<String> = [workflow.file]
        for step in workflow.allSteps { if let info = step.info { files.formUnion(info.sources.values.map(\.file)) } }
        if let s = project.samples[workflow.key] { files.insert(s.file) }
        return files
    }
}

/// `missive check`'s findings, grouped by file.
enum ProblemsPage {
    static func render(_ problems: [Problem]) -> String {
        let head = PageShell.pageHead(eyebrow: "Project", title: "Problems", description: problems.isEmpty
            ? "Every file loads and every template parses in strict mode."
            : "What `missive check` reports: files that do not load, templates that do not parse, names that do not exist.")
        return head + "<section class=\"card wide\">" + (problems.isEmpty ? "<div class=\"empty\">\(Icons.svg("check", size: 22))<p>No problems.</p></div>" : list(problems)) + "</section>"
    }

    static func list(_ problems: [Problem]) -> String {
        var out = "<ul class=\"problems\">"
        for p in problems {
            var loc = p.file
            if let line = p.line { loc += ":\(line)" + (p.column.map { ":\($0)" } ?? "") }
            out += "<li class=\"problem \(p.severity.rawValue)\">\(Icons.svg(p.severity == .error ? "error" : "warning", size: 14))"
                + "<div><div class=\"problem-msg\">\(HTML.escape(p.message))</div><code class=\"problem-loc\">\(HTML.escape(loc))</code>"
                + (p.jsonPath.map { " <span class=\"muted small\">at \(HTML.escape($0))</span>" } ?? "") + "</div></li>"
        }
        return out + "</ul>"
    }
}
