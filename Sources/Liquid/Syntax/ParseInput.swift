/// What every expression parser of one template parse reads: the source bytes, the error mode
/// and the filter table; and the stack of nodes the template parsers push. One object made per template, so making and dropping an expression
/// parser (one per output and tag) retains and releases one reference, not one per field.
///
/// `base` points into `storage`, which this object keeps alive and never mutates (so it never
/// moves): parsers read bytes through it without touching the array.
final class ParseInput: @unchecked Sendable {
    /// The template source, or one zero byte when the source is empty (so `base` always points
    /// at live memory; `count` stays 0 and nothing reads it).
    private let storage: [UInt8]
    let base: UnsafePointer<UInt8>
    /// The number of source bytes; every read is below it.
    let count: Int
    let mode: ErrorMode
    /// The environment's filters, found by the bytes of their names.
    let filterNames: NameTable<FilterDefinition>
    /// `filterNames` unretained, for lookups from a parser: the parser holds this object, which
    /// holds the table, so the table outlives every lookup and none has to retain it.
    let filters: Unmanaged<NameTable<FilterDefinition>>
    /// The nodes of the bodies being parsed (see `NodeSlots`), freed with this object: one
    /// object per template owns both.
    let nodes: NodeSlots
    /// Where the template's paths are stored; the template takes it once parsed.
    let arena: SyntaxArena
    /// Whether the template took `arena` (otherwise this object frees it).
    private var arenaTaken = false

    init(source: [UInt8], mode: ErrorMode, filterNames: NameTable<FilterDefinition>) {
        storage = source.isEmpty ? [0] : source
        base = storage.withUnsafeBufferPointer { $0.baseAddress! }
        count = source.count
        self.mode = mode
        self.filterNames = filterNames
        filters = Unmanaged.passUnretained(filterNames)
        nodes = NodeSlots.make()
        arena = SyntaxArena(sourceBytes: source.count)
    }

    deinit {
        nodes.free()
        if !arenaTaken { arena.free() }
    }

    /// The arena, for the parsed template to keep and free.
    func takeArena() -> SyntaxArena {
        precondition(!arenaTaken)
        arenaTaken = true
        return arena
    }

    /// `range` of the source as a String (see `Bytes.string`).
    func string(_ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= count)
        let n = range.count
        guard n > 0 else { return "" }
        let from = base + range.lowerBound
        return String(unsafeUninitializedCapacity: n) { out in
            out.baseAddress!.initialize(from: from, count: n)
            return n
        }
    }
}
