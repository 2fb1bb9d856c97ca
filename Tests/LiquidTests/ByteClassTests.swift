import Testing
@testable import Liquid

/// The lexer reads byte classes from a table; it must agree with the range tests it replaces.
@Suite("Byte class table")
struct ByteClassTests {
    @Test func tableAgreesWithTheRangeTests() {
        #expect(ByteClass.table.utf8CodeUnitCount == 256)
        for b in 0...255 {
            let byte = UInt8(b), c = ByteClass.of(byte)
            #expect((c & ByteClass.whitespace != 0) == Bytes.isWhitespace(byte), "whitespace \(b)")
            #expect((c & ByteClass.word != 0) == Bytes.isWord(byte), "word \(b)")
            #expect((c & ByteClass.identifierPart != 0) == (Bytes.isWord(byte) || byte == UInt8(ascii: "-")), "identifier \(b)")
        }
    }
}
