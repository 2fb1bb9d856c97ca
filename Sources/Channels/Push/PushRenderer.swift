import Liquid

/// Push (knock-spec §5): title and body (none for silent delivery), `data` = the trigger data
/// merged with the template's `payload_overrides` (Liquid producing JSON; deep-merged, or
/// replacing the data when it says `"__strategy__": "replace"`), the recipient's device tokens,
/// and the provider payload it makes, with a warning past APNs's and FCM's 4 KB.
struct PushRenderer: ChannelRenderer {
    func missingRecipientData(_ step: StepRendering) -> String? {
        if step.recipient == nil { return "there is no recipient" }
        if Self.tokens(step).isEmpty {
            let key = step.step.channelKey ?? "push"
            return "the recipient has no device tokens for channel '\(key)' (recipient.channel_data.\(key).tokens)"
        }
        return nil
    }

    func render(_ step: StepRendering) throws -> MessageContent {
        let delivery: PushContent.DeliveryType = step.settings["delivery_type"]?.stringValue == "silent" ? .silent : .content
        var title: String? = nil, body: String? = nil
        if delivery == .content {
            title = try step.renderField("title")?.trimmingSpaces
            body = try step.renderField("text_body")?.trimmingSpaces ?? ""
            if body?.isEmpty ?? true { step.warn("the push has no body") }
        }

        var data = step.scope.data
        if let rendered = try step.renderSetting("payload_overrides"), !rendered.trimmingSpaces.isEmpty {
            let path = "template.settings.payload_overrides"
            guard case .object(var overrides) = try step.parseJSON(rendered, path: path) else {
                var error = LiquidError(.render, "step \(step.ref), field \(path): payload_overrides must be a JSON object")
                error.templateName = step.location(path).file
                throw error
            }
            if overrides["__strategy__"]?.stringValue == "replace" {
                overrides["__strategy__"] = nil
                data = overrides
            } else {
                data = JSONMerge.deep(data, overrides)
            }
        }

        let tokens = Self.tokens(step)
        let provider = Self.provider(step.step.channelKey ?? "")
        let payload = provider == "fcm"
            ? PushPayload.fcm(title: title, body: body, data: data, messageID: step.messageID)
            : PushPayload.apns(title: title, body: body, data: data, silent: delivery == .silent, messageID: step.messageID)
        let size = JSONWriter.string(payload).utf8.count
        if size > step.options.pushPayloadLimit {
            step.warn("the \(provider == "fcm" ? "FCM" : "APNs") payload is \(size) bytes; APNs and FCM refuse payloads over "
                + "\(step.options.pushPayloadLimit) bytes (trim the data or payload_overrides)")
        }
        return .push(PushContent(token: tokens.first, tokens: tokens, title: title, body: body, data: data, deliveryType: delivery,
                                 provider: provider, payload: payload, payloadBytes: size))
    }

    /// `tokens: ["..."]` or `devices: [{"token": "..."}]` in the recipient's channel data.
    static func tokens(_ step: StepRendering) -> [String] {
        guard let data = step.channelData else { return [] }
        var out = (data["tokens"]?.arrayElements ?? []).compactMap(\.stringValue)
        for device in data["devices"]?.arrayElements ?? [] {
            if case .object(let d) = device, let token = d["token"]?.stringValue { out.append(token) }
        }
        return out.filter { !$0.isEmpty }
    }

    /// Whose payload to build: FCM for Firebase channels, else APNs.
    static func provider(_ channelKey: String) -> String {
        let key = channelKey.lowercased()
        return key.contains("fcm") || key.contains("firebase") ? "fcm" : "apns"
    }
}

/// The JSON a push provider receives for a message.
enum PushPayload {
    /// APNs: `aps` with the alert (or `content-available` when silent); the data's keys beside it,
    /// an `aps` object in the data merged into it; Knock's message id.
    static func apns(title: String?, body: String?, data: LiquidObject, silent: Bool, messageID: String) -> Value {
        var aps = LiquidObject()
        if silent {
            aps["content-available"] = 1
        } else {
            var alert = LiquidObject()
            if let title, !title.isEmpty { alert["title"] = .string(title) }
            alert["body"] = .string(body ?? "")
            aps["alert"] = .object(alert)
        }
        var payload: LiquidObject = ["aps": .object(aps)]
        for (k, v) in data.pairs {
            if k == "aps", case .object(let extra) = v { aps = JSONMerge.deep(aps, extra); payload["aps"] = .object(aps) } else { payload[k] = v }
        }
        payload["knock_message_id"] = .string(messageID)
        return .object(payload)
    }

    /// FCM: the notification, and the data flattened to dotted keys with string values
    /// (`foo.bar.0: "21"`), as FCM only carries strings.
    static func fcm(title: String?, body: String?, data: LiquidObject, messageID: String) -> Value {
        var payload = LiquidObject()
        if title != nil || body != nil {
            var notification = LiquidObject()
            if let title, !title.isEmpty { notification["title"] = .string(title) }
            notification["body"] = .string(body ?? "")
            payload["notification"] = .object(notification)
        }
        var flat = LiquidObject()
        flatten(.object(data), prefix: "", into: &flat)
        flat["knock_message_id"] = .string(messageID)
        payload["data"] = .object(flat)
        return .object(payload)
    }

    static func flatten(_ value: Value, prefix: String, into out: inout LiquidObject) {
        func key(_ k: String) -> String { prefix.isEmpty ? k : prefix + "." + k }
        switch value {
        case .object(let o):
            for (k, v) in o.pairs { flatten(v, prefix: key(k), into: &out) }
        case .array(let items):
            for (i, v) in items.enumerated() { flatten(v, prefix: key(String(i)), into: &out) }
        case .nil:
            if !prefix.isEmpty { out[prefix] = "" }
        default:
            if !prefix.isEmpty { out[prefix] = .string(value.liquidString) }
        }
    }
}

/// Merging JSON objects.
enum JSONMerge {
    /// `overrides` over `base`: objects merge key by key, all else is replaced.
    static func deep(_ base: LiquidObject, _ overrides: LiquidObject) -> LiquidObject {
        var out = base
        for (k, v) in overrides.pairs {
            if case .object(let inner) = v, case .object(let existing)? = out[k] {
                out[k] = .object(deep(existing, inner))
            } else {
                out[k] = v
            }
        }
        return out
    }
}
