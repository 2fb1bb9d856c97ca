import Liquid
import Testing

/// `OutputBuffer.string` skips validation only when every append was known to be whole UTF-8;
/// anything else is validated and repaired, as `String(decoding:as:)` does.
@Suite("Output buffer")
struct OutputBufferTests {
    @Test func knownUTF8IsCopiedAsIs() {
        var out = OutputBuffer(capacity: 4)
        out.append("Grüße, ")
        out.append(literal: "€")
        out.append(decimal: -42)
        out.append(UInt8(ascii: "!"))
        #expect(out.string == "Grüße, €-42!")
        #expect(out.string.unicodeScalars.count == 12)
    }

    @Test func rawBytesAreValidated() {
        var out = OutputBuffer()
        out.append("ok ")
        [UInt8(0xE2), 0x82].withUnsafeBufferPointer { out.append($0) }  // a cut-off "€"
        #expect(out.string == "ok \u{FFFD}")
    }

    @Test func aLoneHighByteIsValidated() {
        var out = OutputBuffer()
        out.append(UInt8(0xFF))
        #expect(out.string == "\u{FFFD}")
    }

    @Test func copiesKeepTheirOwnBytes() {
        var a = OutputBuffer(capacity: 2)
        a.append("abc")
        var b = a
        b.append("def")
        a.append("!")
        #expect(a.string == "abc!")
        #expect(b.string == "abcdef")
    }

    @Test func removeAllStartsOverAndForgetsRawBytes() {
        var out = OutputBuffer()
        [UInt8(0xFF)].withUnsafeBufferPointer { out.append($0) }
        out.removeAll()
        out.append("fine")
        #expect(out.count == 4)
        #expect(out.string == "fine")
    }
}
