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

extension String {
    /// The string with `&`, `<`, `>`, `"` and `'` as entities, as Liquid's `escape` filter writes
    /// them: safe in HTML text and in quoted attribute values. Returns the string itself when it
    /// has nothing to escape.
    public var htmlEscaped: String { HTMLFilters.escapeHTML(self, once: false) }
}
