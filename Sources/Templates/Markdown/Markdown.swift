import CCmarkGFM
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GitHub-flavoured Markdown → HTML, through the system's libcmark-gfm: CommonMark plus the
/// `table`, `strikethrough`, `autolink` and `tagfilter` extensions, as Knock renders the Markdown of
/// in-app feed, chat and email Markdown blocks.
///
/// Raw HTML passes through by default (Knock templates mix HTML into Markdown), with `tagfilter`
/// escaping the dangerous tags (`<script>`, `<style>`, `<iframe>`, `<textarea>`, `<title>`, `<xmp>`,
/// `<noembed>`, `<noframes>`, `<plaintext>`). Smart punctuation is off: quotes and dashes stay as typed.
///
/// Safe to call from any number of threads at once.
public enum Markdown {
    /// How Markdown is turned into HTML.
    public struct Options: Sendable, Hashable {
        /// Render every newline inside a paragraph as `<br />` (CommonMark renders a lone newline as
        /// a newline, which browsers show as a space). Default `false`.
        public var hardBreaks: Bool
        /// Drop the newline cmark writes after the last block, as Knock's in-app feed blocks do
        /// (`"<p>Hi</p>"`, not `"<p>Hi</p>\n"`). Default `false`.
        public var trimTrailingNewline: Bool
        /// Let raw HTML through (`tagfilter` still escapes dangerous tags). When `false`, cmark
        /// replaces it with `<!-- raw HTML omitted -->` and drops `javascript:` style link targets.
        /// Default `true`.
        public var allowsRawHTML: Bool

        public init(hardBreaks: Bool = false, trimTrailingNewline: Bool = false, allowsRawHTML: Bool = true) {
            self.hardBreaks = hardBreaks
            self.trimTrailingNewline = trimTrailingNewline
            self.allowsRawHTML = allowsRawHTML
        }

        /// cmark's own output: raw HTML allowed, soft line breaks, trailing newline kept.
        public static let `default` = Options()
        /// As Knock's in-app feed `body` blocks are rendered: no trailing newline, and no raw HTML,
        /// since feed bodies carry trigger data straight into an app's page.
        public static let inAppFeed = Options(trimTrailingNewline: true, allowsRawHTML: false)
    }

    /// The extensions every document is parsed with.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]

    /// The HTML for a Markdown document.
    /// - Parameters:
    ///   - markdown: GitHub-flavoured Markdown; invalid UTF-8 and NUL become U+FFFD.
    ///   - options: line breaks, trailing newline and raw HTML; see ``Options``.
    public static func html(_ markdown: String, options: Options = .default) -> String {
        render(markdown, options: options).html
    }

    /// The HTML for a one-line piece of Markdown such as a button label: as ``html(_:options:)``,
    /// but when the whole input is a single paragraph its wrapping `<p>…</p>` is left out
    /// (`"Pay **now**"` → `"Pay <strong>now</strong>"`). Any other input (two paragraphs, a
    /// heading, a list) renders exactly as ``html(_:options:)`` does. Never ends with a newline.
    /// - Parameters:
    ///   - markdown: GitHub-flavoured Markdown.
    ///   - options: as for ``html(_:options:)``; `trimTrailingNewline` is implied.
    public static func inlineHTML(_ markdown: String, options: Options = .default) -> String {
        var options = options
        options.trimTrailingNewline = true
        let (html, singleParagraph) = render(markdown, options: options)
        guard singleParagraph, html.hasPrefix("<p>"), html.hasSuffix("</p>") else { return html }
        return String(html.dropFirst(3).dropLast(4))
    }

    /// The version of the linked libcmark-gfm, such as `0.29.0.gfm.6`.
    public static var libraryVersion: String { String(cString: cmark_version_string()) }

    // MARK: - cmark-gfm

    /// Registers the core extensions in cmark-gfm's global registry. The C function guards itself
    /// with an unsynchronised flag, and registering twice aborts; a `static let` runs it once.
    private static let registered: Void = cmark_gfm_core_extensions_ensure_registered()

    /// Serialises parsing. cmark-gfm 0.29 keeps the table of "special" inline characters in a
    /// process-wide array: each parse adds its extensions' characters (`~`, `:`, `w`) while it parses
    /// inlines and removes them when done, so a parse that ends while another is running switches
    /// strikethrough and autolinks off under it (github/cmark-gfm#176, unmerged). Rendering the
    /// finished tree touches no shared state and runs outside the lock.
    private static let parseLock = Mutex<Void>(())

    /// Renders, and says whether the document is exactly one paragraph.
    private static func render(_ markdown: String, options: Options) -> (html: String, singleParagraph: Bool) {
        _ = registered
        var flags = CMARK_OPT_DEFAULT
        if options.hardBreaks { flags |= CMARK_OPT_HARDBREAKS }
        if options.allowsRawHTML { flags |= CMARK_OPT_UNSAFE }

        // Only fails when allocation fails, and cmark's default allocator aborts first.
        guard let parser = cmark_parser_new(flags) else { return ("", false) }
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            // The four are compiled into libcmark-gfm-extensions; a missing one is a broken install.
            guard let ext = cmark_find_syntax_extension(name) else {
                preconditionFailure("libcmark-gfm-extensions has no '\(name)' extension")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }

        var source = markdown
        var document: OpaquePointer?
        parseLock.withLock { _ in
            source.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    if let base = chars.baseAddress, !chars.isEmpty { cmark_parser_feed(parser, base, chars.count) }
                }
            }
            document = cmark_parser_finish(parser)
        }
        guard let document else { return ("", false) }
        defer { cmark_node_free(document) }

        let first = cmark_node_first_child(document)
        let singleParagraph = first != nil && first == cmark_node_last_child(document)
            && cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH

        // The parser's extension list must reach the renderer: without it the extensions' own
        // nodes render through the fallback path and tagfilter never runs.
        guard let rendered = cmark_render_html(document, flags, cmark_parser_get_syntax_extensions(parser)) else {
            return ("", singleParagraph)
        }
        defer { free(rendered) }
        var html = String(cString: rendered)
        if options.trimTrailingNewline, html.hasSuffix("\n") { html.removeLast() }
        return (html, singleParagraph)
    }
}
