import Liquid

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The theme-only tags and filters of Shopify's "theme runner" benchmark (Shopify/liquid
/// `performance/shopify/`), which the Shopify theme workload needs to render its expected output.
/// Test support: these imitate Shopify's storefront helpers only as far as the benchmark does.
public enum ShopifyTheme {
    /// Register `paginate`, `form` and the Shopify theme filters.
    public static func install(into env: inout Environment) {
        env.register(PaginateTag.definition)
        env.register(FormTag.definition)
        for filter in filters { env.register(pureFilters.contains(filter.name) ? filter.markedPure() : filter) }
    }

    /// The theme's filters whose result depends on their input and arguments alone (none reads
    /// the template's variables): an output of a literal through these (the layouts' asset
    /// links) is computed once, when the template is parsed.
    static let pureFilters: Set<String> = [
        "money", "money_with_currency", "asset_url", "global_asset_url", "shopify_asset_url", "script_tag",
        "stylesheet_tag", "link_to", "img_tag", "link_to_vendor", "link_to_type", "product_img_url",
        "default_pagination", "pluralize", "json",
    ]

    /// An environment with the standard tags and filters plus Shopify's theme ones.
    public static func environment() -> Environment {
        var env = Environment()
        install(into: &env)
        return env
    }

    static let filters: [FilterDefinition] = [
        // MARK: Money

        // Each filter below that is often last in an output also has a writer, which prints the
        // same text straight into the render's buffer (no String made for the result).
        FilterDefinition("money", { input, _, _ in
            input.isNil ? "" : .string(formatCents(input, suffix: ""))
        }, writer: { input, _, _, out in
            if !input.isNil { writeCents(input, suffix: "", into: &out) }
        }),
        FilterDefinition("money_with_currency", { input, _, _ in
            input.isNil ? "" : .string(formatCents(input, suffix: " USD"))
        }, writer: { input, _, _, out in
            if !input.isNil { writeCents(input, suffix: " USD", into: &out) }
        }),

        // MARK: URLs and HTML tags

        FilterDefinition("asset_url", { input, _, _ in
            .string(.concatenating("/files/1/[shop_id]/[shop_id]/assets/", input.liquidString))
        }, writer: { input, _, _, out in
            out.append(literal: "/files/1/[shop_id]/[shop_id]/assets/")
            out.append(input.liquidString)
        }),
        FilterDefinition("global_asset_url", { input, _, _ in
            .string(.concatenating("/global/", input.liquidString))
        }, writer: { input, _, _, out in
            out.append(literal: "/global/")
            out.append(input.liquidString)
        }),
        FilterDefinition("shopify_asset_url", { input, _, _ in
            .string(.concatenating("/shopify/", input.liquidString))
        }, writer: { input, _, _, out in
            out.append(literal: "/shopify/")
            out.append(input.liquidString)
        }),
        // The tags below are their input with markup around it: a wrapper writes that markup
        // around the text of an URL filter before them written in place (`{{ 'a.js' | asset_url
        // | script_tag }}` makes no String at all), and serves as their writer too.
        FilterDefinition("script_tag", { input, _, _ in
            .string(.concatenating("<script src=\"", input.liquidString, "\" type=\"text/javascript\"></script>"))
        }, wrapper: { writeInput, _, _, out in
            out.append(literal: "<script src=\"")
            try writeInput(&out)
            out.append(literal: "\" type=\"text/javascript\"></script>")
        }),
        FilterDefinition("stylesheet_tag", arguments: 0...1, { input, args, _ in
            let media = optional(args, 0)?.liquidString ?? "all"
            return .string(.concatenating("<link href=\"", input.liquidString, "\" rel=\"stylesheet\" type=\"text/css\"  media=\"", media, "\"  />"))
        }, wrapper: { writeInput, args, _, out in
            out.append(literal: "<link href=\"")
            try writeInput(&out)
            out.append(literal: "\" rel=\"stylesheet\" type=\"text/css\"  media=\"")
            out.append(optional(args, 0)?.liquidString ?? "all")
            out.append(literal: "\"  />")
        }),
        FilterDefinition("link_to", arguments: 1...2, { input, args, _ in
            .string(linkTo(input.liquidString, url: args.positional[0].liquidString, title: optional(args, 1)?.liquidString ?? ""))
        }, writer: { input, args, _, out in
            writeLink(input.liquidString, url: args.positional[0].liquidString, title: optional(args, 1)?.liquidString ?? "", into: &out)
        }),
        FilterDefinition("img_tag", arguments: 0...1, { input, args, _ in
            .string(.concatenating("<img src=\"", input.liquidString, "\" alt=\"", optional(args, 0)?.liquidString ?? "", "\" />"))
        }, wrapper: { writeInput, args, _, out in
            out.append(literal: "<img src=\"")
            try writeInput(&out)
            out.append(literal: "\" alt=\"")
            out.append(optional(args, 0)?.liquidString ?? "")
            out.append(literal: "\" />")
        }),
        FilterDefinition("link_to_vendor") { input, _, _ in
            guard input.isTruthy else { return "Unknown Vendor" }
            let name = input.liquidString
            return .string(linkTo(name, url: "/collections/" + handleize(name), title: name))
        },
        FilterDefinition("link_to_type") { input, _, _ in
            // The benchmark's fallback text for a missing type is also "Unknown Vendor".
            guard input.isTruthy else { return "Unknown Vendor" }
            let name = input.liquidString
            return .string(linkTo(name, url: "/collections/" + handleize(name), title: name))
        },
        FilterDefinition("product_img_url", arguments: 0...1, { input, args, _ in
            try .string(productImageURL(input, size: optional(args, 0) ?? "small"))
        }, writer: { input, args, _, out in
            try writeProductImageURL(input, size: optional(args, 0) ?? "small", into: &out)
        }),
        FilterDefinition("default_pagination", { input, _, _ in
            var out = OutputBuffer(capacity: 512)
            writeDefaultPagination(input, into: &out)
            return .string(out.string)
        }, writer: { input, _, _, out in
            writeDefaultPagination(input, into: &out)
        }),

        // MARK: Text

        FilterDefinition("pluralize", arguments: 2...2) { input, args, _ in
            input.liquidEquals(.int(1)) ? args.positional[0] : args.positional[1]
        },

        // MARK: Collection tags (read `handle` and `current_tags` from the template's variables)

        FilterDefinition("link_to_tag", arguments: 1...1) { input, args, context in
            let tag = args.positional[0].liquidString
            let handle = try LiquidCompat.value(of: handleVariable, in: context).liquidString
            return .string("<a title=\"Show tag \(tag)\" href=\"/collections/\(handle)/\(tag)\">\(input.liquidString)</a>")
        },
        FilterDefinition("highlight_active_tag", arguments: 0...1) { input, args, context in
            let current = try LiquidCompat.value(of: currentTagsVariable, in: context)
            guard current.liquidContains(input) else { return input }
            let cssClass = optional(args, 0)?.liquidString ?? "active"
            return .string("<span class=\"\(cssClass)\">\(input.liquidString)</span>")
        },
        FilterDefinition("link_to_add_tag", arguments: 1...1) { input, args, context in
            let tag = args.positional[0]
            var tags = Coerce.array(try LiquidCompat.value(of: currentTagsVariable, in: context))
            tags.append(tag)
            return .string(try tagLink(input, tag: tag, tags: tags, context))
        },
        FilterDefinition("link_to_remove_tag", arguments: 1...1) { input, args, context in
            let tag = args.positional[0]
            let tags = Coerce.array(try LiquidCompat.value(of: currentTagsVariable, in: context)).filter { !$0.liquidEquals(tag) }
            return .string(try tagLink(input, tag: tag, tags: tags, context))
        },

        // MARK: Data

        FilterDefinition("json") { input, _, _ in
            var value = input
            if case .object(var o) = input, o["collections"] != nil {
                o["collections"] = nil
                value = .object(o)
            }
            return .string(JSONWriter.string(value))
        },

        // Unknown to the benchmark's runner too: lax Liquid passes the input through unchanged.
        FilterDefinition("within", arguments: 0...Int.max) { input, _, _ in input },
        FilterDefinition("highlight", arguments: 0...Int.max) { input, _, _ in input },
    ]

    static let handleVariable = LiquidCompat.Variable("handle")
    static let currentTagsVariable = LiquidCompat.Variable("current_tags")

    // MARK: Helpers

    /// An optional positional argument: nil when it was not given. (`FilterArguments`'s own
    /// subscript returns `.some(.nil)` for a missing argument today, so it cannot tell.)
    @inline(__always)
    static func optional(_ args: FilterArguments, _ index: Int) -> Value? {
        guard index < args.positional.count else { return Optional.none }
        return args.positional[index]
    }

    static func linkTo(_ text: String, url: String, title: String) -> String {
        .concatenating("<a href=\"", url, "\" title=\"", title, "\">", text, "</a>")
    }

    static func writeLink(_ text: String, url: String, title: String, into out: inout OutputBuffer) {
        out.append(literal: "<a href=\"")
        out.append(url)
        out.append(literal: "\" title=\"")
        out.append(title)
        out.append(literal: "\">")
        out.append(text)
        out.append(literal: "</a>")
    }

    /// `"$ %.2f" % (cents / 100.0)` followed by `suffix`.
    static func formatCents(_ input: Value, suffix: StaticString) -> String {
        switch Coerce.number(input) {
        case .int(let cents) where cents.magnitude < 1 << 50:
            // "$ " + sign + at most 15 digits + "." + 2 digits + suffix
            return String(utf8Capacity: 21 + suffix.utf8CodeUnitCount) { exactCents(cents, suffix: suffix, into: &$0) }
        default:
            return inexactCents(input, suffix: suffix)
        }
    }

    /// `formatCents`, written into a render's output.
    static func writeCents(_ input: Value, suffix: StaticString, into out: inout OutputBuffer) {
        switch Coerce.number(input) {
        case .int(let cents) where cents.magnitude < 1 << 50: exactCents(cents, suffix: suffix, into: &out)
        default: out.append(inexactCents(input, suffix: suffix))
        }
    }

    /// Exact for every cent amount a double holds exactly, and no float formatting.
    @inline(__always)
    static func exactCents<Out: TextOutput & ~Copyable>(_ cents: Int, suffix: StaticString, into out: inout Out) {
        let whole = cents.magnitude / 100, fraction = cents.magnitude % 100
        out.append(literal: cents < 0 ? "$ -" : "$ ")
        out.append(decimal: Int(whole))
        out.append(UInt8(ascii: "."))
        out.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        out.append(UInt8(ascii: "0") + UInt8(fraction % 10))
        out.append(literal: suffix)
    }

    static func inexactCents(_ input: Value, suffix: StaticString) -> String {
        let tail = suffix.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        switch Coerce.number(input) {
        case .int(let cents): return "$ " + printf2(Double(cents) / 100.0) + tail
        case .double(let d): return "$ " + printf2(d / 100.0) + tail
        default: return "$ 0.00" + tail
        }
    }

    /// C's `%.2f` (which Ruby's `sprintf` matches): correctly rounded from the binary value.
    static func printf2(_ d: Double) -> String {
        if d.isNaN { return "NaN" }
        if d.isInfinite { return d < 0 ? "-Inf" : "Inf" }
        var buffer = [CChar](repeating: 0, count: 400)
        let n = withVaList([d]) { vsnprintf(&buffer, buffer.count, "%.2f", $0) }
        return String(decoding: buffer[0..<Int(max(0, n))].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A title as a URL handle: lowercase ASCII letters and digits, everything else runs of `-`,
    /// no leading or trailing `-` ("Snow Boards!" → "snow-boards").
    static func handleize(_ s: String) -> String {
        var out: [UInt8] = []
        var pendingDash = false
        for b in s.utf8 {
            var c = b
            if c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z") { c += 32 }
            let keep = (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z")) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")) || c >= 0x80
            if c == UInt8(ascii: "'") || c == UInt8(ascii: "\"") { continue }
            if keep {
                if pendingDash && !out.isEmpty { out.append(UInt8(ascii: "-")) }
                pendingDash = false
                out.append(c)
            } else {
                pendingDash = true
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The sizes `product_img_url` knows besides `original`.
    static func isImageSize(_ style: String) -> Bool {
        switch style {
        case "grande", "large", "medium", "compact", "small", "thumb", "icon": return true
        default: return false
        }
    }

    /// `products/NAME.EXT` → `/files/shops/random_number/products/NAME_SIZE.EXT`, as the benchmark's
    /// `product_img_url` does (`original` keeps the path). Anything that is not a product image,
    /// or an unknown size, is an error.
    static func productImageURL(_ input: Value, size: Value) throws -> String {
        guard case .string(let url) = input else { throw notProductImage }
        return try withBytes(url) { bytes in
            guard let (name, ext) = matchProductImage(bytes) else { throw notProductImage }
            guard case .string(let style) = size else { throw invalidImageSize }
            if style == "original" { return "/files/shops/random_number/" + url }
            guard isImageSize(style) else { throw invalidImageSize }
            let prefix: StaticString = "/files/shops/random_number/products/"
            return String(utf8Capacity: prefix.utf8CodeUnitCount + name.count + style.utf8.count + ext.count + 2) { out in
                out.append(literal: prefix)
                out.append(UnsafeBufferPointer(rebasing: bytes[name]))
                out.append(UInt8(ascii: "_"))
                out.append(style)
                out.append(UInt8(ascii: "."))
                out.append(UnsafeBufferPointer(rebasing: bytes[ext]))
            }
        }
    }

    /// `productImageURL`, written into a render's output (errors are found before writing).
    static func writeProductImageURL(_ input: Value, size: Value, into out: inout OutputBuffer) throws {
        guard case .string(let url) = input else { throw notProductImage }
        try withBytes(url) { bytes in
            guard let (name, ext) = matchProductImage(bytes) else { throw notProductImage }
            guard case .string(let style) = size else { throw invalidImageSize }
            if style == "original" {
                out.append(literal: "/files/shops/random_number/")
                out.append(url)
                return
            }
            guard isImageSize(style) else { throw invalidImageSize }
            out.append(literal: "/files/shops/random_number/products/")
            out.append(utf8: UnsafeBufferPointer(rebasing: bytes[name]))  // ASCII word characters
            out.append(UInt8(ascii: "_"))
            out.append(style)
            out.append(UInt8(ascii: "."))
            out.append(utf8: UnsafeBufferPointer(rebasing: bytes[ext]))
        }
    }

    static let notProductImage = LiquidError.argument("filter \"size\" can only be called on product images")
    static let invalidImageSize = LiquidError.argument(
        "valid parameters for filter \"size\" are: original, grande, large, medium, compact, small, thumb and icon ")

    /// `body` over the string's UTF-8 bytes, in place for native strings.
    static func withBytes<R>(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) throws -> R {
        if let r = try s.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = s
        return try copy.withUTF8(body)
    }

    /// Ruby's `url =~ /^products\/([\w\-\_]+)\.(\w{2,4})/`: at the start of any line, the name and
    /// the (up to 4 character) extension, as byte ranges.
    static func matchProductImage(_ bytes: UnsafeBufferPointer<UInt8>) -> (Range<Int>, Range<Int>)? {
        func isWord(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
        }
        let prefix: StaticString = "products/"
        let prefixCount = prefix.utf8CodeUnitCount
        func startsWithPrefix(_ at: Int) -> Bool {
            guard bytes.count - at >= prefixCount else { return false }
            for k in 0..<prefixCount where bytes[at + k] != prefix.utf8Start[k] { return false }
            return true
        }
        var lineStart = 0
        while lineStart <= bytes.count {
            if startsWithPrefix(lineStart) {
                var i = lineStart + prefixCount
                let nameStart = i
                while i < bytes.count && (isWord(bytes[i]) || bytes[i] == UInt8(ascii: "-")) { i += 1 }
                if i > nameStart && i < bytes.count && bytes[i] == UInt8(ascii: ".") {
                    let name = nameStart..<i
                    i += 1
                    let extStart = i
                    while i < bytes.count && i - extStart < 4 && isWord(bytes[i]) { i += 1 }
                    if i - extStart >= 2 { return (name, extStart..<i) }
                }
            }
            guard let nl = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { break }
            lineStart = nl + 1
        }
        return nil
    }

    /// The benchmark's `default_pagination`: previous link, the parts (links, the current page,
    /// `&hellip;` gaps), next link, joined by spaces.
    /// The spans of `default_pagination`, separated by single spaces, written in place.
    static func writeDefaultPagination(_ paginate: Value, into out: inout OutputBuffer) {
        func field(_ v: Value?, _ key: String) -> Value? {
            guard let v else { return nil }
            return RenderContext.property(of: v, key: key)
        }
        var first = true
        func separate(_ out: inout OutputBuffer) {
            if !first { out.append(UInt8(ascii: " ")) }
            first = false
        }
        func linkSpan(_ cssClass: StaticString, _ link: Value, into out: inout OutputBuffer) {
            separate(&out)
            out.append(literal: "<span class=\"")
            out.append(literal: cssClass)
            out.append(literal: "\">")
            writeLink(field(link, "title")?.liquidString ?? "", url: field(link, "url")?.liquidString ?? "", title: "", into: &out)
            out.append(literal: "</span>")
        }
        if let previous = field(paginate, "previous"), previous.isTruthy { linkSpan("prev", previous, into: &out) }
        let currentPage = rubyToI(field(paginate, "current_page") ?? .nil)
        for part in Coerce.array(field(paginate, "parts") ?? .nil) {
            let title = field(part, "title") ?? .nil
            if field(part, "is_link")?.isTruthy == true {
                linkSpan("page", part, into: &out)
                continue
            }
            separate(&out)
            out.append(literal: rubyToI(title) == currentPage ? "<span class=\"page current\">" : "<span class=\"deco\">")
            title.write(to: &out)
            out.append(literal: "</span>")
        }
        if let next = field(paginate, "next"), next.isTruthy { linkSpan("next", next, into: &out) }
    }

    /// Ruby's `to_i`: integers, truncated floats, a string's leading integer, anything else 0.
    static func rubyToI(_ v: Value) -> Int {
        switch v {
        case .int(let i): return i
        case .double(let d): return d.isFinite ? Int(d) : 0
        case .string(let s):
            if case .int(let i) = Coerce.parseNumber(s) { return i }
            if case .double(let d) = Coerce.parseNumber(s), d.isFinite { return Int(d) }
            return 0
        default: return 0
        }
    }

    /// `<a title="Show tag TAG" href="/collections/HANDLE/T1+T2">LABEL</a>` with duplicates removed.
    static func tagLink(_ label: Value, tag: Value, tags: [Value], _ context: RenderContext) throws -> String {
        var unique: [Value] = []
        for t in tags where !unique.contains(where: { $0.liquidEquals(t) }) { unique.append(t) }
        let handle = try LiquidCompat.value(of: handleVariable, in: context).liquidString
        let path = unique.map(\.liquidString).joined(separator: "+")
        return "<a title=\"Show tag \(tag.liquidString)\" href=\"/collections/\(handle)/\(path)\">\(label.liquidString)</a>"
    }
}
