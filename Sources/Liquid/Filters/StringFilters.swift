/// Shopify Liquid 5's string filters. Each converts its input with Ruby's `to_s` (nil is "",
/// arrays and hashes their `inspect`), works on code points as Ruby does, and takes exactly the
/// arguments Ruby's method takes (keyword arguments arrive as one trailing hash, as in Ruby).
enum StringFilters {
    static let all: [FilterDefinition] = [
        FilterDefinition("append", arguments: 1...1) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .string(RubyString.toS(input) + RubyString.toS(a[0]))
        },
        FilterDefinition("prepend", arguments: 1...1) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .string(RubyString.toS(a[0]) + RubyString.toS(input))
        },
        FilterDefinition("capitalize") { input, _, _ in
            .string(RubyString.capitalize(RubyString.toS(input)))
        },
        FilterDefinition("downcase") { input, _, _ in
            .string(RubyString.toS(input).lowercased())
        },
        FilterDefinition("upcase") { input, _, _ in
            .string(RubyString.toS(input).uppercased())
        },
        FilterDefinition("strip") { input, _, _ in
            .string(RubyString.strip(RubyString.toS(input), leading: true, trailing: true))
        },
        FilterDefinition("lstrip") { input, _, _ in
            .string(RubyString.strip(RubyString.toS(input), leading: true, trailing: false))
        },
        FilterDefinition("rstrip") { input, _, _ in
            .string(RubyString.strip(RubyString.toS(input), leading: false, trailing: true))
        },
        FilterDefinition("strip_newlines") { input, _, _ in
            .string(stripNewlines(RubyString.toS(input)))
        },
        FilterDefinition("remove", arguments: 1...1) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .string(try RubyString.substitute(RubyString.toS(input), RubyString.toS(a[0]), "", global: true))
        },
        FilterDefinition("remove_first", arguments: 1...1) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .string(try RubyString.substitute(RubyString.toS(input), RubyString.toS(a[0]), "", global: false))
        },
        FilterDefinition("remove_last", arguments: 1...1) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .string(RubyString.replaceLast(RubyString.toS(input), RubyString.toS(a[0]), ""))
        },
        FilterDefinition("replace", arguments: 1...2) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            let replacement = a.count > 1 ? RubyString.toS(a[1]) : ""
            return .string(try RubyString.substitute(RubyString.toS(input), RubyString.toS(a[0]), replacement, global: true))
        },
        FilterDefinition("replace_first", arguments: 1...2) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            let replacement = a.count > 1 ? RubyString.toS(a[1]) : ""
            return .string(try RubyString.substitute(RubyString.toS(input), RubyString.toS(a[0]), replacement, global: false))
        },
        FilterDefinition("replace_last", arguments: 2...2) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .string(RubyString.replaceLast(RubyString.toS(input), RubyString.toS(a[0]), RubyString.toS(a[1])))
        },
        FilterDefinition("split", arguments: 1...1) { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            return .array(RubyString.split(RubyString.toS(input), RubyString.toS(a[0])).map { .string($0) })
        },
        // With writers: when last in an output, the result is written in place (no String made).
        FilterDefinition("truncate", arguments: 0...2, { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            if input.isNil { return .nil }
            return .string(try truncate(RubyString.toS(input), length: a.count > 0 ? a[0] : 50,
                                        ellipsis: a.count > 1 ? RubyString.toS(a[1]) : "..."))
        }, writer: { input, arguments, _, out in
            let a = RubyString.arguments(arguments)
            if input.isNil { return }
            try writeTruncated(RubyString.toS(input), length: a.count > 0 ? a[0] : 50,
                               ellipsis: a.count > 1 ? RubyString.toS(a[1]) : "...", into: &out)
        }),
        FilterDefinition("truncatewords", arguments: 0...2, { input, arguments, _ in
            let a = RubyString.arguments(arguments)
            if input.isNil { return .nil }
            return .string(try truncateWords(RubyString.toS(input), words: a.count > 0 ? a[0] : 15,
                                             ellipsis: a.count > 1 ? RubyString.toS(a[1]) : "..."))
        }, writer: { input, arguments, _, out in
            let a = RubyString.arguments(arguments)
            if input.isNil { return }
            try writeTruncatedWords(RubyString.toS(input), words: a.count > 0 ? a[0] : 15,
                                    ellipsis: a.count > 1 ? RubyString.toS(a[1]) : "...", into: &out)
        }),
        FilterDefinition("slice", arguments: 1...2, slice),
        FilterDefinition("size") { input, _, _ in
            .int(size(input))
        },
        FilterDefinition("default", arguments: 0...2, keywords: true, defaultFilter),
    ]

    /// Ruby's `gsub(/\r?\n/, '')`.
    static func stripNewlines(_ s: String) -> String {
        let b = Array(s.utf8)
        guard b.contains(UInt8(ascii: "\n")) else { return s }
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        for (i, c) in b.enumerated() {
            if c == UInt8(ascii: "\n") { continue }
            if c == UInt8(ascii: "\r") && i + 1 < b.count && b[i + 1] == UInt8(ascii: "\n") { continue }
            out.append(c)
        }
        return RubyString.string(out)
    }

    /// `truncate`: strings longer than `length` code points are cut to `length` including the
    /// ellipsis (which alone is kept when it is longer than `length`).
    static func truncate(_ s: String, length lengthValue: Value, ellipsis: String) throws -> String {
        let length = try RubyString.toInteger(lengthValue)
        return RubyString.withUTF8(s) { bytes -> String in
            guard let cut = truncationCut(bytes, length: length, ellipsis: ellipsis) else { return s }
            return String(utf8Capacity: cut &+ ellipsis.utf8.count) { out in
                out.append(UnsafeBufferPointer(rebasing: bytes[..<cut]))
                out.append(ellipsis)
            }
        }
    }

    /// `truncate`, written into a render's output (the filter's writer).
    static func writeTruncated(_ s: String, length lengthValue: Value, ellipsis: String, into out: inout OutputBuffer) throws {
        let length = try RubyString.toInteger(lengthValue)
        RubyString.withUTF8(s) { bytes in
            guard let cut = truncationCut(bytes, length: length, ellipsis: ellipsis) else { return out.append(utf8: bytes) }
            out.append(utf8: UnsafeBufferPointer(rebasing: bytes[..<cut]))  // cut where a code point starts
            out.append(ellipsis)
        }
    }

    /// Where `truncate` cuts the string of `bytes`: the number of its bytes kept before the
    /// ellipsis, or nil when the string is kept whole.
    static func truncationCut(_ bytes: UnsafeBufferPointer<UInt8>, length: Int, ellipsis: String) -> Int? {
        guard length >= 0 else { return 0 }  // every string is longer; nothing of it is kept
        // No more code points than bytes: a short string is kept without counting.
        guard bytes.count > length else { return nil }
        let keep = max(0, length.subtractingReportingOverflow(RubyString.length(ellipsis)).partialValue)
        // ASCII up to code point `length`: bytes are code points.
        if RubyString.isASCII(UnsafeBufferPointer(rebasing: bytes[...length])) { return keep }
        // Else one walk that stops once the string is known to be longer than `length`: where
        // code point `keep` starts, and whether there is a code point past `length`.
        var seen = 0  // code points started before `i`
        var cut = bytes.count
        for (i, b) in bytes.enumerated() where b & 0xC0 != 0x80 {
            if seen == keep { cut = i }
            if seen == length { return cut }
            seen &+= 1
        }
        return nil
    }

    /// `truncatewords`: Ruby's `split(" ", words + 1)`; when that gives more than `words` fields the
    /// first `words` words joined by single spaces, then the ellipsis; otherwise the input unchanged
    /// (its whitespace included). Fewer than one word counts as one.
    static func truncateWords(_ s: String, words wordsValue: Value, ellipsis: String) throws -> String {
        let words = try wordCount(wordsValue)
        return RubyString.withUTF8(s) { b -> String in
            guard let (end, plain) = wordsCut(b, words: words) else { return s }
            // The words joined by single spaces: at most the bytes they span, plus the ellipsis.
            return String(utf8Capacity: end &+ ellipsis.utf8.count) { out in
                if plain {
                    out.append(UnsafeBufferPointer(rebasing: b[..<end]))
                } else {
                    var k = 0
                    while k < end {
                        while k < end && RubyString.isSpace(b[k]) { k &+= 1 }
                        let wordStart = k
                        while k < end && !RubyString.isSpace(b[k]) { k &+= 1 }
                        if out.count > 0 { out.append(UInt8(ascii: " ")) }
                        out.append(UnsafeBufferPointer(rebasing: b[wordStart..<k]))
                    }
                }
                out.append(ellipsis)
            }
        }
    }

    /// `truncatewords`, written into a render's output (the filter's writer).
    static func writeTruncatedWords(_ s: String, words wordsValue: Value, ellipsis: String, into out: inout OutputBuffer) throws {
        let words = try wordCount(wordsValue)
        RubyString.withUTF8(s) { b in
            guard let (end, plain) = wordsCut(b, words: words) else { return out.append(utf8: b) }
            // Cut next to ASCII whitespace, so every piece is whole UTF-8.
            if plain {
                out.append(utf8: UnsafeBufferPointer(rebasing: b[..<end]))
            } else {
                var k = 0, first = true
                while k < end {
                    while k < end && RubyString.isSpace(b[k]) { k &+= 1 }
                    let wordStart = k
                    while k < end && !RubyString.isSpace(b[k]) { k &+= 1 }
                    if !first { out.append(UInt8(ascii: " ")) }
                    first = false
                    out.append(utf8: UnsafeBufferPointer(rebasing: b[wordStart..<k]))
                }
            }
            out.append(ellipsis)
        }
    }

    /// `truncatewords`' word count: fewer than one counts as one.
    private static func wordCount(_ value: Value) throws -> Int {
        let words = try RubyString.toInteger(value)
        return words <= 0 ? 1 : words
    }

    /// Where `truncatewords` cuts the text of `b`: the end of its first `words` words, and whether
    /// the text up to there is already words joined by single spaces; nil when it is kept whole.
    static func wordsCut(_ b: UnsafeBufferPointer<UInt8>, words: Int) -> (end: Int, plain: Bool)? {
        // A string cannot have more words than bytes; this also keeps `words + 1` from overflowing.
        guard words < b.count else { return nil }
        // `split(" ", words + 1)` has more than `words` fields exactly when `words` words each
        // end in whitespace; find where the last of them ends, reading no further.
        let n = b.count
        var found = 0
        var i = 0
        var plain = true  // no leading whitespace, and single spaces between words
        while true {
            // A word ...
            guard i < n, !RubyString.isSpace(b[i]) else {
                if i > 0 || i == n { break }
                plain = false  // leading whitespace
                while i < n && RubyString.isSpace(b[i]) { i &+= 1 }
                continue
            }
            while i < n && !RubyString.isSpace(b[i]) { i &+= 1 }
            guard i < n else { break }
            // ... and the whitespace after it.
            found &+= 1
            if found == words { break }
            if b[i] != UInt8(ascii: " ") { plain = false }
            i &+= 1
            if i < n && RubyString.isSpace(b[i]) {
                plain = false
                while i < n && RubyString.isSpace(b[i]) { i &+= 1 }
            }
        }
        guard found == words else { return nil }
        return (i, plain)
    }

    /// `slice: offset, length`: Ruby's `slice(offset, length)` on arrays (giving an array) and on
    /// the `to_s` of anything else; length 1 when absent, nil or false; out of range gives
    /// "" or [].
    static func slice(_ input: Value, _ arguments: FilterArguments, _ context: RenderContext) throws -> Value {
        let a = RubyString.arguments(arguments)
        let offset = try RubyString.toInteger(a[0])
        let length = a.count > 1 && a[1].isTruthy ? try RubyString.toInteger(a[1]) : 1
        if case .array(let array) = input {
            guard let r = RubyString.sliceBounds(count: array.count, start: offset, length: length) else { return .array([]) }
            return .array(Array(array[r]))
        }
        return .string(RubyString.slice(RubyString.toS(input), start: offset, length: length) ?? "")
    }

    /// `size`: Ruby's `input.size` where the input has one (code points of a string, elements of
    /// an array or range, pairs of a hash, and 8, the byte width, for an integer); 0 otherwise.
    static func size(_ input: Value) -> Int {
        switch input {
        case .string(let s): return RubyString.length(s)
        case .array(let a): return a.count
        case .object(let o): return o.count
        case .range(let lo, let hi): return hi < lo ? 0 : hi.subtractingReportingOverflow(lo).partialValue &+ 1
        case .int: return 8  // Integer#size: the bytes of a machine word
        case .drop(let d): return size(d.toLiquidValue())
        case .nil, .bool, .double: return 0
        }
    }

    /// `default: value, allow_false: flag`: the value (default "") when the input is nil, false,
    /// or an empty string, array or hash; with a truthy `allow_false`, false is kept. As in Ruby,
    /// keyword arguments are one trailing hash argument: it is the options when a value is given,
    /// and the value itself when not.
    static func defaultFilter(_ input: Value, _ arguments: FilterArguments, _ context: RenderContext) throws -> Value {
        let a = RubyString.arguments(arguments)
        if a.count > 2 {
            throw LiquidError.argument("wrong number of arguments (given \(a.count + 1), expected 1..3)")
        }
        let fallback = a.count > 0 ? a[0] : .string("")
        var allowFalse = false
        if a.count > 1, case .object(let options) = a[1] {
            allowFalse = options["allow_false"]?.isTruthy ?? false
        }
        let missing = allowFalse ? input.isNil : !input.isTruthy
        if missing { return fallback }
        switch input {
        case .string(let s) where s.isEmpty: return fallback
        case .array(let x) where x.isEmpty: return fallback
        case .object(let o) where o.isEmpty: return fallback
        default: return input
        }
    }
}

extension RubyString {
    /// The arguments as Ruby's filter method receives them: the positional ones, then the keyword
    /// arguments as one hash when there are any.
    static func arguments(_ arguments: FilterArguments) -> [Value] {
        guard !arguments.keywords.isEmpty else { return arguments.positional }
        var options = LiquidObject()
        for (k, v) in arguments.keywords { options[k] = v }
        return arguments.positional + [.object(options)]
    }
}
