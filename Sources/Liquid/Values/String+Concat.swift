/// Writes UTF-8 bytes straight into the storage of a new String (see `String(utf8Capacity:_:)`):
/// one allocation, no intermediate array, no second copy. Parts copied in whole runs (memcpy).
/// Every write is checked against the capacity the string was created with.
public struct UTF8Writer {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    @usableFromInline let capacity: Int
    /// Bytes written so far.
    @usableFromInline var written: Int
    @inlinable public var count: Int { written }

    @usableFromInline init(base: UnsafeMutablePointer<UInt8>, capacity: Int) {
        self.base = base
        self.capacity = capacity
        self.written = 0
    }

    @inlinable @inline(__always)
    public mutating func append(_ byte: UInt8) {
        precondition(written < capacity, "UTF8Writer: capacity exceeded")
        base[written] = byte
        written &+= 1
    }

    @inlinable @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        precondition(bytes.count <= capacity &- written, "UTF8Writer: capacity exceeded")
        if let source = bytes.baseAddress { (base + written).initialize(from: source, count: bytes.count) }
        written &+= bytes.count
    }

    @inlinable @inline(__always)
    public mutating func append(literal: StaticString) {
        append(UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    @inlinable public mutating func append(_ string: String) {
        if string.utf8.withContiguousStorageIfAvailable({ append($0) }) != nil { return }
        var copy = string
        copy.withUTF8 { append($0) }
    }

    /// `value` in decimal (Ruby's `Integer#to_s`), at most 20 bytes.
    @inlinable public mutating func append(decimal value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let digits = DecimalDigits.count(value.magnitude)
        precondition(digits <= capacity &- written, "UTF8Writer: capacity exceeded")
        DecimalDigits.write(value.magnitude, digits: digits, at: base + written)
        written &+= digits
    }
}

extension String {
    /// A string of at most `capacity` UTF-8 bytes written by `body` into its own storage. The bytes
    /// are validated as UTF-8 (ill-formed sequences become U+FFFD), as `String(decoding:as:)` does.
    @inlinable public init(utf8Capacity capacity: Int, _ body: (inout UTF8Writer) throws -> Void) rethrows {
        guard capacity > 0 else {
            self = ""
            return
        }
        self = try String(unsafeUninitializedCapacity: capacity) { buffer in
            var writer = UTF8Writer(base: buffer.baseAddress!, capacity: buffer.count)
            try body(&writer)
            return writer.written
        }
    }

    /// The parts joined, built in one allocation: cheaper than `+` or interpolation, which grow
    /// the string step by step. For filters that assemble HTML from a few pieces. The fixed-arity
    /// forms below avoid the variadic form's array.
    public static func concatenating(_ parts: String...) -> String {
        var total = 0
        for p in parts { total &+= p.utf8.count }
        return String(utf8Capacity: total) { w in
            for p in parts { w.append(p) }
        }
    }

    @inlinable public static func concatenating(_ a: String, _ b: String) -> String {
        String(utf8Capacity: a.utf8.count &+ b.utf8.count) { w in
            w.append(a); w.append(b)
        }
    }

    @inlinable public static func concatenating(_ a: String, _ b: String, _ c: String) -> String {
        String(utf8Capacity: a.utf8.count &+ b.utf8.count &+ c.utf8.count) { w in
            w.append(a); w.append(b); w.append(c)
        }
    }

    @inlinable public static func concatenating(_ a: String, _ b: String, _ c: String, _ d: String) -> String {
        String(utf8Capacity: a.utf8.count &+ b.utf8.count &+ c.utf8.count &+ d.utf8.count) { w in
            w.append(a); w.append(b); w.append(c); w.append(d)
        }
    }

    @inlinable public static func concatenating(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String) -> String {
        String(utf8Capacity: a.utf8.count &+ b.utf8.count &+ c.utf8.count &+ d.utf8.count &+ e.utf8.count) { w in
            w.append(a); w.append(b); w.append(c); w.append(d); w.append(e)
        }
    }

    @inlinable public static func concatenating(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String,
                                                _ f: String) -> String {
        String(utf8Capacity: a.utf8.count &+ b.utf8.count &+ c.utf8.count &+ d.utf8.count &+ e.utf8.count
               &+ f.utf8.count) { w in
            w.append(a); w.append(b); w.append(c); w.append(d); w.append(e); w.append(f)
        }
    }

    @inlinable public static func concatenating(_ a: String, _ b: String, _ c: String, _ d: String, _ e: String,
                                                _ f: String, _ g: String) -> String {
        String(utf8Capacity: a.utf8.count &+ b.utf8.count &+ c.utf8.count &+ d.utf8.count &+ e.utf8.count
               &+ f.utf8.count &+ g.utf8.count) { w in
            w.append(a); w.append(b); w.append(c); w.append(d); w.append(e); w.append(f); w.append(g)
        }
    }
}

extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` as entities, as Liquid's `escape` filter writes
    /// them: safe in HTML text and in quoted attribute values. Returns the string itself when it
    /// has nothing to escape.
    public var htmlEscaped: String { HTMLFilters.escapeHTML(self, once: false) }
}
