import Liquid
import Templates

/// In-app feed (knock-spec §5): the `blocks` exactly as Knock's feed API returns them — `body`
/// (markdown: `content` is the Liquid source as written, `rendered` its HTML without a trailing
/// newline), `action_url` (text) when the template has one, `actions` (button_set, `primary`,
/// `secondary`, ...) when it has buttons — and the whole `FeedItem` a feed request would list.
struct InAppFeedRenderer: ChannelRenderer {
    func missingRecipientData(_ step: StepRendering) -> String? {
        step.recipient == nil ? "there is no recipient" : nil
    }

    func render(_ step: StepRendering) throws -> MessageContent {
        var blocks: [FeedBlock] = []
        let source = step.string("markdown_body") ?? ""
        let markdown = try step.renderField("markdown_body") ?? ""
        if markdown.trimmingSpaces.isEmpty { step.warn("the feed item's body is empty") }
        blocks.append(.markdown(name: "body", content: source, rendered: Markdown.html(markdown, options: .inAppFeed)))

        if let url = step.string("action_url") {
            let rendered = try step.render(url, at: "template.action_url").trimmingSpaces
            if !rendered.isEmpty, !EmailChecks.hasScheme(rendered), !rendered.hasPrefix("/") {
                step.warn("action_url '\(rendered)' is neither a full URL nor a path")
            }
            blocks.append(.text(name: "action_url", content: url, rendered: rendered))
        }

        let items = step.template["action_buttons"]?.arrayElements ?? []
        if !items.isEmpty {
            var buttons: [FeedButton] = []
            for (i, item) in items.enumerated() {
                guard case .object(let b) = item else { continue }
                let path = "template.action_buttons[\(i)]"
                let label = try b["label"]?.stringValue.map { try step.render($0, at: path + ".label").trimmingSpaces } ?? ""
                let action = try b["action"]?.stringValue.map { try step.render($0, at: path + ".action").trimmingSpaces } ?? ""
                buttons.append(FeedButton(name: Self.buttonName(i), label: label, action: action))
            }
            if buttons.count > 2 { step.warn("Knock's feed components show two action buttons; \(buttons.count) are defined") }
            blocks.append(.buttonSet(name: "actions", buttons: buttons))
        }
        return .inAppFeed(InAppFeedContent(blocks: blocks, feedItem: feedItem(step, blocks: blocks)))
    }

    static func buttonName(_ i: Int) -> String {
        switch i {
        case 0: return "primary"
        case 1: return "secondary"
        default: return "button_\(i + 1)"
        }
    }

    /// Knock's `FeedItem` (API `InAppFeedItem`): the blocks, the activities and actors of the run,
    /// the workflow as `source`, the tenant's id, and engagement times (all unset on a new item).
    func feedItem(_ step: StepRendering, blocks: [FeedBlock]) -> Value {
        let locals = step.locals
        var item = LiquidObject()
        item["__typename"] = "FeedItem"
        item["__cursor"] = .string(Self.cursor(step.messageID))
        item["id"] = .string(step.messageID)
        item["activities"] = .array((locals["activities"]?.arrayElements ?? []).enumerated().map { i, a in
            Self.activity(a, index: i, step: step)
        })
        item["actors"] = locals["actors"] ?? .array([])
        item["blocks"] = .array(blocks.map { $0.json() })
        item["data"] = .object(step.scope.data)
        item["source"] = .object([
            "__typename": "NotificationSource", "key": .string(step.workflow.key),
            "version_id": .string(step.workflow.key + "@local"),
            "categories": .array(step.workflow.categories.map(Value.string)),
        ])
        item["tenant"] = step.scope.tenantID.json
        item["total_activities"] = locals["total_activities"] ?? 1
        item["total_actors"] = locals["total_actors"] ?? 0
        item["inserted_at"] = .string(step.insertedAt)
        item["updated_at"] = .string(step.insertedAt)
        for key in ["seen_at", "read_at", "interacted_at", "link_clicked_at", "clicked_at", "archived_at"] { item[key] = .nil }
        return .object(item)
    }

    /// An activity as the feed API lists it: id, times, actor, recipient, data.
    static func activity(_ value: Value, index: Int, step: StepRendering) -> Value {
        guard case .object(let a) = value else { return value }
        var out = LiquidObject()
        out["__typename"] = "Activity"
        out["id"] = a["id"] ?? .string("\(step.messageID)_activity_\(index + 1)")
        out["inserted_at"] = a["inserted_at"] ?? .string(step.insertedAt)
        out["updated_at"] = a["updated_at"] ?? a["inserted_at"] ?? .string(step.insertedAt)
        out["actor"] = a["actor"] ?? .nil
        out["recipient"] = a["recipient"] ?? step.scope.recipient
        out["data"] = a["data"] ?? .nil
        return .object(out)
    }

    /// An opaque cursor, as Knock's are (base64 of the item's id).
    static func cursor(_ id: String) -> String {
        let table = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/")
        let bytes = Array(id.utf8)
        var out = ""
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            var chunk = 0
            for k in 0..<3 { chunk = chunk << 8 | (k < n ? Int(bytes[i + k]) : 0) }
            for k in 0..<4 { out.append(k <= n ? table[(chunk >> (18 - 6 * k)) & 63] : "=") }
            i += 3
        }
        return out
    }
}
