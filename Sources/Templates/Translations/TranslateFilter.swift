import Liquid

/// Knock's render-time settings, carried on the render session so filters and tags can read them.
public enum KnockAttributes {
    public static let locale = "knock.locale"
    public static let tenant = "knock.tenant"
}

/// The `t` filter (knock-spec §3.2): `{{ "ns:path.key" | t: name: value, count: n }}`.
/// The translation is itself Liquid, rendered with the named arguments as variables. With
/// `count`, an object of `zero`/`one`/`other` picks its form (`zero` falls back to `other`).
/// A missing key gives nil, so `| default:` works, and adds a warning to the render session.
enum TranslateFilter {
    static func definition(catalog: TranslationCatalog, cache: TemplateCache) -> FilterDefinition {
        FilterDefinition("t", arguments: 0...0, keywords: true) { input, args, context in
            let key = input.liquidString
            let (namespace, path) = TranslationCatalog.split(key)
            let session = context.session
            let locale = session.attributes[KnockAttributes.locale]?.stringValue
            let tenant = session.attributes[KnockAttributes.tenant]?.stringValue
            guard let (found, _) = catalog.lookup(namespace: namespace, path: path, locale: locale, tenant: tenant) else {
                session.warnings.append("missing translation '\(key)' for locale \(locale ?? catalog.defaultLocale)")
                return .nil
            }
            var variables = LiquidObject()
            for (k, v) in args.keywords { variables[k] = v }
            var text = found
            if case .object(let forms) = found {
                let count = args.keyword("count") ?? .nil
                text = pluralForm(forms, count: count) ?? .nil
                if text.isNil {
                    session.warnings.append("translation '\(key)' has no plural form for count \(count.liquidString)")
                    return .nil
                }
            }
            guard case .string(let source) = text else { return text }
            // Most translations have no Liquid in them: skip parsing those.
            guard source.utf8.contains(UInt8(ascii: "{")) else { return text }
            let template = try cache.template(named: "translation:\(key)", source: source)
            var out = OutputBuffer(capacity: source.utf8.count + 32)
            let child = RenderContext(environment: template.environment, globals: context.globals, locals: variables.dictionary,
                                      session: session)
            try child.render(template, into: &out)
            return .string(out.string)
        }
    }

    /// Knock documents three forms: `zero` (count 0, else `other`), `one` (count 1), `other`.
    static func pluralForm(_ forms: LiquidObject, count: Value) -> Value? {
        let n: Double?
        switch Coerce.number(count) {
        case .int(let i): n = Double(i)
        case .double(let d): n = d
        default: n = nil
        }
        guard let n else { return forms["other"] }
        if n == 0 { return forms["zero"] ?? forms["other"] }
        if n == 1 { return forms["one"] ?? forms["other"] }
        return forms["other"]
    }
}

extension LiquidObject {
    var dictionary: [String: Value] {
        var d: [String: Value] = [:]
        for (k, v) in pairs { d[k] = v }
        return d
    }
}
