import Liquid
import Templates

/// A rendered channel message, shared by every channel (knock-spec §4–§5): who it is for, which
/// workflow step made it, its typed content, warnings for the author, and status fields the
/// workflow engine fills in.
public struct Message: Sendable {
    public enum ChannelType: String, Sendable, CaseIterable {
        case email, sms, push, chat
        case inAppFeed = "in_app_feed"
        case http
    }

    public enum Status: String, Sendable {
        case queued, sent, delivered, undelivered, skipped, failed
    }

    public var id: String
    public var channelType: ChannelType
    public var channelKey: String
    public var workflowKey: String
    public var stepRef: String
    public var recipient: Value
    public var actor: Value
    public var tenant: Value
    public var content: MessageContent
    public var warnings: [String]
    public var status: Status
    /// Why the step was skipped or failed, when it was.
    public var statusReason: String?

    public init(id: String, channelType: ChannelType, channelKey: String, workflowKey: String, stepRef: String,
                recipient: Value, actor: Value, tenant: Value, content: MessageContent, warnings: [String] = [],
                status: Status = .queued, statusReason: String? = nil)
    {
        self.id = id
        self.channelType = channelType
        self.channelKey = channelKey
        self.workflowKey = workflowKey
        self.stepRef = stepRef
        self.recipient = recipient
        self.actor = actor
        self.tenant = tenant
        self.content = content
        self.warnings = warnings
        self.status = status
        self.statusReason = statusReason
    }
}

/// The rendered content, typed per channel. (Filled in by the channel renderers.)
public enum MessageContent: Sendable {
    case email(Value)
    case sms(Value)
    case push(Value)
    case chat(Value)
    case inAppFeed(Value)
    case http(Value)
}
