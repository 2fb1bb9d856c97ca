import Liquid

/// The Liquid environment of a Knock project: standard Liquid plus Knock's filters and tags,
/// `include` refused (Knock does not support it), partials from the project with Knock's depth
/// limit of 5 and cycles reported with their chain.
public enum KnockFlavour {
    /// Knock renders partials at most 5 deep (knock-spec §1.6).
    public static let maxPartialDepth = 5

    /// An environment for rendering a project's templates.
    /// - Parameters:
    ///   - partials: where `{% render 'key' %}` finds partials.
    ///   - translations: the project's translations, for `t`.
    ///   - dataSource: users, objects, tenants and subscriptions for the side-loading filters.
    public static func environment(partials loader: (any TemplateLoader)? = nil,
                                   translations: TranslationCatalog = TranslationCatalog(),
                                   dataSource: (any KnockDataSource)? = nil) -> Environment
    {
        var env = Environment()
        env.allowsInclude = false
        env.loader = loader
        env.limits.maxPartialDepth = maxPartialDepth + 1  // the template itself plus 5 partial levels
        env.limits.allowRecursivePartials = false
        env.partialArgument = KnockPartialLoader.textInputs
        for filter in KnockFilters.all(dataSource: dataSource) { env.register(filter) }
        // Translations are themselves Liquid: parse each once, with plain Liquid plus Knock's filters.
        let cache = TemplateCache(environment: env)
        env.register(TranslateTag.definition(catalog: translations, cache: cache))
        env.register(TranslateFilter.definition(catalog: translations, cache: cache))
        return env
    }
}
