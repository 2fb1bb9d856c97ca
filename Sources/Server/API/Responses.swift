import Hummingbird
import Liquid

/// Responses the server writes: JSON from a `Value` (our own writer: `/` stays unescaped, key
/// order is kept), HTML, CSS and JavaScript.
enum Responses {
    static func json(_ value: Value, status: Int = 200) -> Response {
        text(JSONWriter.string(value), type: "application/json; charset=utf-8", status: status)
    }

    static func error(_ error: APIError) -> Response { json(error.json, status: error.status) }

    static func html(_ body: String, status: Int = 200) -> Response {
        text(body, type: "text/html; charset=utf-8", status: status)
    }

    static func text(_ body: String, type: String, status: Int = 200) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        return Response(status: .init(code: status), headers: headers, body: .init(byteBuffer: ByteBuffer(string: body)))
    }
}
