import Liquid

/// The rendered content, typed per channel. `json()` gives Knock's message content shape for the
/// channel (`MessageEmailContent`, `MessageSmsContent`, ...), with Missive's own analysis fields
/// (SMS encoding and segments, push payload size, ...) after Knock's.
public enum MessageContent: Sendable {
    case email(EmailContent)
    case sms(SMSContent)
    case push(PushContent)
    case chat(ChatContent)
    case inAppFeed(InAppFeedContent)
    case http(HTTPContent)

    public func json() -> Value {
        switch self {
        case .email(let c): return c.json()
        case .sms(let c): return c.json()
        case .push(let c): return c.json()
        case .chat(let c): return c.json()
        case .inAppFeed(let c): return c.json()
        case .http(let c): return c.json()
        }
    }
}

/// An email as a provider receives it (Knock's `MessageEmailContent`).
public struct EmailContent: Sendable {
    /// `Name <address>`, or just the address.
    public var from: String?
    public var to: String?
    /// Comma-separated lists, as written in the settings.
    public var cc: String?
    public var bcc: String?
    public var replyTo: String?
    public var subject: String
    /// The full document: the body inside the layout, partial styles and block CSS in its head.
    public var html: String
    public var text: String
    public var previewText: String?
    /// The layout the body was put in; nil when the template has none.
    public var layoutKey: String?
    /// What the data holds at the template's `attachment_key` (default `attachments`).
    public var attachments: [Value]

    public func json() -> Value {
        var o = LiquidObject()
        o["__typename"] = "MessageEmailContent"
        o["from"] = from.json
        o["to"] = to.json
        o["cc"] = cc.json
        o["bcc"] = bcc.json
        o["reply_to"] = replyTo.json
        o["subject_line"] = .string(subject)
        o["html_body"] = .string(html)
        o["text_body"] = .string(text)
        o["preview_text"] = previewText.json
        o["layout_key"] = layoutKey.json
        o["attachments"] = .array(attachments)
        return .object(o)
    }
}

/// A text message (Knock's `MessageSmsContent`) and how carriers will count it.
public struct SMSContent: Sendable {
    public var to: String?
    public var body: String
    public var encoding: SMSEncoding.Encoding
    /// GSM-7 septets (extension characters count two) or UCS-2 code units.
    public var units: Int
    public var segments: Int
    /// The characters that forced UCS-2, each once, in order of appearance.
    public var nonGSMCharacters: [String]

    public func json() -> Value {
        var o = LiquidObject()
        o["__typename"] = "MessageSmsContent"
        o["to"] = to.json
        o["body"] = .string(body)
        o["encoding"] = .string(encoding.rawValue)
        o["units"] = .int(units)
        o["segments"] = .int(segments)
        o["non_gsm_characters"] = .array(nonGSMCharacters.map(Value.string))
        return .object(o)
    }
}

/// A push notification (Knock's `MessagePushContent`) and the provider payload it makes.
public struct PushContent: Sendable {
    public enum DeliveryType: String, Sendable {
        /// A visible notification with a title and body.
        case content
        /// Data only: no title or body; APNs `content-available: 1`.
        case silent
    }

    /// The recipient's first device token for the channel (nil when none).
    public var token: String?
    public var tokens: [String]
    public var title: String?
    public var body: String?
    /// Trigger data merged with the template's `payload_overrides`.
    public var data: LiquidObject
    public var deliveryType: DeliveryType
    /// `apns` or `fcm`: whose payload `payload` is.
    public var provider: String
    /// The JSON the provider would receive.
    public var payload: Value
    /// `payload` as compact JSON, in bytes (APNs and FCM both stop at 4096).
    public var payloadBytes: Int

    public func json() -> Value {
        var o = LiquidObject()
        o["__typename"] = "MessagePushContent"
        o["token"] = token.json
        o["title"] = title.json
        o["body"] = body.json
        o["data"] = .object(data)
        o["delivery_type"] = .string(deliveryType.rawValue)
        o["tokens"] = .array(tokens.map(Value.string))
        o["provider"] = .string(provider)
        o["payload"] = payload
        o["payload_bytes"] = .int(payloadBytes)
        return .object(o)
    }
}

/// A chat message (Knock's `MessageChatContent`): the Markdown body as a block, the provider's
/// JSON (`json_body`) and the summary; plus the body in the provider's own markup.
public struct ChatContent: Sendable {
    /// The recipient's first connection for the channel (a Slack incoming webhook or token and channel).
    public var connection: Value
    public var provider: ChatMarkup
    /// The rendered Markdown body.
    public var markdown: String?
    /// `markdown` converted to the provider's markup (Slack mrkdwn, ...).
    public var text: String?
    /// `json_body`, rendered and parsed.
    public var jsonContent: Value?
    public var summary: String?

    public func json() -> Value {
        var template = LiquidObject()
        var blocks: [Value] = []
        if let markdown {
            blocks.append(.object(["name": "body", "type": "markdown", "content": .string(markdown)]))
        }
        template["blocks"] = .array(blocks)
        template["json_content"] = jsonContent ?? .nil
        template["summary"] = summary.json
        var o = LiquidObject()
        o["__typename"] = "MessageChatContent"
        o["connection"] = connection
        o["metadata"] = .object(["provider": .string(provider.rawValue)])
        o["template"] = .object(template)
        o["markup"] = .string(provider.markupName)
        o["text"] = text.json
        return .object(o)
    }
}

/// An in-app feed message: its blocks exactly as Knock's feed API returns them, and the whole
/// feed item (`FeedItem`) a feed request would list.
public struct InAppFeedContent: Sendable {
    public var blocks: [FeedBlock]
    public var feedItem: Value

    public func json() -> Value {
        var o = LiquidObject()
        o["__typename"] = "MessageInAppFeedContent"
        o["blocks"] = .array(blocks.map { $0.json() })
        o["feed_item"] = feedItem
        return .object(o)
    }
}

/// One block of an in-app feed item.
public enum FeedBlock: Sendable {
    /// `content` is the Liquid source as written; `rendered` the result (HTML for markdown).
    case markdown(name: String, content: String, rendered: String)
    case text(name: String, content: String, rendered: String)
    case buttonSet(name: String, buttons: [FeedButton])

    public var name: String {
        switch self {
        case .markdown(let n, _, _), .text(let n, _, _), .buttonSet(let n, _): return n
        }
    }

    public func json() -> Value {
        switch self {
        case .markdown(let name, let content, let rendered):
            return .object(["name": .string(name), "type": "markdown", "content": .string(content), "rendered": .string(rendered)])
        case .text(let name, let content, let rendered):
            return .object(["name": .string(name), "type": "text", "content": .string(content), "rendered": .string(rendered)])
        case .buttonSet(let name, let buttons):
            return .object(["name": .string(name), "type": "button_set", "buttons": .array(buttons.map { $0.json() })])
        }
    }
}

public struct FeedButton: Sendable, Equatable {
    /// `primary`, `secondary`, ...
    public var name: String
    public var label: String
    public var action: String

    public func json() -> Value {
        .object(["name": .string(name), "label": .string(label), "action": .string(action)])
    }
}

/// A webhook request.
public struct HTTPContent: Sendable {
    public struct Field: Sendable, Equatable {
        public var key: String
        public var value: String
    }

    /// Upper case: `POST`.
    public var method: String
    /// With the query parameters appended, percent-encoded.
    public var url: String
    public var queryParams: [Field]
    public var headers: [Field]
    public var body: String?
    /// The body parsed, when its content type is JSON.
    public var jsonBody: Value?

    public func json() -> Value {
        var o = LiquidObject()
        o["__typename"] = "MessageHttpContent"
        o["method"] = .string(method)
        o["url"] = .string(url)
        o["query_params"] = .object(Self.object(queryParams))
        o["headers"] = .object(Self.object(headers))
        o["body"] = body.json
        o["json_body"] = jsonBody ?? .nil
        return .object(o)
    }

    /// Fields as an object; a repeated key's values are joined with ", ", as HTTP combines them.
    static func object(_ fields: [Field]) -> LiquidObject {
        var o = LiquidObject()
        for f in fields {
            if case .string(let earlier)? = o[f.key] { o[f.key] = .string(earlier + ", " + f.value) } else { o[f.key] = .string(f.value) }
        }
        return o
    }
}

extension Optional where Wrapped == String {
    var json: Value { map(Value.string) ?? .nil }
}
