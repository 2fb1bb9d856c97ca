import CLibXML2

/// HTML → plain text: what an email's `text/plain` part should say when the template has no text
/// body of its own. The HTML is parsed by the system's libxml2 (forgiving, as browsers are: unclosed
/// and misnested tags are repaired, no network access, no error output) and its text laid out as a
/// browser would show it, with these conventions:
///
/// - **Blocks.** Paragraphs, headings, lists, quotations, `<pre>` and data tables are separated by a
///   blank line; other blocks (`<div>`, `<tr>`, `<li>`, layout table cells, …) start a new line.
///   Never more than one blank line in a row; the result is trimmed, lines have no trailing spaces.
/// - **Whitespace** collapses as in browsers (spaces, tabs and newlines become one space), except in
///   `<pre>`. `&nbsp;` is a space that does not collapse. `<br>` is a newline. Entities are decoded.
/// - **Headings** stand on their own. `<h1>` and `<h2>` are upper-cased (link targets in them are
///   not); `<h3>`–`<h6>` keep their case. See ``Options/uppercasesHeadings``.
/// - **Lists**: `- item` and `1. item` (from `start`, or an item's `value`); nested lists and the
///   continuation lines of an item are indented to the item's text. Quotations prefix `> `.
/// - **Links** read `text (url)`; just the text when it already is the URL (ignoring case, an
///   `http(s)://` prefix and a trailing `/`); just the URL when the link has no text. `mailto:` and
///   `tel:` show the bare address, and nothing more when the text is that address. Links to `#`
///   anchors and `javascript:` show only their text.
/// - **Images** become their `alt` text, or nothing.
/// - **Tables.** Email HTML is built from layout tables, so only *data* tables are drawn as rows:
///   one line per row, cells joined by `" | "` (``Options/tableCellSeparator``), a caption on the
///   line above, rows with only empty cells left out. A table is for layout, and its cells are just
///   lines of text, when it has `role="presentation"` (or `"none"`), contains another table, or has
///   at most one cell per row.
/// - **Dropped:** `<head>`, `<script>`, `<style>`, `<template>`, `<noscript>`, `<iframe>`,
///   `<object>`, `<embed>`, `<svg>`, `<canvas>`, `<video>`, `<audio>`, comments (and with them
///   Outlook's `<!--[if mso]>` blocks), and any element with the `hidden` attribute or
///   `display: none` in its `style` attribute (an email's hidden preview text). Stylesheets are
///   not applied: only inline styles count.
///
/// libxml2's own limits show through: text before any tag goes into an implied `<p>` (so
/// `"lead<div>x</div>"` gives `"lead\n\nx"`), and it stops reading at elements nested more than
/// 256 deep, dropping the rest of the document.
///
/// Deterministic, and safe to call from any number of threads at once.
public enum HTMLText {
    /// Choices in how the text is laid out.
    public struct Options: Sendable, Hashable {
        /// Upper-case the text of `<h1>` and `<h2>`, the usual way plain-text email marks a title.
        /// Default `true`.
        public var uppercasesHeadings: Bool
        /// Between the cells of a data table's row. Default `" | "`; `"\t"` suits spreadsheets.
        public var tableCellSeparator: String
        /// Write link targets after the link text (`text (url)`). Default `true`.
        public var showsLinkURLs: Bool

        public init(uppercasesHeadings: Bool = true, tableCellSeparator: String = " | ", showsLinkURLs: Bool = true) {
            self.uppercasesHeadings = uppercasesHeadings
            self.tableCellSeparator = tableCellSeparator
            self.showsLinkURLs = showsLinkURLs
        }

        public static let `default` = Options()
    }

    /// The plain text of an HTML document or fragment.
    /// - Parameters:
    ///   - html: a full document or a fragment, in any state of repair; decoded as UTF-8 whatever
    ///     its `<meta charset>` says.
    ///   - options: layout choices; see ``Options``.
    public static func plainText(_ html: String, options: Options = .default) -> String {
        _ = initialized
        var source = html
        let document: htmlDocPtr? = source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                guard let base = chars.baseAddress, !chars.isEmpty, chars.count <= Int(Int32.max) else { return nil }
                return htmlReadMemory(base, Int32(chars.count), nil, "UTF-8", parseOptions)
            }
        }
        guard let document else { return "" }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return "" }
        var renderer = TextRenderer(options: options)
        renderer.visit(root)
        return renderer.out.finish()
    }

    /// Recover from any error, report none, never fetch anything.
    private static let parseOptions = Int32(bitPattern: HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
        | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)

    /// libxml2 wants `xmlInitParser` to have run once before threads parse at the same time.
    private static let initialized: Void = xmlInitParser()
}
