import ArgumentParser
import Liquid

struct LiquidSpecServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "liquid-spec-server",
        abstract: "JSON-RPC 2.0 on stdin/stdout for Shopify's liquid-spec conformance suite.",
        discussion: "Implements initialize, compile (filesystem, error_mode), render (environment, strict_errors, frozen_time) and quit, as liquid-spec's docs/json-rpc-protocol.md describes."
    )

    func run() throws {
        var server = LiquidSpecServer()
        var reader = IO.LineReader()
        while let line = reader.next() {
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            guard let reply = server.handle(line) else {
                if server.quitting { return }
                continue
            }
            var out = OutputBuffer(capacity: 256)
            JSONWriter.write(.object(reply), to: &out)
            out.append(0x0A)
            IO.write(out.bytes)
        }
    }
}

/// The protocol's state: compiled templates by id. Liquid errors are results; only malformed
/// JSON-RPC usage gets a JSON-RPC error.
struct LiquidSpecServer {
    private var templates: [String: Template] = [:]
    private var nextId = 1
    private(set) var quitting = false

    struct ProtocolError: Error {
        let code: Int
        let message: String
        var data: Value = .nil
    }

    /// The reply to one request line, or nil for a notification.
    mutating func handle(_ line: [UInt8]) -> LiquidObject? {
        let request: LiquidObject
        do {
            guard case .object(let o) = try JSONParser.parse(line) else {
                return errorReply(id: .nil, ProtocolError(code: -32600, message: "Invalid request: expected a JSON object"))
            }
            request = o
        } catch {
            return errorReply(id: .nil, ProtocolError(code: -32700, message: "Parse error: \(error)"))
        }
        let id = request["id"] ?? .nil
        guard case .string(let method)? = request["method"] else {
            return errorReply(id: id, ProtocolError(code: -32600, message: "Invalid request: missing 'method'"))
        }
        var params = LiquidObject()
        switch request["params"] {
        case .object(let p)?: params = p
        case nil, .nil?: break
        default: return errorReply(id: id, ProtocolError(code: -32602, message: "Invalid params: 'params' must be an object"))
        }
        do {
            let result: LiquidObject
            switch method {
            case "initialize":
                result = ["version": "1.0", "implementation": "missive", "liquid_version": "5.12.0",
                          "features": .array(["lax_parsing"])]
            case "compile": result = try compile(params)
            case "render": result = try render(params)
            case "quit":
                quitting = true
                return id.isNil ? nil : ["jsonrpc": "2.0", "id": id, "result": .nil]
            default:
                throw ProtocolError(code: -32601, message: "Method not found: '\(method)'")
            }
            if id.isNil { return nil }
            return ["jsonrpc": "2.0", "id": id, "result": .object(result)]
        } catch let e as ProtocolError {
            return errorReply(id: id, e)
        } catch {
            return errorReply(id: id, ProtocolError(code: -32603, message: "Internal error: \(error)"))
        }
    }

    private func errorReply(id: Value, _ e: ProtocolError) -> LiquidObject {
        var error: LiquidObject = ["code": .int(e.code), "message": .string(e.message)]
        if !e.data.isNil { error["data"] = e.data }
        return ["jsonrpc": "2.0", "id": id, "error": .object(error)]
    }

    private mutating func compile(_ params: LiquidObject) throws -> LiquidObject {
        guard case .string(let source)? = params["template"] else {
            throw ProtocolError(code: -32602, message: "Missing required parameter 'template' in compile request")
        }
        var env = Environment()
        env.renderErrors = .inline
        env.limits = .unlimited
        if case .object(let options)? = params["options"] {
            switch options["error_mode"] {
            case nil, .nil?, .string("strict2")?, .string("strict")?, .string("raise")?: env.errorMode = .strict
            case .string("lax")?, .string("warn")?: env.errorMode = .lax
            case let other?:
                throw ProtocolError(code: -32602, message: "Invalid error_mode: expected 'strict2', 'strict', 'lax' or 'raise', got \(RubyFormat.inspect(other))",
                                    data: ["param": "options.error_mode"])
            }
        } else {
            env.errorMode = .strict
        }
        var files: [String: String] = [:]
        switch params["filesystem"] {
        case .object(let fs)?:
            for (name, content) in fs.pairs {
                guard case .string(let text) = content else {
                    throw ProtocolError(code: -32602, message: "Invalid params: filesystem['\(name)'] must be a string")
                }
                files[name] = text
            }
        case nil, .nil?: break
        default: throw ProtocolError(code: -32602, message: "Invalid params: 'filesystem' must be an object")
        }
        env.loader = SpecFileSystem(files: files)
        do {
            let template = try env.parse(source)
            let id = "tmpl_\(nextId)"
            nextId += 1
            templates[id] = template
            return ["template_id": .string(id)]
        } catch let e as LiquidError {
            return ["template_id": .nil, "error": Self.describe(e, type: "syntax_error")]
        }
    }

    private func render(_ params: LiquidObject) throws -> LiquidObject {
        guard case .string(let id)? = params["template_id"] else {
            throw ProtocolError(code: -32602, message: "Missing required parameter 'template_id' in render request")
        }
        guard let template = templates[id] else {
            throw ProtocolError(code: -32602, message: "Unknown template_id '\(id)'. Call compile first.")
        }
        var globals = LiquidObject()
        switch params["environment"] {
        case .object(let e)?: globals = e
        case nil, .nil?: break
        default: throw ProtocolError(code: -32602, message: "Invalid params: 'environment' must be an object")
        }
        var strictErrors = false
        if case .object(let options)? = params["options"], case .bool(let b)? = options["strict_errors"] { strictErrors = b }
        let session = RenderSession()
        if case .string(let t)? = params["frozen_time"] {
            guard let seconds = FrozenTime.parse(t) else {
                throw ProtocolError(code: -32602, message: "Invalid frozen_time: expected an ISO 8601 timestamp, got '\(t)'")
            }
            session.now = seconds
        }
        session.errorPolicy = strictErrors ? .raise : .inline
        do {
            let output = try template.render(globals: globals, session: session)
            return ["output": .string(output), "errors": .array(session.errors.map { Self.describe($0, type: "render_error") })]
        } catch let e as LiquidError {
            return ["output": .nil, "error": Self.describe(e, type: e.kind == .syntax ? "syntax_error" : "render_error")]
        }
    }

    static func describe(_ e: LiquidError, type: String) -> Value {
        var o: LiquidObject = ["type": .string(type), "message": .string(e.liquidMessage)]
        if let line = e.line { o["line"] = .int(line) }
        return .object(o)
    }
}

/// liquid-spec's filesystem: names as the tag writes them, with or without `.liquid`.
struct SpecFileSystem: TemplateLoader {
    let files: [String: String]

    func source(named name: String) throws -> String {
        if let s = files[name] ?? files[name + ".liquid"] { return s }
        throw LiquidError(.fileSystem, "Could not find asset \(name)")
    }
}

/// `frozen_time`: an ISO 8601 timestamp (any form the `date` filter reads), as Unix seconds.
enum FrozenTime {
    static func parse(_ text: String) -> Double? {
        guard let date = LiquidDate.parse(string: text, now: LiquidDate.currentTime(), localZone: FixedOffsetTimeZone(seconds: 0)) else {
            return nil
        }
        return Double(date.unixSeconds) + Double(date.nanoseconds) / 1e9
    }
}
