import Templates

/// The sidebar: workflows (with the channels they send on), layouts, partials and translation
/// files, and a filter box.
enum Sidebar {
    static func render(_ project: Project, selection: Selection) -> String {
        var out = """
            <nav id="sidebar" class="sidebar" aria-label="Project">
            <a class="brand" href="/"><span class="logo">\(logo)</span><span><b>Missive</b><small>Preview</small></span></a>
            <label class="filter">\(Icons.svg("search", size: 14))<input id="filter" type="search" placeholder="Filter" autocomplete="off"></label>
            """
        out += section("Workflows", count: project.workflows.count) {
            project.workflows.keys.sorted().map { key in
                let w = project.workflows[key]!
                var seen = Set<String>()
                let channels = w.allSteps.compactMap { step -> String? in
                    guard case .channel(let c) = step, let t = c.channelType?.rawValue, seen.insert(t).inserted else { return nil }
                    return Icons.svg(t, size: 13)
                }.joined()
                let active = selection.kind == "workflow" && selection.key == key
                var steps = ""
                if active {
                    // The open workflow lists its channel steps (the tabs' script keeps the page, a link reloads it).
                    for step in w.allSteps {
                        guard case .channel(let c) = step else { continue }
                        let type = c.channelType?.rawValue ?? "channel"
                        steps += "<li><a class=\"side-step\" data-step=\"\(HTML.escape(step.ref))\" href=\"\(HTML.link([("workflow", key), ("step", step.ref)]))\">"
                            + "\(Icons.svg(type, size: 13))\(HTML.escape(StageView.channelName(type)))<small class=\"muted\">\(HTML.escape(step.ref))</small></a></li>"
                    }
                    steps = steps.isEmpty ? "" : "<ul class=\"side-steps\">\(steps)</ul>"
                }
                return item(href: HTML.link([("workflow", key)]), active: active, icon: nil, name: w.name, detail: key,
                            trailing: "<span class=\"channels\">\(channels)</span>", after: steps)
            }
        }
        out += section("Layouts", count: project.layouts.count) {
            project.layouts.keys.sorted().map { key in
                item(href: HTML.link([("layout", key)]), active: selection == .layout(key), icon: "layout",
                     name: project.layouts[key]!.name, detail: key, trailing: "")
            }
        }
        out += section("Partials", count: project.partials.count) {
            project.partials.keys.sorted().map { key in
                let p = project.partials[key]!
                return item(href: HTML.link([("partial", key)]), active: selection == .partial(key), icon: "partial",
                            name: p.name, detail: key, trailing: "<span class=\"pill\">\(HTML.escape(p.type.rawValue))</span>")
            }
        }
        out += section("Translations", count: project.translations.count) {
            project.translations.keys.sorted().map { id in
                let name = id.namespace.map { "\($0)" } ?? "common"
                return item(href: HTML.link([("translation", id.description)]), active: selection == .translation(id.description),
                            icon: "translation", name: name, detail: id.description, trailing: "<span class=\"pill\">\(HTML.escape(id.locale))</span>")
            }
        }
        out += "<div class=\"sidebar-foot\"><span class=\"muted\" title=\"\(HTML.escape(project.root))\">\(HTML.escape(lastComponent(project.root)))</span></div></nav>"
        return out
    }

    private static func section(_ title: String, count: Int, _ items: () -> [String]) -> String {
        let list = items()
        let body = list.isEmpty ? "<li class=\"none\">None</li>" : list.joined()
        return "<section class=\"side-section\"><h2>\(title)<span class=\"count\">\(count)</span></h2><ul>\(body)</ul></section>"
    }

    private static func item(href: String, active: Bool, icon: String?, name: String, detail: String, trailing: String,
                             after: String = "") -> String
    {
        let iconHTML = icon.map { Icons.svg($0, size: 14) } ?? ""
        return "<li><a class=\"side-item\(active ? " active" : "")\" href=\"\(href)\"\(active ? " aria-current=\"page\"" : "") data-filter=\"\(HTML.escape((name + " " + detail).lowercased()))\">"
            + "\(iconHTML)<span class=\"side-name\"><span>\(HTML.escape(name))</span><small>\(HTML.escape(detail))</small></span>\(trailing)</a>\(after)</li>"
    }

    static func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    static let logo = "<svg width=\"22\" height=\"22\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><rect x=\"2\" y=\"4\" width=\"20\" height=\"16\" rx=\"4\" fill=\"currentColor\"/><path d=\"M6 9l6 4 6-4\" stroke=\"#fff\" stroke-width=\"2\" fill=\"none\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/></svg>"
}
