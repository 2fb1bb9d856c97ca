import Liquid

/// Webhook (`http`, knock-spec §5): method, URL, query parameters, headers and body, each
/// Liquid-rendered; the query appended to the URL percent-encoded; the body parsed when its
/// `Content-Type` says JSON, invalid JSON failing the step at the line and column of the
/// rendered body.
struct HTTPRenderer: ChannelRenderer {
    func missingRecipientData(_ step: StepRendering) -> String? { nil }

    func render(_ step: StepRendering) throws -> MessageContent {
        let method = (try step.renderField("method")?.trimmingSpaces ?? "post").uppercased()
        if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(method) {
            step.warn("method '\(method)' is not one of get, post, put, patch, delete")
        }
        var url = try step.renderField("url")?.trimmingSpaces ?? ""
        if url.isEmpty {
            step.warn("the url is empty")
        } else if !url.lowercased().hasPrefix("http://") && !url.lowercased().hasPrefix("https://") {
            step.warn("url '\(url)' does not start with http:// or https://")
        }
        let query = try fields(step, "query_params")
        let headers = try fields(step, "headers")
        if !query.isEmpty {
            let encoded = query.map { Self.percentEncoded($0.key) + "=" + Self.percentEncoded($0.value) }.joined(separator: "&")
            url += (url.contains("?") ? "&" : "?") + encoded
        }

        let body = try step.renderField("body")
        var json: Value? = nil
        let contentType = headers.last { $0.key.lowercased() == "content-type" }?.value.lowercased()
        if let body, !body.trimmingSpaces.isEmpty {
            if contentType?.contains("json") == true {
                json = try step.parseJSON(body, path: "template.body")
            }
            if method == "GET" || method == "DELETE" { step.warn("a \(method) request with a body: many servers ignore it") }
        }
        return .http(HTTPContent(method: method, url: url, queryParams: query, headers: headers, body: body, jsonBody: json))
    }

    /// `headers` or `query_params`: `[{"key": ..., "value": ...}]`, both rendered.
    private func fields(_ step: StepRendering, _ name: String) throws -> [HTTPContent.Field] {
        var out: [HTTPContent.Field] = []
        for (i, item) in (step.template[name]?.arrayElements ?? []).enumerated() {
            guard case .object(let o) = item else { continue }
            let path = "template.\(name)[\(i)]"
            let key = try o["key"]?.stringValue.map { try step.render($0, at: path + ".key").trimmingSpaces } ?? ""
            let value = try o["value"].map { v in try v.stringValue.map { try step.render($0, at: path + ".value") } ?? v.liquidString } ?? ""
            if key.isEmpty {
                step.warn("\(name)[\(i)] has an empty key; it is left out")
                continue
            }
            out.append(.init(key: key, value: value.trimmingSpaces))
        }
        return out
    }

    /// RFC 3986 unreserved characters kept, everything else as `%XX` of its UTF-8 bytes.
    static func percentEncoded(_ s: String) -> String {
        var out = ""
        for b in s.utf8 {
            let c = Unicode.Scalar(b)
            let unreserved = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "-._~".unicodeScalars.contains(c)
            if unreserved {
                out.unicodeScalars.append(c)
            } else {
                let hex = String(b, radix: 16, uppercase: true)
                out += "%" + (hex.count == 1 ? "0" + hex : hex)
            }
        }
        return out
    }
}
