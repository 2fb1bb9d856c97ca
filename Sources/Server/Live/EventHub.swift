import Liquid

/// Server-sent events to every open page: each page subscribes and gets its own stream; a
/// change is written to all of them. A comment line every few seconds keeps proxies from closing
/// idle streams and lets a closed page be noticed.
actor EventHub {
    private var clients: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0

    var count: Int { clients.count }

    /// A stream of SSE frames for one page, starting with a `hello` naming the current version.
    func subscribe(version: Int) -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream.makeStream(of: String.self, bufferingPolicy: .bufferingNewest(64))
        let id = nextID
        nextID += 1
        clients[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield("retry: 1000\n" + Self.frame(event: "hello", data: "{\"version\":\(version)}"))
        return stream
    }

    func publish(event: String, data: Value) {
        let frame = Self.frame(event: event, data: JSONWriter.string(data))
        for continuation in clients.values { continuation.yield(frame) }
    }

    func heartbeat() {
        for continuation in clients.values { continuation.yield(": ping\n\n") }
    }

    /// End every stream (the server is stopping).
    func close() {
        for continuation in clients.values { continuation.finish() }
        clients = [:]
    }

    private func remove(_ id: Int) { clients[id] = nil }

    /// One SSE frame; `data` is compact JSON, so it holds no newline.
    static func frame(event: String, data: String) -> String { "event: \(event)\ndata: \(data)\n\n" }
}
