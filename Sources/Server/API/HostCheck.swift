import Hummingbird

/// Answers only requests addressed to the loopback names when the server listens on loopback:
/// a web page elsewhere cannot rebind its own domain name to 127.0.0.1 and read the project
/// through the visitor's browser (DNS rebinding).
struct HostCheckMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]", "::1"]

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let host = request.head.authority ?? ""
        guard Self.isLoopback(host) else {
            return Responses.error(APIError(403, "forbidden_host",
                                            "this preview server answers only to 127.0.0.1 and localhost, not '\(host)'"))
        }
        return try await next(request, context)
    }

    /// `127.0.0.1:4000`, `localhost`, `[::1]:4000` → true.
    static func isLoopback(_ authority: String) -> Bool {
        var name = authority.lowercased()
        if name.hasPrefix("["), let close = name.firstIndex(of: "]") {
            name = String(name[...close])
        } else if let colon = name.lastIndex(of: ":") {
            name = String(name[..<colon])
        }
        return loopbackNames.contains(name)
    }

    static func isLoopbackBinding(_ host: String) -> Bool { loopbackNames.contains(host.lowercased()) }
}
