import Liquid
import Templates

/// Turns one channel step into the content a provider would receive. One conformer per channel
/// type, each in its own file; `WorkflowRenderer` picks the renderer by the step's channel type.
protocol ChannelRenderer: Sendable {
    /// Why the recipient cannot receive this step (no email address, no device token, ...), or
    /// nil when it can. Knock skips the step then (knock-spec §5, channel step order).
    func missingRecipientData(_ step: StepRendering) -> String?

    /// Render the step's template fields. Warnings go to `step.warn`; a template error throws a
    /// located `LiquidError`.
    func render(_ step: StepRendering) throws -> MessageContent
}

extension Message.ChannelType {
    /// The renderer for this channel type.
    var renderer: any ChannelRenderer {
        switch self {
        case .email: return EmailRenderer()
        case .sms: return SMSRenderer()
        case .push: return PushRenderer()
        case .chat: return ChatRenderer()
        case .inAppFeed: return InAppFeedRenderer()
        case .http: return HTTPRenderer()
        }
    }
}
