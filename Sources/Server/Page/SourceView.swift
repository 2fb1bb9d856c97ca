import Liquid

/// Source text with line numbers, escaped; optionally a line marked and a caret under a column.
enum SourceView {
    static func numbered(_ source: String, firstLine: Int = 1, mark: Int? = nil, caretColumn: Int? = nil, maxLines: Int = 4000) -> String {
        var out = "<div class=\"source\"><table>"
        var number = firstLine
        for line in source.split(separator: "\n", omittingEmptySubsequences: false).prefix(maxLines) {
            let marked = number == mark
            out += "<tr\(marked ? " class=\"mark\"" : "")><td class=\"ln\">\(number)</td><td class=\"src\">\(HTML.escape(String(line)))</td></tr>"
            if marked, let caretColumn {
                let pad = String(line.prefix(max(0, caretColumn - 1)).map { $0 == "\t" ? "\t" : " " })
                out += "<tr class=\"caret\"><td class=\"ln\"></td><td class=\"src\">\(HTML.escape(pad))^</td></tr>"
            }
            number += 1
        }
        return out + "</table></div>"
    }
}
