/// What ends the body `TemplateParser.parseBody(until:)` parses: which tags close it and the
/// block's name for errors.
protocol BodyTerminators {
    /// The place among the terminators of the tag whose name is `count` bytes at `bytes` (and
    /// `name` as a String), or -1 when the tag ends nothing.
    func terminator(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ name: String) -> Int
    /// Whether reaching the end of the source without a terminator is an error.
    var mustClose: Bool { get }
    /// The block's name, for errors.
    var blockNameString: String? { get }
}

/// The terminators of a built-in block tag, as literals: passing them around retains and
/// releases nothing, unlike an array of Strings, and a terminator is matched on its bytes.
struct BodyEnds: BodyTerminators {
    let blockName: StaticString
    /// Up to three terminators; unused ones are empty.
    let first: StaticString
    let second: StaticString
    let third: StaticString
    let mustClose: Bool

    init(_ blockName: StaticString, _ first: StaticString, _ second: StaticString = "", _ third: StaticString = "") {
        self.blockName = blockName
        self.first = first
        self.second = second
        self.third = third
        mustClose = true
    }

    private init(document: ()) {
        blockName = ""
        first = ""
        second = ""
        third = ""
        mustClose = false
    }

    /// The document's body: ends at the end of the source, terminated by nothing.
    static var document: BodyEnds { BodyEnds(document: ()) }

    var blockNameString: String? { mustClose ? blockName.description : nil }

    @inline(__always)
    func terminator(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ name: String) -> Int {
        if Self.same(first, bytes, count) { return 0 }
        if Self.same(second, bytes, count) { return 1 }
        if Self.same(third, bytes, count) { return 2 }
        return -1
    }

    /// Whether the literal is the `count` bytes at `bytes` (an empty literal matches nothing:
    /// tag names are never empty). Lengths first: most tags end nothing.
    @inline(__always)
    private static func same(_ literal: StaticString, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        guard literal.utf8CodeUnitCount == count else { return false }
        let p = literal.utf8Start
        for i in 0..<count where p[i] != bytes[i] { return false }
        return true
    }
}

/// Terminators given as Strings, by custom tags through the public `parseBody(endingAt:blockName:)`.
struct NamedEnds: BodyTerminators {
    let ends: [String]
    let blockName: String?

    var mustClose: Bool { true }
    var blockNameString: String? { blockName }

    func terminator(_ bytes: UnsafePointer<UInt8>, _ count: Int, _ name: String) -> Int {
        // Lengths first: `==` between two different Strings is a call.
        for (i, end) in ends.enumerated() where end.utf8.count == count && end == name { return i }
        return -1
    }
}

/// A parsed body, the tag that ended it (nil at the end of the document) and that tag's place
/// among the terminators (-1 when none). A tuple, so callers take it apart without copying the
/// body out of it.
typealias ParsedBody = (block: Block, end: TagToken?, endIndex: Int)
