/// Where `include` and `render` find partials. Names are exactly as written in the tag.
public protocol TemplateLoader: Sendable {
    /// The source of the named partial. Throws `.fileSystem` when there is none.
    func source(named name: String) throws -> String
}

/// Partials held in memory, e.g. from a test case or a preview request.
public struct InMemoryLoader: TemplateLoader {
    public var templates: [String: String]

    public init(_ templates: [String: String]) { self.templates = templates }

    public func source(named name: String) throws -> String {
        guard let s = templates[name] else {
            throw LiquidError(.fileSystem, "Could not find partial '\(name)'")
        }
        return s
    }
}
