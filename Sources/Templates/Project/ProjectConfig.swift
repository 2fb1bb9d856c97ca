import Liquid

/// Where a project keeps its resources. Missive's own `missive.json` names the folders; a
/// folder set up by Knock's CLI (`knock.json` with `knockDir`) is read as it is; with neither,
/// the defaults below apply.
///
/// `missive.json` (every key optional):
/// ```json
/// {"templates": "templates", "layouts": "layouts", "partials": "partials",
///  "translations": "translations", "default_locale": "en",
///  "vars": {"app_name": "Beacon", "app_url": "https://app.beacon.dev", "branding": {...}}}
/// ```
/// `vars` are the project's environment variables (Knock's `vars.*`): what previews and
/// renders see as `vars` unless a caller gives its own.
public struct ProjectConfig: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// `missive.json`, or no configuration file.
        case missive
        /// `knock.json`: `<knockDir>/workflows`, `layouts`, `partials`, `translations`.
        case knockCLI
    }

    public var kind: Kind = .missive
    /// Folders relative to the project root ("" is the root itself).
    public var templates = "templates"
    public var layouts = "layouts"
    public var partials = "partials"
    public var translations = "translations"
    public var defaultLocale = "en"
    /// `vars` for templates (Knock's environment variables, branding included).
    public var vars = LiquidObject()
    /// The file the configuration came from (`missive.json`, `knock.json`), nil for defaults.
    public var file: String?

    public static let missiveFile = "missive.json"
    public static let knockFile = "knock.json"

    static func read(_ ctx: inout ReadContext) -> ProjectConfig {
        if ctx.files.read(missiveFile) != .missing { return readMissive(&ctx) }
        if ctx.files.read(knockFile) != .missing { return readKnock(&ctx) }
        return ProjectConfig()
    }

    private static func readMissive(_ ctx: inout ReadContext) -> ProjectConfig {
        var config = ProjectConfig(file: missiveFile)
        guard let node = ctx.jsonObject(missiveFile), let r = FieldReader(node, path: "", log: ctx.log) else { return config }
        r.checkKeys(["templates", "layouts", "partials", "translations", "default_locale", "vars"], what: "missive.json")
        if let vars = r.value("vars") {
            if case .object(let o) = vars { config.vars = o } else {
                ctx.log.error(r.member("vars")!.keyLocation, "vars", "vars must be a JSON object")
            }
        }
        func folder(_ key: String, _ fallback: String) -> String {
            guard let written = r.string(key) else { return fallback }
            return checkedFolder(written, key: key, r, &ctx) ?? fallback
        }
        config.templates = folder("templates", config.templates)
        config.layouts = folder("layouts", config.layouts)
        config.partials = folder("partials", config.partials)
        config.translations = folder("translations", config.translations)
        if let locale = r.string("default_locale") {
            if NameRules.isValidLocale(locale) { config.defaultLocale = locale } else {
                ctx.log.error(r.member("default_locale")!.keyLocation, "default_locale",
                              "'\(locale)' is not a locale code like en, en-GB or zh-Hans")
            }
        }
        return config
    }

    private static func readKnock(_ ctx: inout ReadContext) -> ProjectConfig {
        var config = ProjectConfig(kind: .knockCLI, file: knockFile)
        guard let node = ctx.jsonObject(knockFile), let r = FieldReader(node, path: "", log: ctx.log) else { return config }
        r.checkKeys(["knockDir"], what: "knock.json")
        var base = ""
        if let dir = r.string("knockDir", required: true) {
            base = checkedFolder(dir, key: "knockDir", r, &ctx) ?? ""
        }
        config.templates = RelativePath.join(base, "workflows")
        config.layouts = RelativePath.join(base, "layouts")
        config.partials = RelativePath.join(base, "partials")
        config.translations = RelativePath.join(base, "translations")
        return config
    }

    /// A configured folder must stay inside the project.
    private static func checkedFolder(_ written: String, key: String, _ r: FieldReader, _ ctx: inout ReadContext) -> String? {
        let at = r.member(key)!.keyLocation
        switch NameRules.normalizedRelativePath(written) {
        case .success(let path):
            if ctx.files.isOutside(path) {
                ctx.log.error(at, key, "folder '\(written)' resolves outside the project folder (through a symlink)")
                return nil
            }
            return path
        case .failure(.empty):
            return ""
        case .failure(let refusal):
            ctx.log.error(at, key, "folder '\(written)' \(refusal.message)")
            return nil
        }
    }
}
