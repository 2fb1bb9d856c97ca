import Liquid

/// One Liquid source in a project (a template field, a step setting, a layout, a partial) and
/// where it was written, so a Liquid error can point into the right file.
public struct LiquidField: Sendable {
    /// The field's JSON path in its resource (`steps[1].template.subject`, `html_layout`, `content`).
    public var jsonPath: String
    public var source: String
    /// The file the source is in: for a `@` reference the referenced file (Liquid positions are
    /// file positions); for an inline JSON string its position in the JSON file.
    public var location: SourceLocation

    /// Where a position inside `source` (1-based, as Liquid reports it) is in the project.
    public func projectPosition(line: Int?, column: Int?) -> (line: Int?, column: Int?, note: String?) {
        guard let line else { return (location.line, location.column, nil) }
        if location.isWholeFile { return (line, column, nil) }
        // An inline JSON string sits on one line after its opening quote; escapes are not
        // counted back, so the column is close, and the value's own line is named when it has several.
        guard let valueLine = location.line, let valueColumn = location.column else { return (nil, nil, nil) }
        if line == 1 { return (valueLine, valueColumn + (column ?? 1), nil) }
        return (valueLine, valueColumn, "line \(line) of the value")
    }
}

extension Step {
    /// The step's Liquid sources: every string of a channel step's template and channel
    /// overrides (through visual blocks and buttons), and the Liquid settings of http_fetch,
    /// trigger_workflow and update_data steps. Paths are the workflow.json paths.
    public var liquidFields: [LiquidField] {
        guard let info else { return [] }
        var out: [LiquidField] = []
        func add(_ relative: String, _ text: String) {
            out.append(LiquidField(jsonPath: info.jsonPath + "." + relative, source: text,
                                   location: info.sources[relative] ?? info.location))
        }
        func walk(_ value: Value, _ relative: String) {
            switch value {
            case .string(let s): add(relative, s)
            case .array(let items): for (i, item) in items.enumerated() { walk(item, relative + "[\(i)]") }
            case .object(let o): for (k, v) in o.pairs { walk(v, relative + "." + k) }
            default: break
            }
        }
        switch self {
        case .channel(let s):
            walk(.object(s.template), "template")
            if let overrides = s.channelOverrides { walk(.object(overrides), "channel_overrides") }
        case .httpFetch(let s):
            add("settings.url", s.url)
            for (i, h) in s.headers.enumerated() { add("settings.headers[\(i)].value", h.value) }
            for (i, q) in s.queryParams.enumerated() { add("settings.query_params[\(i)].value", q.value) }
            if let body = s.body { add("settings.body", body) }
        case .triggerWorkflow(let s):
            let fields = [("recipients", s.recipients), ("actor", s.actor), ("tenant", s.tenant), ("data", s.data),
                          ("cancellation_key", s.cancellationKey)]
            for (key, text) in fields { if let text { add("settings." + key, text) } }
        case .updateData(let s):
            walk(s.data, "settings.data")
        default:
            break
        }
        return out
    }
}

extension Layout {
    public var liquidFields: [LiquidField] {
        var out: [LiquidField] = []
        for (key, text) in [("html_layout", htmlLayout), ("text_layout", textLayout)] {
            guard let text else { continue }
            out.append(LiquidField(jsonPath: key, source: text, location: sources[key] ?? SourceLocation(file: file)))
        }
        return out
    }
}

extension Partial {
    public var liquidField: LiquidField { LiquidField(jsonPath: "content", source: content, location: contentSource) }
}
