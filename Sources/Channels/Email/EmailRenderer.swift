import Liquid
import Templates

/// Email (knock-spec §4): the subject; the HTML body, Markdown body or visual blocks put into the
/// step's layout by `EmailComposer` (pre-content, preview text, footer links, branding, hoisted
/// partial styles); the text part from `text_body` or from the final HTML; and the addresses
/// from the channel's settings and the step's overrides, each Liquid, `to` defaulting to
/// `recipient.email`.
struct EmailRenderer: ChannelRenderer {
    func missingRecipientData(_ step: StepRendering) -> String? {
        if step.channelSetting("to_address") != nil { return nil }
        guard let email = step.recipient?["email"]?.stringValue, !email.trimmingSpaces.isEmpty else {
            return step.recipient == nil ? "there is no recipient" : "the recipient has no email address (recipient.email)"
        }
        return nil
    }

    func render(_ step: StepRendering) throws -> MessageContent {
        let subject = try step.renderField("subject").map(Self.oneLine) ?? ""
        let (layoutKey, layout) = try self.layout(step)

        var scope = step.scope
        var html: (name: String, source: String)
        var blocks: VisualBlocks? = nil
        if let body = step.string("html_body") {
            html = (step.templateName("template.html_body"), body)
        } else if case .array(let items)? = step.template["visual_blocks"] {
            // Blocks render first, in a context of their own with the branding the layout will
            // see; the composer then puts their HTML where a body would be.
            var vars = scope.vars
            let branding = Branding.resolve(account: Self.object(vars["branding"] ?? .nil), layout: layout?.brandingOverrides ?? [:],
                                            tenant: scope.tenant)
            vars["branding"] = .object(branding)
            var blockScope = scope
            blockScope.vars = vars
            let context = RenderContext(environment: step.renderer.environment, locals: blockScope.locals, session: step.session)
            if let pre = step.settings["pre_content"]?.stringValue {
                _ = try step.render(pre, at: "template.settings.pre_content", in: context)  // for its assigns
            }
            var renderer = VisualBlocks(step: step, context: context, branding: branding)
            scope.extra[Self.blocksVariable] = .string(try renderer.html(items))
            html = (step.templateName("template.visual_blocks"), "{{ \(Self.blocksVariable) }}")
            blocks = renderer
        } else {
            step.warn("the template has neither html_body nor visual_blocks; the body is empty")
            html = (step.templateName("template"), "")
        }
        if step.template["is_mjml"]?.isTruthy == true {
            step.warn("MJML is not compiled by Missive: the HTML is shown as written")
        }

        var parts = EmailComposer.Parts(html: html)
        if let text = step.string("text_body") { parts.text = (step.templateName("template.text_body"), text) }
        if let pre = step.settings["pre_content"]?.stringValue {
            parts.preContent = (step.templateName("template.settings.pre_content"), pre)
        }
        if let preview = step.string("preview_text") {
            parts.previewText = (step.templateName("template.preview_text"), preview)
        } else if let preview = step.settings["preview_text"]?.stringValue {
            parts.previewText = (step.templateName("template.settings.preview_text"), preview)
        }

        let email = try step.renderer.composer.compose(parts, layout: layout, scope: scope, locale: step.locale, now: step.now)
        var document = email.html
        if let blocks {
            let styles = step.renderer.partials.styles(forPartials: blocks.partialsUsed + step.session.partialsUsed)
            document = HeadStyles.insert([VisualBlocks.baseCSS] + styles, into: document)
        }
        for warning in email.warnings { step.warn(warning) }

        let addresses = try Addresses(step)
        for warning in EmailChecks.warnings(subject: subject, html: document, clipBytes: step.options.emailClipBytes) {
            step.warn(warning)
        }
        return .email(EmailContent(from: addresses.from, to: addresses.to, cc: addresses.cc, bcc: addresses.bcc,
                                   replyTo: addresses.replyTo, subject: subject, html: document, text: email.text,
                                   previewText: email.previewText.map { $0.trimmingSpaces }, layoutKey: layoutKey,
                                   attachments: attachments(step)))
    }

    /// The variable the visual blocks' HTML reaches the composer through.
    static let blocksVariable = "__missive_visual_blocks"

    /// `settings.layout_key`: a key names a layout, `null` means none, and a template that does not
    /// say uses the project's `default` layout when there is one.
    private func layout(_ step: StepRendering) throws -> (String?, EmailLayout?) {
        let written = step.settings["layout_key"]
        let key: String?
        switch written {
        case .string(let k)?: key = k
        case nil: key = step.project.layouts["default"] == nil ? nil : "default"
        default: key = nil
        }
        guard let key else { return (nil, nil) }
        guard let layout = step.project.emailLayout(key) else {
            var error = LiquidError(.fileSystem, "layout '\(key)' does not exist in this project")
            let at = step.location("template.settings.layout_key")
            error.templateName = at.file
            error.line = at.line
            error.column = at.column
            throw error
        }
        return (key, layout)
    }

    /// The data at `settings.attachment_key` (default `attachments`): a list, or one attachment.
    private func attachments(_ step: StepRendering) -> [Value] {
        let key = step.settings["attachment_key"]?.stringValue ?? "attachments"
        let path = key.hasPrefix("data.") ? String(key.dropFirst(5)) : key
        var value: Value? = .object(step.scope.data)
        for part in path.split(separator: ".") {
            guard case .object(let o)? = value else { value = nil; break }
            value = o[String(part)]
        }
        switch value {
        case .array(let items)?: return items
        case .object?: return [value!]
        default: return []
        }
    }

    /// A subject is one line: line breaks become spaces, surrounding space goes.
    static func oneLine(_ s: String) -> String {
        s.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map { $0.trimmingCharacters() }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func object(_ v: Value) -> LiquidObject {
        if case .object(let o) = v { return o }
        return [:]
    }
}

/// The addresses of an email, rendered from settings and overrides.
struct Addresses {
    var from: String?
    var to: String?
    var cc: String?
    var bcc: String?
    var replyTo: String?

    init(_ step: StepRendering) throws {
        func setting(_ key: String) throws -> String? {
            guard let (source, path) = step.channelSetting(key) else { return nil }
            let value = try step.render(source, at: path).trimmingSpaces
            return value.isEmpty ? nil : value
        }
        let fromAddress = try setting("from_address")
        let fromName = try setting("from_name")
        if let fromAddress {
            from = fromName.map { Self.display(name: $0, address: fromAddress) } ?? fromAddress
        } else if fromName != nil {
            step.warn("the email has a from_name but no from_address (set it in the step's channel_overrides)")
        }
        to = try setting("to_address") ?? step.recipient?["email"]?.stringValue?.trimmingSpaces
        cc = try setting("cc_address")
        bcc = try setting("bcc_address")
        replyTo = try setting("reply_to_address")
        for (field, value) in [("to", to), ("cc", cc), ("bcc", bcc), ("reply_to", replyTo), ("from", fromAddress)] {
            guard let value else { continue }
            for address in value.split(separator: ",") where !address.contains("@") {
                step.warn("\(field) '\(address.trimmingCharacters())' does not look like an email address")
            }
        }
    }

    /// `Name <address>`, the name quoted when it has characters RFC 5322 reserves.
    static func display(name: String, address: String) -> String {
        let special = "()<>[]:;@\\,.\""
        guard name.contains(where: { special.contains($0) }) else { return "\(name) <\(address)>" }
        let escaped = name.replacingAll("\\", "\\\\").replacingAll("\"", "\\\"")
        return "\"\(escaped)\" <\(address)>"
    }
}

/// Inserting `<style>` blocks at the top of a document's `<head>`.
enum HeadStyles {
    /// Right after the opening `<head ...>`, or before everything when there is no head; a block
    /// the document already has is not added again.
    static func insert(_ blocks: [String], into html: String) -> String {
        let fresh = blocks.filter { !html.contains($0) }
        guard !fresh.isEmpty else { return html }
        let joined = fresh.joined(separator: "\n") + "\n"
        let b = Array(html.utf8)
        var i = 0
        while i + 5 < b.count {
            if b[i] == UInt8(ascii: "<"), HTMLTags.starts(b, i + 1, "head"),
               b[i + 5] == UInt8(ascii: ">") || HTMLTags.isSpace(b[i + 5]),
               let close = b[i...].firstIndex(of: UInt8(ascii: ">"))
            {
                var out = Array(b[...close])
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: joined.utf8)
                out.append(contentsOf: b[(close + 1)...].drop { $0 == UInt8(ascii: "\n") })
                return String(decoding: out, as: UTF8.self)
            }
            i += 1
        }
        return joined + html
    }
}

extension StringProtocol {
    /// Without surrounding spaces, tabs and line breaks.
    func trimmingCharacters() -> String { String(self).trimmingSpaces }

    func replacingAll(_ target: String, _ replacement: String) -> String {
        String(self).split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
