import Benchmark
import BenchSupport
import LeafKit
import Liquid
import Mustache
import NIOCore
import NIOPosix
import Stencil

/// The same page in four engines: a loop over records with variable access, a conditional and
/// string filters, each in its engine's own syntax. Outputs are checked equal before timing.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal],
        maxDuration: .seconds(2),
        maxIterations: 100_000
    )

    let peers = PeerWorkload()
    let expected = peers.renderLiquid()
    for (name, output) in [("Stencil", peers.renderStencil()), ("LeafKit", peers.renderLeaf()), ("Mustache", peers.renderMustache())] {
        precondition(output == expected, "\(name) output differs from Liquid's:\n\(output.prefix(300))\n---\n\(expected.prefix(300))")
    }

    Benchmark("peers: Missive Liquid render") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(peers.renderLiquid()) }
    }
    Benchmark("peers: Stencil render") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(peers.renderStencil()) }
    }
    Benchmark("peers: LeafKit render") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(peers.renderLeaf()) }
    }
    Benchmark("peers: swift-mustache render") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(peers.renderMustache()) }
    }
}

/// 100 user records rendered as a list in each engine.
final class PeerWorkload: @unchecked Sendable {
    static let userCount = 100

    let liquid: Liquid.Template
    let liquidData: LiquidObject
    let stencil: Stencil.Template
    let stencilContext: [String: Any]
    let mustache: MustacheTemplate
    let mustacheContext: [String: Any]
    let leaf: LeafRenderer
    let leafContext: [String: LeafData]

    init() {
        var liquidUsers: [Value] = []
        var anyUsers: [[String: Any]] = []
        var leafUsers: [LeafData] = []
        for i in 0..<Self.userCount {
            let name = "User Number \(i)", email = "USER\(i)@EXAMPLE.COM", role = i % 2 == 0 ? "editor" : "viewer"
            let active = i % 3 != 0
            liquidUsers.append(["name": .string(name), "email": .string(email), "role": .string(role), "active": .bool(active)])
            anyUsers.append(["name": name, "email": email, "role": role, "active": active])
            leafUsers.append(["name": .string(name), "email": .string(email), "role": .string(role), "active": .bool(active)])
        }
        liquidData = ["title": "Team", "users": .array(liquidUsers)]
        stencilContext = ["title": "Team", "users": anyUsers]
        mustacheContext = stencilContext
        leafContext = ["title": "Team", "users": .array(leafUsers)]

        liquid = try! Liquid.Environment().parse("""
            <h1>{{ title }}</h1><ul>{% for user in users %}<li class="{% if user.active %}active{% else %}inactive{% endif %}">{{ user.name | upcase }} ({{ user.email | downcase }}) {{ user.role | capitalize }}</li>{% endfor %}</ul>
            """)
        stencil = Stencil.Template(templateString: """
            <h1>{{ title }}</h1><ul>{% for user in users %}<li class="{% if user.active %}active{% else %}inactive{% endif %}">{{ user.name|uppercase }} ({{ user.email|lowercase }}) {{ user.role|capitalize }}</li>{% endfor %}</ul>
            """)
        mustache = try! MustacheTemplate(string: """
            <h1>{{title}}</h1><ul>{{#users}}<li class="{{#active}}active{{/active}}{{^active}}inactive{{/active}}">{{ uppercased(name) }} ({{ lowercased(email) }}) {{ capitalized(role) }}</li>{{/users}}</ul>
            """)
        let leafSource = """
            <h1>#(title)</h1><ul>#for(user in users):<li class="#if(user.active):active#else:inactive#endif">#uppercased(user.name) (#lowercased(user.email)) #capitalized(user.role)</li>#endfor</ul>
            """
        leaf = LeafRenderer(
            configuration: LeafConfiguration(rootDirectory: "/"),
            sources: .singleSource(MemoryLeafSource(templates: ["list": leafSource])),
            eventLoop: MultiThreadedEventLoopGroup.singleton.any()
        )
    }

    func renderLiquid() -> String { try! liquid.render(globals: liquidData) }
    func renderStencil() -> String { try! stencil.render(stencilContext) }
    func renderMustache() -> String { mustache.render(mustacheContext) }
    func renderLeaf() -> String {
        var buffer = try! leaf.render(path: "list", context: leafContext).wait()
        return buffer.readString(length: buffer.readableBytes) ?? ""
    }
}

/// LeafKit reads templates only through a source; this one holds them in memory.
struct MemoryLeafSource: LeafSource {
    let templates: [String: String]

    func file(template: String, escape: Bool, on eventLoop: any EventLoop) throws -> EventLoopFuture<ByteBuffer> {
        guard let text = templates[template] else { return eventLoop.makeFailedFuture(LeafError(.noTemplateExists(template))) }
        return eventLoop.makeSucceededFuture(ByteBuffer(string: text))
    }
}
