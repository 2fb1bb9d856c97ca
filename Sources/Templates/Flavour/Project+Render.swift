import Liquid

extension Project {
    /// What rendering one template of the project produced.
    public struct Rendered: Sendable {
        /// The output; for an email with a layout, the full HTML document.
        public var output: String
        /// The text part, when a layout was used.
        public var text: String?
        /// Missing translations and other warnings an author should see.
        public var warnings: [String]
    }

    /// Render a template with the project's partials (and `extraPartials`, which win over the
    /// project's of the same key), translations and, when `layoutKey` is given, one of its email
    /// layouts around it.
    public func render(source: String, name: String, scope: RunScope, locale: String? = nil,
                       layoutKey: String? = nil, now: Double? = nil, extraPartials: [KnockPartial] = []) throws -> Rendered
    {
        var scope = scope
        // The project's vars, under any the caller gave.
        for (k, v) in config.vars.pairs where scope.vars[k] == nil { scope.vars[k] = v }
        var partials = knockPartials
        if !extraPartials.isEmpty {
            var all = partials.partials
            for p in extraPartials { all[p.key] = p }
            partials = KnockPartialLoader(Array(all.values))
        }
        let env = environment(partials: partials)
        if let layoutKey {
            guard let layout = emailLayout(layoutKey) else {
                throw LiquidError(.fileSystem, "layout '\(layoutKey)' does not exist in this project")
            }
            let composer = EmailComposer(environment: env, partials: partials)
            let email = try composer.compose(.init(html: (name, source)), layout: layout, scope: scope, locale: locale, now: now)
            return Rendered(output: email.html, text: email.text, warnings: email.warnings)
        }
        let template = try env.parse(source, name: name)
        let session = scope.session(locale: locale, now: now)
        let output = try template.render(locals: scope.locals, session: session)
        return Rendered(output: output, text: nil, warnings: session.warnings + session.errors.map(\.description))
    }
}
