/// The start tags of an HTML document with their attributes, read forgivingly (no tree, no
/// entity decoding): enough to check an email's images and links. Comments and the contents
/// of `<style>` and `<script>` are skipped.
struct HTMLTags: Sequence {
    struct Tag {
        /// Lower case.
        let name: String
        /// Lower-case attribute names; a valueless attribute has "".
        let attributes: [String: String]
        /// The tag as written, for messages.
        let source: String
    }

    let html: String

    func makeIterator() -> IndexingIterator<[Tag]> { scan().makeIterator() }

    func scan() -> [Tag] {
        let b = Array(html.utf8)
        var tags: [Tag] = []
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<"), i + 1 < b.count else { i += 1; continue }
            if Self.starts(b, i, "<!--") {
                i = Self.find(b, i + 4, "-->").map { $0 + 3 } ?? b.count
                continue
            }
            guard Self.isLetter(b[i + 1]) else { i += 1; continue }
            let start = i
            var j = i + 1
            while j < b.count, Self.isNameByte(b[j]) { j += 1 }
            let name = String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()
            var attributes: [String: String] = [:]
            // Attributes until the closing `>`, values quoted or not.
            while j < b.count, b[j] != UInt8(ascii: ">") {
                if Self.isSpace(b[j]) || b[j] == UInt8(ascii: "/") { j += 1; continue }
                let nameStart = j
                while j < b.count, !Self.isSpace(b[j]), b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: ">") { j += 1 }
                let attr = String(decoding: b[nameStart..<j], as: UTF8.self).lowercased()
                while j < b.count, Self.isSpace(b[j]) { j += 1 }
                var value = ""
                if j < b.count, b[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < b.count, Self.isSpace(b[j]) { j += 1 }
                    if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                        let quote = b[j]
                        let valueStart = j + 1
                        j = valueStart
                        while j < b.count, b[j] != quote { j += 1 }
                        value = String(decoding: b[valueStart..<Swift.min(j, b.count)], as: UTF8.self)
                        j += 1
                    } else {
                        let valueStart = j
                        while j < b.count, !Self.isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: b[valueStart..<j], as: UTF8.self)
                    }
                }
                if !attr.isEmpty, attributes[attr] == nil { attributes[attr] = value }
            }
            let end = Swift.min(j + 1, b.count)
            tags.append(Tag(name: name, attributes: attributes, source: String(decoding: b[start..<end], as: UTF8.self)))
            i = end
            if name == "style" || name == "script" {
                i = Self.find(b, i, "</" + name).map { $0 } ?? b.count
            }
        }
        return tags
    }

    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= UInt8(ascii: "a") && (c | 0x20) <= UInt8(ascii: "z") }
    static func isNameByte(_ c: UInt8) -> Bool { isLetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c == UInt8(ascii: "-") }
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || (c >= 0x09 && c <= 0x0D) }

    static func starts(_ b: [UInt8], _ at: Int, _ s: String) -> Bool {
        let w = Array(s.utf8)
        guard at + w.count <= b.count else { return false }
        for k in 0..<w.count where b[at + k] | 0x20 != w[k] | 0x20 { return false }
        return true
    }

    static func find(_ b: [UInt8], _ from: Int, _ s: String) -> Int? {
        var i = from
        let n = s.utf8.count
        while i + n <= b.count {
            if starts(b, i, s) { return i }
            i += 1
        }
        return nil
    }
}
