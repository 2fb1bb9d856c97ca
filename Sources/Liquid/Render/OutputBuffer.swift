/// The one growing byte buffer a render appends to. Nodes never build Strings of their own.
public struct OutputBuffer: Sendable {
    public var bytes: [UInt8]

    public init(capacity: Int = 1024) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    @inlinable public var count: Int { bytes.count }

    @inlinable public mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    @inlinable public mutating func append(_ slice: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: slice)
    }

    @inlinable public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    @inlinable public mutating func append(_ other: [UInt8]) { bytes.append(contentsOf: other) }

    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
