#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small stdio helpers over file descriptors: the CLI reads and writes bytes, never Foundation strings.
enum IO {
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw CLIError("cannot open '\(path)'") }
        defer { close(fd) }
        return readAll(fd)
    }

    static func readStdin() -> [UInt8] { readAll(0) }

    /// Write a whole file, creating its folder if needed.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        if let slash = path.lastIndex(of: "/") { _ = mkdir(String(path[..<slash]), 0o755) }
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard fd >= 0 else { throw CLIError("cannot write '\(path)'") }
        defer { close(fd) }
        write(bytes, fd: fd)
    }

    static func readAll(_ fd: Int32) -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return out
    }

    /// Buffered line reader for stdin.
    struct LineReader {
        private var buffer: [UInt8] = []
        private var start = 0
        private var eof = false

        /// One line without its newline; nil at end of input.
        mutating func next() -> [UInt8]? {
            while true {
                if let nl = buffer[start...].firstIndex(of: 0x0A) {
                    let line = Array(buffer[start..<nl])
                    start = nl + 1
                    return line
                }
                if eof {
                    guard start < buffer.count else { return nil }
                    let line = Array(buffer[start...])
                    start = buffer.count
                    return line
                }
                if start > 0 {
                    buffer.removeFirst(start)
                    start = 0
                }
                var chunk = [UInt8](repeating: 0, count: 65536)
                let n = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
                if n <= 0 { eof = true } else { buffer.append(contentsOf: chunk[0..<n]) }
            }
        }
    }

    static func write(_ bytes: [UInt8], fd: Int32 = 1) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n <= 0 { return }
                offset += n
            }
        }
    }

    static func write(_ s: String) { write(Array(s.utf8)) }

    static func error(_ s: String) {
        var t = s
        if !t.hasSuffix("\n") { t += "\n" }
        write(Array(t.utf8), fd: 2)
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
