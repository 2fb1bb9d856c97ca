/// Where each scope pushed on a render's stack starts: a last-in, first-out list of indices.
/// Loops and includes rarely nest past eight, so the first eight are stored inline and a
/// render that loops allocates nothing for them; deeper nesting spills into an array.
struct ScopeStarts {
    private var inline: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
    private var spilled: [Int] = []
    private(set) var count = 0

    private static let inlineCount = 8

    mutating func append(_ start: Int) {
        if count < Self.inlineCount {
            let at = count
            withUnsafeMutableBytes(of: &inline) { $0.storeBytes(of: start, toByteOffset: at &* MemoryLayout<Int>.stride, as: Int.self) }
        } else {
            spilled.append(start)
        }
        count &+= 1
    }

    /// The innermost scope's start, nil when none is pushed.
    var last: Int? { count == 0 ? nil : self[count &- 1] }

    mutating func removeLast() -> Int {
        precondition(count > 0, "no scope to pop")
        let start = self[count &- 1]
        count &-= 1
        if count >= Self.inlineCount { spilled.removeLast() }
        return start
    }

    private subscript(i: Int) -> Int {
        if i < Self.inlineCount {
            return withUnsafeBytes(of: inline) { $0.load(fromByteOffset: i &* MemoryLayout<Int>.stride, as: Int.self) }
        }
        return spilled[i &- Self.inlineCount]
    }
}
