/// What a template uses, with positions: the preview server builds sample-data scaffolds and
/// "unknown variable" hints from it.
public struct Analysis: Sendable {
    public struct Use: Sendable, Equatable {
        public let name: String
        public let line: Int
        public let column: Int
    }

    /// Variable paths read by the template, as written (`customer.name`, `items[0]`), excluding
    /// names the template itself assigns or loops over.
    public private(set) var variables: [Use] = []
    public private(set) var filters: [Use] = []
    public private(set) var tags: [Use] = []
    /// Partials named by `render` and `include` with a literal name.
    public private(set) var partials: [Use] = []
    /// Names the template defines (assign, capture, loop variables, increment counters).
    public private(set) var locals: Set<String> = []
    /// Strings custom tags report for tools, by kind (Knock's `{% t %}` reports its keys as
    /// "translation"), in template order.
    public private(set) var notes: [String: [Use]] = [:]

    let source: [UInt8]
    /// Byte offset where each line starts, found once, so each use's position is a binary search
    /// rather than a scan from the top.
    private let lineStarts: [Int]

    init(source: [UInt8]) {
        self.source = source
        var starts = [0]
        for (i, b) in source.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The root names of `variables`, each once, in first-use order.
    public var globalNames: [String] {
        var seen = Set<String>()
        return variables.compactMap { use in
            let root = String(use.name.prefix { $0 != "." && $0 != "[" })
            return seen.insert(root).inserted ? root : nil
        }
    }

    func position(_ offset: Int) -> (Int, Int) {
        let at = min(max(offset, 0), source.count)
        // The last line start at or before `at`.
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= at { lo = mid } else { hi = mid - 1 }
        }
        let column = String(decoding: source[lineStarts[lo]..<at], as: UTF8.self).count + 1
        return (lo + 1, column)
    }

    public mutating func addVariable(_ path: VariablePath) {
        if case .key(let root) = path.root, locals.contains(root) { return }
        let (l, c) = position(path.offset)
        variables.append(Use(name: path.description, line: l, column: c))
        for segment in path.segments { if case .dynamic(let e) = segment { add(e) } }
    }

    public mutating func addFilter(_ name: String, at offset: Int) {
        let (l, c) = position(offset)
        filters.append(Use(name: name, line: l, column: c))
    }

    public mutating func addTag(_ name: String, at offset: Int) {
        let (l, c) = position(offset)
        tags.append(Use(name: name, line: l, column: c))
    }

    public mutating func addPartial(_ name: String, at offset: Int) {
        let (l, c) = position(offset)
        partials.append(Use(name: name, line: l, column: c))
    }

    public mutating func defineLocal(_ name: String) { locals.insert(name) }

    /// Report a string of some kind for tools (a translation key, say).
    public mutating func addNote(_ kind: String, _ value: String, at offset: Int) {
        let (l, c) = position(offset)
        notes[kind, default: []].append(Use(name: value, line: l, column: c))
    }

    public mutating func add(_ expression: Expression) {
        switch expression {
        case .variable(let p): addVariable(p)
        case .range(let r): add(r.lower); add(r.upper)
        default: break
        }
    }

    public mutating func add(_ filtered: FilteredExpression) {
        add(filtered.base)
        var call = filtered.firstFilter
        while let f = call {
            addFilter(f.name, at: f.offset)
            for argument in f.expressionArguments {
                switch argument {
                case .positional(let a), .keyword(_, let a): add(a)
                }
            }
            call = f.next
        }
    }

    public mutating func add(_ condition: Condition) {
        switch condition {
        case .test(let e): add(e)
        case .comparison(let a, _, let b): add(a); add(b)
        case .and(let a, let b), .or(let a, let b): add(a); add(b)
        }
    }
}
