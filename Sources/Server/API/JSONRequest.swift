import Hummingbird
import Liquid

/// Reading a request body as one JSON object, with a size limit and a fixed set of keys, so a
/// typo in a key is an error the caller sees rather than a field silently ignored.
struct JSONRequest {
    /// Bytes beyond the limit are read and dropped (up to `drainLimit`) so the client, still
    /// sending, gets the 413 answer instead of a reset connection.
    static let drainLimit = 64 << 20

    static func body(of request: Request, limit: Int) async throws -> [UInt8] {
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > drainLimit {
            throw tooLarge(limit)
        }
        var bytes: [UInt8] = []
        var total = 0
        for try await buffer in request.body {
            total += buffer.readableBytes
            if total <= limit {
                bytes.append(contentsOf: buffer.readableBytesView)
            } else if total > drainLimit {
                break
            }
        }
        if total > limit { throw tooLarge(limit) }
        return bytes
    }

    /// The body as a JSON object whose keys are all in `allowed`. An empty body is an empty object.
    static func object(of request: Request, limit: Int, allowed: Set<String>) async throws -> LiquidObject {
        let bytes = try await body(of: request, limit: limit)
        return try parseObject(bytes, allowed: allowed)
    }

    static func parseObject(_ bytes: [UInt8], allowed: Set<String>) throws -> LiquidObject {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return LiquidObject() }
        let value: Value
        do {
            value = try JSONParser.parse(bytes)
        } catch let error as JSONParser.Error {
            throw APIError.badRequest("bad_json", "the request body is not valid JSON: \(error.message) (line \(error.line), column \(error.column))")
        }
        guard case .object(let object) = value else {
            throw APIError.badRequest("bad_json", "the request body must be a JSON object")
        }
        let unknown = object.keys.filter { !allowed.contains($0) }
        if !unknown.isEmpty {
            let list = unknown.map { "'\($0)'" }.joined(separator: ", ")
            throw APIError.badRequest("unknown_key", "unknown key\(unknown.count == 1 ? "" : "s") \(list); expected one of: \(allowed.sorted().joined(separator: ", "))")
        }
        return object
    }

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(413, "body_too_large", "the request body is larger than \(limit) bytes")
    }

    // MARK: typed fields

    static func string(_ object: LiquidObject, _ key: String) throws -> String? {
        switch object[key] {
        case nil, .nil?: return nil
        case .string(let s)?: return s
        default: throw APIError.badRequest("bad_field", "'\(key)' must be a string")
        }
    }

    static func object(_ object: LiquidObject, _ key: String) throws -> LiquidObject? {
        switch object[key] {
        case nil, .nil?: return nil
        case .object(let o)?: return o
        default: throw APIError.badRequest("bad_field", "'\(key)' must be an object")
        }
    }
}
