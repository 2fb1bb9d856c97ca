import Liquid
import Templates

/// Rendering a template that is not in the project (the API's ad-hoc render) with the project's
/// partials, translations and layouts, plus partials the caller sends.
enum AdHocRender {
    struct Result: Sendable {
        var output: String
        var text: String?
        var warnings: [String]
    }

    static func render(_ project: Project, source: String, name: String, scope: RunScope, locale: String?,
                       layoutKey: String?, now: Double, extraPartials: [KnockPartial]) throws -> Result
    {
        guard !extraPartials.isEmpty else {
            let r = try project.render(source: source, name: name, scope: scope, locale: locale, layoutKey: layoutKey, now: now)
            return Result(output: r.output, text: r.text, warnings: r.warnings)
        }
        // The caller's partials win over the project's of the same name.
        var all: [String: KnockPartial] = project.knockPartials.partials
        for p in extraPartials { all[p.key] = p }
        let loader = KnockPartialLoader(Array(all.values))
        let env = project.environment(partials: loader)
        var scope = scope
        for (k, v) in project.config.vars.pairs where scope.vars[k] == nil { scope.vars[k] = v }
        if let layoutKey {
            guard let layout = project.emailLayout(layoutKey) else {
                throw LiquidError(.fileSystem, "layout '\(layoutKey)' does not exist in this project")
            }
            let email = try EmailComposer(environment: env, partials: loader)
                .compose(.init(html: (name, source)), layout: layout, scope: scope, locale: locale, now: now)
            return Result(output: email.html, text: email.text, warnings: email.warnings)
        }
        let template = try env.parse(source, name: name)
        let session = RenderSession(now: now)
        if let l = locale ?? scope.recipientLocale { session.attributes[KnockAttributes.locale] = .string(l) }
        if let t = scope.tenantID { session.attributes[KnockAttributes.tenant] = .string(t) }
        let output = try template.render(locals: scope.locals, session: session)
        return Result(output: output, text: nil, warnings: session.warnings + session.errors.map(\.description))
    }

    /// `{"name": "source"}` or `{"name": {"content": "...", "type": "html|markdown|text|json"}}`.
    static func partials(from object: LiquidObject) throws -> [KnockPartial] {
        var out: [KnockPartial] = []
        for (name, value) in object.pairs {
            switch value {
            case .string(let content):
                out.append(KnockPartial(key: name, kind: .text, content: content))
            case .object(let o):
                guard case .string(let content)? = o["content"] else {
                    throw APIError.badRequest("bad_field", "partial '\(name)' needs a string 'content'")
                }
                let typeName = o["type"]?.stringValue ?? "text"
                guard let kind = KnockPartial.Kind(rawValue: typeName) else {
                    throw APIError.badRequest("bad_field", "partial '\(name)' has an unknown type '\(typeName)' (html, markdown, text or json)")
                }
                out.append(KnockPartial(key: name, kind: kind, content: content))
            default:
                throw APIError.badRequest("bad_field", "partial '\(name)' must be a string or {\"content\": ..., \"type\": ...}")
            }
        }
        return out
    }
}
