#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Searching UTF-8 buffers with the C library's vectorised `memchr`: the string filters scan long
/// texts (product descriptions, article bodies) for a rare byte, where a byte-at-a-time loop costs
/// several instructions per byte.
enum ByteSearch {
    /// The index of the first `byte` in `buffer[from...]`, or nil.
    @inline(__always)
    static func first(_ byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + from, Int32(byte), buffer.count &- from) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    /// The index of the first occurrence of `needle` (non-empty) in `hay[from...]`, or nil.
    static func first(_ needle: StaticString, in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let m = needle.utf8CodeUnitCount
        let n = needle.utf8Start
        var i = from
        while let at = first(n[0], in: hay, from: i) {
            guard at &+ m <= hay.count else { return nil }
            if memcmp(hay.baseAddress! + at, n, m) == 0 { return at }
            i = at &+ 1
        }
        return nil
    }

    /// Whether `hay[at...]` starts with `prefix`.
    @inline(__always)
    static func hasPrefix(_ prefix: StaticString, in hay: UnsafeBufferPointer<UInt8>, at: Int) -> Bool {
        let m = prefix.utf8CodeUnitCount
        guard at &+ m <= hay.count else { return false }
        return memcmp(hay.baseAddress! + at, prefix.utf8Start, m) == 0
    }

    /// Whether `buffer` holds any byte for which `isSpecial` is true.
    @inline(__always)
    static func contains(in buffer: UnsafeBufferPointer<UInt8>, where isSpecial: (UInt8) -> Bool) -> Bool {
        for b in buffer where isSpecial(b) { return true }
        return false
    }
}
