import Liquid

/// One step of a workflow, by its `type`.
public enum Step: Sendable {
    case channel(ChannelStep)
    case batch(BatchStep)
    case delay(DelayStep)
    case branch(BranchStep)
    case throttle(ThrottleStep)
    case httpFetch(HTTPFetchStep)
    case triggerWorkflow(TriggerWorkflowStep)
    case updateData(UpdateDataStep)
    /// A step type Missive does not know (loading warns); kept as written.
    case unknown(type: String, Value)

    /// The fields every known step has; nil for an unknown step.
    public var info: StepInfo? {
        switch self {
        case .channel(let s): return s.info
        case .batch(let s): return s.info
        case .delay(let s): return s.info
        case .branch(let s): return s.info
        case .throttle(let s): return s.info
        case .httpFetch(let s): return s.info
        case .triggerWorkflow(let s): return s.info
        case .updateData(let s): return s.info
        case .unknown: return nil
        }
    }

    public var ref: String {
        if let info { return info.ref }
        if case .unknown(_, .object(let o)) = self, case .string(let ref)? = o["ref"] { return ref }
        return ""
    }

    /// The `type` as written in workflow.json.
    public var type: String {
        switch self {
        case .channel: return "channel"
        case .batch: return "batch"
        case .delay: return "delay"
        case .branch: return "branch"
        case .throttle: return "throttle"
        case .httpFetch: return "http_fetch"
        case .triggerWorkflow: return "trigger_workflow"
        case .updateData: return "update_data"
        case .unknown(let type, _): return type
        }
    }
}

/// What every step has.
public struct StepInfo: Sendable {
    /// Unique in its workflow; names the folder of the step's template files.
    public var ref: String
    public var name: String?
    public var description: String?
    /// Step conditions as written (`{"all": [...]}`); false ⇒ the step is skipped.
    public var conditions: Value?
    /// Where the step is: `steps[2]`, `steps[3].branches[0].steps[1]`.
    public var jsonPath: String
    public var location: SourceLocation
    /// Where each string value inside the step came from, by its path relative to the step
    /// (`template.subject`, `template.visual_blocks[0].content`): the workflow.json line for an
    /// inline value, the referenced file for a `@` value.
    public var sources: [String: SourceLocation]
}

/// Sends a message on one channel.
public struct ChannelStep: Sendable {
    public var info: StepInfo
    public var channelKey: String?
    public var channelGroupKey: String?
    public var channelType: ChannelType?
    /// The template's fields in written order, `@` references replaced by file contents
    /// (`subject`, `html_body`, `visual_blocks`, `settings.layout_key`, ...).
    public var template: LiquidObject
    /// Per-step overrides of the channel's settings (Liquid strings).
    public var channelOverrides: LiquidObject?
    public var sendWindows: [SendWindow]
}

public enum ChannelType: String, Sendable, CaseIterable {
    case email
    case sms
    case push
    case chat
    case inAppFeed = "in_app_feed"
    case inAppGuide = "in_app_guide"
    case http
}

/// When a channel step may send, per day of the week, in the recipient's time zone.
public struct SendWindow: Sendable, Equatable {
    public enum Day: String, Sendable, CaseIterable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday
    }

    public enum Kind: String, Sendable, CaseIterable {
        case send
        case doNotSend = "do_not_send"
    }

    public var day: Day
    public var type: Kind
    /// `HH:MM:SS`.
    public var from: String?
    public var until: String?
}

/// A length of time in Knock's `{"unit": "minutes", "value": 15}` form.
public struct Duration: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        case seconds, minutes, hours, days, weeks, months
    }

    public var unit: Unit
    public var value: Int
}

/// Collects triggers for a window and continues once with all of them as `activities`.
public struct BatchStep: Sendable {
    public enum WindowType: String, Sendable, CaseIterable { case fixed, sliding }
    public enum Order: String, Sendable, CaseIterable { case asc, desc }
    public enum ExecutionMode: String, Sendable, CaseIterable {
        case accumulate
        case flushLeading = "flush_leading"
    }

    public var info: StepInfo
    /// A data path (`page_id` or `data.page_id`) that splits batches.
    public var batchKey: String?
    public var window: Duration?
    /// A data path holding the window's end (timestamp, duration or window rule).
    public var untilFieldPath: String?
    public var windowType: WindowType = .fixed
    /// The cap on a sliding window.
    public var windowExtensionLimit: Duration?
    public var order: Order = .asc
    public var executionMode: ExecutionMode = .accumulate
    public var itemsMaxLimit: Int?
    public var itemsRenderLimit: Int?
}

public struct DelayStep: Sendable {
    public var info: StepInfo
    public var delayFor: Duration?
    /// A data path holding a timestamp, duration or window rule.
    public var untilFieldPath: String?
}

/// Runs the first branch whose conditions hold; the last branch, without conditions, is the default.
public struct BranchStep: Sendable {
    public struct Branch: Sendable {
        public var name: String
        public var conditions: Value?
        public var steps: [Step]
        /// The run ends after this branch.
        public var terminates: Bool
    }

    public var info: StepInfo
    public var branches: [Branch]
}

/// Stops the run when a recipient (per key) has passed `limit` runs in the window.
public struct ThrottleStep: Sendable {
    public var info: StepInfo
    public var window: Duration?
    public var windowFieldPath: String?
    public var key: String?
    public var limit: Int = 1
}

/// Fetches JSON over HTTP and merges it into `data` (or at `responsePath`). Every string is Liquid.
public struct HTTPFetchStep: Sendable {
    public var info: StepInfo
    /// Lowercase: get, post, put, patch, delete.
    public var method: String = "get"
    public var url: String
    public var headers: [KeyValue] = []
    public var queryParams: [KeyValue] = []
    /// A JSON body (Liquid) for post, put and patch.
    public var body: String?
    public var responsePath: String?
    public var signingKey: String?
}

public struct KeyValue: Sendable, Equatable {
    public var key: String
    public var value: String
}

/// Triggers another workflow for the same recipient. Every field is a Liquid string; nil means
/// Knock's default (`{{ recipient.id }}`, `{{ actor.id }}`, `{{ tenant.id }}`, `{{ data | json }}`,
/// `{{ workflow.cancellation_key }}`).
public struct TriggerWorkflowStep: Sendable {
    public var info: StepInfo
    public var workflowKey: String
    public var recipients: String?
    public var actor: String?
    public var tenant: String?
    public var data: String?
    public var cancellationKey: String?
}

/// Merges rendered values into the run's `data`: a JSON string (Knock's API form) or an object
/// of Liquid values.
public struct UpdateDataStep: Sendable {
    public var info: StepInfo
    public var data: Value
}
