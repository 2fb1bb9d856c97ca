import Liquid
import Templates

/// Renders a workflow's channel steps for a run scope, without running the workflow's functions
/// (batch, delay, fetch...): what `missive render --workflow` prints and the preview server shows.
public struct WorkflowRenderer: Sendable {
    /// One channel step's outcome.
    public enum Outcome: Sendable {
        case message(Message)
        /// The recipient lacks what the channel needs (e.g. no email address).
        case skipped(stepRef: String, channelType: Message.ChannelType, reason: String)
        /// A template error, located in the file it came from.
        case failed(stepRef: String, channelType: Message.ChannelType, error: LiquidError)
    }

    public let project: Project

    public init(project: Project) {
        self.project = project
    }

    /// Render every channel step of `workflow` (or just `step`), in workflow order, branches included.
    public func render(workflow: String, step: String? = nil, scope: RunScope, locale: String? = nil,
                       now: Double? = nil) throws -> [Outcome]
    {
        []  // Being built: one renderer per channel.
    }
}
