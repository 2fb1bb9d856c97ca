/// Plain text under construction, as UTF-8 bytes. Text goes in as browsers lay it out: runs of
/// HTML whitespace collapse to one space, block boundaries ask for a line break or a blank line and
/// the strongest request wins when the next text arrives (so nested blocks never stack blank lines),
/// and each line starts with the current indentation or a list item's marker.
struct TextBuilder {
    private(set) var bytes: [UInt8] = []
    /// Written before the first text of every line (list item continuation, `> ` for quotes).
    var indent: [UInt8] = []

    /// 0: none, 1: start a new line, 2: leave a blank line. Resolved by the next text.
    private var pendingBreak = 0
    /// Collapsed whitespace seen since the last text; becomes one space unless a line starts.
    private var pendingSpace = false
    private var atLineStart = true
    /// A list item's marker (with the indentation of its list), written before the item's first text.
    private var marker: (indent: [UInt8], text: [UInt8])?
    /// Where each open capture's first text starts in `bytes` (nil until that text arrives).
    private var captures: [Int?] = []
    /// Set on entering `<pre>`: a newline right after the start tag is not content.
    private var skipsLeadingNewline = false

    /// Asks for a line break (1) or a blank line (2) before the next text.
    mutating func requestBreak(_ level: Int) {
        pendingBreak = max(pendingBreak, level)
    }

    /// Text from the document: whitespace collapses, U+00A0 becomes a space that does not.
    mutating func text(_ input: some Collection<UInt8>) {
        var run: [UInt8] = []
        var previousWasC2 = false
        for byte in input {
            if previousWasC2 {
                previousWasC2 = false
                if byte == 0xA0 { run.append(0x20); continue }
                run.append(0xC2)
            }
            if Self.isHTMLWhitespace(byte) {
                if !run.isEmpty { write(run); run.removeAll(keepingCapacity: true) }
                pendingSpace = true
            } else if byte == 0xC2 {
                previousWasC2 = true
            } else {
                run.append(byte)
            }
        }
        if previousWasC2 { run.append(0xC2) }
        if !run.isEmpty { write(run) }
    }

    /// Text inside `<pre>`: spaces and tabs kept, newlines kept (each new line indented).
    mutating func preformatted(_ input: some Collection<UInt8>) {
        var segment: [UInt8] = []
        var previousWasCR = false
        for byte in input {
            if skipsLeadingNewline {
                skipsLeadingNewline = false
                if byte == 0x0A { continue }
            }
            if byte == 0x0A && previousWasCR { previousWasCR = false; continue }
            previousWasCR = byte == 0x0D
            if byte == 0x0A || byte == 0x0D {
                if !segment.isEmpty { write(segment); segment.removeAll(keepingCapacity: true) }
                lineBreak()
            } else {
                segment.append(byte)
            }
        }
        if !segment.isEmpty { write(segment) }
    }

    /// Entering `<pre>`.
    mutating func beginPreformatted() { skipsLeadingNewline = true }

    /// `<br>`: a new line now, even an empty one. A pending block break is resolved first, so a
    /// `<br>` that ends a block adds nothing.
    mutating func lineBreak() {
        if pendingBreak > 0, !bytes.isEmpty { endWithNewlines(pendingBreak) }
        pendingBreak = 0
        pendingSpace = false
        bytes.append(0x0A)
        atLineStart = true
    }

    /// Text that is written as given, spaced like any other (a link's URL, a table row).
    mutating func literal(_ text: [UInt8]) {
        write(text)
    }

    /// Text attached to what came just before, after one space, ignoring a pending break
    /// (a link's ` (url)` after link text that ended a block).
    mutating func suffix(_ text: [UInt8]) {
        let saved = pendingBreak
        pendingBreak = 0
        pendingSpace = true
        write(text)
        pendingBreak = saved
    }

    /// A list item starts: `text` (such as `- ` or `3. `) goes before its first text, at the
    /// current indentation. An earlier item's marker that is still waiting is written first.
    mutating func setMarker(_ text: [UInt8]) {
        if marker != nil {
            write([])
            requestBreak(1)
        }
        marker = (indent, text)
    }

    /// A list item ends; an empty item's marker is dropped.
    mutating func clearMarker() { marker = nil }

    /// Starts recording the text written from now on (nested captures are allowed).
    mutating func beginCapture() { captures.append(nil) }

    /// The text written since the matching ``beginCapture()``, or nil when there was none.
    mutating func endCapture() -> ArraySlice<UInt8>? {
        guard let start = captures.removeLast() else { return nil }
        return bytes[start...]
    }

    /// The text: lines stripped of trailing spaces, at most one blank line in a row, trimmed.
    func finish() -> String {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var blankLines = 0
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
            var end = line.endIndex
            while end > line.startIndex, line[end - 1] == 0x20 || line[end - 1] == 0x09 { end -= 1 }
            if end == line.startIndex {
                blankLines += 1
                continue
            }
            if !result.isEmpty { result.append(contentsOf: blankLines > 0 ? [0x0A, 0x0A] : [0x0A]) }
            blankLines = 0
            result.append(contentsOf: line[line.startIndex..<end])
        }
        let start = result.firstIndex { !Self.isHTMLWhitespace($0) } ?? result.endIndex
        return String(decoding: result[start...], as: UTF8.self)
    }

    // MARK: - Writing

    /// Writes one run of text, first resolving what is pending: a break (never at the very
    /// start), then the line's indentation or marker, or else a collapsed space.
    private mutating func write(_ run: [UInt8]) {
        if pendingBreak > 0 {
            if !bytes.isEmpty {
                endWithNewlines(pendingBreak)
                atLineStart = true
            }
            pendingBreak = 0
            pendingSpace = false
        }
        if atLineStart {
            if let marker {
                bytes.append(contentsOf: marker.indent)
                bytes.append(contentsOf: marker.text)
                self.marker = nil
            } else {
                bytes.append(contentsOf: indent)
            }
            atLineStart = false
        } else if pendingSpace {
            bytes.append(0x20)
        }
        pendingSpace = false
        var i = captures.count - 1
        while i >= 0, captures[i] == nil {
            captures[i] = bytes.count
            i -= 1
        }
        bytes.append(contentsOf: run)
    }

    /// Makes the text end with `count` newlines (a blank line is two), counting those already there.
    private mutating func endWithNewlines(_ count: Int) {
        var present = 0
        var i = bytes.count - 1
        while i >= 0, bytes[i] == 0x0A, present < count {
            present += 1
            i -= 1
        }
        for _ in present..<count { bytes.append(0x0A) }
    }

    /// Space, tab, line feed, form feed and carriage return: what HTML collapses (not U+00A0).
    static func isHTMLWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
