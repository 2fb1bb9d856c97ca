import Liquid
import Templates

/// Email visual blocks → HTML (knock-spec §4.3). Each block sits in a
/// `table.block-row.block-row--<type>-v1` wrapper whose `td.block-row__cell` is padded by the
/// block's `layout_attrs` (default 8/8/4/4) and aligned by `horizontal_align`; markdown inside
/// `div.block-markdown`, buttons `a.block-button.block-button--solid|outline.block-button--sm`,
/// the divider `div.block-divider`, the image in `div.block-image`; a partial block renders the
/// partial with no wrapper. Knock inlines its CSS into the elements; Missive does not inline
/// stylesheets, so the styles the base CSS gives are also written inline, and `baseCSS` goes into
/// the layout's head.
///
/// Blocks render one after another in one context, so an `assign` in one block is visible in
/// the next, as in a template compiled from them.
struct VisualBlocks {
    let step: StepRendering
    let context: RenderContext
    /// `vars.branding` resolved, for the `primary_color` tokens of buttons.
    let branding: LiquidObject
    /// Partials rendered by partial blocks, in order, for their styles.
    private(set) var partialsUsed: [String] = []

    init(step: StepRendering, context: RenderContext, branding: LiquidObject) {
        self.step = step
        self.context = context
        self.branding = branding
    }

    /// Knock's documented base CSS for blocks, plus the image rule.
    static let baseCSS = """
        <style>
        .block-row.block-row--button_set-v1 .block-button { display: inline-block; box-sizing: border-box; text-decoration: none; -webkit-text-size-adjust: none; }
        .block-row.block-row--button_set-v1 .block-button.block-button--outline { border-style: solid; }
        .block-row.block-row--button_set-v1 .block-button.block-button--sm { font-size: 14px; line-height: 20px; min-width: 32px; padding: 4px 8px; }
        .block-row.block-row--divider-v1 .block-divider { border-bottom: 1px solid #dddee1; }
        .block-row.block-row--markdown-v1 .block-markdown > :first-child { margin-top: 0; }
        .block-row.block-row--markdown-v1 .block-markdown > :last-child { margin-bottom: 0; }
        .block-row.block-row--image-v1 .block-image img { max-width: 100%; height: auto; border: 0; }
        </style>
        """

    mutating func html(_ blocks: [Value]) throws -> String {
        var parts: [String] = []
        for (i, item) in blocks.enumerated() {
            let path = "template.visual_blocks[\(i)]"
            guard case .object(let block) = item, let type = block["type"]?.stringValue else {
                step.warn("\(path) is not a block with a type; it is left out")
                continue
            }
            if let html = try self.block(type, block, path: path) { parts.append(html) }
        }
        return parts.joined(separator: "\n")
    }

    private mutating func block(_ type: String, _ block: LiquidObject, path: String) throws -> String? {
        let attrs = object(block["layout_attrs"])
        switch type {
        case "markdown":
            let markdown = try render(block["content"], at: path + ".content")
            let html = Markdown.html(markdown, options: Markdown.Options(trimTrailingNewline: true))
            return row(type, attrs, "<div class=\"block-markdown\">\(html)</div>")
        case "html":
            return row(type, attrs, try render(block["content"], at: path + ".content"))
        case "button_set":
            return row(type, attrs, try buttons(block["buttons"]?.arrayElements ?? [], gap: number(attrs["column_gap"]) ?? 8,
                                                path: path + ".buttons"))
        case "divider":
            return row(type, attrs, "<div class=\"block-divider\" style=\"border-bottom: 1px solid #dddee1;\"></div>")
        case "image":
            return row(type, attrs, try image(block, path: path))
        case "partial":
            return try partial(block, path: path)
        default:
            step.warn("\(path): Missive does not render \(type) blocks yet; it is left out")
            return nil
        }
    }

    // MARK: - blocks

    private func row(_ type: String, _ attrs: LiquidObject, _ inner: String) -> String {
        let top = number(attrs["padding_top"]) ?? 8, bottom = number(attrs["padding_bottom"]) ?? 8
        let left = number(attrs["padding_left"]) ?? 4, right = number(attrs["padding_right"]) ?? 4
        let align = oneOf(attrs["horizontal_align"], ["left", "center", "right"])
        return """
            <table class="block-row block-row--\(type)-v1" role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0">
            <tr><td class="block-row__cell" align="\(align)" style="padding: \(top)px \(right)px \(bottom)px \(left)px; text-align: \(align);">
            \(inner)
            </td></tr>
            </table>
            """
    }

    private func buttons(_ items: [Value], gap: Int, path: String) throws -> String {
        var out: [String] = []
        for (i, item) in items.enumerated() {
            let at = path + "[\(i)]"
            guard case .object(let b) = item else { continue }
            let label = Markdown.inlineHTML(try render(b["label"], at: at + ".label").trimmingSpaces)
            let action = try render(b["action"], at: at + ".action").trimmingSpaces
            let variant = b["variant"]?.stringValue == "outline" ? "outline" : "solid"
            let sizeAttrs = object(b["size_attrs"])
            let size = oneOf(sizeAttrs["size"], ["sm", "md", "lg"])
            let fullWidth = sizeAttrs["is_fullwidth"]?.isTruthy ?? false
            let style = object(b["style_attrs"])
            let sizeCSS = Self.sizeCSS[size] ?? ""
            let display = fullWidth ? "block" : "inline-block"
            var css = "display: \(display); box-sizing: border-box; text-decoration: none; -webkit-text-size-adjust: none; " + sizeCSS
            let primary = color("primary_color"), contrast = color("primary_color_contrast")
            if variant == "solid" {
                let background = style["background_color"].map(color) ?? primary
                css += " background-color: \(background); color: \(style["text_color"].map(color) ?? contrast);"
                    + " border: \(number(style["border_width"]) ?? 0)px solid \(style["border_color"].map(color) ?? background);"
            } else {
                css += " background-color: \(style["background_color"].map(color) ?? "transparent");"
                    + " color: \(style["text_color"].map(color) ?? primary);"
                    + " border: \(number(style["border_width"]) ?? 1)px solid \(style["border_color"].map(color) ?? primary);"
            }
            css += " border-radius: \(number(style["border_radius"]) ?? 4)px;"
            if fullWidth { css += " width: 100%; text-align: center;" }
            if i < items.count - 1 { css += fullWidth ? " margin-bottom: \(gap)px;" : " margin-right: \(gap)px;" }
            let classes = "block-button block-button--\(variant) block-button--\(size)" + (fullWidth ? " block-button--fullwidth" : "")
            out.append("<a class=\"\(classes)\" href=\"\(action.htmlEscaped)\" target=\"_blank\" style=\"\(css)\">\(label)</a>")
        }
        return out.joined(separator: "\n")
    }

    static let sizeCSS = [
        "sm": "font-size: 14px; line-height: 20px; min-width: 32px; padding: 4px 8px;",
        "md": "font-size: 16px; line-height: 24px; min-width: 40px; padding: 8px 16px;",
        "lg": "font-size: 18px; line-height: 28px; min-width: 48px; padding: 12px 24px;",
    ]

    private func image(_ block: LiquidObject, path: String) throws -> String {
        let url = try render(block["url"], at: path + ".url").trimmingSpaces
        let width = cssValue(object(block["style_attrs"])["width"]?.liquidString ?? "100%")
        var img = "<img src=\"\(url.htmlEscaped)\""
        if block["alt"] != nil, !(block["alt"]?.isNil ?? true) {
            img += " alt=\"\((try render(block["alt"], at: path + ".alt").trimmingSpaces).htmlEscaped)\""
        } else {
            step.warn("\(path): the image has no alt text")
            img += " alt=\"\""
        }
        img += " style=\"width: \(width); max-width: 100%; height: auto; border: 0;\">"
        if let action = block["action"], !action.isNil {
            let href = try render(action, at: path + ".action").trimmingSpaces
            if !href.isEmpty { img = "<a href=\"\(href.htmlEscaped)\" target=\"_blank\">\(img)</a>" }
        }
        return "<div class=\"block-image\">\(img)</div>"
    }

    /// A partial block: the partial rendered with the block's `attrs` as its only variables
    /// (each attr rendered as Liquid first); inputs the partial's schema types as `markdown`
    /// arrive as HTML, and schema defaults fill the inputs the block does not set.
    private mutating func partial(_ block: LiquidObject, path: String) throws -> String {
        guard let key = block["key"]?.stringValue, let partial = step.project.partials[key],
              let loaded = step.renderer.partials.partials[key] else
        {
            var error = LiquidError(.fileSystem, "partial '\(block["key"]?.liquidString ?? "")' does not exist in this project's partials")
            let location = step.location(path + ".key")
            error.templateName = location.file
            error.line = location.line
            error.column = location.column
            throw error
        }
        var inputs: [String: Value] = [:]
        for (name, value) in object(block["attrs"]).pairs {
            let rendered = value.stringValue != nil ? Value.string(try render(value, at: path + ".attrs." + name)) : value
            inputs[name] = KnockPartialLoader.textInputs(key, name, rendered)
        }
        for field in partial.inputSchema?.arrayElements ?? [] {
            guard case .object(let f) = field, let name = f["key"]?.stringValue else { continue }
            if inputs[name] == nil || inputs[name]!.isNil, case .object(let settings)? = f["settings"], let d = settings["default"] {
                inputs[name] = KnockPartialLoader.textInputs(key, name, d)
            }
            if f["type"]?.stringValue == "markdown", case .string(let text)? = inputs[name] {
                inputs[name] = .string(Markdown.html(text, options: Markdown.Options(trimTrailingNewline: true)))
            }
        }
        let template = try step.renderer.cache.template(named: key, source: loaded.content)
        let partialContext = RenderContext(environment: step.renderer.environment, locals: inputs, session: step.session)
        var out = OutputBuffer(capacity: loaded.content.utf8.count + 64)
        try partialContext.render(template, into: &out)
        partialsUsed.append(key)
        let html = out.string
        return partial.type == .markdown ? Markdown.html(html, options: Markdown.Options(trimTrailingNewline: true)) : html
    }

    // MARK: - values

    private func render(_ value: Value?, at path: String) throws -> String {
        guard let value else { return "" }
        guard case .string(let source) = value else { return value.liquidString }
        return try step.render(source, at: path, in: context)
    }

    /// The value when it is one of `allowed`, else the first of them.
    private func oneOf(_ v: Value?, _ allowed: [String]) -> String {
        if let s = v?.stringValue, allowed.contains(s) { return s }
        return allowed[0]
    }

    private func object(_ v: Value?) -> LiquidObject {
        if case .object(let o)? = v { return o }
        return [:]
    }

    /// A whole number from a JSON number or numeric string, within sane CSS bounds.
    private func number(_ v: Value?) -> Int? {
        switch v {
        case .int(let i)?: return max(0, min(i, 999))
        case .double(let d)? where d.isFinite: return Int(max(0, min(d, 999)).rounded())
        case .string(let s)?: return Int(s).map { max(0, min($0, 999)) }
        default: return nil
        }
    }

    /// A colour: a branding token (`primary_color`) resolved, or the value as written.
    private func color(_ v: Value) -> String {
        let s = v.liquidString
        if case .string(let resolved)? = branding[s] { return cssValue(resolved) }
        return cssValue(s)
    }

    private func color(_ token: String) -> String { color(.string(token)) }

    /// Only characters a colour or length needs, so a value cannot break out of the style attribute.
    private func cssValue(_ s: String) -> String {
        String(s.unicodeScalars.filter { c in
            (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9") || "#%(),. -".unicodeScalars.contains(c)
        }.map(Character.init))
    }
}
