import Liquid
import Testing

/// Liquid's JSON decoder: escapes, surrogates, numbers, and where its errors point.
@Suite("JSON decoding")
struct JSONParserTests {
    static func parse(_ text: String) throws -> Value { try JSONParser.parse(Array(text.utf8)) }

    static func failure(_ text: String) -> JSONParser.Error? {
        do {
            _ = try parse(text)
            return nil
        } catch let e as JSONParser.Error {
            return e
        } catch {
            return nil
        }
    }

    @Test func escapesAndSurrogates() throws {
        #expect(try Self.parse(#""a\"b\\c\/d\n\t\u00e9""#) == .string("a\"b\\c/d\n\té"))
        #expect(try Self.parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try Self.parse(#""x\ud83d y""#) == .string("x\u{FFFD} y"))  // a lone high surrogate
        #expect(try Self.parse(#""\ude00""#) == .string("\u{FFFD}"))  // a lone low surrogate
    }

    @Test func numbers() throws {
        #expect(try Self.parse("[-12, 1.5, 2e3, 7E-1]") == .array([.int(-12), .double(1.5), .double(2000), .double(0.7)]))
        #expect(Self.failure("1.")?.message == "invalid number")
        #expect(Self.failure("-")?.message == "invalid number")
        #expect(Self.failure("2e+")?.message == "invalid number")
    }

    @Test func badEscapesSayWhatAndWhere() {
        let e = Self.failure(#"{"a": "x\q"}"#)
        #expect(e?.message == "invalid escape '\\q'")
        #expect(e?.line == 1)
        #expect(Self.failure(#""\u12g4""#)?.message == "invalid \\u escape")
        #expect(Self.failure(#""\ud83d\u0041""#)?.message == "invalid surrogate pair")
    }
}
