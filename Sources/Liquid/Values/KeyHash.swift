/// The hash Missive's own lookups use for names and object keys: FNV-1a over the UTF-8 bytes.
///
/// Swift's `Hasher` is seeded SipHash, built to resist hash flooding in general-purpose
/// dictionaries; it costs far more than the short keys of template data need. Paths compute the
/// hash of each key once, when the template is parsed, and objects once per key when they are
/// built, so a lookup compares integers and only compares the strings on a hash match.
/// (Flooding needs control of both data keys and template paths; the open-addressing index in
/// `LiquidObject` degrades to linear probing, not to failure.)
public enum KeyHash {
    public static func of(_ key: String) -> Int {
        // Contiguous UTF-8 (native and small strings): hash the bytes in place, without the
        // per-byte overhead of iterating `String.UTF8View`.
        if let h = key.utf8.withContiguousStorageIfAvailable(of) { return h }
        var copy = key
        return copy.withUTF8(of)
    }

    @inline(__always)
    public static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return Int(bitPattern: UInt(h))
    }
}
