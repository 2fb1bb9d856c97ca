import Testing
@testable import Liquid

/// Printing a stored string reads its UTF-8 where it is (`StringInPlace`): every form of String
/// must print as itself.
@Suite("Strings read in place")
struct StringInPlaceTests {
    @Test func everyFormReadsBackOnThisPlatform() {
        #expect(StringInPlace.isSupported)
    }

    @Test func storedStringsPrintAsThemselves() throws {
        let large = String(repeating: "x\u{e9}\u{1F600}", count: 30)
        let strings: [String] = [
            "", "a", "fifteen bytes!!", "sixteen bytes!!!", "caf\u{e9}", "a literal that is longer than fifteen bytes",
            large, String(large.dropFirst(2)), String(large.prefix(4)), large.lowercased(),
            String(decoding: Array("made from bytes, long enough to be large".utf8), as: UTF8.self),
        ]
        let template = try Environment().parse("{% for s in list %}[{{ s }}]{% endfor %}{{ one }}|{{ o.k }}")
        for s in strings {
            var object = LiquidObject()
            object["k"] = .string(s)
            let out = try template.render(globals: ["list": .array([.string(s), .string(s)]), "one": .string(s), "o": .object(object)])
            #expect(out == "[\(s)][\(s)]\(s)|\(s)")
        }
    }
}
