import Liquid

/// An email rendered the way Knock renders it (knock-spec §4.1): pre-content and body first, then
/// the layout with the body at `{{ content }}` (so the layout sees what the body assigned), the
/// `<style>` blocks of HTML partials the body used hoisted into the layout's `<head>`, and the text
/// part from the text body, or derived from the final HTML.
public struct EmailComposer: Sendable {
    public struct Parts: Sendable {
        /// Template sources, each with the name errors should show (a file path, say).
        public var html: (name: String, source: String)
        public var text: (name: String, source: String)?
        public var preContent: (name: String, source: String)?
        public var previewText: (name: String, source: String)?

        public init(html: (name: String, source: String), text: (name: String, source: String)? = nil,
                    preContent: (name: String, source: String)? = nil, previewText: (name: String, source: String)? = nil)
        {
            self.html = html
            self.text = text
            self.preContent = preContent
            self.previewText = previewText
        }
    }

    public struct Email: Sendable {
        public var html: String
        public var text: String
        public var previewText: String?
        /// Translation and partial warnings, and inline render errors.
        public var warnings: [String]
    }

    public let cache: TemplateCache
    public let partials: KnockPartialLoader?
    /// Turns the final HTML into the text part when the template has no text body.
    public let plainText: @Sendable (String) -> String

    public init(environment: Environment, partials: KnockPartialLoader? = nil,
                plainText: @escaping @Sendable (String) -> String = { HTMLText.plainText($0) })
    {
        self.cache = TemplateCache(environment: environment)
        self.partials = partials
        self.plainText = plainText
    }

    public func compose(_ parts: Parts, layout: EmailLayout?, scope: RunScope, locale: String? = nil, now: Double? = nil) throws -> Email {
        var scope = scope
        scope.vars["branding"] = .object(Branding.resolve(account: Self.object(scope.vars["branding"]),
                                                          layout: layout?.brandingOverrides ?? [:], tenant: scope.tenant))
        let session = scope.session(locale: locale, now: now)
        let context = RenderContext(environment: cache.environment, locals: scope.locals, session: session)

        // Pre-content renders first so its assigns are visible above `{{ content }}` in the layout.
        let pre = try parts.preContent.map { try render($0, in: context) } ?? ""
        let body = try render(parts.html, in: context)
        let preview = try parts.previewText.map { try render($0, in: context) }
        var html = pre + body
        if let layout {
            context.setGlobalLocal("content", .string(html))
            context.setGlobalLocal("footer_links", .string(layout.footerLinksHTML()))
            context.setGlobalLocal("preview_text", preview.map(Value.string) ?? .nil)
            html = try render((name: "layouts/\(layout.key)/html_layout", source: layout.htmlLayout), in: context)
            if let partials {
                html = StyleBlocks.hoist(partials.styles(forPartials: session.partialsUsed), into: html)
            }
        }

        // The text part: the text body, or the body's HTML as text; then the text layout around
        // it (a layout without one contributes its HTML header and footer as text instead).
        var text = try parts.text.map { pre + (try render($0, in: context)) }
            ?? plainText(layout != nil && layout?.textLayout == nil ? html : pre + body)
        if let layout, let textLayout = layout.textLayout {
            context.setGlobalLocal("content", .string(text))
            context.setGlobalLocal("footer_links", .string(layout.footerLinksText()))
            text = try render((name: "layouts/\(layout.key)/text_layout", source: textLayout), in: context)
        }
        let warnings = session.warnings + session.errors.map(\.description)
        return Email(html: html, text: text, previewText: preview, warnings: warnings)
    }

    private func render(_ part: (name: String, source: String), in context: RenderContext) throws -> String {
        let template = try cache.template(named: part.name, source: part.source)
        var out = OutputBuffer(capacity: part.source.utf8.count * 2)
        try context.render(template, into: &out)
        return out.string
    }

    static func object(_ v: Value?) -> LiquidObject {
        if case .object(let o)? = v { return o }
        return [:]
    }
}
