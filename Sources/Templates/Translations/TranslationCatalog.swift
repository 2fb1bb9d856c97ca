import Liquid

/// Every translation of a project: `(tenant?, locale, namespace?) → content`, and the lookup
/// Knock documents (knock-spec §3.4), highest priority first:
/// tenant + locale, tenant + language, tenant + default locale, locale, language, default locale.
/// A key missing from one layer falls through to the next, so a tenant file need only override
/// the keys it changes.
public struct TranslationCatalog: Sendable {
    public struct Entry: Sendable {
        public let locale: String
        public let namespace: String?
        public let tenant: String?
        public let content: LiquidObject

        public init(locale: String, namespace: String? = nil, tenant: String? = nil, content: LiquidObject) {
            self.locale = locale
            self.namespace = namespace
            self.tenant = tenant
            self.content = content
        }
    }

    struct Key: Hashable {
        let tenant: String?
        let locale: String
        let namespace: String?
    }

    public let defaultLocale: String
    private var files: [Key: LiquidObject] = [:]

    /// The namespace `{% t %}` strings live in, as Knock's CLI writes them on commit.
    public static let systemNamespace = "system"

    public init(defaultLocale: String = "en", entries: [Entry] = []) {
        self.defaultLocale = defaultLocale
        for e in entries { add(e) }
    }

    public mutating func add(_ entry: Entry) {
        files[Key(tenant: entry.tenant, locale: Self.normalize(entry.locale), namespace: entry.namespace)] = entry.content
    }

    public var locales: [String] { Array(Set(files.keys.map(\.locale))).sorted() }

    /// The locales to try for `locale`, in order: the locale, its language, the default locale.
    public func fallbackChain(for locale: String?) -> [String] {
        var chain: [String] = []
        if let locale {
            let l = Self.normalize(locale)
            chain.append(l)
            if let dash = l.firstIndex(of: "-") { chain.append(String(l[..<dash])) }
        }
        chain.append(Self.normalize(defaultLocale))
        var seen = Set<String>()
        return chain.filter { seen.insert($0).inserted }
    }

    /// The value at `path` (already split on dots) in `namespace`, following the resolution order.
    /// Also returns the locale it was found in, for warnings and debugging.
    public func lookup(namespace: String?, path: [String], locale: String?, tenant: String?) -> (value: Value, locale: String)? {
        let chain = fallbackChain(for: locale)
        var layers: [Key] = []
        if let tenant { layers += chain.map { Key(tenant: tenant, locale: $0, namespace: namespace) } }
        layers += chain.map { Key(tenant: nil, locale: $0, namespace: namespace) }
        for key in layers {
            guard let file = files[key], let v = Self.dig(file, path) else { continue }
            return (v, key.locale)
        }
        return nil
    }

    /// `"ns:a.b.c"` → namespace `ns`, path `[a, b, c]`.
    public static func split(_ key: String) -> (namespace: String?, path: [String]) {
        var namespace: String? = nil
        var rest = Substring(key)
        if let colon = key.firstIndex(of: ":") {
            namespace = String(key[..<colon])
            rest = key[key.index(after: colon)...]
        }
        return (namespace, rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init))
    }

    static func dig(_ object: LiquidObject, _ path: [String]) -> Value? {
        var current: Value = .object(object)
        for part in path {
            guard case .object(let o) = current, let next = o[part] else { return nil }
            current = next
        }
        return current
    }

    /// Locale codes compare case-insensitively with `-` (`en_GB`, `EN-gb` → `en-GB`).
    static func normalize(_ locale: String) -> String {
        let parts = locale.split(whereSeparator: { $0 == "-" || $0 == "_" })
        guard let first = parts.first else { return locale }
        var out = first.lowercased()
        for p in parts.dropFirst() {
            out += "-" + (p.count == 2 ? p.uppercased() : p.prefix(1).uppercased() + p.dropFirst().lowercased())
        }
        return out
    }
}
