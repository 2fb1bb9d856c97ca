import Liquid
import Templates

/// One rendered message as the page shows it, per channel type, from the message's JSON
/// (`message.json()`): an email in a sandboxed frame, an SMS bubble, a lock-screen push, a chat
/// post, a feed cell, a webhook request. Everything else of the message is escaped text.
enum ChannelViews {
    struct Context {
        /// The product's name for push and chat headers (`vars.app_name`).
        var appName: String
        var now: Double
    }

    static func message(_ json: Value, _ context: Context) -> String {
        let content = json["content"]
        let body: String
        switch (json["channel_type"].text ?? "", content) {
        case (_, .nil): body = noContent()
        case ("email", _): body = email(content)
        case ("sms", _): body = sms(content)
        case ("push", _): body = push(content, json, context)
        case ("chat", _): body = chat(content, context)
        case ("in_app_feed", _): body = feed(content, json)
        case ("http", _): body = http(content)
        default: body = generic(content)
        }
        return body + warnings(json["warnings"].items.compactMap(\.text)) + jsonDetails(json)
    }

    // MARK: email

    /// Gmail clips a message whose HTML is larger than this.
    static let gmailClipBytes = 102 * 1024

    static func email(_ c: Value) -> String {
        let subject = c["subject_line"].text ?? c["subject"].text ?? ""
        let html = c["html_body"].text ?? c["html"].text ?? ""
        let text = c["text_body"].text ?? c["text"].text ?? ""
        var rows = ""
        for (label, key) in [("From", "from"), ("To", "to"), ("Cc", "cc"), ("Bcc", "bcc"), ("Reply-To", "reply_to")] {
            guard let v = c[key].nonEmptyText else { continue }
            rows += "<div class=\"env-row\"><dt>\(label)</dt><dd>\(HTML.escape(v))</dd></div>"
        }
        if let preview = c["preview_text"].nonEmptyText {
            rows += "<div class=\"env-row\"><dt>Preview</dt><dd class=\"env-preview\">\(HTML.escape(preview))</dd></div>"
        }
        if let layout = c["layout_key"].nonEmptyText {
            rows += "<div class=\"env-row\"><dt>Layout</dt><dd><a href=\"\(HTML.link([("layout", layout)]))\">\(HTML.escape(layout))</a></dd></div>"
        }
        let attachments = c["attachments"].items
        if !attachments.isEmpty {
            let names = attachments.map { $0["name"].text ?? $0.text ?? "attachment" }
            rows += "<div class=\"env-row\"><dt>Attachments</dt><dd>\(names.map { "<span class=\"chip\">\(Icons.svg("file", size: 12)) \(HTML.escape($0))</span>" }.joined(separator: " "))</dd></div>"
        }
        let subjectHTML = subject.isEmpty ? "<span class=\"muted\">(no subject)</span>" : HTML.escape(subject)
        return """
            <div class="email" data-view="html" data-device="desktop" data-scheme="light">
            <div class="envelope"><div class="env-subject" data-testid="email-subject">\(subjectHTML)</div><dl>\(rows)</dl></div>
            <div class="toolbar">
            \(segmented("view", [("html", "HTML", nil), ("text", "Text", nil), ("source", "Source", nil)], label: "Part"))
            \(segmented("device", [("desktop", "Desktop", "desktop"), ("mobile", "Mobile", "mobile")], label: "Width", only: "html"))
            \(segmented("scheme", [("light", "Light", "sun"), ("dark", "Dark", "moon")], label: "Colour scheme", only: "html"))
            <span class="grow"></span>\(sizeMeter(html.utf8.count))
            </div>
            <div class="view view-html"><div class="device-frame">\(HTML.sandboxedFrame(html, title: "Email: " + subject, classes: "email-frame"))</div></div>
            <div class="view view-text"><pre class="plain">\(HTML.escape(text))</pre></div>
            <div class="view view-source">\(SourceView.numbered(html))</div>
            </div>
            """
    }

    static func sizeMeter(_ bytes: Int) -> String {
        let ratio = Double(bytes) / Double(gmailClipBytes)
        let level = ratio >= 1 ? "bad" : ratio >= 0.8 ? "warn" : "ok"
        let title = ratio >= 1 ? "Gmail clips messages over 102 KB: the end of this one will be hidden behind “View entire message”."
            : "Gmail clips messages over 102 KB."
        return "<span class=\"size size-\(level)\" title=\"\(HTML.escape(title))\"><span class=\"size-bar\"><span style=\"width:\(min(100, Int(ratio * 100)))%\"></span></span>"
            + "\(formatBytes(bytes)) <span class=\"muted\">of 102 KB</span></span>"
    }

    static func formatBytes(_ n: Int) -> String {
        guard n >= 1024 else { return "\(n) B" }
        let tenths = (n * 10 + 512) / 1024
        return "\(tenths / 10).\(tenths % 10) KB"
    }

    static func segmented(_ name: String, _ options: [(value: String, label: String, icon: String?)], label: String, only: String? = nil) -> String {
        var out = "<div class=\"seg\(only.map { " only-" + $0 } ?? "")\" role=\"group\" aria-label=\"\(label)\">"
        for (i, o) in options.enumerated() {
            let icon = o.icon.map { Icons.svg($0, size: 14) + " " } ?? ""
            out += "<button type=\"button\" data-set=\"\(name)\" data-value=\"\(o.value)\" aria-pressed=\"\(i == 0)\">\(icon)\(o.label)</button>"
        }
        return out + "</div>"
    }

    // MARK: sms

    static func sms(_ c: Value) -> String {
        let body = c["body"].text ?? ""
        var facts: [(String, String)] = []
        if let e = c["encoding"].nonEmptyText { facts.append(("Encoding", e)) }
        if let s = c["segments"].text { facts.append(("Segments", s)) }
        if let u = c["units"].text { facts.append(("Characters", u)) } else { facts.append(("Characters", String(body.count))) }
        let nonGSM = c["non_gsm_characters"].items.compactMap(\.text)
        if !nonGSM.isEmpty { facts.append(("Not in GSM-7", nonGSM.joined(separator: " "))) }
        return """
            <div class="channel-row"><div class="phone"><div class="phone-notch"></div>
            <div class="sms-head"><div class="avatar">\(Icons.svg("sms", size: 18))</div><div class="sms-to">\(HTML.escape(c["to"].nonEmptyText ?? "Recipient"))</div></div>
            <div class="sms-thread"><div class="bubble">\(HTML.escape(body))</div><div class="sms-meta">Delivered</div></div></div>
            \(factList(facts))</div>
            """
    }

    // MARK: push

    static func push(_ c: Value, _ message: Value, _ context: Context) -> String {
        let silent = c["delivery_type"].text == "silent"
        var facts: [(String, String)] = []
        if let d = c["delivery_type"].nonEmptyText { facts.append(("Delivery", d)) }
        if let p = c["provider"].nonEmptyText { facts.append(("Provider", p)) }
        if let b = c["payload_bytes"].text { facts.append(("Payload", "\(b) of 4096 bytes")) }
        let tokens = c["tokens"].items.compactMap(\.text)
        facts.append(("Device tokens", tokens.isEmpty ? (c["token"].nonEmptyText ?? "none") : String(tokens.count)))
        let card = silent
            ? "<div class=\"notif silent\">Silent push: no banner, data only.</div>"
            : """
            <div class="notif"><div class="notif-icon">\(HTML.escape(String(context.appName.prefix(1))))</div><div class="notif-main">
            <div class="notif-head"><span>\(HTML.escape(context.appName.uppercased()))</span><span>now</span></div>
            <div class="notif-title">\(HTML.escape(c["title"].text ?? ""))</div><div class="notif-body">\(HTML.escape(c["body"].text ?? ""))</div></div></div>
            """
        let payload = c["payload"].isNil ? c["data"] : c["payload"]
        return """
            <div class="channel-row"><div class="lockscreen"><div class="ls-time">9:41</div><div class="ls-date">\(HTML.escape(lockDate(context.now)))</div>\(card)</div>
            <div class="side-col">\(factList(facts))<h4>Payload</h4><pre class="code">\(HTML.escape(PrettyJSON.string(payload)))</pre></div></div>
            """
    }

    static func lockDate(_ t: Double) -> String {
        let days = Int((t / 86400).rounded(.down))
        let weekday = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"][((days % 7) + 7) % 7]
        let iso = PreviewInput.formatTime(t)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
        let month = Int(iso.dropFirst(5).prefix(2)) ?? 1
        let day = Int(iso.dropFirst(8).prefix(2)) ?? 1
        return "\(weekday), \(months[max(0, min(11, month - 1))]) \(day)"
    }

    // MARK: chat

    static func chat(_ c: Value, _ context: Context) -> String {
        let template = c["template"]
        let markdown = template["blocks"].items.first { $0["type"].text == "markdown" }?["content"].text ?? c["markdown"].text
        let json = template["json_content"].isNil ? c["blocks"] : template["json_content"]
        let summary = template["summary"].nonEmptyText ?? c["summary"].nonEmptyText
        var facts: [(String, String)] = []
        if let p = c["metadata"]["provider"].nonEmptyText { facts.append(("Provider", p)) }
        if let m = c["markup"].nonEmptyText { facts.append(("Markup", m)) }
        if let s = summary { facts.append(("Summary", s)) }
        var body = ""
        if let markdown {
            let html = Markdown.html(markdown, options: .init(trimTrailingNewline: true, allowsRawHTML: false))
            body = HTML.sandboxedFrame(HTML.snippetDocument(html), title: "Chat message", classes: "snippet-frame",
                                       height: HTML.snippetHeight(html, charactersPerLine: 70))
        } else if !json.isNil {
            body = "<p class=\"muted\">Blocks only: see the JSON beside.</p>"
        }
        var side = factList(facts)
        if let text = c["text"].nonEmptyText {
            side += "<h4>As the provider receives it</h4><pre class=\"plain small\">\(HTML.escape(text))</pre>"
        }
        if !json.isNil { side += "<h4>Blocks (json_body)</h4><pre class=\"code\">\(HTML.escape(PrettyJSON.string(json)))</pre>" }
        return """
            <div class="channel-row"><div class="chat-window"><div class="chat-head"># notifications</div>
            <div class="chat-msg"><div class="avatar square">\(HTML.escape(String(context.appName.prefix(1))))</div><div class="chat-main">
            <div class="chat-meta"><b>\(HTML.escape(context.appName))</b> <span class="app-badge">APP</span> <span class="muted">9:41 AM</span></div>
            \(body)</div></div></div><div class="side-col">\(side)</div></div>
            """
    }

    // MARK: in-app feed

    static func feed(_ c: Value, _ message: Value) -> String {
        let blocks = c["blocks"].items
        let actorName = message["actor"]["name"].text ?? ""
        var body = "", buttons = "", actionURL: String? = nil, extra = ""
        for block in blocks {
            switch block["type"].text {
            case "markdown" where block["name"].text == "body" || body.isEmpty:
                let html = block["rendered"].text ?? ""
                body = HTML.sandboxedFrame(HTML.snippetDocument(html), title: "Feed item", classes: "snippet-frame",
                                           height: HTML.snippetHeight(html, charactersPerLine: 48))
            case "text" where block["name"].text == "action_url":
                actionURL = block["rendered"].nonEmptyText
            case "button_set":
                for (i, b) in block["buttons"].items.enumerated() {
                    buttons += "<span class=\"btn \(i == 0 ? "primary" : "secondary")\" title=\"\(HTML.escape(b["action"].text ?? ""))\">\(HTML.escape(b["label"].text ?? ""))</span>"
                }
            default:
                extra += "<div class=\"feed-extra\"><span class=\"muted\">\(HTML.escape(block["name"].text ?? "block"))</span> \(HTML.escape(block["rendered"].text ?? block["content"].text ?? ""))</div>"
            }
        }
        let initial = HTML.escape(String(actorName.prefix(1)).uppercased())
        var facts: [(String, String)] = []
        if let url = actionURL { facts.append(("Opens", url)) }
        facts.append(("Blocks", blocks.compactMap { $0["name"].text }.joined(separator: ", ")))
        return """
            <div class="channel-row"><div class="feed"><div class="feed-head"><b>Notifications</b><span class="count-badge">1</span></div>
            <div class="feed-cell"><div class="avatar">\(initial.isEmpty ? Icons.svg("in_app_feed", size: 16) : initial)</div><div class="feed-main">\(body)\(extra)
            \(buttons.isEmpty ? "" : "<div class=\"feed-buttons\">\(buttons)</div>")<div class="feed-time">Just now</div></div><span class="unread-dot" title="Unread"></span></div></div>
            <div class="side-col">\(factList(facts))</div></div>
            """
    }

    // MARK: webhook

    static func http(_ c: Value) -> String {
        let method = (c["method"].text ?? "POST").uppercased()
        var rows = ""
        for (k, v) in c["headers"].objectPairs {
            rows += "<tr><th>\(HTML.escape(k))</th><td>\(HTML.escape(v.text ?? JSONWriter.string(v)))</td></tr>"
        }
        for h in c["headers"].items {
            rows += "<tr><th>\(HTML.escape(h["key"].text ?? ""))</th><td>\(HTML.escape(h["value"].text ?? ""))</td></tr>"
        }
        let body: String
        if !c["json_body"].isNil {
            body = PrettyJSON.string(c["json_body"])
        } else {
            body = PrettyJSON.reformat(c["body"].text ?? "")
        }
        return """
            <div class="request"><div class="req-line"><span class="method m-\(HTML.escape(method.lowercased()))">\(HTML.escape(method))</span><code>\(HTML.escape(c["url"].text ?? ""))</code></div>
            \(rows.isEmpty ? "" : "<h4>Headers</h4><table class=\"kv\">\(rows)</table>")
            <h4>Body</h4>\(body.isEmpty ? "<p class=\"muted\">No body.</p>" : "<pre class=\"code\">\(HTML.escape(body))</pre>")</div>
            """
    }

    // MARK: shared pieces

    static func generic(_ c: Value) -> String {
        var rows = ""
        for (k, v) in c.objectPairs where !k.hasPrefix("__") {
            let shown = v.text ?? PrettyJSON.string(v)
            rows += "<tr><th>\(HTML.escape(k))</th><td><pre class=\"plain small\">\(HTML.escape(shown))</pre></td></tr>"
        }
        return "<table class=\"kv\">\(rows)</table>"
    }

    static func noContent() -> String {
        "<div class=\"empty\">\(Icons.svg("dot", size: 20))<p>The renderer returned this message without content.</p></div>"
    }

    static func factList(_ facts: [(String, String)]) -> String {
        guard !facts.isEmpty else { return "" }
        return "<dl class=\"facts\">" + facts.map { "<div><dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd></div>" }.joined() + "</dl>"
    }

    static func warnings(_ list: [String]) -> String {
        guard !list.isEmpty else { return "" }
        return "<ul class=\"notes\">" + list.map { "<li class=\"note warn\">\(Icons.svg("warning", size: 14))<span>\(HTML.escape($0))</span></li>" }.joined() + "</ul>"
    }

    static func jsonDetails(_ json: Value) -> String {
        "<details class=\"json-details\"><summary>Message JSON</summary><pre class=\"code\">\(HTML.escape(PrettyJSON.string(json)))</pre></details>"
    }
}
