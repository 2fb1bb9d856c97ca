/// What an author should hear about a rendered email before it goes out: Gmail clipping, images
/// without alt text, links that will not open, an empty subject.
enum EmailChecks {
    static func warnings(subject: String, html: String, clipBytes: Int) -> [String] {
        var out: [String] = []
        if subject.allSatisfy({ $0.isWhitespace }) { out.append("the subject is empty") }
        let size = html.utf8.count
        if size > clipBytes {
            out.append("the HTML is \(size) bytes (\(kilobytes(size)) KB); Gmail clips messages over \(kilobytes(clipBytes)) KB "
                + "and hides the rest behind \"View entire message\"")
        }
        var imagesWithoutAlt: [String] = []
        var linksWithoutScheme: [String] = []
        var emptyLinks = 0
        for tag in HTMLTags(html: html) {
            switch tag.name {
            case "img" where tag.attributes["alt"] == nil:
                imagesWithoutAlt.append(tag.attributes["src"] ?? tag.source)
            case "a":
                guard let href = tag.attributes["href"] else { continue }
                let target = href.trimmingSpaces
                if target.isEmpty {
                    emptyLinks += 1
                } else if !target.hasPrefix("#"), !hasScheme(target), !target.hasPrefix("{{") {
                    linksWithoutScheme.append(target)
                }
            default:
                break
            }
        }
        if !imagesWithoutAlt.isEmpty {
            out.append("\(count(imagesWithoutAlt.count, "image has", "images have")) no alt attribute "
                + "(screen readers and clients that block images show nothing): \(list(imagesWithoutAlt))")
        }
        if !linksWithoutScheme.isEmpty {
            out.append("\(count(linksWithoutScheme.count, "link has", "links have")) no scheme such as https:// "
                + "(email clients cannot open a relative link): \(list(linksWithoutScheme))")
        }
        if emptyLinks > 0 { out.append("\(count(emptyLinks, "link has", "links have")) an empty href") }
        return out
    }

    /// `https:`, `mailto:`, `tel:`... (RFC 3986: a letter, then letters, digits, `+`, `-`, `.`).
    static func hasScheme(_ url: String) -> Bool {
        var first = true
        for c in url.unicodeScalars {
            if c == ":" { return !first }
            let letter = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z")
            let ok = first ? letter : letter || (c >= "0" && c <= "9") || c == "+" || c == "-" || c == "."
            if !ok { return false }
            first = false
        }
        return false
    }

    static func kilobytes(_ bytes: Int) -> String {
        let tenths = (bytes * 10 + 512) / 1024
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    static func count(_ n: Int, _ one: String, _ many: String) -> String { n == 1 ? "1 \(one)" : "\(n) \(many)" }

    /// The first few items, quoted.
    static func list(_ items: [String]) -> String {
        let shown = items.prefix(3).map { "'\($0.count > 80 ? String($0.prefix(77)) + "..." : $0)'" }
        return shown.joined(separator: ", ") + (items.count > 3 ? " and \(items.count - 3) more" : "")
    }
}

extension String {
    /// Without leading and trailing spaces, tabs and line breaks.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !Self.isSpace($0) })!
        return String(scalars[first...last])
    }

    static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\t" || c == "\n" || c == "\r" || c == "\u{0C}" }
}
