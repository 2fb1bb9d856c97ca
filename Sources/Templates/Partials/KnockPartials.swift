import Liquid

/// A Knock partial: its content and type (knock-spec §1.6).
public struct KnockPartial: Sendable {
    public enum Kind: String, Sendable { case html, markdown, text, json }

    public let key: String
    public let kind: Kind
    /// The content `render` uses: for HTML partials, without their `<style>` blocks.
    public let content: String
    /// `<style>` blocks of an HTML partial, hoisted into the layout's `<head>` when a template
    /// with a layout renders the partial.
    public let styles: [String]

    public init(key: String, kind: Kind, content: String) {
        self.key = key
        self.kind = kind
        if kind == .html {
            (self.content, self.styles) = StyleBlocks.extract(from: content)
        } else {
            self.content = content
            self.styles = []
        }
    }
}

/// Partials from a Knock project, by key.
public struct KnockPartialLoader: TemplateLoader {
    public let partials: [String: KnockPartial]

    public init(_ partials: [KnockPartial]) {
        var map: [String: KnockPartial] = [:]
        for p in partials { map[p.key] = p }
        self.partials = map
    }

    public func source(named name: String) throws -> String {
        guard let p = partials[name] else {
            throw LiquidError(.fileSystem, "partial '\(name)' does not exist in this project's partials")
        }
        return p.content
    }

    /// Style blocks of the partials a render used, in first-use order, each block once.
    public func styles(forPartials names: [String]) -> [String] {
        var seen = Set<String>()
        var out: [String] = []
        for name in names {
            for s in partials[name]?.styles ?? [] where seen.insert(s).inserted { out.append(s) }
        }
        return out
    }

    /// Knock passes partial inputs as text (`false` becomes "false"), so a partial tests them as
    /// strings (knock-spec §1.6). Schema-typed inputs are not modelled yet: every input is text.
    public static let textInputs: @Sendable (String, String, Value) -> Value = { _, _, value in
        switch value {
        case .string, .nil: return value
        case .array, .object: return .string(JSONWriter.string(value))
        default: return .string(value.liquidString)
        }
    }
}

/// Finding `<style>...</style>` blocks in HTML, case-insensitively, without a full HTML parser.
enum StyleBlocks {
    static func extract(from html: String) -> (rest: String, styles: [String]) {
        let bytes = Array(html.utf8)
        var rest: [UInt8] = []
        rest.reserveCapacity(bytes.count)
        var styles: [String] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), matches(bytes, i + 1, "style"), i + 6 < bytes.count,
                bytes[i + 6] == UInt8(ascii: ">") || Bytes.isSpace(bytes[i + 6]),
                let close = find(bytes, from: i, "</style>")
            {
                let end = close + 8
                styles.append(String(decoding: bytes[i..<end], as: UTF8.self))
                i = end
                // Drop the line break the block leaves behind.
                if i < bytes.count && bytes[i] == UInt8(ascii: "\n") { i += 1 }
                continue
            }
            rest.append(bytes[i])
            i += 1
        }
        return (String(decoding: rest, as: UTF8.self), styles)
    }

    static func matches(_ b: [UInt8], _ at: Int, _ word: String) -> Bool {
        let w = Array(word.utf8)
        guard at + w.count <= b.count else { return false }
        for k in 0..<w.count where b[at + k] | 0x20 != w[k] { return false }
        return true
    }

    static func find(_ b: [UInt8], from start: Int, _ needle: String) -> Int? {
        let n = Array(needle.utf8)
        var i = start
        while i + n.count <= b.count {
            if matches(b, i, needle) { return i }
            i += 1
        }
        return nil
    }

    /// Insert `blocks` right after the opening `<head ...>` tag, or at the start without a head.
    static func hoist(_ blocks: [String], into html: String) -> String {
        guard !blocks.isEmpty else { return html }
        let joined = blocks.joined(separator: "\n") + "\n"
        let bytes = Array(html.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<"), matches(bytes, i + 1, "head"), i + 5 < bytes.count,
                bytes[i + 5] == UInt8(ascii: ">") || Bytes.isSpace(bytes[i + 5]),
                let close = bytes[i...].firstIndex(of: UInt8(ascii: ">"))
            {
                var out = Array(bytes[...close])
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: joined.utf8)
                out.append(contentsOf: bytes[(close + 1)...].drop(while: { $0 == UInt8(ascii: "\n") }))
                return String(decoding: out, as: UTF8.self)
            }
            i += 1
        }
        return joined + html
    }
}

enum Bytes {
    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }
}
