/// Everything that shapes how templates parse and render: tags, filters, modes, limits and where
/// partials come from. A value type: configure it, then parse templates with it.
public struct Environment: Sendable {
    public var tags: [String: TagDefinition] { didSet { parseNames = ParseNames(); changed() } }
    public var filters: [String: FilterDefinition] { didSet { parseNames = ParseNames(); changed() } }
    /// `tags` and `filters` as the parser finds them, by the bytes of their names.
    private(set) var parseNames = ParseNames()
    public var errorMode: ErrorMode = .lax { didSet { changed() } }
    /// Undefined variables raise instead of rendering as nothing.
    public var strictVariables = false { didSet { changed() } }
    /// Unknown filters raise instead of passing their input through.
    public var strictFilters = false { didSet { changed() } }
    public var renderErrors: RenderErrorPolicy = .inline { didSet { changed() } }
    public var limits = Limits() { didSet { changed() } }
    /// Where `include` and `render` find partials; nil means no partials exist.
    public var loader: (any TemplateLoader)? { didSet { changed() } }
    /// Whether `include` is allowed (Knock's flavour refuses it; standard Liquid keeps it).
    public var allowsInclude = true { didSet { changed() } }
    /// Applied to each keyword argument of `render` before the partial sees it, given the partial
    /// and argument names (Knock passes inputs to partials as text unless their schema says otherwise).
    public var partialArgument: (@Sendable (_ partial: String, _ name: String, _ value: Value) -> Value)? {
        didSet { changed() }
    }

    /// Made anew whenever anything above changes, and shared by copies: two environments with
    /// the same identity are the same. A spare render context moving to another template keeps
    /// its environment when the identities match (copying one retains every reference in it).
    private(set) var identity = Identity()
    final class Identity: Sendable {}

    private mutating func changed() { identity = Identity() }

    /// An environment with every standard Shopify Liquid tag and filter.
    public init() {
        tags = StandardTags.all
        filters = StandardFilters.all
    }

    public mutating func register(_ tag: TagDefinition) { tags[tag.name] = tag }
    public mutating func register(_ filter: FilterDefinition) { filters[filter.name] = filter }

    /// Parse a template. Throws a located `LiquidError` for bad markup.
    public func parse(_ source: String, name: String? = nil) throws -> Template {
        try Template(source: Array(source.utf8), name: name, environment: self)
    }
}
