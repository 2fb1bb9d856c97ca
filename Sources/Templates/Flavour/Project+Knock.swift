import Liquid

/// A loaded project as the renderers use it: its Liquid environment, partials, translations
/// and layouts in the shapes of the Templates layer.
extension Project {
    /// The project's partials, with HTML partials' styles set aside for hoisting.
    public var knockPartials: KnockPartialLoader {
        KnockPartialLoader(partials.values.map { p in
            KnockPartial(key: p.key, kind: KnockPartial.Kind(rawValue: p.type.rawValue) ?? .text, content: p.content)
        })
    }

    /// Every translation file of the project (tenant-specific files are not part of a project yet).
    public var translationCatalog: TranslationCatalog {
        TranslationCatalog(defaultLocale: config.defaultLocale, entries: translations.values.map {
            TranslationCatalog.Entry(locale: $0.locale, namespace: $0.namespace, content: $0.content)
        })
    }

    /// The environment this project's templates render with: Knock's flavour, its partials and
    /// translations.
    public func environment(partials loader: KnockPartialLoader? = nil, dataSource: (any KnockDataSource)? = nil) -> Environment {
        KnockFlavour.environment(partials: loader ?? knockPartials, translations: translationCatalog, dataSource: dataSource)
    }

    /// The email layout with this key, as `EmailComposer` takes it.
    public func emailLayout(_ key: String) -> EmailLayout? {
        guard let l = layouts[key] else { return nil }
        return EmailLayout(key: l.key, htmlLayout: l.htmlLayout ?? "{{ content }}", textLayout: l.textLayout,
                           footerLinks: l.footerLinks.map { .init(text: $0.text, url: $0.url) },
                           brandingOverrides: l.brandingOverrides ?? [:])
    }
}
