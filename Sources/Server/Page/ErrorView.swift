import Hummingbird
import Liquid
import Templates

/// A template error as the page shows it: what is wrong, the file, line and column, the source
/// around the line with a caret under the column, and the partials it went through.
enum ErrorView {
    static func liquid(_ error: LiquidError, project: Project, title: String = "This step did not render") -> String {
        var location = error.templateName ?? "template"
        if let line = error.line { location += ":\(line)" + (error.column.map { ":\($0)" } ?? "") }
        var code = ""
        if let line = error.line {
            code = context(error, line: line, project: project)
        }
        let chain = error.partialChain.isEmpty ? ""
            : "<p class=\"err-chain\">in partial \(error.partialChain.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: " → "))</p>"
        return """
            <div class="error-overlay" role="alert"><div class="err-head">\(Icons.svg("error", size: 18))<span>\(HTML.escape(title))</span></div>
            <div class="err-kind">\(HTML.escape(error.kind.label))</div>
            <div class="err-message">\(HTML.escape(error.message))</div>
            <div class="err-loc">\(Icons.svg("file", size: 14)) <code>\(HTML.escape(location))</code></div>\(code)\(chain)</div>
            """
    }

    /// A few lines around the error from the project file when the file's line matches the
    /// error's source line; else just the line the error carries.
    static func context(_ error: LiquidError, line: Int, project: Project) -> String {
        if let file = error.templateName, let content = try? ProjectFileAccess.read(file, in: project) {
            let lines = content.split(separator: "\n", omittingEmptySubsequences: false)
            if line >= 1, line <= lines.count, error.sourceLine == nil || String(lines[line - 1]) == error.sourceLine {
                let first = max(1, line - 3)
                let last = min(lines.count, line + 2)
                let slice = lines[(first - 1)..<last].joined(separator: "\n")
                return SourceView.numbered(slice, firstLine: first, mark: line, caretColumn: error.column)
            }
        }
        guard let source = error.sourceLine else { return "" }
        return SourceView.numbered(source, firstLine: line, mark: line, caretColumn: error.column)
    }
}

/// Errors outside the API (a page that does not exist) as a small page.
enum PageErrors {
    static func response(_ error: APIError) -> Response {
        let body = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>\(error.status) · Missive preview</title>
            <link rel="stylesheet" href="/assets/app.css"></head><body class="plain-page"><div class="empty big">
            <h1>\(error.status)</h1><p>\(HTML.escape(error.message))</p><p><a href="/">Back to the preview</a></p></div></body></html>
            """
        return Responses.html(body, status: error.status)
    }
}
