import Dispatch
import Foundation
import Liquid
#if canImport(Glibc)
import Glibc
#endif

/// A small HTTP/1.1 client over a TCP socket to 127.0.0.1, for end-to-end tests against the real
/// server (no test-only package). Blocking calls run on Dispatch threads, off the cooperative pool.
struct TestHTTP {
    let port: Int

    struct Reply {
        var status: Int
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
        var json: Value { (try? JSONParser.parse(body)) ?? .nil }
        /// `error.code` of an error answer.
        var errorCode: String? {
            if case .object(let o) = json, case .object(let e)? = o["error"] { return e["code"]?.stringValue }
            return nil
        }
    }

    struct Failure: Error, CustomStringConvertible { let description: String }

    func get(_ path: String) async throws -> Reply { try await request("GET", path) }

    func post(_ path: String, _ body: String) async throws -> Reply { try await request("POST", path, body: Array(body.utf8)) }

    func request(_ method: String, _ path: String, body: [UInt8]? = nil, host: String? = nil) async throws -> Reply {
        let port = self.port
        let host = host ?? "127.0.0.1:\(port)"
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let fd = try Self.connect(port: port)
                    defer { close(fd) }
                    var head = "\(method) \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n"
                    if let body { head += "Content-Type: application/json\r\nContent-Length: \(body.count)\r\n" }
                    head += "\r\n"
                    try Self.send(fd, Array(head.utf8) + (body ?? []))
                    continuation.resume(returning: try Self.parse(Self.readAll(fd)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    static func connect(port: Int) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 20, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        return fd
    }

    static func send(_ fd: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard n > 0 else { throw Failure(description: "send failed after \(offset) bytes") }
            offset += n
        }
    }

    static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            out += buffer[0..<n]
        }
        return out
    }

    static func parse(_ raw: [UInt8]) throws -> Reply {
        guard let end = headerEnd(raw) else { throw Failure(description: "no HTTP header in \(raw.count) bytes") }
        let lines = String(decoding: raw[0..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = Array(raw[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = dechunk(body) }
        return Reply(status: status, headers: headers, body: body)
    }

    static func headerEnd(_ raw: [UInt8]) -> Int? {
        guard raw.count >= 4 else { return nil }
        for i in 0...(raw.count - 4) where raw[i] == 13 && raw[i + 1] == 10 && raw[i + 2] == 13 && raw[i + 3] == 10 { return i }
        return nil
    }

    static func dechunk(_ raw: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            guard let lineEnd = (i..<(raw.count - 1)).first(where: { raw[$0] == 13 && raw[$0 + 1] == 10 }) else { break }
            let size = Int(String(decoding: raw[i..<lineEnd], as: UTF8.self).split(separator: ";").first ?? "", radix: 16) ?? 0
            if size == 0 { break }
            let start = lineEnd + 2
            out += raw[start..<min(start + size, raw.count)]
            i = start + size + 2
        }
        return out
    }
}

/// A server-sent events connection: a reader thread collects the frames; `next` waits for one.
final class TestEventStream: @unchecked Sendable {
    private let fd: Int32
    private let lock = NSLock()
    private var received: [(event: String, data: String)] = []

    init(port: Int) throws {
        fd = try TestHTTP.connect(port: port)
        try TestHTTP.send(fd, Array("GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n".utf8))
        let fd = self.fd
        Thread { [self] in
            var pending = ""
            var buffer = [UInt8](repeating: 0, count: 16384)
            var headerDone = false
            while true {
                let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                if n <= 0 { break }
                pending += String(decoding: buffer[0..<n], as: UTF8.self)
                if !headerDone, let r = pending.range(of: "\r\n\r\n") {
                    pending = String(pending[r.upperBound...])
                    headerDone = true
                }
                guard headerDone else { continue }
                // The chunk-size lines of the chunked body are neither `event:` nor `data:` lines: skipped.
                while let r = pending.range(of: "\n\n") {
                    let frame = String(pending[..<r.lowerBound])
                    pending = String(pending[r.upperBound...])
                    var event = "message", data = ""
                    // ("\r\n" is one Character in Swift: split on both.)
                    for line in frame.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
                        let l = line.trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
                        if l.hasPrefix("event: ") { event = String(l.dropFirst(7)) }
                        if l.hasPrefix("data: ") { data = String(l.dropFirst(6)) }
                    }
                    if !data.isEmpty { append((event, data)) }
                }
            }
        }.start()
    }

    private func append(_ e: (event: String, data: String)) {
        lock.lock()
        received.append(e)
        lock.unlock()
    }

    /// Take the first event named `name` (earlier events of other names are dropped), or nil after `timeout`.
    func next(_ name: String, timeout: Duration = .seconds(10)) async -> String? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        while clock.now < deadline {
            if let data = take(name) { return data }
            try? await Task.sleep(for: .milliseconds(1))
        }
        return nil
    }

    private func take(_ name: String) -> String? {
        lock.lock()
        defer { lock.unlock() }
        guard let i = received.firstIndex(where: { $0.event == name }) else { return nil }
        let data = received[i].data
        received.removeFirst(i + 1)
        return data
    }

    func close() {
        shutdown(fd, Int32(SHUT_RDWR))
        Glibc.close(fd)
    }
}
