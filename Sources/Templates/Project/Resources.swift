import Liquid

/// An email layout (`layouts/<key>/layout.json`): the document a template's body is put into
/// through `{{ content }}`.
public struct Layout: Sendable {
    public var key: String
    public var name: String
    public var htmlLayout: String?
    public var textLayout: String?
    public var footerLinks: [FooterLink]
    /// Branding for templates using this layout (`primary_color`, `logo_url`, ...), as written.
    public var brandingOverrides: LiquidObject?
    public var isMJML: Bool
    /// `layout.json`, relative to the project root.
    public var file: String
    /// Where `html_layout` and `text_layout` came from.
    public var sources: [String: SourceLocation]

    public struct FooterLink: Sendable, Equatable {
        public var text: String
        public var url: String
    }
}

/// A reusable piece of template (`partials/<key>/partial.json`), rendered with `{% render 'key' %}`.
public struct Partial: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case html, markdown, text, json

        /// The content file's extension by Knock CLI's convention.
        public var fileExtension: String {
            switch self {
            case .html: return "html"
            case .markdown: return "md"
            case .text: return "txt"
            case .json: return "json"
            }
        }
    }

    public var key: String
    public var name: String
    public var type: Kind
    public var content: String
    /// Input fields for the visual editor, as written.
    public var inputSchema: Value?
    /// Only html partials can be visual-editor blocks.
    public var visualBlockEnabled: Bool
    /// `partial.json`, relative to the project root.
    public var file: String
    /// Where `content` came from.
    public var contentSource: SourceLocation
}

/// One translation file: `translations/<locale>/<locale>.json` or `<namespace>.<locale>.json`.
public struct Translation: Sendable {
    public var locale: String
    public var namespace: String?
    /// Nested keys; leaves are strings, or `{zero, one, other}` objects for plurals.
    public var content: LiquidObject
    /// Relative to the project root.
    public var file: String
}

/// Names a translation file in a project.
public struct TranslationID: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var locale: String
    public var namespace: String?

    public init(locale: String, namespace: String? = nil) {
        self.locale = locale
        self.namespace = namespace
    }

    public var description: String { namespace.map { "\($0).\(locale)" } ?? locale }

    public static func < (a: TranslationID, b: TranslationID) -> Bool { a.description < b.description }
}
