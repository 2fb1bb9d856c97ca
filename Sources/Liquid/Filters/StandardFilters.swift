/// Every standard filter of Shopify Liquid 5, by name. Each group lives in its own file.
public enum StandardFilters {
    public static let all: [String: FilterDefinition] = {
        var map: [String: FilterDefinition] = [:]
        for f in StringFilters.all + HTMLFilters.all + ArrayFilters.all + MathFilters.all + DateFilters.all {
            map[f.name] = pure.contains(f.name) ? f.markedPure() : f
        }
        return map
    }()

    /// The standard filters whose result depends on their input and arguments alone (none of
    /// them reads its context): an output applying only these to literals is folded at parse.
    /// Not `date` (`'now'`), nor the array filters (they read drops through the context).
    static let pure: Set<String> = [
        "append", "prepend", "capitalize", "downcase", "upcase", "strip", "lstrip", "rstrip", "strip_newlines",
        "remove", "remove_first", "remove_last", "replace", "replace_first", "replace_last", "split", "truncate",
        "truncatewords", "slice", "size", "default", "first", "last",
        "abs", "plus", "minus", "times", "divided_by", "modulo", "at_least", "at_most", "ceil", "floor", "round",
        "escape", "h", "escape_once", "strip_html", "newline_to_br", "url_encode", "url_decode",
        "base64_encode", "base64_decode", "base64_url_safe_encode", "base64_url_safe_decode",
    ]
}
