import Liquid
import Testing

/// `OutputBuffer.string` skips validation only when every append was known to be whole UTF-8;
/// anything else is validated and repaired, as `String(decoding:as:)` does. The buffer is
/// non-copyable and grows as it is written.
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

    @Test func growsPastItsCapacityKeepingWhatWasWritten() {
        var out = OutputBuffer(capacity: 2)
        for i in 0..<100 { out.append(decimal: i % 10) }
        out.append(String(repeating: "x", count: 40))
        #expect(out.count == 140)
        #expect(out.string == String(repeating: "0123456789", count: 10) + String(repeating: "x", count: 40))
    }

    /// Short appends are copied with overlapping word moves, long ones with memcpy: every
    /// length on both sides of each boundary must come out whole.
    @Test func appendsOfEveryShortLengthAreCopiedExactly() {
        let source = Array("abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH".utf8)
        var out = OutputBuffer(capacity: 8)
        var expected: [UInt8] = []
        for n in 0...source.count {
            source.withUnsafeBufferPointer { out.append(utf8: UnsafeBufferPointer(rebasing: $0[0..<n])) }
            expected += source[0..<n]
        }
        #expect(out.bytes == expected)
    }

    @Test func removeAllWithoutKeepingCapacityStillAppends() {
        var out = OutputBuffer(capacity: 4096)
        out.append("abc")
        out.removeAll(keepingCapacity: false)
        #expect(out.count == 0)
        out.append("def")
        #expect(out.string == "def")
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
