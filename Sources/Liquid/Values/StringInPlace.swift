/// Reading the UTF-8 of a String where it is stored, without retaining its storage.
///
/// Printing `{{ product.title }}` appended the stored String, and reading it out of its `Value`
/// (even to borrow its contiguous UTF-8) copied it: a retain and a release per printed string.
/// A String's two words are ABI (the standard library's `_StringObject` on 64-bit platforms):
/// a small string (up to 15 bytes) holds its bytes in the words themselves, a native or literal
/// one points at its tail-allocated bytes. Other forms (shared, bridged, foreign) are not read
/// here: the caller takes the ordinary way. `isSupported` checks, once, that every form read
/// here reads back as the String itself, also from inside a `Value`; if not, nothing is read
/// in place.
enum StringInPlace {
    /// The UTF-8 of the String whose two words are at `p` (which must stay where it is while
    /// the bytes are read: a small string's bytes are those words), or nil for a form not read here.
    @inline(__always)
    static func utf8(at p: UnsafeRawPointer) -> UnsafeBufferPointer<UInt8>? {
        #if _pointerBitWidth(_64) && _endian(little)
        let flags = p.load(as: UInt64.self)
        let object = p.load(fromByteOffset: 8, as: UInt64.self)
        if object & (1 << 61) != 0 {
            // Small: the count in bits 56-59, the bytes from the first word on.
            return UnsafeBufferPointer(start: p.assumingMemoryBound(to: UInt8.self), count: Int(truncatingIfNeeded: (object >> 56) & 0xF))
        }
        // Large, not bridged (b62) nor foreign (b60), its bytes tail-allocated (flags b60):
        // they start 32 bytes after the object's address (the standard library's `nativeBias`).
        guard object & (0b101 << 60) == 0, flags & (1 << 60) != 0,
              let start = UnsafePointer<UInt8>(bitPattern: UInt(truncatingIfNeeded: object & 0x0FFF_FFFF_FFFF_FFFF) &+ 32)
        else { return nil }
        return UnsafeBufferPointer(start: start, count: Int(truncatingIfNeeded: flags & 0xFFFF_FFFF_FFFF))
        #else
        return nil
        #endif
    }

    /// The UTF-8 of the string a `Value.string` stored at `value` holds (see `utf8(at:)`).
    @inline(__always)
    static func utf8(ofStringValue value: UnsafePointer<Value>) -> UnsafeBufferPointer<UInt8>? {
        isSupported ? utf8(at: UnsafeRawPointer(value)) : nil
    }

    /// Whether strings of every form read here, and inside a `Value`, read back as themselves.
    static let isSupported: Bool = {
        guard MemoryLayout<String>.size == 16 else { return false }
        let large = String(repeating: "ab\u{e9}", count: 20)
        let samples: [String] = [
            "", "a", "short ascii", "caf\u{e9} \u{1F600}", "exactly15bytes!", "a literal longer than fifteen bytes",
            large, String(large.dropFirst(3)), large.uppercased(), String(decoding: Array(large.utf8), as: UTF8.self),
        ]
        for s in samples {
            let expected = Array(s.utf8)
            let direct: [UInt8]? = withUnsafePointer(to: s) { p in utf8(at: UnsafeRawPointer(p)).map(Array.init) }
            let inValue: [UInt8]? = withUnsafePointer(to: Value.string(s)) { p in utf8(at: UnsafeRawPointer(p)).map(Array.init) }
            guard direct == expected, inValue == expected else { return false }
        }
        return true
    }()
}
