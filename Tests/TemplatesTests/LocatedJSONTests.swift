import Testing
@testable import Templates

/// The project loader's JSON reader shares its scanning with Liquid's decoder and keeps its own,
/// more specific messages and positions.
@Suite("Located JSON")
struct LocatedJSONTests {
    static func failure(_ text: String) -> LocatedJSON.SyntaxError? {
        do {
            _ = try LocatedJSON.parse(Array(text.utf8), file: "t.json")
            return nil
        } catch {
            return error
        }
    }

    @Test func numberMessagesNameThePart() {
        #expect(Self.failure(#"{"a": 1.}"#)?.message == "invalid number: digits must follow '.'")
        #expect(Self.failure(#"{"a": 2e}"#)?.message == "invalid number: digits must follow the exponent")
        #expect(Self.failure(#"{"a": -}"#)?.message == "invalid number")
    }

    @Test func aBadEscapeIsPointedAtItsLetter() {
        let e = Self.failure("{\"a\": \"x\\q\"}")
        #expect(e?.message == "invalid escape '\\q'")
        #expect(e?.line == 1)
        #expect(e?.column == 10)  // the `q`
    }

    @Test func escapesDecode() throws {
        let node = try LocatedJSON.parse(Array(#"{"a": "\ud83d\ude00 \u00e9\n"}"#.utf8), file: "t.json")
        guard case .object(let members) = node.kind, case .string(let s) = members.first?.value.kind else {
            Issue.record("expected an object with a string")
            return
        }
        #expect(s == "😀 é\n")
    }
}
