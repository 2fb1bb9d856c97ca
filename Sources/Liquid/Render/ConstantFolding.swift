import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Constant folding of outputs: `{{ 'theme.css' | asset_url | stylesheet_tag }}`, whose input
/// and arguments are literals and whose filters are all pure (`FilterDefinition.isPure`), prints
/// the same text on every render. It is computed once, when the template is parsed, and the node
/// prints it (`FoldedOutputNode`).
///
/// Only what cannot differ between renders is folded: a literal input (not a variable, range
/// or `empty`/`blank`), every filter known, pure, with literal arguments of the right number. An
/// output whose evaluation throws is not folded (it keeps raising its error, at its place and
/// under the render's error policy, on every render), nor one whose text is long (a render's
/// output limit still applies to the text as it is printed).
enum ConstantFolding {
    /// Longest text folded: the outputs worth folding are URLs and tags.
    static let maxFoldedBytes = 1024

    /// Push the output `expression`, parsed from `markup` in `mode`, as a folded node; false
    /// (nothing pushed) when it is not constant.
    ///
    /// Folded texts are kept in `FoldTable`, shared by all templates: the same output in a
    /// layout parsed again, or in another template, costs a lookup by its markup instead of the
    /// filters' work (as much as a render of it, and a template may be rendered only once).
    /// When the table is full, a text is folded for its template alone (`OwnedFoldedOutputNode`).
    static func fold(_ expression: borrowing FilteredExpression, markup: UnsafeBufferPointer<UInt8>, mode: ErrorMode,
                     into nodes: NodeSlots) -> Bool {
        guard case .literal = expression.base, let first = expression.firstFilter, markup.count > 0 else { return false }
        var call: FilterCall? = first
        // The definitions' addresses, mixed into the key: the same markup folds to the same text
        // only with the same filters.
        var definitions = 0
        while let c = call {
            guard c.constantArityChecked, c.constantsUnretained != nil, let definition = c.definitionUnretained,
                  definition._withUnsafeGuaranteedRef({ $0.isPure })
            else { return false }
            definitions = (definitions &* 31) &+ Int(bitPattern: definition.toOpaque())
            call = c.next
        }
        let hash = FoldTable.hash(markup, mode: mode, definitions: definitions)
        if let text = FoldTable.text(hash: hash, markup: markup, mode: mode, first) {
            nodes.push(FoldedOutputNode(text: text, firstFilter: first, offset: expression.offset))
            return true
        }
        guard let made = evaluate(expression) else { return false }
        // Kept in the table unless it is full: then a node of the template's own holds it.
        if !FoldTable.isFull, let text = FoldTable.insert(made, hash: hash, markup: markup, mode: mode, first) {
            nodes.push(FoldedOutputNode(text: text, firstFilter: first, offset: expression.offset))
            return true
        }
        nodes.push(OwnedFoldedOutputNode(text: made, firstFilter: first, offset: expression.offset))
        return true
    }

    /// The text the output prints, rendered as a render would print it; nil if that throws.
    private static func evaluate(_ expression: borrowing FilteredExpression) -> FoldedText? {
        // Pure filters never read the context they are given, so any context will do: one is
        // shared by every parse, taken out while in use (a parse on another thread at the same
        // time makes its own; a pure filter may itself parse a template).
        let context = spare.withLock { $0.take() } ?? makeContext()
        defer { spare.withLock { if case .none = $0 { $0 = context } } }
        var out = OutputBuffer(capacity: 256)
        do {
            try context.value.write(expression, into: &out)
        } catch {
            return nil
        }
        guard out.count <= maxFoldedBytes else { return nil }
        return FoldedText.make(out)
    }

    /// A context for evaluating pure filters: never rendered with, never holds data.
    private struct FoldingContext: @unchecked Sendable {
        let value: RenderContext
    }

    private static func makeContext() -> FoldingContext {
        FoldingContext(value: RenderContext(environment: Environment()))
    }

    private static let spare = Mutex<FoldingContext?>(nil)
}

/// Folded texts by the markup they were folded from, with the error mode it was parsed in and
/// the filter definitions its calls resolved to. An open-addressed table of `slots` entries
/// that takes at most half as many: read without a lock (a slot, once set, never changes) and
/// filled by compare-and-swap. Entries are never freed: they hold at most `maxEntries` texts of
/// at most `ConstantFolding.maxFoldedBytes`, and their filter definitions (so that the
/// definitions' addresses, part of the key, are never reused by other definitions).
enum FoldTable {
    static let slots = 4096
    static let maxEntries = slots / 2

    /// What a slot points to. Immortal, immutable.
    struct Entry {
        let hash: Int
        let mode: ErrorMode
        let markup: UnsafeBufferPointer<UInt8>
        /// The calls' definitions, in order (retained, never released).
        let definitions: UnsafeBufferPointer<UnsafeMutableRawPointer>
        /// Retained, never released.
        let text: Unmanaged<FoldedText>

        func matches(hash: Int, markup: UnsafeBufferPointer<UInt8>, mode: ErrorMode, _ first: FilterCall) -> Bool {
            guard self.hash == hash, self.mode == mode, self.markup.count == markup.count,
                  memcmp(self.markup.baseAddress!, markup.baseAddress!, markup.count) == 0
            else { return false }
            var call: FilterCall? = first
            for definition in definitions {
                guard let c = call, c.definitionUnretained?.toOpaque() == UnsafeMutableRawPointer(definition) else { return false }
                call = c.next
            }
            return call == nil
        }
    }

    // Atomics, so shared without a lock.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<Atomic<UInt>> = {
        let table = UnsafeMutablePointer<Atomic<UInt>>.allocate(capacity: slots)
        for i in 0..<slots { (table + i).initialize(to: Atomic(0)) }
        return table
    }()
    private static let count = Atomic<Int>(0)

    static var isFull: Bool { count.load(ordering: .relaxed) >= maxEntries }

    /// FNV-1a over the markup, eight bytes at a time, with the definitions and mode.
    static func hash(_ markup: UnsafeBufferPointer<UInt8>, mode: ErrorMode, definitions: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bitPattern: Int64(definitions))
        let base = UnsafeRawPointer(markup.baseAddress!), n = markup.count
        var i = 0
        while i &+ 8 <= n {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x100_0000_01b3
            h ^= h >> 29
            i &+= 8
        }
        while i < n {
            h = (h ^ UInt64(base.load(fromByteOffset: i, as: UInt8.self))) &* 0x100_0000_01b3
            i &+= 1
        }
        h = (h ^ (mode == .lax ? 1 : 2)) &* 0x100_0000_01b3
        return Int(bitPattern: UInt(h ^ (h >> 32)))
    }

    /// The text folded for this output before, if any.
    static func text(hash: Int, markup: UnsafeBufferPointer<UInt8>, mode: ErrorMode, _ first: FilterCall) -> Unmanaged<FoldedText>? {
        var i = hash & (slots - 1)
        while true {
            let address = table[i].load(ordering: .acquiring)
            guard let entry = UnsafePointer<Entry>(bitPattern: address) else { return nil }
            if entry.pointee.matches(hash: hash, markup: markup, mode: mode, first) { return entry.pointee.text }
            i = (i + 1) & (slots - 1)
        }
    }

    /// Keep `text` for this output; the text kept (another thread's if it got there first), or
    /// nil when the table is full.
    static func insert(_ text: FoldedText, hash: Int, markup: UnsafeBufferPointer<UInt8>, mode: ErrorMode,
                       _ first: FilterCall) -> Unmanaged<FoldedText>? {
        guard count.add(1, ordering: .relaxed).newValue <= maxEntries else { return nil }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: markup.count)
        _ = bytes.initialize(from: markup)
        var definitions: [UnsafeMutableRawPointer] = []
        var call: FilterCall? = first
        while let c = call {
            definitions.append(c.definitionUnretained.unsafelyUnwrapped.retain().toOpaque())
            call = c.next
        }
        let kept = UnsafeMutableBufferPointer<UnsafeMutableRawPointer>.allocate(capacity: definitions.count)
        _ = kept.initialize(from: definitions)
        let entry = UnsafeMutablePointer<Entry>.allocate(capacity: 1)
        entry.initialize(to: Entry(hash: hash, mode: mode, markup: UnsafeBufferPointer(bytes),
                                   definitions: UnsafeBufferPointer(kept), text: Unmanaged.passRetained(text)))
        let address = UInt(bitPattern: entry)
        var i = hash & (slots - 1)
        while true {
            let (exchanged, found) = table[i].compareExchange(expected: 0, desired: address, ordering: .acquiringAndReleasing)
            if exchanged { return entry.pointee.text }
            let other = UnsafePointer<Entry>(bitPattern: found).unsafelyUnwrapped
            if other.pointee.matches(hash: hash, markup: markup, mode: mode, first) {
                // Another thread folded the same output first: ours is dropped (rare; the few
                // bytes of the entry itself are left, as entries are).
                entry.pointee.text.release()
                for d in kept { Unmanaged<FilterDefinition>.fromOpaque(d).release() }
                return other.pointee.text
            }
            i = (i + 1) & (slots - 1)
        }
    }
}

/// The text of a folded output, in one allocation; immutable once made.
final class FoldedText: ManagedBuffer<FoldedText.Header, UInt8> {
    struct Header {
        let count: Int
        /// Whether the bytes are known to be whole UTF-8 (as the buffer they came from knew).
        let knownUTF8: Bool
    }

    static func make(_ buffer: borrowing OutputBuffer) -> FoldedText {
        let n = buffer.count
        let knownUTF8 = buffer.knownUTF8
        let made = create(minimumCapacity: n) { _ in Header(count: n, knownUTF8: knownUTF8) }
        made.withUnsafeMutablePointerToElements { elements in
            buffer.withUnsafeBytes { bytes in
                if n > 0 { elements.initialize(from: bytes.baseAddress!, count: n) }
            }
        }
        return unsafeDowncast(made, to: FoldedText.self)
    }

    @inline(__always)
    func write(into out: inout OutputBuffer) {
        withUnsafeMutablePointers { header, elements in
            let bytes = UnsafeBufferPointer(start: UnsafePointer(elements), count: header.pointee.count)
            if header.pointee.knownUTF8 { out.append(utf8: bytes) } else { out.append(bytes) }
        }
    }

    var string: String {
        withUnsafeMutablePointers { header, elements in
            String(decoding: UnsafeBufferPointer(start: elements, count: header.pointee.count), as: UTF8.self)
        }
    }
}

/// An output whose text was computed when the template was parsed (see `ConstantFolding`).
/// Keeps the output's filter calls and place, so that `Template.analyze()` reports them as it
/// does for any output. Three words, stored inline in its `any Node`, and trivial: its text is
/// held by `FoldTable`, which never frees it. Sendable: the text is never written after the
/// node is made.
struct FoldedOutputNode: Node, @unchecked Sendable {
    let text: Unmanaged<FoldedText>
    /// The output's filters, for analysis (their input is a literal: nothing to analyze).
    let firstFilter: FilterCall
    let offset: Int

    /// The text of the node at `node`, printed in place.
    @inline(__always)
    static func write(at node: UnsafePointer<FoldedOutputNode>, into out: inout OutputBuffer) {
        node.pointee.text._withUnsafeGuaranteedRef { $0.write(into: &out) }
    }

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        text._withUnsafeGuaranteedRef { $0.write(into: &out) }
    }

    func analyze(_ analysis: inout Analysis) {
        // The input is a literal, which analysis reports nothing for.
        analysis.add(FilteredExpression(base: .empty, firstFilter: firstFilter, offset: offset))
    }
}

/// A folded output holding its own text: made only when `FoldTable` is full.
struct OwnedFoldedOutputNode: Node, @unchecked Sendable {
    let text: FoldedText
    let firstFilter: FilterCall
    let offset: Int

    func render(_ context: RenderContext, into out: inout OutputBuffer) throws {
        text.write(into: &out)
    }

    func analyze(_ analysis: inout Analysis) {
        analysis.add(FilteredExpression(base: .empty, firstFilter: firstFilter, offset: offset))
    }
}
