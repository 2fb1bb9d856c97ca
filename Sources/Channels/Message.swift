import Liquid
import Templates

/// The project model's channel type (`Templates` also names an enum, so it cannot qualify it).
typealias ProjectChannelType = ChannelType

/// A rendered channel message, shared by every channel (knock-spec §4–§5): who it is for, which
/// workflow step made it, its typed content, warnings for the author, and status fields the
/// workflow engine fills in.
public struct Message: Sendable {
    public enum ChannelType: String, Sendable, CaseIterable {
        case email, sms, push, chat
        case inAppFeed = "in_app_feed"
        case http

        /// The project model's channel type for this one (nil for `in_app_guide`, which renders nothing).
        init?(_ type: ProjectChannelType) {
            self.init(rawValue: type.rawValue)
        }
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
    /// The locale translations were looked up in (nil: the project's default).
    public var locale: String?
    /// ISO 8601 time the message was made (the render's `now`).
    public var insertedAt: String?

    public init(id: String, channelType: ChannelType, channelKey: String, workflowKey: String, stepRef: String,
                recipient: Value, actor: Value, tenant: Value, content: MessageContent, warnings: [String] = [],
                status: Status = .queued, statusReason: String? = nil, locale: String? = nil, insertedAt: String? = nil)
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
        self.locale = locale
        self.insertedAt = insertedAt
    }

    /// The message as `missive render --json` prints it and the preview server serves it: the
    /// envelope, then `content` in the shape of Knock's message content for the channel.
    public func json() -> Value {
        var o = LiquidObject()
        o["__typename"] = "Message"
        o["id"] = .string(id)
        o["channel_type"] = .string(channelType.rawValue)
        o["channel_key"] = .string(channelKey)
        o["workflow"] = .string(workflowKey)
        o["step_ref"] = .string(stepRef)
        o["status"] = .string(status.rawValue)
        o["status_reason"] = statusReason.map(Value.string) ?? .nil
        o["locale"] = locale.map(Value.string) ?? .nil
        o["inserted_at"] = insertedAt.map(Value.string) ?? .nil
        o["recipient"] = recipient
        o["actor"] = actor
        o["tenant"] = tenant
        o["content"] = content.json()
        o["warnings"] = .array(warnings.map(Value.string))
        return .object(o)
    }
}
