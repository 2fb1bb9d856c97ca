import BenchSupport
import CHeapTuning
import Liquid
#if canImport(Glibc)
import Glibc
#endif

// The Missive driver for `Benchmarks/compare/run`:
//   missive-bench shopify --bench-data DIR --seconds S [--check-only]
// Checks all 30 pages against expected/, then times each phase by repeating whole ops (one op =
// the 30 pages and their layouts) for about S seconds and prints one JSON line of ops/s.

func fail(_ message: String) -> Never {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
    exit(1)
}

// A timing loop frees everything each op made before the next op makes it again. With glibc's
// default trim threshold (128 KiB) that can make every op hand the top of the heap back to the
// kernel and fault it in again (measured: 50 page faults and 3 brk calls per parse op, a quarter
// of parse's wall time, kernel time that instruction counts do not show), depending on where
// long-lived allocations happen to sit. A long-running process keeps its heap warm, as Ruby's
// and Python's own heaps do: the driver raises the threshold so that ops measure the engine.
heap_tuning_keep_top(64 << 20)

var args = Array(CommandLine.arguments.dropFirst())
guard args.first == "shopify" else { fail("usage: missive-bench shopify --bench-data DIR [--seconds S] [--check-only]") }
args.removeFirst()
var dataDir = SharedData.shopify
var seconds = 2.0
var checkOnly = false
var check = true
// `--profile parse|render|parse+render N`: run one phase N times and exit (for callgrind/perf).
var profilePhase: String? = nil
var profileCount = 10
while !args.isEmpty {
    let flag = args.removeFirst()
    switch flag {
    case "--bench-data": dataDir = args.isEmpty ? dataDir : args.removeFirst()
    case "--seconds": seconds = Double(args.isEmpty ? "" : args.removeFirst()) ?? seconds
    case "--check-only": checkOnly = true
    case "--no-check": check = false  // for profiling while outputs are known to differ
    case "--profile":
        profilePhase = args.isEmpty ? nil : args.removeFirst()
        profileCount = Int(args.isEmpty ? "" : args.removeFirst()) ?? profileCount
    default: fail("unknown option \(flag)")
    }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

do {
    let workload = try ShopifyWorkload(directory: dataDir)
    var mismatches: [String] = []
    for page in workload.pages where check {
        let output = try workload.render(page: page.id)
        if output != (try workload.expected(page: page.id)) { mismatches.append(page.id) }
    }
    if !mismatches.isEmpty { fail("missive: output differs from expected/ for: " + mismatches.joined(separator: ", ")) }
    if let phase = profilePhase {
        let parsed = workload.parsed
        for _ in 0..<profileCount {
            switch phase {
            case "parse": _ = try workload.parse()
            case "parse+render": _ = try workload.render(try workload.parse())
            default: _ = try workload.render(parsed)
            }
        }
        exit(0)
    }
    if checkOnly {
        print("missive: all \(workload.pages.count) pages match expected/")
        exit(0)
    }

    /// Repeat `op` for about `seconds` (at least 3 times) and return ops per second.
    func measure(_ op: () throws -> Void) rethrows -> Double {
        try op()  // warm-up
        var count = 0
        let start = now()
        var elapsed = 0.0
        while count < 3 || elapsed < seconds {
            try op()
            count += 1
            elapsed = now() - start
        }
        return Double(count) / elapsed
    }

    let parse = try measure { _ = try workload.parse() }
    let parsed = workload.parsed
    let render = try measure { _ = try workload.render(parsed) }
    let parseRender = try measure { _ = try workload.render(try workload.parse()) }
    print("{\"engine\": \"missive\", \"parse\": \(parse), \"render\": \(render), \"parse_render\": \(parseRender)}")
} catch {
    fail("missive: \(error)")
}
