import Testing
@testable import Liquid

/// Objects built from literal pairs: order kept, a repeated key in its first place with its last
/// value, lookups by key and through the index of a large object.
@Suite("Liquid objects")
struct LiquidObjectTests {
    @Test func pairsKeepOrderAndTheLastValueOfARepeatedKey() {
        let o = LiquidObject([("b", 1), ("a", 2), ("b", 3), ("c", 4)])
        #expect(o.keys == ["b", "a", "c"])
        #expect(o.values == [3, 2, 4])
        #expect(o["b"] == 3)
        #expect(o["missing"] == nil)
    }

    @Test func aDictionaryLiteralValueIsAnObjectInOrder() {
        let v: Value = ["title": "t", "is_link": true, "title": "u"]
        guard case .object(let o) = v else {
            Issue.record("expected an object")
            return
        }
        #expect(o.keys == ["title", "is_link"])
        #expect(o["title"] == "u")
    }

    @Test func manyPairsAreIndexedAndStillDeduplicated() {
        var pairs: [(String, Value)] = (0..<40).map { ("k\($0)", .int($0)) }
        pairs.append(("k7", 700))
        let o = LiquidObject(pairs)
        #expect(o.count == 40)
        #expect(o["k7"] == 700)
        #expect(o["k39"] == 39)
        #expect(o.keys.first == "k0")
    }
}
