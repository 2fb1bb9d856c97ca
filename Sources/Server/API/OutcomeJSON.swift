import Channels
import Liquid

/// Messages and outcomes as JSON, in the shape `missive render --json` prints: `message.json()`
/// and `outcome.json()` from Channels.
///
/// Stand-in until Channels has them: these protocol defaults are used only while `Message` and
/// `Outcome` have no `json()` of their own; once they do, their own methods win (a type's member
/// is chosen over a protocol extension's), and this file can be deleted. The stand-in never
/// touches `message.content`, whose type Channels is changing.
protocol PreviewJSONConvertible {
    func json() -> Value
}

extension Message: PreviewJSONConvertible {}
extension WorkflowRenderer.Outcome: PreviewJSONConvertible {}

extension PreviewJSONConvertible where Self == Message {
    func json() -> Value {
        let m = self as Message
        return .object(LiquidObject([
            ("id", .string(m.id)), ("channel_type", .string(m.channelType.rawValue)), ("channel_key", .string(m.channelKey)),
            ("workflow", .string(m.workflowKey)), ("step_ref", .string(m.stepRef)), ("status", .string(m.status.rawValue)),
            ("status_reason", m.statusReason.map(Value.string) ?? .nil), ("recipient", m.recipient), ("actor", m.actor),
            ("tenant", m.tenant), ("content", .nil), ("warnings", .array(m.warnings.map(Value.string))),
        ]))
    }
}

extension PreviewJSONConvertible where Self == WorkflowRenderer.Outcome {
    func json() -> Value {
        switch self as WorkflowRenderer.Outcome {
        case .message(let m):
            return m.json()
        case .skipped(let ref, let type, let reason):
            return .object(LiquidObject([("step_ref", .string(ref)), ("channel_type", .string(type.rawValue)),
                                         ("status", "skipped"), ("reason", .string(reason))]))
        case .failed(let ref, let type, let error):
            var e = LiquidErrorJSON.object(error)
            e["message"] = .string(error.message)
            e["description"] = .string(error.description)
            return .object(LiquidObject([("step_ref", .string(ref)), ("channel_type", .string(type.rawValue)),
                                         ("status", "failed"), ("error", .object(e))]))
        }
    }
}

extension WorkflowRenderer.Outcome {
    /// The step this outcome is for.
    var ref: String {
        switch self {
        case .message(let m): return m.stepRef
        case .skipped(let r, _, _), .failed(let r, _, _): return r
        }
    }

    var type: Message.ChannelType {
        switch self {
        case .message(let m): return m.channelType
        case .skipped(_, let t, _), .failed(_, let t, _): return t
        }
    }
}
