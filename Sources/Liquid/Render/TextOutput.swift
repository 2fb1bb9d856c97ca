/// Where text is written a piece at a time: the render's `OutputBuffer`, a `UTF8Writer` filling
/// a new String, or JSON's `ByteSink`. A filter written once against it can both return a String
/// and, when it is the last filter of an output, write straight into the render's buffer (see
/// `FilterDefinition.writer`), which saves making, validating and copying a String per output.
public protocol TextOutput: ~Copyable {
    mutating func append(_ byte: UInt8)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>)
    mutating func append(literal: StaticString)
    mutating func append(_ string: String)
    mutating func append(decimal value: Int)
}

extension OutputBuffer: TextOutput {}
extension UTF8Writer: TextOutput {}
