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
        let r = try project.render(source: source, name: name, scope: scope, locale: locale, layoutKey: layoutKey,
                                   now: now, extraPartials: extraPartials)
        return Result(output: r.output, text: r.text, warnings: r.warnings)
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
