import Liquid

/// Chat (knock-spec §5): the Markdown body rendered and converted to the provider's markup
/// (Slack mrkdwn for Slack channels), `json_body` rendered and parsed as the provider's JSON
/// (Block Kit, an Adaptive Card) — invalid JSON fails the step, pointing at the line and column
/// of the rendered text — and the summary.
struct ChatRenderer: ChannelRenderer {
    func missingRecipientData(_ step: StepRendering) -> String? {
        if step.recipient == nil { return "there is no recipient" }
        if Self.connections(step).isEmpty {
            let key = step.step.channelKey ?? "chat"
            return "the recipient has no connections for channel '\(key)' (recipient.channel_data.\(key).connections)"
        }
        return nil
    }

    func render(_ step: StepRendering) throws -> MessageContent {
        let key = step.step.channelKey ?? ""
        let markup = step.options.chatMarkup[key] ?? ChatMarkup.guess(channelKey: key)
        let markdown = try step.renderField("markdown_body")?.trimmingSpaces
        var json: Value? = nil
        if let rendered = try step.renderField("json_body") {
            json = try step.parseJSON(rendered, path: "template.json_body")
        }
        let summary = try step.renderField("summary")?.trimmingSpaces
        if markdown?.isEmpty ?? true, json == nil { step.warn("the chat message is empty") }
        let text = markdown.map(markup.convert)
        if let text, text.utf8.count > 40_000 {
            step.warn("the message text is \(text.utf8.count) bytes; Slack truncates text over 40,000 characters")
        }
        if markup == .slack, case .object(let o)? = json, let blocks = o["blocks"]?.arrayElements, blocks.count > 50 {
            step.warn("json_body has \(blocks.count) blocks; Slack accepts at most 50 in a message")
        }
        return .chat(ChatContent(connection: Self.connections(step).first ?? .nil, provider: markup, markdown: markdown, text: text,
                                 jsonContent: json, summary: summary))
    }

    /// `connections: [...]` in the recipient's channel data (Slack, Teams, Discord all keep them there).
    static func connections(_ step: StepRendering) -> [Value] {
        step.channelData?["connections"]?.arrayElements ?? []
    }
}
