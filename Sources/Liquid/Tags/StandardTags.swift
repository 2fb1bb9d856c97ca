/// The standard tags of Shopify Liquid 5, registered in every `Environment`.
public enum StandardTags {
    public static let all: [String: TagDefinition] = {
        let list: [TagDefinition] = [
            AssignTag.definition, CaptureTag.definition, IncrementTag.increment, IncrementTag.decrement,
            IfTag.definition, IfTag.unlessDefinition, CaseTag.definition, ForTag.definition,
            LoopInterruptTag.breakDefinition, LoopInterruptTag.continueDefinition,
            CycleTag.definition, TablerowTag.definition, IncludeTag.definition, RenderTag.definition,
            RawTag.definition, CommentTag.definition, CommentTag.inlineDefinition, DocTag.definition,
            LiquidTag.definition, EchoTag.definition, IfchangedTag.definition,
        ]
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }()
}

/// A node that renders nothing (comments, docs).
struct SilentNode: Node {
    let offset: Int
    var isBlank: Bool { true }
    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {}
}

extension TemplateParser {
    /// A variable name as a tag target (`assign NAME`, `capture NAME`, `increment NAME`):
    /// letters, digits, `_` and `-` (not leading in strict mode). Returns the name and the offset after it.
    func variableName(in markup: Range<Int>, tag: String) throws -> (String, Int) {
        var i = markup.lowerBound
        var quote: UInt8? = nil
        if i < markup.upperBound, source[i] == UInt8(ascii: "'") || source[i] == UInt8(ascii: "\"") {
            quote = source[i]
            i += 1
        }
        let start = i
        while i < markup.upperBound {
            let b = source[i]
            if let q = quote {
                if b == q { break }
            } else if !(Bytes.isWord(b) || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "[") || b == UInt8(ascii: "]")) {
                break
            }
            i += 1
        }
        guard i > start else {
            throw LiquidError.syntax("Syntax Error in '\(tag)' - Valid syntax: \(tag) [var]", at: markup.lowerBound)
        }
        if mode == .strict && source[start] == UInt8(ascii: "-") {
            throw LiquidError.syntax("Syntax Error in '\(tag)' - a variable name cannot start with '-'", at: start)
        }
        let name = text(start..<i)
        if quote != nil { i += 1 }
        return (name, i)
    }
}
