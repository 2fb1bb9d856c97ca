import Liquid

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Shopify's "theme runner" workload (bench-data `shopify/`, see its README): 30 pages of 4
/// themes, each rendered with the vision assigns, then rendered again inside its theme's
/// `theme.liquid` as `content_for_layout`. Both templates also see `template` (the page's name)
/// and `page_title`.
///
/// Loading reads the sources and assigns; `parse()` is the parse phase (60 parses) and
/// `render(_:)` the render phase (60 renders of parsed templates), so a benchmark can time each
/// alone or both together. `init` does both loading and parsing.
public struct ShopifyWorkload: Sendable {
    /// One page of a theme, as source. A class: a parsed page holds it by one reference, so
    /// copying a parsed page copies none of its Strings.
    public final class Page: Sendable, Hashable, CustomStringConvertible {
        public let theme: String
        /// The file name without `.liquid` (`"product"`): also the `template` variable.
        public let name: String
        public let source: String
        /// `theme/name`, e.g. `vogue/product`.
        public let id: String
        /// The names the page and its layout are parsed under, and the page's render locals
        /// (`template`, `page_title`): made once here, not in every parse op.
        let templateName: String
        let layoutName: String
        let locals: [String: Value]

        init(theme: String, name: String, source: String) {
            self.theme = theme
            self.name = name
            self.source = source
            id = theme + "/" + name
            templateName = id + ".liquid"
            layoutName = theme + "/theme.liquid"
            locals = ["template": .string(name), "page_title": "Page title"]
        }

        public var description: String { id }
        public static func == (a: Page, b: Page) -> Bool { a.id == b.id && a.source == b.source }
        public func hash(into hasher: inout Hasher) { hasher.combine(id) }
    }

    /// The parsed page and layout of one page.
    public struct Parsed: Sendable {
        public let page: Page
        public let template: Template
        public let layout: Template
        /// `template` and `page_title`, made once.
        let locals: [String: Value]
    }

    /// The `shopify/` directory of bench-data.
    public let directory: String
    public let environment: Environment
    public let assigns: LiquidObject
    /// Pages in a stable order: by theme, then by name.
    public let pages: [Page]
    /// Each theme's `theme.liquid` source.
    public let layouts: [String: String]
    /// The parsed pages, in `pages` order.
    public let parsed: [Parsed]

    /// The standard environment plus `ShopifyTheme`, lax parsing, errors rendered inline.
    public static func makeEnvironment() -> Environment {
        var env = Environment()
        env.errorMode = .lax
        env.renderErrors = .inline
        ShopifyTheme.install(into: &env)
        return env
    }

    /// Load and parse the workload from `directory` (bench-data's `shopify/`, or the bench-data
    /// directory holding it).
    public init(directory: String, environment: Environment = ShopifyWorkload.makeEnvironment()) throws {
        var dir = directory
        while dir.count > 1 && dir.hasSuffix("/") { dir.removeLast() }
        if FileIO.read(dir + "/vision.assigns.json") == nil && FileIO.read(dir + "/shopify/vision.assigns.json") != nil {
            dir += "/shopify"
        }
        self.directory = dir
        self.environment = environment

        guard let json = FileIO.read(dir + "/vision.assigns.json") else {
            throw WorkloadError("cannot read \(dir)/vision.assigns.json")
        }
        guard case .object(let assigns) = try JSONParser.parse(json) else {
            throw WorkloadError("vision.assigns.json is not a JSON object")
        }
        self.assigns = assigns

        var pages: [Page] = []
        var layouts: [String: String] = [:]
        let themes = FileIO.list(dir + "/tests").sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        for theme in themes {
            let themeDir = dir + "/tests/" + theme
            guard let layout = FileIO.readString(themeDir + "/theme.liquid") else { continue }
            layouts[theme] = layout
            for file in FileIO.list(themeDir).sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            where file.hasSuffix(".liquid") && file != "theme.liquid" {
                guard let source = FileIO.readString(themeDir + "/" + file) else { throw WorkloadError("cannot read \(themeDir)/\(file)") }
                pages.append(Page(theme: theme, name: String(file.dropLast(".liquid".count)), source: source))
            }
        }
        guard !pages.isEmpty else { throw WorkloadError("no pages under \(dir)/tests") }
        self.pages = pages
        self.layouts = layouts
        self.parsed = try Self.parse(pages: pages, layouts: layouts, environment: environment)
    }

    // MARK: Parse phase

    /// Parse every page and its layout (60 parses for the full workload).
    public func parse() throws -> [Parsed] {
        try Self.parse(pages: pages, layouts: layouts, environment: environment)
    }

    static func parse(pages: [Page], layouts: [String: String], environment: Environment) throws -> [Parsed] {
        var out: [Parsed] = []
        out.reserveCapacity(pages.count)
        for page in pages {
            let template = try environment.parse(page.source, name: page.templateName)
            let layout = try environment.parse(layouts[page.theme]!, name: page.layoutName)
            out.append(Parsed(page: page, template: template, layout: layout, locals: page.locals))
        }
        return out
    }

    // MARK: Render phase

    /// Render one parsed page inside its layout (2 renders).
    public func render(_ p: Parsed) throws -> String {
        let content = try p.template.render(globals: assigns, locals: p.locals)
        var locals = p.locals
        locals["content_for_layout"] = .string(content)
        return try p.layout.render(globals: assigns, locals: locals)
    }

    /// Render the page with this id (`vogue/product`) from the parsed templates.
    public func render(page id: String) throws -> String {
        guard let p = parsed.first(where: { $0.page.id == id }) else { throw WorkloadError("no page \(id)") }
        return try render(p)
    }

    /// The render phase: every page in its layout (60 renders), in `pages` order.
    public func renderAll() throws -> [String] {
        try render(parsed)
    }

    /// Render a set of parsed pages (e.g. the result of `parse()`), in order.
    public func render(_ parsed: [Parsed]) throws -> [String] {
        var out: [String] = []
        out.reserveCapacity(parsed.count)
        for p in parsed { out.append(try render(p)) }
        return out
    }

    // MARK: Expected output

    /// The year the expected files were written in; they contain it where the layouts print
    /// `{{ "now" | date: "%Y" }}`.
    public static let expectedYear = "2026"

    /// The expected output of a page, with the year it was written in replaced by `year`
    /// (default: the current year, UTC).
    public func expected(page id: String, year: String = ShopifyWorkload.currentYear()) throws -> String {
        guard let text = FileIO.readString(directory + "/expected/" + id + ".html") else {
            throw WorkloadError("cannot read \(directory)/expected/\(id).html")
        }
        return year == Self.expectedYear ? text : Self.replacing(Self.expectedYear, with: year, in: text)
    }

    /// The current year in UTC, as `{{ "now" | date: "%Y" }}` prints it with TZ=UTC.
    public static func currentYear() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        return String(Int(parts.tm_year) + 1900)
    }

    static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let t = Array(target.utf8), r = Array(replacement.utf8), s = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.count)
        var i = 0
        while i < s.count {
            if i + t.count <= s.count && s[i..<(i + t.count)].elementsEqual(t) {
                out.append(contentsOf: r)
                i += t.count
            } else {
                out.append(s[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

public struct WorkloadError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Plain POSIX file access: no Foundation in this target.
enum FileIO {
    static func read(_ path: String) -> [UInt8]? { FileBytes.read(path) }
    static func readString(_ path: String) -> String? { FileBytes.readString(path) }

    /// The names in a directory, without `.` and `..`; empty if it cannot be read.
    static func list(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}
