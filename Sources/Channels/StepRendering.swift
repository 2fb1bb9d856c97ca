import Foundation
import Liquid
import Templates

/// One channel step being rendered: its template fields, the run scope as template variables,
/// one render session (translations' locale and tenant, frozen now, warnings), and the warnings
/// the channel renderer adds. Template errors come out located in the project's files.
final class StepRendering {
    let renderer: WorkflowRenderer
    let workflow: Workflow
    let step: ChannelStep
    let channelType: Message.ChannelType
    let scope: RunScope
    /// `scope.locals`, computed once.
    let locals: [String: Value]
    let locale: String?
    let now: Double?
    let messageID: String
    /// ISO 8601 `now`.
    let insertedAt: String
    let session: RenderSession
    private(set) var warnings: [String] = []
    /// Template names given to fields, back to the field's path in the step.
    private var fieldPaths: [String: String] = [:]

    init(renderer: WorkflowRenderer, workflow: Workflow, step: ChannelStep, channelType: Message.ChannelType, scope: RunScope,
         locale: String?, now: Double?, messageID: String, insertedAt: String)
    {
        self.renderer = renderer
        self.workflow = workflow
        self.step = step
        self.channelType = channelType
        self.scope = scope
        self.locals = scope.locals
        self.locale = locale
        self.now = now
        self.messageID = messageID
        self.insertedAt = insertedAt
        self.session = scope.session(locale: locale, now: now)
    }

    var ref: String { step.info.ref }
    var options: WorkflowRenderer.Options { renderer.options }
    var project: Project { renderer.project }

    // MARK: - fields

    var template: LiquidObject { step.template }

    /// A template field that is a string (`subject`, `text_body`).
    func string(_ key: String) -> String? { step.template[key]?.stringValue }

    /// The template's `settings` object.
    var settings: LiquidObject {
        if case .object(let o)? = step.template["settings"] { return o }
        return [:]
    }

    /// Channel-level settings from the options, then the step's `channel_overrides` on top.
    /// Each value is a Liquid source, with the path it was written at.
    func channelSetting(_ key: String) -> (source: String, path: String)? {
        if let s = step.channelOverrides?[key]?.stringValue { return (s, "channel_overrides." + key) }
        if let s = options.channelSettings[step.channelKey ?? ""]?[key]?.stringValue { return (s, "channel settings." + key) }
        return nil
    }

    func warn(_ message: String) {
        if !warnings.contains(message) { warnings.append(message) }
    }

    /// Warnings from the render session (missing translations, inline errors), after the renderer's own.
    var allWarnings: [String] {
        var out = warnings
        for w in session.warnings + session.errors.map(\.description) where !out.contains(w) { out.append(w) }
        return out
    }

    // MARK: - rendering

    /// A render context with the run scope (each Knock template field is its own template, so
    /// fields do not share assigns unless they render in one context on purpose).
    func newContext() -> RenderContext {
        RenderContext(environment: renderer.environment, locals: locals, session: session)
    }

    /// The name a field's template gets: its file when the field is a whole file, else the
    /// workflow file and the field's path (so inline fields never share a cache entry).
    func templateName(_ path: String) -> String {
        let location = self.location(path)
        let name = location.isWholeFile ? location.file : location.file + "#" + step.info.jsonPath + "." + path
        fieldPaths[name] = path
        return name
    }

    func location(_ path: String) -> SourceLocation { step.info.sources[path] ?? step.info.location }

    /// Render one Liquid source written at `path` (relative to the step: `template.subject`).
    func render(_ source: String, at path: String, in context: RenderContext? = nil) throws -> String {
        do {
            let template = try renderer.cache.template(named: templateName(path), source: source)
            var out = OutputBuffer(capacity: source.utf8.count + 64)
            try (context ?? newContext()).render(template, into: &out)
            return out.string
        } catch let error as LiquidError {
            throw locate(error)
        }
    }

    /// Render the template field `key` when it is a string.
    func renderField(_ key: String) throws -> String? {
        guard let source = string(key) else { return nil }
        return try render(source, at: "template." + key)
    }

    /// Render a template setting (`settings.pre_content`) when it is a string.
    func renderSetting(_ key: String) throws -> String? {
        guard let source = settings[key]?.stringValue else { return nil }
        return try render(source, at: "template.settings." + key)
    }

    // MARK: - errors

    /// Point an error at the project file it is in: a field's file (the workflow.json line for an
    /// inline value), a partial's or a layout's file.
    func locate(_ error: LiquidError) -> LiquidError {
        var e = error
        guard let name = e.templateName else { return e }
        if let path = fieldPaths[name] {
            let location = self.location(path)
            e.templateName = location.file
            if !location.isWholeFile {
                let jsonPath = step.info.jsonPath + "." + path
                let field = Step.channel(step).liquidFields.first { $0.jsonPath == jsonPath }
                let at: (line: Int?, column: Int?, note: String?) = field?.projectPosition(line: e.line, column: e.column)
                    ?? (location.line, location.column, nil)
                e.line = at.line
                e.column = at.column
                e.sourceLine = at.line.flatMap { StepRendering.line($0, ofFile: location.file, in: project.root) }
                e.message += " (in \(jsonPath)\(at.note.map { ", " + $0 } ?? ""))"
            }
        } else if let partial = project.partials[name] {
            e.templateName = partial.contentSource.file
        } else if name.hasPrefix("layouts/"), case let parts = name.split(separator: "/"), parts.count == 3,
                  let layout = project.layouts[String(parts[1])], let source = layout.sources[String(parts[2])]
        {
            e.templateName = source.file
        }
        return e
    }

    /// A line of a project file, to show under an error (read only when an error needs it).
    static func line(_ number: Int, ofFile file: String, in root: String) -> String? {
        guard let text = try? String(contentsOfFile: root + "/" + file, encoding: .utf8) else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1]).trimmingCharacters(in: CharacterSet(charactersIn: "\r"))
    }

    /// An error for output that is not valid JSON after rendering (a chat `json_body`, push
    /// `payload_overrides`, a webhook body): names the step and field, and points at the line
    /// and column of the rendered text.
    func invalidJSON(_ error: JSONParser.Error, rendered: String, path: String) -> LiquidError {
        var e = LiquidError(.render, "step \(ref), field \(path): the rendered JSON is invalid at line \(error.line), column \(error.column): \(error.message)")
        e.templateName = location(path).file + " (\(path) as rendered)"
        e.line = error.line
        e.column = error.column
        let lines = rendered.split(separator: "\n", omittingEmptySubsequences: false)
        if error.line >= 1 && error.line <= lines.count { e.sourceLine = String(lines[error.line - 1]) }
        return e
    }

    /// Parse rendered JSON, failing the step with a located error.
    func parseJSON(_ rendered: String, path: String) throws -> Value {
        do {
            return try JSONParser.parse(rendered)
        } catch let error as JSONParser.Error {
            throw invalidJSON(error, rendered: rendered, path: path)
        }
    }

    // MARK: - recipient

    var recipient: LiquidObject? {
        if case .object(let o) = scope.recipient { return o }
        return nil
    }

    /// The recipient's channel data for this step's channel: `recipient.channel_data[<channel_key>]`,
    /// or under the channel type (`push`, `chat`) when there is none for the key.
    var channelData: LiquidObject? {
        guard case .object(let all)? = recipient?["channel_data"] else { return nil }
        for key in [step.channelKey, channelType.rawValue].compactMap({ $0 }) {
            if case .object(let data)? = all[key] { return data }
        }
        return nil
    }
}
