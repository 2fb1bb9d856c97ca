import Liquid

/// Knock's text and data filters (knock-spec §1.2–1.3): `json`, `from_json`, `pluralize`,
/// `titlecase`, `intersect`, `compare_versions`, `equals`, `from_markdown`.
enum StringDataFilters {
    static var all: [FilterDefinition] {
        [json, fromJSON, pluralize, titlecase, intersect, compareVersions, equals, fromMarkdown]
    }

    /// `{{ data | json }}`: compact JSON (no spaces), keys in their order, non-ASCII as UTF-8;
    /// valid JSON always, since Knock feeds it to trigger-workflow steps and partials. nil is `null`.
    static let json = FilterDefinition("json") { input, _, _ in
        .string(JSONWriter.string(input))
    }

    /// `{% assign items = input | from_json %}`: a JSON string parsed into objects, arrays and
    /// scalars. Invalid JSON gives nil and a warning on the render session (the render goes on, as
    /// a missing value would). Anything but a string (an object already, a number, nil) comes back
    /// as it is, so a partial input that arrived structured still works.
    static let fromJSON = FilterDefinition("from_json") { input, _, context in
        guard case .string(let text) = input else { return input }
        do {
            return try JSONParser.parse(text)
        } catch {
            context.session.warnings.append("from_json: invalid JSON: \(error)")
            return .nil
        }
    }

    /// `{{ total_actors | pluralize: "user", "users" }}`: the first word when the count is 1, the
    /// second otherwise (0, 2, 1.5, nil, or no number at all). Numeric strings count ("1").
    static let pluralize = FilterDefinition("pluralize", arguments: 2...2) { input, arguments, _ in
        isOne(input) ? (arguments[0] ?? .nil) : (arguments[1] ?? .nil)
    }

    static func isOne(_ value: Value) -> Bool {
        switch value {
        case .int(let i): return i == 1
        case .double(let d): return d == 1
        case .string(let s):
            guard let number = NumericText.value(s) else { return false }
            return isOne(number)
        default: return false
        }
    }

    /// `{{ "my project name" | titlecase }}` → `My Project Name`: each whitespace-separated word
    /// capitalized as Liquid's `capitalize` (and Elixir's `String.capitalize`, Knock's backend
    /// language) does it — first letter upper case, the rest lower case. Whitespace is kept as it is.
    static let titlecase = FilterDefinition("titlecase") { input, _, _ in
        if input.isNil { return .nil }
        var out = ""
        var atWordStart = true
        for character in input.liquidString {
            if character.isWhitespace {
                out.append(character)
                atWordStart = true
            } else {
                out += atWordStart ? character.uppercased() : character.lowercased()
                atWordStart = false
            }
        }
        return .string(out)
    }

    /// `{{ arr1 | intersect: arr2 }}`: the elements of the first array that are also in the
    /// second, in the first array's order, each once (Ruby's `&`). Elements are equal when they are
    /// the same value of the same type (1 and 1.0 differ, as do 1 and "1"). A single value stands
    /// for a one-element array and nil for an empty one.
    static let intersect = FilterDefinition("intersect", arguments: 1...1) { input, arguments, _ in
        let left = Coerce.array(input.resolvedDrop), right = Coerce.array((arguments[0] ?? .nil).resolvedDrop)
        // Scalars through a set, so large lists stay linear; anything else by comparison.
        var scalars = Set<ScalarKey>()
        var others: [Value] = []
        for value in right {
            if let key = ScalarKey(value) { scalars.insert(key) } else { others.append(value) }
        }
        var seen = Set<ScalarKey>()
        var seenOthers: [Value] = []
        var result: [Value] = []
        for value in left {
            if let key = ScalarKey(value) {
                if scalars.contains(key), seen.insert(key).inserted { result.append(value) }
            } else if others.contains(value), !seenOthers.contains(value) {
                seenOthers.append(value)
                result.append(value)
            }
        }
        return .array(result)
    }

    /// A hashable stand-in for a scalar value (same type and value ⇔ same key).
    enum ScalarKey: Hashable {
        case null, bool(Bool), int(Int), double(UInt64), string(String)

        init?(_ value: Value) {
            switch value {
            case .nil: self = .null
            case .bool(let b): self = .bool(b)
            case .int(let i): self = .int(i)
            case .double(let d): self = .double(d == 0 ? 0 : d.bitPattern)  // -0.0 == 0.0
            case .string(let s): self = .string(s)
            default: return nil
            }
        }
    }

    /// `{{ "1.0.0" | compare_versions: "2.0.0" }}` → `-1` (see `VersionComparison`).
    static let compareVersions = FilterDefinition("compare_versions", arguments: 1...1) { input, arguments, _ in
        .int(VersionComparison.compare(input.liquidString, (arguments[0] ?? .nil).liquidString))
    }

    /// `{{ recipient.plan | equals: "premium" }}` → `true` or `false`, with Liquid's `==`
    /// (numbers compare by value, 1 == 1.0; no other types mix, so 1 is not "1").
    static let equals = FilterDefinition("equals", arguments: 1...1) { input, arguments, _ in
        .bool(input.resolvedDrop.liquidEquals((arguments[0] ?? .nil).resolvedDrop))
    }

    /// `{{ "# Hello" | from_markdown }}` → `<h1>Hello</h1>`: GitHub-flavoured Markdown through
    /// cmark-gfm (`Markdown`), without the newline cmark ends its output with, as Knock shows it.
    static let fromMarkdown = FilterDefinition("from_markdown") { input, _, _ in
        if input.isNil { return .nil }
        return .string(Markdown.html(input.liquidString, options: Markdown.Options(trimTrailingNewline: true)))
    }
}
