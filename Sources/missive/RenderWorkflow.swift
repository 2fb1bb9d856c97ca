import ArgumentParser
import Channels
import Liquid
import Templates

/// `missive render --workflow KEY`: every channel step of a workflow rendered for sample data,
/// printed per channel for a person, or as message JSON with `--json`.
extension RenderCommand {
    func renderWorkflow(_ key: String) throws {
        let project = try Project.load(root: project ?? ".")
        for problem in project.errors { IO.error(problem.description) }
        let sample = project.samples[key]

        var scope = RunScope()
        if let sample {
            scope.data = sample.data
            scope.recipient = sample.recipient.map(Value.object) ?? .nil
            scope.actor = sample.actor.map(Value.object) ?? .nil
            scope.tenant = sample.tenant.map(Value.object) ?? .nil
        }
        if let data {
            let bytes = data == "-" ? IO.readStdin() : try IO.readFile(data)
            guard case .object(let o) = try JSONParser.parse(bytes) else { throw CLIError("--data must hold a JSON object") }
            let given = RunScope(json: o)
            scope.data = given.data
            for (k, v) in given.vars.pairs { scope.vars[k] = v }
            if !given.recipient.isNil { scope.recipient = given.recipient }
            if !given.actor.isNil { scope.actor = given.actor }
            if !given.tenant.isNil { scope.tenant = given.tenant }
            scope.workflow = given.workflow
            scope.timestamp = given.timestamp
            scope.activities = given.activities
            scope.actors = given.actors
            scope.totalActivities = given.totalActivities
            scope.totalActors = given.totalActors
        }
        if let recipient { scope.recipient = try entity(recipient, role: "recipient", in: project) }
        if let actor { scope.actor = try entity(actor, role: "actor", in: project) }
        if let tenant { scope.tenant = try entity(tenant, role: "tenant", in: project) }

        var options = WorkflowRenderer.Options()
        if ignoreChannelData { options.missingChannelData = .render }
        let renderer = WorkflowRenderer(project: project, options: options)
        let outcomes: [WorkflowRenderer.Outcome]
        do {
            outcomes = try renderer.render(workflow: key, step: step, scope: scope, locale: locale ?? sample?.locale,
                                           now: try nowSeconds())
        } catch let error as WorkflowRenderer.RenderError {
            throw CLIError(error.description)
        }

        if json {
            IO.write(JSONWriter.pretty(.array(outcomes.map { $0.json() })))
        } else {
            IO.write(outcomes.map(OutcomeText.text).joined(separator: "\n"))
        }
        if outcomes.contains(where: { if case .failed = $0 { return true } else { return false } }) { throw ExitCode(1) }
    }

    /// `--now`: ISO 8601 or Unix seconds; nil for the clock.
    func nowSeconds() throws -> Double? {
        guard let now else { return nil }
        guard let date = LiquidDate.parse(string: now, now: 0) else { throw CLIError("--now '\(now)' is not a time (use ISO 8601)") }
        return Double(date.unixSeconds)
    }

    /// `--recipient`, `--actor`, `--tenant`: a JSON file, or an id. An id is looked up among the
    /// people and tenants of the project's sample data; an unknown id stands for itself.
    func entity(_ argument: String, role: String, in project: Project) throws -> Value {
        if argument.hasSuffix(".json") || argument.contains("/") || argument == "-" {
            let bytes = argument == "-" ? IO.readStdin() : try IO.readFile(argument)
            guard case .object(let o) = try JSONParser.parse(bytes) else { throw CLIError("--\(role) must hold a JSON object") }
            return .object(o)
        }
        for key in project.samples.keys.sorted() {
            let s = project.samples[key]!
            let candidates = role == "tenant" ? [s.tenant] : [s.recipient, s.actor]
            for case let candidate? in candidates where candidate["id"]?.stringValue == argument { return .object(candidate) }
        }
        IO.error("note: no sample data has a \(role == "tenant" ? "tenant" : "user") '\(argument)'; using just its id")
        return .object(["id": .string(argument)])
    }
}

/// An outcome for a person: a header line per step, then the fields of its channel.
enum OutcomeText {
    static func text(_ outcome: WorkflowRenderer.Outcome) -> String {
        switch outcome {
        case .skipped(let ref, let type, let reason):
            return header(ref, type.rawValue, nil) + "skipped: \(reason)\n"
        case .failed(let ref, let type, let error):
            return header(ref, type.rawValue, nil) + "failed:\n" + indent(error.description) + "\n"
        case .message(let m):
            var out = header(m.stepRef, m.channelType.rawValue, m.channelKey)
            out += fields(m.content)
            if !m.warnings.isEmpty {
                out += "warnings:\n" + m.warnings.map { "  - " + $0.split(separator: "\n").joined(separator: "\n    ") }.joined(separator: "\n") + "\n"
            }
            return out
        }
    }

    static func header(_ ref: String, _ type: String, _ key: String?) -> String {
        let title = "── \(ref) · \(type)" + (key.map { " (\($0))" } ?? "") + " "
        return title + String(repeating: "─", count: max(3, 72 - title.count)) + "\n"
    }

    static func fields(_ content: MessageContent) -> String {
        var rows: [(String, String)] = []
        var blocks: [(String, String)] = []
        switch content {
        case .email(let e):
            rows = [("From", e.from ?? "—"), ("To", e.to ?? "—")]
            for (label, value) in [("Cc", e.cc), ("Bcc", e.bcc), ("Reply-To", e.replyTo)] { if let value { rows.append((label, value)) } }
            rows.append(("Subject", e.subject))
            if let preview = e.previewText, !preview.isEmpty { rows.append(("Preview", preview)) }
            rows.append(("Layout", e.layoutKey ?? "none"))
            rows.append(("HTML", "\(e.html.utf8.count) bytes (--json shows it)"))
            if !e.attachments.isEmpty { rows.append(("Attachments", "\(e.attachments.count)")) }
            blocks.append(("Text", e.text))
        case .sms(let s):
            rows = [("To", s.to ?? "—"),
                    ("Encoding", "\(s.encoding == .gsm7 ? "GSM-7" : "UCS-2") · \(s.units) units · \(s.segments) segment\(s.segments == 1 ? "" : "s")")]
            blocks.append(("Body", s.body))
        case .push(let p):
            rows = [("Token", p.token ?? "—"), ("Delivery", p.deliveryType.rawValue)]
            if let title = p.title { rows.append(("Title", title)) }
            if let body = p.body { rows.append(("Body", body)) }
            rows.append(("Payload", "\(p.provider) · \(p.payloadBytes) bytes"))
            blocks.append(("Data", JSONWriter.pretty(.object(p.data))))
        case .chat(let c):
            rows = [("Markup", c.provider.markupName)]
            if let summary = c.summary { rows.append(("Summary", summary)) }
            if let text = c.text { blocks.append(("Text", text)) }
            if let json = c.jsonContent { blocks.append(("JSON", JSONWriter.pretty(json))) }
        case .inAppFeed(let f):
            for block in f.blocks {
                switch block {
                case .markdown(let name, _, let rendered): blocks.append((name, rendered))
                case .text(let name, _, let rendered): rows.append((name, rendered))
                case .buttonSet(let name, let buttons):
                    rows.append((name, buttons.map { "[\($0.label)] → \($0.action)" }.joined(separator: "  ")))
                }
            }
        case .http(let h):
            rows = [("Request", "\(h.method) \(h.url)")]
            for header in h.headers { rows.append((header.key, header.value)) }
            if let body = h.body { blocks.append(("Body", body)) }
        }
        let width = (rows.map(\.0.count).max() ?? 0) + 2
        var out = rows.map { ($0.0 + ":").padding(width) + $0.1 }.joined(separator: "\n")
        if !rows.isEmpty { out += "\n" }
        for (label, text) in blocks {
            out += "\(label):\n" + indent(text.hasSuffix("\n") ? String(text.dropLast()) : text) + "\n"
        }
        return out
    }

    static func indent(_ s: String) -> String {
        s.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }
}

extension String {
    func padding(_ width: Int) -> String { count >= width ? self + " " : self + String(repeating: " ", count: width - count) }
}
