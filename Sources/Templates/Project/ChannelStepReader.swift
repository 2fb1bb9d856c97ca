import Liquid

/// Channel steps: which channel, the template's fields by channel type, overrides, send windows.
extension StepReader {
    /// Template fields Knock defines for each channel type (`settings` holds per-template options).
    static let templateKeys: [ChannelType: Set<String>] = [
        .email: ["subject", "html_body", "text_body", "visual_blocks", "is_mjml", "preview_text", "settings"],
        .sms: ["text_body", "settings"],
        .push: ["title", "text_body", "settings"],
        .chat: ["markdown_body", "json_body", "summary", "settings"],
        .inAppFeed: ["markdown_body", "action_url", "action_buttons", "settings"],
        .http: ["method", "url", "headers", "query_params", "body", "settings"],
    ]

    static let templateSettingsKeys: [ChannelType: Set<String>] = [
        .email: ["layout_key", "attachment_key", "pre_content", "preview_text"],
        .sms: ["to_number", "payload_overrides", "link_tracking"],
        .push: ["delivery_type", "payload_overrides", "token_deregistration"],
    ]

    func channel(_ r: FieldReader, _ info: StepInfo) -> ChannelStep {
        r.checkKeys(Self.commonKeys.union(["channel_key", "channel_group_key", "channel_type", "template",
                                           "channel_overrides", "send_windows"]), what: "a channel step")
        let channelKey = r.string("channel_key")
        let groupKey = r.string("channel_group_key")
        if channelKey == nil && groupKey == nil { r.missing("channel_key") }
        let channelType = r.choice("channel_type", ChannelType.self)
        if !r.has("channel_type") { r.missing("channel_type", "Missive needs it to know how to render the step") }

        var template = LiquidObject()
        if let t = r.object("template") {
            template = t.members.reduce(into: LiquidObject()) { $0[$1.key] = $1.value.value }
            if let channelType { checkTemplate(t, channelType) }
        } else {
            r.missing("template")
        }
        var overrides: LiquidObject? = nil
        if r.object("channel_overrides") != nil, case .object(let obj)? = r.value("channel_overrides") {
            overrides = obj
        }
        return ChannelStep(info: info, channelKey: channelKey, channelGroupKey: groupKey, channelType: channelType,
                           template: template, channelOverrides: overrides, sendWindows: sendWindows(r))
    }

    private func sendWindows(_ r: FieldReader) -> [SendWindow] {
        guard let items = r.array("send_windows") else { return [] }
        var out: [SendWindow] = []
        for (i, item) in items.enumerated() {
            guard let w = FieldReader(item, path: r.path("send_windows") + "[\(i)]", log: log) else { continue }
            w.checkKeys(["day", "type", "from", "until"], what: "a send window")
            guard let day = w.choice("day", SendWindow.Day.self, required: true),
                  let type = w.choice("type", SendWindow.Kind.self, required: true) else { continue }
            if out.contains(where: { $0.day == day }) {
                log.warning(w.location, w.path, "a second send window for \(day.rawValue); each day should have one")
            }
            out.append(SendWindow(day: day, type: type, from: w.string("from"), until: w.string("until")))
        }
        return out
    }

    /// Required fields and known keys per channel type, and the shape of visual blocks and buttons.
    private func checkTemplate(_ t: FieldReader, _ type: ChannelType) {
        if let known = Self.templateKeys[type] {
            t.checkKeys(known, what: "a \(type.rawValue) template")
        }
        if let known = Self.templateSettingsKeys[type], let s = t.object("settings") {
            s.checkKeys(known, what: "\(type.rawValue) template settings")
        }
        switch type {
        case .email:
            if t.string("subject") == nil && !t.has("subject") { t.missing("subject") }
            if t.has("html_body") && t.has("visual_blocks"), let m = t.member("visual_blocks") {
                log.error(m.keyLocation, t.path("visual_blocks"), "an email template has html_body or visual_blocks, not both")
            }
            if !t.has("html_body") && !t.has("visual_blocks") { t.missing("html_body", "or visual_blocks") }
            _ = t.string("html_body")
            _ = t.string("text_body")
            if let blocks = t.array("visual_blocks") { visualBlocks(blocks, path: t.path("visual_blocks")) }
        case .sms:
            if t.string("text_body") == nil { t.missing("text_body") }
        case .push:
            let silent = t.object("settings")?.string("delivery_type") == "silent"
            if !silent && t.string("text_body") == nil { t.missing("text_body") }
            _ = t.string("title")
        case .chat:
            if !t.has("markdown_body") && !t.has("json_body") { t.missing("markdown_body", "or json_body") }
            _ = t.string("markdown_body")
            _ = t.string("json_body")
            _ = t.string("summary")
        case .inAppFeed:
            if t.string("markdown_body") == nil { t.missing("markdown_body") }
            _ = t.string("action_url")
            if let buttons = t.array("action_buttons") { self.buttons(buttons, path: t.path("action_buttons")) }
        case .http:
            if t.string("url") == nil { t.missing("url") }
            _ = t.keyValues("headers")
            _ = t.keyValues("query_params")
        case .inAppGuide:
            break
        }
    }

    private func buttons(_ items: [JSONNode], path: String, extraKeys: Set<String> = []) {
        for (i, item) in items.enumerated() {
            guard let b = FieldReader(item, path: path + "[\(i)]", log: log) else { continue }
            b.checkKeys(Set(["label", "action"]).union(extraKeys), what: "a button")
            _ = b.string("label", required: true)
            _ = b.string("action", required: true)
        }
    }

    static let blockKeys: [String: Set<String>] = [
        "markdown": ["content", "variant"],
        "html": ["content"],
        "button_set": ["buttons"],
        "divider": [],
        "image": ["url", "alt", "action", "style_attrs"],
        "partial": ["key", "name", "attrs"],
        "row": ["columns", "blocks"],
    ]

    /// Email visual blocks: each block's keys, and what its type needs.
    func visualBlocks(_ items: [JSONNode], path: String) {
        for (i, item) in items.enumerated() {
            guard let b = FieldReader(item, path: path + "[\(i)]", log: log) else { continue }
            guard let type = b.string("type", required: true) else { continue }
            guard let keys = Self.blockKeys[type] else {
                log.warning(b.member("type")!.keyLocation, b.path("type"), "unknown visual block type '\(type)'")
                continue
            }
            b.checkKeys(keys.union(["type", "id", "version", "layout_attrs"]), what: "a \(type) block")
            switch type {
            case "markdown", "html": _ = b.string("content", required: true)
            case "button_set":
                if let buttons = b.array("buttons") {
                    self.buttons(buttons, path: b.path("buttons"), extraKeys: ["name", "variant", "size_attrs", "style_attrs"])
                } else {
                    b.missing("buttons")
                }
            case "image": _ = b.string("url", required: true)
            case "partial":
                if let key = b.string("key", required: true), let why = NameRules.keyProblem(key, what: "partial key") {
                    log.error(b.member("key")!.keyLocation, b.path("key"), why)
                }
                _ = b.object("attrs")
            default: break
            }
        }
    }
}
