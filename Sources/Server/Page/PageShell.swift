import Templates

/// The whole document: sidebar, top bar, the main view, and the toast that announces reloads.
enum PageShell {
    static func render(project: Project, selection: Selection, version: Int, title: String, main: String, problemCounts: (Int, Int)) -> String {
        let badge = Self.badge(errors: problemCounts.0, warnings: problemCounts.1)
        return """
            <!doctype html>
            <html lang="en" data-theme="auto">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(HTML.escape(title)) · Missive preview</title>
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <div class="app">
            \(Sidebar.render(project, selection: selection))
            <div class="main-col">
            <header class="topbar">
            <div class="crumbs">\(HTML.escape(Sidebar.lastComponent(project.root)))<span class="sep">/</span><b>\(HTML.escape(title))</b></div>
            <span class="grow"></span>
            <span id="problems-badge">\(badge)</span>
            <span id="live" class="live" data-state="connecting" title="Live reload"><span class="live-dot"></span><span class="live-text">Connecting</span></span>
            <button type="button" id="theme" class="icon-button" title="Switch the page between light and dark">\(Icons.svg("moon", size: 16))</button>
            </header>
            <main id="main" class="main" data-kind="\(selection.kind)" data-key="\(HTML.escape(selection.key))" data-resource="\(HTML.escape(selection.resourceName))" data-version="\(version)">
            \(main)
            </main>
            </div>
            </div>
            <div id="toast" class="toast" role="status" hidden></div>
            </body>
            </html>
            """
    }

    /// The problems badge in the top bar, linking to the problems page.
    static func badge(errors: Int, warnings: Int) -> String {
        if errors + warnings == 0 {
            return "<a class=\"badge ok\" href=\"/?problems\">\(Icons.svg("check", size: 14)) No problems</a>"
        }
        var parts: [String] = []
        if errors > 0 { parts.append("\(errors) error\(errors == 1 ? "" : "s")") }
        if warnings > 0 { parts.append("\(warnings) warning\(warnings == 1 ? "" : "s")") }
        return "<a class=\"badge \(errors > 0 ? "bad" : "warn")\" href=\"/?problems\">\(Icons.svg(errors > 0 ? "error" : "warning", size: 14)) \(parts.joined(separator: ", "))</a>"
    }

    static func pageHead(eyebrow: String, title: String, description: String?, chips: [String] = []) -> String {
        var out = "<header class=\"page-head\"><div class=\"eyebrow\">\(eyebrow)</div><h1>\(HTML.escape(title))</h1>"
        if let description, !description.isEmpty { out += "<p class=\"lede\">\(HTML.escape(description))</p>" }
        if !chips.isEmpty { out += "<div class=\"chips\">" + chips.map { "<span class=\"chip\">\(HTML.escape($0))</span>" }.joined() + "</div>" }
        return out + "</header>"
    }
}
