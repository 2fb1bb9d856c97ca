/// Where one template's variable paths, filter calls, literals, `if` branches and nodes are
/// stored: in a few chunks made and freed with the template, instead of one object each. A template of the Shopify workload has
/// about 25 paths and 16 filter calls, and making and freeing an object each was a large part of
/// parsing (about 400 instructions to free one, whatever it holds).
///
/// Made by the template's `ParseInput`; the `Template` takes it once parsed and frees it when it
/// is freed, so its values live exactly as long as the nodes that refer to them (a parse that
/// fails leaves it to the `ParseInput` to free). Written only while the template is parsed (by
/// one thread), read-only after: `@unchecked Sendable`.
struct SyntaxArena: @unchecked Sendable {
    let paths: ArenaSlab<VariablePath.Storage>
    let calls: ArenaSlab<FilterCall.Storage>
    /// Literal values of expressions (other than the shared commonest ones).
    let literals: ArenaSlab<Value>
    /// The branches of `if` and `unless` tags.
    let branches: ArenaSlab<IfTag.Branch>
    /// The bounds of range expressions that are not literals (rare).
    let ranges: ArenaSlab<RangeExpression.Bounds>
    /// Constant outputs and the text each keeps after its first render (see `ConstantFolding`).
    let foldedOutputs: ArenaSlab<FoldedOutput>
    /// The nodes of every body.
    let nodes: NodeRuns
    /// The states and first chunks of all three, in one allocation.
    private let block: UnsafeMutableRawPointer

    /// An arena sized for a template of `sourceBytes`: the first chunks hold what a template
    /// of that size usually needs (about one path per 100 bytes, one call per 150, a literal and
    /// an `if` branch per 250 and a node slot per 24 in the Shopify workload), so most templates need no further chunk.
    init(sourceBytes: Int) {
        let pathCapacity = min(max(sourceBytes / 100, 4), 512)
        let callCapacity = min(max(sourceBytes / 150, 4), 512)
        let literalCapacity = min(max(sourceBytes / 250, 4), 512)
        let branchCapacity = min(max(sourceBytes / 250, 4), 512)
        let nodeCapacity = min(max(sourceBytes / 24, 8), 2048)
        let pathBytes = ArenaSlab<VariablePath.Storage>.firstBytes(capacity: pathCapacity)
        let callBytes = ArenaSlab<FilterCall.Storage>.firstBytes(capacity: callCapacity)
        let literalBytes = ArenaSlab<Value>.firstBytes(capacity: literalCapacity)
        let branchBytes = ArenaSlab<IfTag.Branch>.firstBytes(capacity: branchCapacity)
        let rangeBytes = ArenaSlab<RangeExpression.Bounds>.firstBytes(capacity: 1)
        let foldedCapacity = min(max(sourceBytes / 500, 2), 256)
        let foldedBytes = ArenaSlab<FoldedOutput>.firstBytes(capacity: foldedCapacity)
        block = ArenaMemory.allocate(pathBytes + callBytes + literalBytes + branchBytes + rangeBytes + foldedBytes
                                     + NodeRuns.firstBytes(capacity: nodeCapacity))
        var at = block
        paths = ArenaSlab(at: at, capacity: pathCapacity)
        at += pathBytes
        calls = ArenaSlab(at: at, capacity: callCapacity)
        at += callBytes
        literals = ArenaSlab(at: at, capacity: literalCapacity)
        at += literalBytes
        branches = ArenaSlab(at: at, capacity: branchCapacity)
        at += branchBytes
        ranges = ArenaSlab(at: at, capacity: 1)
        at += rangeBytes
        foldedOutputs = ArenaSlab(at: at, capacity: foldedCapacity)
        at += foldedBytes
        nodes = NodeRuns(at: at, capacity: nodeCapacity)
    }

    /// Destroy everything stored; every reference into the arena is invalid after.
    func free() {
        nodes.free()
        paths.free()
        calls.free()
        literals.free()
        branches.free()
        ranges.free()
        foldedOutputs.forEach(FoldedOutput.releaseText)
        foldedOutputs.free()
        ArenaMemory.free(block)
    }
}

/// A reference to a value in a `SyntaxArena`.
///
/// Held as an `Unmanaged` class reference to the value's address (the address is never used as
/// an object): an enum holding one keeps the spare bits of a class reference, so `Expression`
/// stays one word and a node holding expressions fits an existential's inline storage. Copying
/// it counts no references. Slots are 16-byte aligned, as objects are, so the bits an enum may
/// use are zero.
struct ArenaRef<Element>: @unchecked Sendable {
    private let address: Unmanaged<ArenaSlotMarker>

    init(_ pointer: UnsafeMutablePointer<Element>) {
        address = Unmanaged.fromOpaque(UnsafeRawPointer(pointer))
    }

    @inline(__always)
    var pointer: UnsafePointer<Element> {
        UnsafeRawPointer(address.toOpaque()).assumingMemoryBound(to: Element.self)
    }
}

/// The class an `ArenaRef` pretends to refer to. Never instantiated.
final class ArenaSlotMarker {}
