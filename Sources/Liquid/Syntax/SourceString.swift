extension Bytes {
    /// `source[range]` as a String, invalid UTF-8 repaired as `String(decoding:as:)` does.
    /// Goes through `String(unsafeUninitializedCapacity:)`, whose small-string path packs up to 15
    /// ASCII bytes with one word-wide ASCII test: names and short literals, the usual case, cost
    /// far less than `String(decoding:)`'s validation.
    static func string(_ source: [UInt8], _ range: Range<Int>) -> String {
        precondition(range.lowerBound >= 0 && range.upperBound <= source.count)
        let count = range.count
        guard count > 0 else { return "" }
        return source.withUnsafeBufferPointer { buf in
            let from = buf.baseAddress! + range.lowerBound
            return String(unsafeUninitializedCapacity: count) { out in
                out.baseAddress!.initialize(from: from, count: count)
                return count
            }
        }
    }
}
