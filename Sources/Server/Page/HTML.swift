import Liquid

/// Escaping for everything the page shows of templates and data: text and attribute values.
/// Rendered email HTML reaches the page only as an escaped `srcdoc` attribute of a sandboxed iframe.
enum HTML {
    static func escape(_ s: String) -> String { s.htmlEscaped }

    /// A query-string component.
    static func query(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                out.unicodeScalars.append(UnicodeScalar(b))
            default:
                out += "%" + String(b >> 4, radix: 16, uppercase: true) + String(b & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// `/?workflow=x&step=y`, from pairs whose value may be nil (left out).
    static func link(_ pairs: [(String, String?)]) -> String {
        let parts = pairs.compactMap { k, v in v.map { "\(k)=\(query($0))" } }
        return parts.isEmpty ? "/" : "/?" + parts.joined(separator: "&")
    }

    /// A sandboxed frame showing rendered HTML: no scripts, no same-origin access, no forms;
    /// links open in a new tab.
    static func sandboxedFrame(_ document: String, title: String, classes: String, height: Int? = nil) -> String {
        let style = height.map { " style=\"height:\($0)px\"" } ?? ""
        return "<iframe class=\"\(classes)\" title=\"\(escape(title))\" sandbox=\"allow-popups allow-popups-to-escape-sandbox\" "
            + "referrerpolicy=\"no-referrer\" loading=\"lazy\"\(style) srcdoc=\"\(escape(document))\"></iframe>"
    }

    /// A snippet of rendered HTML (a chat or feed body) as a small document for a sandboxed frame.
    static func snippetDocument(_ html: String) -> String {
        """
        <!doctype html><html><head><meta charset="utf-8"><base target="_blank"><style>
        :root{color-scheme:light dark}
        body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2328;background:transparent;overflow-wrap:anywhere}
        @media (prefers-color-scheme:dark){body{color:#e6e8eb}a{color:#7cb4ff}}
        p{margin:0 0 .5em}p:last-child{margin-bottom:0}a{color:#1264a3}ul,ol{margin:.25em 0;padding-left:1.4em}
        code{font:12px ui-monospace,SFMono-Regular,Menlo,monospace;background:rgba(127,127,127,.15);padding:1px 4px;border-radius:4px}
        blockquote{margin:.25em 0;padding-left:10px;border-left:3px solid rgba(127,127,127,.4);color:inherit}
        img{max-width:100%}
        </style></head><body>
        """ + html + "</body></html>"
    }

    /// A guess at a snippet's height, since a sandboxed frame cannot report its own.
    static func snippetHeight(_ html: String, charactersPerLine: Int = 60) -> Int {
        var blocks = 0
        for tag in ["<p", "<li", "<br", "<h1", "<h2", "<h3", "<blockquote", "<pre", "<tr"] {
            blocks += html.components(separatedBy: tag).count - 1
        }
        let text = html.count / charactersPerLine
        return min(420, max(40, 22 * max(1, max(blocks, text)) + 8))
    }
}

/// Reading the message JSON (`message.json()`) the page renders from.
extension Value {
    subscript(_ key: String) -> Value {
        if case .object(let o) = self { return o[key] ?? .nil }
        return .nil
    }

    /// The string, or a number/bool as text; nil for nil, arrays and objects.
    var text: String? {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return b ? "true" : "false"
        default: return nil
        }
    }

    var nonEmptyText: String? {
        guard let t = text, !t.isEmpty else { return nil }
        return t
    }

    var objectPairs: [(String, Value)] {
        if case .object(let o) = self { return Array(o.pairs) }
        return []
    }

    var items: [Value] { arrayElements ?? [] }
}

/// JSON written for reading on the page (Liquid's pretty printer, without the final newline).
enum PrettyJSON {
    static func string(_ value: Value) -> String { JSONWriter.pretty(value, finalNewline: false) }

    /// A JSON string's content pretty-printed when it parses, else as written.
    static func reformat(_ text: String) -> String {
        guard let v = try? JSONParser.parse(text) else { return text }
        switch v {
        case .array, .object: return string(v)
        default: return text
        }
    }
}
