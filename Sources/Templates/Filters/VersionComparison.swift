/// `compare_versions` (knock-spec §1.2): semantic-version order, forgiving of what apps send.
///
/// - The core is dot-separated numbers; missing parts are 0 (`"1.2"` equals `"1.2.0"`), a leading
///   "v" is ignored, and a part that does not start with digits counts as 0 (`"1.x"` is `"1.0"`);
///   only its leading digits count (`"2rc"` is 2). Numbers too large for an Int compare by digits.
/// - After a "-" comes a pre-release, which sorts before the release (`1.0.0-beta < 1.0.0`);
///   pre-releases compare as SemVer says: identifier by identifier, numbers numerically and before
///   words, words in ASCII order, a shorter list first when all else is equal.
/// - Build metadata after "+" is ignored.
enum VersionComparison {
    /// -1, 0 or 1 as `a` is before, equal to or after `b`.
    static func compare(_ a: String, _ b: String) -> Int {
        let x = Version(a), y = Version(b)
        for i in 0..<max(x.core.count, y.core.count) {
            let order = compareNumbers(i < x.core.count ? x.core[i] : "0", i < y.core.count ? y.core[i] : "0")
            if order != 0 { return order }
        }
        switch (x.preRelease, y.preRelease) {
        case (nil, nil): return 0
        case (nil, _): return 1
        case (_, nil): return -1
        case let (p?, q?):
            for (l, r) in zip(p, q) {
                let order = compareIdentifiers(l, r)
                if order != 0 { return order }
            }
            return p.count == q.count ? 0 : (p.count < q.count ? -1 : 1)
        }
    }

    struct Version {
        /// Each core part's digits, without leading zeros ("" for 0).
        var core: [Substring] = []
        var preRelease: [Substring]?

        init(_ text: String) {
            var rest = Substring(text)
            while let first = rest.first, first.isWhitespace { rest.removeFirst() }
            while let last = rest.last, last.isWhitespace { rest.removeLast() }
            if let plus = rest.firstIndex(of: "+") { rest = rest[..<plus] }
            if rest.first == "v" || rest.first == "V" { rest = rest.dropFirst() }
            if let dash = rest.firstIndex(of: "-") {
                preRelease = rest[rest.index(after: dash)...].split(separator: ".", omittingEmptySubsequences: false)
                rest = rest[..<dash]
            }
            core = rest.split(separator: ".", omittingEmptySubsequences: false).map { part in
                let digits = part.prefix(while: { $0.isASCII && $0.isNumber })
                return digits.drop(while: { $0 == "0" })
            }
        }
    }

    /// Digit strings without leading zeros: longer is larger, else character order.
    static func compareNumbers(_ a: Substring, _ b: Substring) -> Int {
        let a = a.drop(while: { $0 == "0" }), b = b.drop(while: { $0 == "0" })
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    static func compareIdentifiers(_ a: Substring, _ b: Substring) -> Int {
        let aNumeric = !a.isEmpty && a.allSatisfy { $0.isASCII && $0.isNumber }
        let bNumeric = !b.isEmpty && b.allSatisfy { $0.isASCII && $0.isNumber }
        switch (aNumeric, bNumeric) {
        case (true, true): return compareNumbers(a, b)
        case (true, false): return -1
        case (false, true): return 1
        case (false, false): return a == b ? 0 : (a.utf8.lexicographicallyPrecedes(b.utf8) ? -1 : 1)
        }
    }
}
