import Liquid

/// A Knock email layout (knock-spec §4.1): HTML and text documents with `{{ content }}`, footer
/// links, and branding overrides.
public struct EmailLayout: Sendable {
    public struct FooterLink: Sendable {
        public let text: String
        public let url: String
        public init(text: String, url: String) {
            self.text = text
            self.url = url
        }
    }

    public let key: String
    public let htmlLayout: String
    public let textLayout: String?
    public let footerLinks: [FooterLink]
    /// `branding_overrides`: keys of `vars.branding` this layout changes.
    public let brandingOverrides: LiquidObject

    public init(key: String, htmlLayout: String, textLayout: String? = "{{ content }}", footerLinks: [FooterLink] = [],
                brandingOverrides: LiquidObject = [:])
    {
        self.key = key
        self.htmlLayout = htmlLayout
        self.textLayout = textLayout
        self.footerLinks = footerLinks
        self.brandingOverrides = brandingOverrides
    }

    /// `{{ footer_links }}`: Knock does not document its markup; links separated by a middle dot,
    /// which the default layout's CSS styles as siblings.
    func footerLinksHTML() -> String {
        footerLinks.map { "<a href=\"\($0.url.htmlEscaped)\">\($0.text.htmlEscaped)</a>" }.joined(separator: " · ")
    }

    func footerLinksText() -> String {
        footerLinks.map { "\($0.text): \($0.url)" }.joined(separator: "\n")
    }
}

/// `vars.branding` as a run sees it (knock-spec §2.5): Knock's defaults, then the account's
/// `vars.branding`, then the layout's overrides, then the tenant's `settings.branding`.
/// (Knock does not document tenant against layout; the tenant wins here.)
public enum Branding {
    public static let defaults: LiquidObject = [
        "primary_color": "#000000", "primary_color_contrast": "#FFFFFF",
        "dark_primary_color": "#FFFFFF", "dark_primary_color_contrast": "#000000",
    ]

    public static func resolve(account: LiquidObject, layout: LiquidObject, tenant: Value) -> LiquidObject {
        var branding = defaults
        for source in [account, layout, tenantBranding(tenant)] {
            for (k, v) in source.pairs where !v.isNil { branding[k] = v }
        }
        // Dark variants of the logo and icon fall back to the light ones.
        if branding["dark_logo_url"] == nil, let logo = branding["logo_url"] { branding["dark_logo_url"] = logo }
        if branding["dark_icon_url"] == nil, let icon = branding["icon_url"] { branding["dark_icon_url"] = icon }
        return branding
    }

    static func tenantBranding(_ tenant: Value) -> LiquidObject {
        guard case .object(let t) = tenant, case .object(let settings)? = t["settings"], case .object(let b)? = settings["branding"] else {
            return [:]
        }
        return b
    }
}
