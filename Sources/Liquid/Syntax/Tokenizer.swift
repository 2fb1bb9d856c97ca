#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A top-level token of a template: literal text, `{{ output }}` or `{% tag %}`.
/// Ranges are byte ranges into the template source; nothing is copied while tokenizing.
struct TemplateToken: Sendable {
    enum Kind: Sendable { case text, output, tag }
    var kind: Kind
    /// The whole token, delimiters included.
    var range: Range<Int>
    /// For output and tag: the markup between the delimiters (after `{{-`, before `-}}`).
    var inner: Range<Int>
    /// `{{-` / `{%-`: strip whitespace before this token.
    var trimLeft = false
    /// `-}}` / `-%}`: strip whitespace after this token.
    var trimRight = false
    /// Whether an output or tag token was properly closed.
    var closed = true
}

/// Splits template bytes into text, output and tag tokens, as Shopify Liquid 5's tokenizer does:
/// `{{` ends at the first `}}` (a `{%` inside turns it into a tag), `{%` at the first `%}`.
///
/// Reads the source through `input`'s pointer rather than an array: a tokenizer held inside a
/// parser that is `inout` retained and released the array around every scan. Every read is
/// below `end`, which is at most `input.count`; the parser holding the tokenizer holds `input`.
struct Tokenizer {
    private let source: UnsafePointer<UInt8>
    private(set) var position: Int

    init(input: ParseInput, range: Range<Int>? = nil) {
        let range = range ?? 0..<input.count
        precondition(range.lowerBound >= 0 && range.upperBound <= input.count)
        self.source = input.base
        self.position = range.lowerBound
        self.end = range.upperBound
    }

    private let end: Int

    static let lbrace = UInt8(ascii: "{"), rbrace = UInt8(ascii: "}"), percent = UInt8(ascii: "%")
    static let dash = UInt8(ascii: "-")

    mutating func next() -> TemplateToken? {
        guard position < end else { return nil }
        let start = position
        if source[start] == Self.lbrace, start + 1 < end {
            let second = source[start + 1]
            if second == Self.lbrace { return outputToken(from: start) }
            if second == Self.percent { return tagToken(from: start) }
        }
        // Text runs to the next `{{` or `{%`: find each `{` with memchr.
        let limit = end
        let stop = { (buf: UnsafePointer<UInt8>) -> Int in
            var i = start + 1
            while i < limit {
                guard let found = memchr(buf + i, Int32(Self.lbrace), limit - i) else { return limit }
                let at = buf.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if at + 1 < limit, buf[at + 1] == Self.lbrace || buf[at + 1] == Self.percent { return at }
                i = at + 1
            }
            return limit
        }(source)
        position = stop
        return TemplateToken(kind: .text, range: start..<stop, inner: start..<stop)
    }

    private mutating func tagToken(from start: Int) -> TemplateToken {
        let limit = end
        // The first `%}` after `{%`: look for `%` with memchr, then check the brace.
        let close = { (buf: UnsafePointer<UInt8>) -> Int? in
            var i = start + 2
            while i + 1 < limit {
                guard let found = memchr(buf + i, Int32(Self.percent), limit - 1 - i) else { return nil }
                let at = buf.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if buf[at + 1] == Self.rbrace { return at }
                i = at + 1
            }
            return nil
        }(source)
        if let close {
            position = close + 2
            return makeDelimited(.tag, start: start, closeAt: close)
        }
        position = end
        var token = TemplateToken(kind: .tag, range: start..<end, inner: (start + 2)..<end)
        token.closed = false
        return token
    }

    private mutating func outputToken(from start: Int) -> TemplateToken {
        let limit = end
        // Scan for the first `}` (the end) or `{%` (which turns this into a tag token).
        enum Found { case close(Int), tag, unterminated }
        let found = { (buf: UnsafePointer<UInt8>) -> Found in
            let base = buf
            let from = start + 2
            // memchr for the closing brace, then make sure no `{%` came before it.
            var close = limit
            if from < limit, let p = memchr(base + from, Int32(Self.rbrace), limit - from) {
                close = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
            }
            var i = from
            while i < close, let p = memchr(base + i, Int32(Self.lbrace), close - i) {
                let at = base.distance(to: p.assumingMemoryBound(to: UInt8.self))
                if at + 1 < limit && buf[at + 1] == Self.percent { return .tag }
                i = at + 1
            }
            return close < limit ? .close(close) : .unterminated
        }(source)
        switch found {
        case .tag:
            // `{{ ... {% ... %}` is read as one tag token, as Shopify's tokenizer does.
            return tagToken(from: start)
        case .close(let i):
            if i + 1 < limit && source[i + 1] == Self.rbrace {
                position = i + 2
                return makeDelimited(.output, start: start, closeAt: i)
            }
            // A lone `}` ends the variable; Shopify then reports it as not properly terminated.
            position = i + 1
            var token = TemplateToken(kind: .output, range: start..<(i + 1), inner: (start + 2)..<i)
            token.closed = false
            return token
        case .unterminated:
            position = end
            var token = TemplateToken(kind: .output, range: start..<end, inner: (start + 2)..<end)
            token.closed = false
            return token
        }
    }

    private func makeDelimited(_ kind: TemplateToken.Kind, start: Int, closeAt close: Int) -> TemplateToken {
        var innerStart = start + 2
        var innerEnd = close
        var token = TemplateToken(kind: kind, range: start..<(close + 2), inner: innerStart..<innerEnd)
        if innerStart < innerEnd && source[innerStart] == Self.dash {
            token.trimLeft = true
            innerStart += 1
        }
        if innerEnd > innerStart && source[innerEnd - 1] == Self.dash {
            token.trimRight = true
            innerEnd -= 1
        }
        token.inner = innerStart..<max(innerStart, innerEnd)
        return token
    }
}

/// Byte classes used by the tokenizer, lexer and whitespace control.
enum Bytes {
    /// Ruby's `\s` in `strip`: space, tab, newline, vertical tab, form feed, carriage return.
    @inline(__always) static func isWhitespace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A)
    }

    /// `\w`: letters, digits, underscore.
    @inline(__always) static func isWord(_ b: UInt8) -> Bool { isAlpha(b) || isDigit(b) || b == 0x5F }
}
