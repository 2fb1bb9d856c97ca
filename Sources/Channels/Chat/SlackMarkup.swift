/// The markup a chat provider reads.
public enum ChatMarkup: String, Sendable, CaseIterable {
    /// Slack's mrkdwn: `*bold*`, `_italic_`, `~strike~`, `<url|text>`, `•` lists, `&<>` escaped.
    case slack
    /// Google Chat's text formatting, which is Slack's for what Markdown can say.
    case googleChat = "google_chat"
    /// Markdown as written (Microsoft Teams and Discord read Markdown).
    case markdown

    /// How the converted body is labelled in message JSON.
    public var markupName: String {
        switch self {
        case .slack: return "slack_mrkdwn"
        case .googleChat: return "google_chat"
        case .markdown: return "markdown"
        }
    }

    /// A guess from a channel key: `slack...` → Slack, `google-chat`/`gchat` → Google Chat, else Markdown.
    public static func guess(channelKey: String) -> ChatMarkup {
        let key = channelKey.lowercased()
        if key.contains("slack") { return .slack }
        if key.contains("google") || key.contains("gchat") { return .googleChat }
        return .markdown
    }

    /// The body in this markup.
    public func convert(_ markdown: String) -> String {
        switch self {
        case .slack, .googleChat: return SlackMarkup.mrkdwn(markdown)
        case .markdown: return markdown
        }
    }
}

/// Markdown → Slack mrkdwn. Block structure line by line (headings become bold lines, list
/// bullets `•`, quotes and fenced code kept, a paragraph's lines joined as Markdown would show
/// them), then inline spans: `**b**` → `*b*`, `*i*`/`_i_` → `_i_`, `~~s~~` → `~s~`,
/// `[text](url)` → `<url|text>`, code kept; Slack's own `<url|text>`, `<@U…>`, `<#C…>`, `<!here>`
/// pass through, and every other `&`, `<`, `>` is escaped as Slack requires.
enum SlackMarkup {
    static func mrkdwn(_ markdown: String) -> String {
        var out: [String] = []
        var fence: String? = nil
        /// The last line written can take the next line of its paragraph.
        var joinable = false
        for raw in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            let indent = String(line.prefix { $0 == " " || $0 == "\t" })
            let text = String(line.dropFirst(indent.count))
            if let open = fence {
                if text.hasPrefix(open) {
                    fence = nil
                    out.append("```")
                } else {
                    out.append(escape(line))
                }
                continue
            }
            if text.hasPrefix("```") || text.hasPrefix("~~~") {
                fence = String(text.prefix(3))
                out.append("```")
                joinable = false
                continue
            }
            if text.isEmpty {
                out.append("")
                joinable = false
                continue
            }
            let hardBreak = line.hasSuffix("  ") || line.hasSuffix("\\")
            var body = hardBreak && line.hasSuffix("\\") ? String(text.dropLast()) : text
            body = body.trimmingSpaces

            if let heading = heading(body) {
                out.append("*" + inline(heading) + "*")
                joinable = false
                continue
            }
            if isRule(body) {
                out.append("──────────")
                joinable = false
                continue
            }
            var prefix = ""
            var blockStart = false
            while body.hasPrefix(">") {
                prefix += "> "
                body = String(body.dropFirst()).trimmingSpaces
                blockStart = true
            }
            if let (marker, rest) = listItem(body) {
                prefix += marker
                body = rest
                blockStart = true
            }
            if joinable && !blockStart {
                out[out.count - 1] += " " + inline(body)
            } else {
                out.append((blockStart ? indent : "") + prefix + inline(body))
            }
            joinable = !hardBreak
        }
        while out.last == "" { out.removeLast() }
        return out.joined(separator: "\n")
    }

    /// `## Title` → `Title`.
    static func heading(_ s: String) -> String? {
        let hashes = s.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = s.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        var title = rest.trimmingCharacters()
        while title.hasSuffix("#") { title.removeLast() }
        return title.trimmingSpaces
    }

    static func isRule(_ s: String) -> Bool {
        let chars = s.filter { $0 != " " }
        guard chars.count >= 3, let c = chars.first, "-*_".contains(c) else { return false }
        return chars.allSatisfy { $0 == c }
    }

    /// A bullet (`-`, `*`, `+`) becomes `• `; a numbered item keeps its number; task boxes become ☐/☑.
    static func listItem(_ s: String) -> (String, String)? {
        var marker: String
        var rest: Substring
        if let c = s.first, "-*+".contains(c), s.dropFirst().first == " " {
            marker = "• "
            rest = s.dropFirst(2)
        } else {
            let digits = s.prefix { $0.isASCII && $0.isNumber }
            let after = s.dropFirst(digits.count)
            guard (1...9).contains(digits.count), let d = after.first, d == "." || d == ")", after.dropFirst().first == " " else { return nil }
            marker = digits + ". "
            rest = after.dropFirst(2)
        }
        if rest.hasPrefix("[ ] ") {
            marker += "☐ "
            rest = rest.dropFirst(4)
        } else if rest.hasPrefix("[x] ") || rest.hasPrefix("[X] ") {
            marker += "☑ "
            rest = rest.dropFirst(4)
        }
        return (marker, String(rest))
    }

    // MARK: - inline

    static func inline(_ s: String) -> String {
        let c = Array(s)
        var out = ""
        var i = 0
        while i < c.count {
            let ch = c[i]
            switch ch {
            case "\\" where i + 1 < c.count && c[i + 1].isASCII && (c[i + 1].isPunctuation || c[i + 1].isSymbol):
                out += escape(String(c[i + 1]))
                i += 2
            case "`":
                let run = count(c, i, "`")
                if let close = find(c, from: i + run, run: "`", length: run) {
                    out += "`" + escape(String(c[(i + run)..<close])) + "`"
                    i = close + run
                } else {
                    out += String(repeating: "`", count: run)
                    i += run
                }
            case "<":
                if let close = c[(i + 1)...].firstIndex(where: { $0 == ">" || $0 == "<" || $0 == "\n" }), c[close] == ">",
                   isSlackLink(String(c[(i + 1)..<close]))
                {
                    out += String(c[i...close])
                    i = close + 1
                } else {
                    out += "&lt;"
                    i += 1
                }
            case "!" where i + 1 < c.count && c[i + 1] == "[":
                if let (text, url, end) = link(c, i + 1) {
                    out += "<" + url + (text.isEmpty ? "" : "|" + escape(text)) + ">"
                    i = end
                } else {
                    out += "!"
                    i += 1
                }
            case "[":
                if let (text, url, end) = link(c, i) {
                    let label = inline(text)
                    out += "<" + url + (label.isEmpty || label == url ? "" : "|" + label) + ">"
                    i = end
                } else {
                    out += "["
                    i += 1
                }
            case "*", "_":
                let run = count(c, i, ch)
                let opens = i + run < c.count && !c[i + run].isWhitespace
                    && (ch == "*" || i == 0 || !(c[i - 1].isLetter || c[i - 1].isNumber))
                if opens, run <= 3, let close = closer(c, from: i + run, delimiter: ch, length: run) {
                    let inner = inline(String(c[(i + run)..<close]))
                    switch run {
                    case 1: out += "_" + inner + "_"
                    case 2: out += "*" + inner + "*"
                    default: out += "*_" + inner + "_*"
                    }
                    i = close + run
                } else {
                    out += String(repeating: String(ch), count: run)
                    i += run
                }
            case "~":
                let run = count(c, i, "~")
                if run == 2, let close = closer(c, from: i + 2, delimiter: "~", length: 2) {
                    out += "~" + inline(String(c[(i + 2)..<close])) + "~"
                    i = close + 2
                } else {
                    out += String(repeating: "~", count: run)
                    i += run
                }
            case "&":
                out += isEntity(c, i) ? "&" : "&amp;"
                i += 1
            case ">":
                out += "&gt;"
                i += 1
            default:
                out.append(ch)
                i += 1
            }
        }
        return out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for ch in s {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: out.append(ch)
            }
        }
        return out
    }

    /// What Slack reads inside `<...>`: a link (`https://x|text`, `mailto:`), a user, channel or
    /// special mention (`@U123`, `#C123`, `!here`).
    static func isSlackLink(_ inner: String) -> Bool {
        guard let first = inner.first else { return false }
        if first == "@" || first == "#" || first == "!" { return inner.count > 1 && !inner.contains(" ") }
        let target = inner.split(separator: "|", maxSplits: 1).first.map(String.init) ?? inner
        return !target.contains(" ") && EmailChecks.hasScheme(target)
    }

    static func count(_ c: [Character], _ i: Int, _ ch: Character) -> Int {
        var n = 0
        while i + n < c.count && c[i + n] == ch { n += 1 }
        return n
    }

    /// The start of the next run of exactly `length` `run` characters.
    static func find(_ c: [Character], from: Int, run: Character, length: Int) -> Int? {
        var i = from
        while i < c.count {
            if c[i] == run {
                let n = count(c, i, run)
                if n == length { return i }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A closing delimiter run: exactly `length` long, after a non-space, and for `_` not inside a word.
    static func closer(_ c: [Character], from: Int, delimiter: Character, length: Int) -> Int? {
        var i = from
        while i < c.count {
            if c[i] == "`", let end = find(c, from: i + count(c, i, "`"), run: "`", length: count(c, i, "`")) {
                i = end + count(c, end, "`")
                continue
            }
            if c[i] == delimiter {
                let n = count(c, i, delimiter)
                let after = i + n
                if n == length, i > from, !c[i - 1].isWhitespace,
                   delimiter != "_" || after >= c.count || !(c[after].isLetter || c[after].isNumber)
                {
                    return i
                }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `[text](url "title")` at `i`: the text, the url and the index after the link.
    static func link(_ c: [Character], _ i: Int) -> (String, String, Int)? {
        guard c[i] == "[" else { return nil }
        var depth = 0
        var j = i
        while j < c.count {
            if c[j] == "\\" { j += 2; continue }
            if c[j] == "[" { depth += 1 }
            if c[j] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            j += 1
        }
        guard j < c.count, j + 1 < c.count, c[j + 1] == "(" else { return nil }
        let text = String(c[(i + 1)..<j])
        var k = j + 2
        var parens = 1
        while k < c.count {
            if c[k] == "(" { parens += 1 }
            if c[k] == ")" {
                parens -= 1
                if parens == 0 { break }
            }
            k += 1
        }
        guard k < c.count else { return nil }
        var target = String(c[(j + 2)..<k]).trimmingSpaces
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }  // drop a "title"
        if target.hasPrefix("<") && target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        return (text, target, k + 1)
    }

    /// `&amp;`, `&#39;`, `&#x27;`: an entity Slack shows as its character.
    static func isEntity(_ c: [Character], _ i: Int) -> Bool {
        var j = i + 1
        if j < c.count && c[j] == "#" {
            j += 1
            if j < c.count && (c[j] == "x" || c[j] == "X") { j += 1 }
            let start = j
            while j < c.count && c[j].isHexDigit { j += 1 }
            return j > start && j < c.count && c[j] == ";"
        }
        let start = j
        while j < c.count && c[j].isASCII && c[j].isLetter { j += 1 }
        return j > start && j < c.count && c[j] == ";"
    }
}
