import Benchmark
import BenchSupport
import Liquid

/// Missive's own suites: the Shopify theme workload (one op = 30 pages and their layouts),
/// golden-liquid's benchmark fixtures, and a small notification email.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput, .mallocCountTotal, .peakMemoryResident],
        maxDuration: .seconds(3),
        maxIterations: 100_000
    )

    let shopify = try! ShopifyWorkload(directory: SharedData.shopify)
    Benchmark("shopify theme: parse (60 templates)") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try shopify.parse()) }
    }
    Benchmark("shopify theme: render (60 templates)") { benchmark in
        let parsed = shopify.parsed
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { blackHole(try shopify.render(parsed)) }
    }
    Benchmark("shopify theme: parse+render") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try shopify.render(try shopify.parse())) }
    }

    for name in ["001", "002", "004", "005", "006"] {
        let fixture = try! GoldenFixture(name: name)
        Benchmark("golden fixture \(name): parse") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(try fixture.parse()) }
        }
        Benchmark("golden fixture \(name): render") { benchmark in
            let template = try fixture.parse()
            benchmark.startMeasurement()
            for _ in benchmark.scaledIterations { blackHole(try template.render(globals: fixture.data)) }
        }
    }

    // Allocations must not grow with the template: the same markup once and ten times over,
    // rendered into a reused buffer, should show the same malloc count.
    for copies in [1, 10] {
        let scaling = try! AllocationScaling(copies: copies)
        Benchmark("allocations: template ×\(copies)", configuration: .init(metrics: [.mallocCountTotal, .wallClock])) { benchmark in
            var out = OutputBuffer(capacity: 1 << 20)
            for _ in benchmark.scaledIterations {
                out.removeAll(keepingCapacity: true)
                try scaling.template.render(into: &out, globals: scaling.data)
                blackHole(out.count)
            }
        }
    }

    let notification = try! NotificationWorkload()
    Benchmark("notification email: render") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(try notification.render()) }
    }
}
