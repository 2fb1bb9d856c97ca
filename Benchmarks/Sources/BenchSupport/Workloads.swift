@_exported import Liquid
@_exported import ShopifyTheme
#if canImport(Glibc)
import Glibc
#endif

/// Where `../shared` is: `MISSIVE_SHARED` or the folder beside the repository.
public enum SharedData {
    public static var root: String {
        if let env = getenv("MISSIVE_SHARED") { return String(cString: env) }
        var path = #filePath  // <repo>/Benchmarks/Sources/BenchSupport/Workloads.swift
        for _ in 0..<4 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path + "/../shared"
    }

    public static var shopify: String { root + "/bench-data/shopify" }
    public static var goldenFixtures: String { root + "/conformance/golden-liquid/benchmark_fixtures" }

    static func read(_ path: String) -> String? { FileBytes.readString(path) }
}

/// One golden-liquid benchmark fixture: `templates/index.liquid`, its partials and `data.json`.
public struct GoldenFixture: Sendable {
    public let name: String
    public let source: String
    public let data: LiquidObject
    public let expected: String
    public let environment: Environment

    public init(name: String) throws {
        let dir = SharedData.goldenFixtures + "/" + name
        guard let source = SharedData.read(dir + "/templates/index.liquid"), let json = SharedData.read(dir + "/data.json"),
            let expected = SharedData.read(dir + "/expected_result.txt"), case .object(let data) = try JSONParser.parse(json)
        else { throw BenchError("cannot load fixture \(dir)") }
        var env = Environment()
        env.loader = try FileSystemLoader(root: dir + "/templates")
        self.name = name
        self.source = source
        self.data = data
        self.expected = expected
        self.environment = env
    }

    public func parse() throws -> Template { try environment.parse(source, name: "index.liquid") }
}

/// A small notification: an email body with a loop, filters, a condition and a partial.
public struct NotificationWorkload: Sendable {
    public static let body = """
        <p>Hi {{ recipient.name | split: " " | first | capitalize }},</p>
        <p>{{ actor.name }} left {{ total_activities }} {{ total_activities | pluralize: "comment", "comments" }} on <strong>{{ data.page_name | escape }}</strong>:</p>
        <ul>
        {%- for activity in activities limit: 5 %}
          <li>{% render 'comment', comment: activity.data, when: activity.inserted_at %}</li>
        {%- endfor %}
        </ul>
        {% if total_activities > 5 %}<p>and {{ total_activities | minus: 5 }} more.</p>{% endif %}
        <a href="{{ vars.app_url }}/pages/{{ data.page_id | url_encode }}">View {{ total_activities | pluralize: "comment", "comments" }}</a>
        """
    public static let comment = """
        <blockquote>{{ comment.body | strip_html | truncatewords: 20 }}</blockquote> <small>{{ when | date: "%b %-d, %H:%M" }}</small>
        """

    public let template: Template
    public let data: LiquidObject

    public init() throws {
        var env = Environment()
        env.loader = InMemoryLoader(["comment": Self.comment])
        env.register(FilterDefinition("pluralize", arguments: 2...2) { input, args, _ in
            if case .int(1) = input { return args.positional[0] }
            return args.positional[1]
        })
        template = try env.parse(Self.body, name: "comment-email")
        var activities: [Value] = []
        for i in 0..<8 {
            activities.append([
                "inserted_at": .string("2026-11-2\(i % 9)T1\(i % 10):0\(i % 6):00Z"),
                "data": ["body": .string("<p>Comment number \(i): this looks <em>great</em>, but could the header be a little larger on mobile screens?</p>")],
            ])
        }
        data = [
            "recipient": ["name": "ada lovelace", "email": "ada@example.com"],
            "actor": ["name": "Grace Hopper"],
            "data": ["page_name": "Launch plan & roadmap", "page_id": "pg 42"],
            "vars": ["app_url": "https://app.example.com"],
            "total_activities": 8,
            "activities": .array(activities),
        ]
    }

    public func render() throws -> String { try template.render(globals: data) }
}

/// A page of markup without string-producing filters, repeated `copies` times, for showing that
/// a render's allocations do not grow with the template's size.
public struct AllocationScaling: Sendable {
    public let template: Template
    public let data: LiquidObject

    public init(copies: Int) throws {
        let page = """
            <section><h2>{{ title }}</h2>
            {% for item in items %}<li class="{% cycle 'odd', 'even' %}">{{ forloop.index }}. {{ item.name }} — {{ item.price }}{% if item.sale %} (sale){% endif %}</li>
            {% endfor %}{% assign n = items.size %}<p>{{ n }} items</p></section>

            """
        template = try Environment().parse(String(repeating: page, count: copies))
        var items: [Value] = []
        for i in 0..<20 { items.append(["name": .string("Item \(i)"), "price": .int(100 + i), "sale": .bool(i % 3 == 0)]) }
        data = ["title": "Catalog", "items": .array(items)]
    }
}

public struct BenchError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}

