import Liquid

/// What Knock does on commit for `{% t %}` blocks (knock-spec §3.1): every block's inner source
/// becomes a key of the default locale's `system` translations, with itself as the value.
extension Project {
    /// The `{% t %}` strings the project's templates, layouts and partials use, each once, in order.
    public func translationTagStrings() -> [String] {
        let env = environment()
        var sources: [String] = []
        for key in workflows.keys.sorted() {
            for step in workflows[key]!.allSteps { sources += step.liquidFields.map(\.source) }
        }
        for key in layouts.keys.sorted() { sources += layouts[key]!.liquidFields.map(\.source) }
        for key in partials.keys.sorted() { sources.append(partials[key]!.liquidField.source) }
        var seen = Set<String>()
        var strings: [String] = []
        for source in sources where source.contains("{%") {
            guard let template = try? env.parse(source) else { continue }
            for use in template.analyze().notes[TranslateTag.noteKind] ?? [] where seen.insert(use.name).inserted {
                strings.append(use.name)
            }
        }
        return strings
    }

    /// The default locale's system file with every `{% t %}` string added (existing entries and
    /// their order kept), its path relative to the project, and how many strings were new.
    public func systemTranslationsUpdate() -> (path: String, content: LiquidObject, added: Int) {
        let locale = config.defaultLocale
        var content = translations.values.first { $0.locale == locale && $0.namespace == TranslationCatalog.systemNamespace }?.content ?? [:]
        var added = 0
        for s in translationTagStrings() where content[s] == nil {
            content[s] = .string(s)
            added += 1
        }
        let path = RelativePath.join(config.translations, "\(locale)/\(TranslationCatalog.systemNamespace).\(locale).json")
        return (path, content, added)
    }
}
