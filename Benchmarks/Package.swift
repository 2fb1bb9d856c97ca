// swift-tools-version: 6.1
// Benchmarks live in their own package so that `make test` never builds the peers
// (LeafKit pulls in SwiftNIO) or package-benchmark. Run: `cd Benchmarks && swift package benchmark`.
import PackageDescription

let package = Package(
    name: "MissiveBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Missive", path: ".."),
        // Only the malloc interposer: the default traits want a package this machine does not have.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/stencilproject/Stencil", from: "0.15.1"),
        .package(url: "https://github.com/vapor/leaf-kit", from: "1.14.3"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    ],
    targets: [
        // Workloads shared by the benchmark suites and the cross-language driver.
        .target(
            name: "BenchSupport",
            dependencies: [
                .product(name: "Liquid", package: "Missive"),
                .product(name: "ShopifyTheme", package: "Missive"),
            ]
        ),
        // The driver `Benchmarks/compare/run` times against Ruby and Python Liquid.
        // glibc malloc tuning for missive-bench's timing loop (a header; see missive-bench/main.swift).
        .target(name: "CHeapTuning"),
        .executableTarget(name: "missive-bench", dependencies: ["BenchSupport", "CHeapTuning"]),
        .executableTarget(
            name: "LiquidBenchmarks",
            dependencies: ["BenchSupport", .product(name: "Benchmark", package: "benchmark")],
            path: "Benchmarks/LiquidBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "PeerBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Stencil", package: "Stencil"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            path: "Benchmarks/PeerBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
