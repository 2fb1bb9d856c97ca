import Liquid

/// An answer the API gives instead of a result: an HTTP status and `{"error": {"code", "message"}}`,
/// plus details (a template error's file, line and column) when there are some.
struct APIError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    var details = LiquidObject()

    init(_ status: Int, _ code: String, _ message: String, details: LiquidObject = LiquidObject()) {
        self.status = status
        self.code = code
        self.message = message
        self.details = details
    }

    static func badRequest(_ code: String, _ message: String) -> APIError { APIError(400, code, message) }
    static func notFound(_ message: String) -> APIError { APIError(404, "not_found", message) }

    var json: Value {
        var error = LiquidObject([("code", .string(code)), ("message", .string(message))])
        for (k, v) in details.pairs { error[k] = v }
        return .object(LiquidObject([("error", .object(error))]))
    }

    /// A template error as the page's overlay and API callers need it: where it is and the line itself.
    static func template(_ error: LiquidError) -> APIError {
        APIError(422, "template_error", error.liquidMessage, details: LiquidErrorJSON.object(error))
    }
}

/// A `LiquidError` as JSON: kind, message, file, line, column, the source line and the partial chain.
enum LiquidErrorJSON {
    static func object(_ error: LiquidError) -> LiquidObject {
        var o = LiquidObject()
        o["kind"] = .string(error.kind.rawValue)
        if let name = error.templateName { o["file"] = .string(name) }
        if let line = error.line { o["line"] = .int(line) }
        if let column = error.column { o["column"] = .int(column) }
        if let source = error.sourceLine { o["source_line"] = .string(source) }
        if !error.partialChain.isEmpty { o["partials"] = .array(error.partialChain.map(Value.string)) }
        return o
    }
}
