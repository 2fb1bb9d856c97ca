/// Ruby's `Integer#to_s` digits, written straight into a buffer by the byte writers
/// (`UTF8Writer`, `ByteSink`, `OutputBuffer`): count them, make room, write them back to front.
public enum DecimalDigits {
    /// How many digits `magnitude` has in decimal (1 for 0).
    @inlinable @inline(__always)
    public static func count(_ magnitude: UInt) -> Int {
        var digits = 1
        var rest = magnitude
        while rest >= 10 { rest /= 10; digits &+= 1 }
        return digits
    }

    /// Write the `digits` digits of `magnitude` at `at` (which must have room for them).
    @inlinable @inline(__always)
    public static func write(_ magnitude: UInt, digits: Int, at: UnsafeMutablePointer<UInt8>) {
        var v = magnitude
        var i = digits
        repeat {
            i &-= 1
            at[i] = UInt8(truncatingIfNeeded: v % 10) &+ UInt8(ascii: "0")
            v /= 10
        } while v > 0
    }
}
