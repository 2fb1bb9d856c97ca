import Liquid
import Testing
@testable import missive

/// The liquid-spec JSON-RPC protocol, request by request.
@Suite struct LiquidSpecServerTests {
    func call(_ server: inout LiquidSpecServer, _ json: String) throws -> LiquidObject? {
        try server.handle(Array(json.utf8)).map { reply in
            guard case .object(let o) = try JSONParser.parse(JSONWriter.string(.object(reply))) else { return [:] }
            return o
        }
    }

    func result(_ reply: LiquidObject?) -> LiquidObject {
        if case .object(let r)? = reply?["result"] { return r }
        return [:]
    }

    @Test func initializeCompileRenderQuit() throws {
        var server = LiquidSpecServer()
        let hello = try call(&server, #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"version":"1.0"}}"#)
        #expect(result(hello)["implementation"] == "missive")
        let compiled = try call(&server, #"{"jsonrpc":"2.0","id":2,"method":"compile","params":{"template":"Hi {{ name | upcase }}{% render 'p' %}","filesystem":{"p.liquid":"!"}}}"#)
        #expect(compiled?["id"] == 2)
        let id = try #require(result(compiled)["template_id"]?.stringValue)
        let rendered = try call(&server, #"{"jsonrpc":"2.0","id":3,"method":"render","params":{"template_id":"\#(id)","environment":{"name":"ada"},"frozen_time":"2024-01-01T00:01:58Z"}}"#)
        #expect(result(rendered)["output"] == "Hi ADA!")
        #expect(try call(&server, #"{"jsonrpc":"2.0","method":"quit"}"#) == nil)
        #expect(server.quitting)
    }

    @Test func parseErrorsCarryTheirLine() throws {
        var server = LiquidSpecServer()
        let reply = try call(&server, #"{"jsonrpc":"2.0","id":1,"method":"compile","params":{"template":"a\n\n{% if %}"}}"#)
        guard case .object(let error)? = result(reply)["error"] else { Issue.record("no error in \(String(describing: reply))"); return }
        #expect(error["type"] == "syntax_error")
        #expect(error["line"] == 3)
        #expect(result(reply)["template_id"] == .nil)
    }

    @Test func renderErrorsInlineOrRaised() throws {
        var server = LiquidSpecServer()
        let compiled = try call(&server, #"{"jsonrpc":"2.0","id":1,"method":"compile","params":{"template":"a\n{{ 1 | divided_by: 0 }}"}}"#)
        let id = try #require(result(compiled)["template_id"]?.stringValue)
        let inline = result(try call(&server, #"{"jsonrpc":"2.0","id":2,"method":"render","params":{"template_id":"\#(id)"}}"#))
        #expect(inline["output"] == "a\nLiquid error (line 2): divided by 0")
        guard case .array(let errors)? = inline["errors"], case .object(let first)? = errors.first else { Issue.record("no errors"); return }
        #expect(first["line"] == 2)
        let raised = result(try call(&server, #"{"jsonrpc":"2.0","id":3,"method":"render","params":{"template_id":"\#(id)","options":{"strict_errors":true}}}"#))
        guard case .object(let error)? = raised["error"] else { Issue.record("no raised error"); return }
        #expect(error["type"] == "render_error")
        #expect(error["line"] == 2)
    }

    @Test func protocolErrors() throws {
        var server = LiquidSpecServer()
        func code(_ json: String) throws -> Value? {
            guard case .object(let e)? = try call(&server, json)?["error"] else { return nil }
            return e["code"]
        }
        #expect(try code("not json") == -32700)
        #expect(try code(#"{"jsonrpc":"2.0","id":1,"method":"nope"}"#) == -32601)
        #expect(try code(#"{"jsonrpc":"2.0","id":1,"method":"render","params":{"template_id":"tmpl_9"}}"#) == -32602)
        #expect(try code(#"{"jsonrpc":"2.0","id":1,"method":"compile","params":{}}"#) == -32602)
        #expect(try code(#"{"jsonrpc":"2.0","id":1,"method":"compile","params":{"template":"x","options":{"error_mode":"bogus"}}}"#) == -32602)
    }
}

/// The conformance runner's batch protocol, one request at a time.
@Suite struct BatchProtocolTests {
    @Test func rendersAndReportsErrors() {
        #expect(BatchProtocol.render(["template": "{{ x | plus: 1 }}", "data": ["x": 1]])["output"] == "2")
        #expect(BatchProtocol.render(["template": "{% if %}", "error_mode": "lax"])["error"] != nil)
        #expect(BatchProtocol.render(["template": "{% render 'p' %}", "partials": ["p": "P"]])["output"] == "P")
    }
}
