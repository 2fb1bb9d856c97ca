extension String {
    /// The parts joined, built in one allocation: cheaper than `+` or interpolation, which grow
    /// the string step by step. For filters that assemble HTML from a few pieces.
    public static func concatenating(_ parts: String...) -> String {
        var total = 0
        for p in parts { total += p.utf8.count }
        return String(unsafeUninitializedCapacity: total) { buffer in
            var at = 0
            for var p in parts {
                p.withUTF8 { bytes in
                    _ = UnsafeMutableBufferPointer(rebasing: buffer[at..<(at + bytes.count)]).initialize(from: bytes)
                    at += bytes.count
                }
            }
            return at
        }
    }
}
