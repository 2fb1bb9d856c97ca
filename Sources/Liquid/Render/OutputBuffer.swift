#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one growing byte buffer a render appends to. Nodes never build Strings of their own.
///
/// It manages its own memory instead of wrapping `[UInt8]`: a render appends thousands of short
/// pieces, and `Array.append(contentsOf:)` costs a hundred-odd instructions of generic machinery
/// around each copy. Non-copyable: a buffer is written through `inout` by one render at a time,
/// so an append is a capacity check and a copy, with no copy-on-write uniqueness check and no
/// storage object to go through.
public struct OutputBuffer: ~Copyable, @unchecked Sendable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    @usableFromInline var written: Int
    @usableFromInline var capacity: Int
    /// Whether everything appended is known to be whole UTF-8 (Strings, template text, ASCII),
    /// so `string` need not validate it again.
    @usableFromInline var knownUTF8 = true

    public init(capacity: Int = 1024) {
        self.capacity = Swift.max(capacity, 16)
        self.base = .allocate(capacity: self.capacity)
        self.written = 0
    }

    deinit { base.deallocate() }

    /// Bytes written so far.
    @inlinable public var count: Int { written }

    /// Space for `extra` more bytes.
    @inlinable @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity &- count < extra { grow(toHold: extra) }
    }

    /// Make room for `extra` more bytes, at least doubling so appends stay amortized O(1).
    @usableFromInline
    mutating func grow(toHold extra: Int) {
        let newCapacity = Swift.max(count + extra, capacity &* 2)
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    /// Mark `n` bytes written after `count` (the caller has reserved and filled them).
    @inlinable @inline(__always)
    mutating func advance(by n: Int) { written &+= n }

    /// Append bytes that may be anything: `string` validates (and repairs) the result.
    @inlinable public mutating func append(_ slice: UnsafeBufferPointer<UInt8>) {
        guard slice.count > 0 else { return }
        append(utf8: slice)
        knownUTF8 = false
    }

    /// Append bytes the caller knows to be whole UTF-8: a slice of a String or of a template's
    /// source cut next to ASCII bytes, say. Keeps `string` from validating the output again.
    @inlinable public mutating func append(utf8 slice: UnsafeBufferPointer<UInt8>) {
        guard let source = slice.baseAddress, slice.count > 0 else { return }
        let n = slice.count
        reserve(n)
        ByteCopy.copy(UnsafeRawPointer(source), to: UnsafeMutableRawPointer(base + written), count: n)
        written &+= n
    }

    @inlinable public mutating func append(_ string: String) {
        // Read the UTF-8 in place (native and small strings are contiguous): `withUTF8` would
        // need a mutable copy, a retain and a release per append.
        if string.utf8.withContiguousStorageIfAvailable({ append(utf8: $0) }) != nil { return }
        var s = string
        s.withUTF8 { append(utf8: $0) }
    }

    @inlinable public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        written &+= 1
        if byte >= 0x80 { knownUTF8 = false }
    }

    @inlinable public mutating func append(literal: StaticString) {
        append(utf8: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inlinable public mutating func append(_ other: [UInt8]) {
        other.withUnsafeBufferPointer { append($0) }
    }

    /// Start over, keeping the storage for reuse (a caller rendering many times into one buffer).
    public mutating func removeAll(keepingCapacity: Bool = true) {
        if !keepingCapacity {
            base.deallocate()
            capacity = 16
            base = .allocate(capacity: capacity)
        }
        written = 0
        knownUTF8 = true
    }

    /// The bytes written so far, without copying them.
    public func withUnsafeBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// A copy of the bytes written so far.
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The output as a String. When every append was known to be whole UTF-8, the bytes are
    /// copied without validating them again (a render's output is mostly that).
    public var string: String {
        withUnsafeBytes { bytes in
            if knownUTF8, #available(macOS 26, iOS 26, *) {
                return String(copying: UTF8Span(unchecked: bytes.span))
            }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
