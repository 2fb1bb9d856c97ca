import Liquid
import Templates

/// Renders a workflow's channel steps for a run scope, without running the workflow's functions
/// (batch, delay, fetch...): what `missive render --workflow` prints and the preview server shows.
///
/// Each channel step becomes a `Message` with its typed content and warnings, is skipped (with
/// the reason) when the recipient lacks what the channel needs, or fails with a template error
/// located in the project's files. Step conditions are not evaluated: that is the workflow
/// engine's job. Built once per project, it parses each template once and is safe to share.
public struct WorkflowRenderer: Sendable {
    /// One channel step's outcome.
    public enum Outcome: Sendable {
        case message(Message)
        /// The recipient lacks what the channel needs (e.g. no email address).
        case skipped(stepRef: String, channelType: Message.ChannelType, reason: String)
        /// A template error, located in the file it came from.
        case failed(stepRef: String, channelType: Message.ChannelType, error: LiquidError)

        public var stepRef: String {
            switch self {
            case .message(let m): return m.stepRef
            case .skipped(let ref, _, _), .failed(let ref, _, _): return ref
            }
        }

        public var channelType: Message.ChannelType {
            switch self {
            case .message(let m): return m.channelType
            case .skipped(_, let type, _), .failed(_, let type, _): return type
            }
        }

        /// The message JSON for a message; for a skipped or failed step, the step, its status
        /// and the reason or error (file, line, column and the compiler-style description).
        public func json() -> Value {
            switch self {
            case .message(let m):
                return m.json()
            case .skipped(let ref, let type, let reason):
                return .object(["step_ref": .string(ref), "channel_type": .string(type.rawValue), "status": "skipped",
                                "reason": .string(reason)])
            case .failed(let ref, let type, let error):
                var e = LiquidObject()
                e["kind"] = .string(error.kind.rawValue)
                e["message"] = .string(error.message)
                e["file"] = error.templateName.json
                e["line"] = error.line.map(Value.int) ?? .nil
                e["column"] = error.column.map(Value.int) ?? .nil
                e["description"] = .string(error.description)
                return .object(["step_ref": .string(ref), "channel_type": .string(type.rawValue), "status": "failed",
                                "error": .object(e)])
            }
        }
    }

    /// What a caller asked for that the project does not have.
    public struct RenderError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    public let project: Project
    public let options: Options
    let environment: Environment
    let cache: TemplateCache
    let partials: KnockPartialLoader
    let composer: EmailComposer

    public init(project: Project) {
        self.init(project: project, options: Options())
    }

    public init(project: Project, options: Options) {
        self.project = project
        self.options = options
        let partials = project.knockPartials
        var environment = project.environment(partials: partials)
        environment.renderErrors = options.renderErrors
        self.partials = partials
        self.environment = environment
        self.cache = TemplateCache(environment: environment)
        self.composer = EmailComposer(environment: environment, partials: partials)
    }

    /// Render every channel step of `workflow` (or just `step`), in workflow order, branches included.
    /// - Parameters:
    ///   - scope: the run's variables; the project's `vars` fill in those it lacks, and
    ///     `workflow`, `timestamp` and `current_message` are filled in when empty.
    ///   - locale: for translations; default the recipient's `locale`, then the project's default.
    ///   - now: Unix seconds for `"now"`, `timestamp` and message times; default the clock.
    /// - Throws: `RenderError` when the workflow or step does not exist. Template errors do not
    ///   throw: they are `.failed` outcomes.
    public func render(workflow: String, step: String? = nil, scope: RunScope, locale: String? = nil,
                       now: Double? = nil) throws -> [Outcome]
    {
        guard let definition = project.workflows[workflow] else {
            let known = project.workflows.keys.sorted().joined(separator: ", ")
            throw RenderError(description: "workflow '\(workflow)' does not exist in this project (it has: \(known))")
        }
        var steps: [ChannelStep] = definition.allSteps.compactMap {
            if case .channel(let c) = $0 { return c }
            return nil
        }
        if let step {
            steps = steps.filter { $0.info.ref == step }
            if steps.isEmpty {
                let what = definition.step(ref: step) == nil ? "has no step" : "has no channel step"
                throw RenderError(description: "workflow '\(workflow)' \(what) '\(step)'")
            }
        }
        let now = now ?? LiquidDate.currentTime()
        let base = baseScope(scope, workflow: definition, now: now)
        let locale = locale ?? scope.recipientLocale
        return steps.compactMap { render(step: $0, of: definition, scope: base, locale: locale, now: now) }
    }

    /// The run scope with what a render adds: the project's vars under the caller's, the
    /// workflow, the time.
    func baseScope(_ scope: RunScope, workflow: Workflow, now: Double) -> RunScope {
        var scope = scope
        for (k, v) in project.config.vars.pairs where scope.vars[k] == nil { scope.vars[k] = v }
        if scope.workflow.isEmpty {
            scope.workflow = [
                "id": .string(workflow.key), "key": .string(workflow.key), "name": .string(workflow.name),
                "categories": .array(workflow.categories.map(Value.string)),
                "commercial": .bool(workflow.settings.isCommercial),
                "override_preferences": .bool(workflow.settings.overridePreferences),
            ]
        }
        if scope.timestamp == nil { scope.timestamp = Self.iso8601(now) }
        return scope
    }

    /// One step; nil for a step Missive cannot render (no channel type, or an in-app guide).
    func render(step: ChannelStep, of workflow: Workflow, scope: RunScope, locale: String?, now: Double) -> Outcome? {
        guard let projectType = step.channelType, let type = Message.ChannelType(projectType) else { return nil }
        let insertedAt = Self.iso8601(now)
        let id = Self.messageID(workflow: workflow.key, step: step.info.ref, scope: scope, now: now)
        var scope = scope
        if scope.currentMessage.isEmpty {
            scope.currentMessage = ["id": .string(id), "inserted_at": .string(insertedAt), "updated_at": .string(insertedAt)]
        }
        let rendering = StepRendering(renderer: self, workflow: workflow, step: step, channelType: type, scope: scope,
                                      locale: locale, now: now, messageID: id, insertedAt: insertedAt)
        let renderer = type.renderer
        if let missing = renderer.missingRecipientData(rendering) {
            switch options.missingChannelData {
            case .skip: return .skipped(stepRef: step.info.ref, channelType: type, reason: missing)
            case .render: rendering.warn("Knock would skip this step: \(missing)")
            }
        }
        do {
            let content = try renderer.render(rendering)
            return .message(Message(id: id, channelType: type, channelKey: step.channelKey ?? step.channelGroupKey ?? "",
                                    workflowKey: workflow.key, stepRef: step.info.ref, recipient: scope.recipient,
                                    actor: scope.actor, tenant: scope.tenant, content: content, warnings: rendering.allWarnings,
                                    locale: locale ?? project.config.defaultLocale, insertedAt: insertedAt))
        } catch let error as LiquidError {
            return .failed(stepRef: step.info.ref, channelType: type, error: rendering.locate(error))
        } catch {
            return .failed(stepRef: step.info.ref, channelType: type, error: LiquidError(.render, "\(error)"))
        }
    }

    /// `2026-08-28T14:05:00Z`.
    static func iso8601(_ seconds: Double) -> String {
        let date = LiquidDate.utc(unixSeconds: wholeSeconds(seconds))
        return date.format("%Y-%m-%dT%H:%M:%SZ")
    }

    /// Unix seconds as a whole number; a time no calendar can show (NaN, ±1e300) is clamped.
    static func wholeSeconds(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return 0 }
        return Int(max(-1e14, min(seconds, 1e14)).rounded(.down))
    }

    /// A message id that is the same for the same workflow, step, recipient and time, so
    /// previews and golden files are stable.
    static func messageID(workflow: String, step: String, scope: RunScope, now: Double) -> String {
        var recipientID = ""
        if case .object(let r) = scope.recipient { recipientID = r["id"]?.liquidString ?? "" }
        let text = [workflow, step, recipientID, String(wholeSeconds(now))].joined(separator: "\u{1F}")
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 {
            hash ^= UInt64(b)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return "msg_" + String(repeating: "0", count: 16 - hex.count) + hex
    }
}

extension WorkflowRenderer {
    /// Choices in how steps are rendered and checked.
    public struct Options: Sendable {
        public enum MissingChannelData: Sendable {
            /// Skip the step, as Knock does.
            case skip
            /// Render it anyway, with a warning (to preview a step the sample recipient could not receive).
            case render
        }

        public var missingChannelData: MissingChannelData = .skip
        /// Warn when an SMS needs more segments than this. Default 2.
        public var smsSegmentBudget = 2
        /// APNs and FCM refuse payloads over 4 KB.
        public var pushPayloadLimit = 4096
        /// Gmail clips messages whose HTML is over 102 KB.
        public var emailClipBytes = 102 * 1024
        /// A Liquid error fails the step (`.raise`, as Knock does), or is written into the
        /// output and listed in the warnings (`.inline`, as Shopify does).
        public var renderErrors: RenderErrorPolicy = .raise
        /// Channel-level settings by channel key (`from_address`, `from_name`, `reply_to_address`,
        /// `cc_address`, `bcc_address`, `to_address`, ...), Liquid strings; a step's
        /// `channel_overrides` win over them.
        public var channelSettings: [String: LiquidObject] = [:]
        /// The markup of each chat channel, by channel key; unlisted keys are guessed from the key
        /// (`slack` → Slack mrkdwn, `google-chat` → Google Chat, else Markdown as written).
        public var chatMarkup: [String: ChatMarkup] = [:]

        public init() {}
    }
}
