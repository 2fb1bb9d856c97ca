import Channels
import Liquid
import Templates

/// The rendered steps of one workflow: a strip of its steps in order (channel steps are tabs,
/// functions like delay and batch are markers between them), and a panel per channel step with
/// the message, the reason it was skipped, or the error that stopped it.
enum StageView {
    static func render(_ workflow: Workflow, _ result: WorkflowRender, selected: String?, project: Project,
                       now: Double, custom: Bool) -> String
    {
        let steps = workflow.allSteps
        let channelRefs = steps.compactMap { step -> String? in
            if case .channel = step { return step.ref }
            return nil
        }
        let current = selected.flatMap { s in channelRefs.contains(s) ? s : nil } ?? channelRefs.first
        var byRef: [String: WorkflowRenderer.Outcome] = [:]
        for outcome in result.outcomes { byRef[outcome.stepRef] = outcome }
        let context = ChannelViews.Context(appName: project.config.vars["app_name"]?.stringValue ?? "App", now: now)

        var tabs = ""
        var panels = ""
        for step in steps {
            guard case .channel(let channel) = step else {
                tabs += "<span class=\"flow-step\" title=\"\(HTML.escape(step.info?.name ?? step.type))\">\(Icons.step(type: step.type, channelType: nil))\(HTML.escape(functionLabel(step)))</span>"
                continue
            }
            let ref = step.ref
            let type = channel.channelType?.rawValue ?? "channel"
            let outcome = byRef[ref]
            let isCurrent = ref == current
            tabs += "<a class=\"tab\" role=\"tab\" href=\"\(HTML.link([("workflow", workflow.key), ("step", ref)]))\" data-step=\"\(HTML.escape(ref))\" aria-selected=\"\(isCurrent)\">"
                + Icons.step(type: "channel", channelType: type)
                + "<span class=\"tab-label\"><b>\(HTML.escape(channelName(type)))</b><small>\(HTML.escape(ref))</small></span>\(statusIcon(outcome))</a>"
            panels += "<section class=\"panel\" role=\"tabpanel\" data-step=\"\(HTML.escape(ref))\"\(isCurrent ? "" : " hidden")>"
                + panelHead(channel, type: type, project: project)
                + panelBody(outcome, standIn: result.standIns[ref], type: type, project: project, context: context)
                + "</section>"
        }
        if channelRefs.isEmpty {
            panels = "<div class=\"empty\"><p>This workflow has no channel steps: nothing to preview.</p></div>"
        }
        let banner = result.error.map { ErrorView.liquid($0, project: project, title: "The workflow did not render") } ?? ""
        return """
            <section id="stage" class="stage" data-workflow="\(HTML.escape(workflow.key))" data-step="\(HTML.escape(current ?? ""))" data-custom="\(custom)">
            <nav class="flow" role="tablist" aria-label="Steps">\(tabs)</nav>\(banner)\(panels)</section>
            """
    }

    static func channelName(_ type: String) -> String {
        switch type {
        case "email": return "Email"
        case "sms": return "SMS"
        case "push": return "Push"
        case "chat": return "Chat"
        case "in_app_feed": return "In-app feed"
        case "in_app_guide": return "In-app guide"
        case "http": return "Webhook"
        default: return type
        }
    }

    static func functionLabel(_ step: Step) -> String {
        switch step {
        case .delay(let d):
            if let f = d.delayFor { return "\(f.value) \(f.value == 1 ? String(f.unit.rawValue.dropLast()) : f.unit.rawValue)" }
            return "delay"
        case .batch(let b):
            if let w = b.window { return "batch \(w.value) \(w.unit.rawValue)" }
            return "batch"
        case .branch(let b): return "branch ×\(b.branches.count)"
        case .throttle: return "throttle"
        case .httpFetch: return "fetch"
        case .triggerWorkflow(let t): return "→ \(t.workflowKey)"
        case .updateData: return "update data"
        default: return step.type
        }
    }

    static func statusIcon(_ outcome: WorkflowRenderer.Outcome?) -> String {
        switch outcome {
        case .message(let m)?:
            return m.warnings.isEmpty ? "" : "<span class=\"tab-status warn\" title=\"\(m.warnings.count) warning(s)\">\(Icons.svg("warning", size: 13))</span>"
        case .skipped?: return "<span class=\"tab-status skip\" title=\"Skipped\">\(Icons.svg("skip", size: 13))</span>"
        case .failed?: return "<span class=\"tab-status bad\" title=\"Error\">\(Icons.svg("error", size: 13))</span>"
        case nil: return ""
        }
    }

    static func panelHead(_ step: ChannelStep, type: String, project: Project) -> String {
        var meta: [String] = []
        if let key = step.channelKey ?? step.channelGroupKey { meta.append("channel <code>\(HTML.escape(key))</code>") }
        let file = step.info.sources.values.map(\.file).filter { !$0.hasSuffix("workflow.json") }.sorted().first
        if let file { meta.append("<code>\(HTML.escape(file))</code>") }
        var conditions = ""
        if let c = step.info.conditions {
            conditions = "<div class=\"conditions\" title=\"Step conditions are checked when the workflow runs, not in the preview\">Sent only when <code>\(HTML.escape(JSONWriter.string(c)))</code></div>"
        }
        let name = step.info.name.map { " · " + HTML.escape($0) } ?? ""
        return "<div class=\"panel-head\"><h2>\(HTML.escape(channelName(type)))\(name)</h2><div class=\"panel-meta\">\(meta.joined(separator: " · "))</div>\(conditions)</div>"
    }

    static func panelBody(_ outcome: WorkflowRenderer.Outcome?, standIn: WorkflowRenderer.Outcome?, type: String, project: Project,
                          context: ChannelViews.Context) -> String
    {
        switch outcome {
        case .message(let m)?:
            return ChannelViews.message(m.json(), context)
        case .skipped(_, _, let reason)? where standIn != nil:
            return "<div class=\"note skip-note\">\(Icons.svg("skip", size: 14))<span><b>Skipped for this recipient:</b> \(HTML.escape(reason)). "
                + "Shown with placeholder channel data; add it to the sample to preview the real thing.</span></div>"
                + panelBody(standIn, standIn: nil, type: type, project: project, context: context)
        case .skipped(_, _, let reason)?:
            return "<div class=\"empty skipped\">\(Icons.svg("skip", size: 22))<h3>Skipped</h3><p>\(HTML.escape(reason))</p>"
                + "<p class=\"muted\">Edit the sample data (recipient, channel data) to preview this step.</p></div>"
        case .failed(_, _, let error)?:
            return ErrorView.liquid(error, project: project)
        case nil:
            return "<div class=\"empty\">\(Icons.svg(type, size: 22))<h3>Nothing rendered</h3><p class=\"muted\">The channel renderer returned no message for this step.</p></div>"
        }
    }
}
