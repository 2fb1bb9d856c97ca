import Liquid

/// `{% t %}Default-language text with {{ recipient.name }}{% endt %}` (knock-spec §3.3): the inner
/// source is the key, in the `system` namespace; the translated source is rendered as Liquid with
/// the full run scope. With no translation, the body renders as written (it is the default locale's text).
struct TranslateTag: Node {
    let key: String
    let body: Block
    let offset: Int
    let catalog: TranslationCatalog
    let cache: TemplateCache

    static func definition(catalog: TranslationCatalog, cache: TemplateCache) -> TagDefinition {
        TagDefinition("t") { tag, parser in
            guard tag.markup.isEmpty else {
                throw LiquidError.syntax("Syntax Error in 't' - the t tag takes no arguments: {% t %}text{% endt %}", at: tag.offset)
            }
            let start = parser.position
            let (body, end) = try parser.parseBody(endingAt: ["endt"], blockName: "t")
            let key = String(decoding: parser.source[start..<(end?.offset ?? start)], as: UTF8.self)
            return TranslateTag(key: key, body: body, offset: tag.offset, catalog: catalog, cache: cache)
        }
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        let session = context.session
        let locale = session.attributes[KnockAttributes.locale]?.stringValue
        let tenant = session.attributes[KnockAttributes.tenant]?.stringValue
        guard let (found, foundLocale) = catalog.lookup(namespace: TranslationCatalog.systemNamespace, path: [key], locale: locale, tenant: tenant),
            case .string(let source) = found
        else {
            if let locale, TranslationCatalog.normalize(locale) != TranslationCatalog.normalize(catalog.defaultLocale) {
                session.warnings.append("missing translation of a {% t %} string for locale \(locale)")
            }
            try body.render(context, into: &out)
            return
        }
        _ = foundLocale
        if source == key {
            try body.render(context, into: &out)
            return
        }
        let template = try cache.template(named: "t-tag", source: source)
        try context.render(template, into: &out)
    }

    /// The kind of `Analysis.notes` the tag's keys are reported under.
    static let noteKind = "translation"

    func analyze(_ analysis: inout Analysis) {
        analysis.addTag("t", at: offset)
        analysis.addNote(Self.noteKind, key, at: offset)
        body.analyze(&analysis)
    }
}
