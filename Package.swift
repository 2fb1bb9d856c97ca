// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Missive",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Liquid", targets: ["Liquid"]),
        // For the benchmarks package (Benchmarks/): Shopify's theme-only tags and filters.
        .library(name: "ShopifyTheme", targets: ["ShopifyTheme"]),
        .executable(name: "missive", targets: ["missive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // The language: bytes → tokens → tree → compiled program → output bytes. No dependencies.
        .target(name: "Liquid"),
        // Shopify's theme-only tags and filters (paginate, money, asset_url, ...): test support, not the engine.
        .target(name: "ShopifyTheme", dependencies: ["Liquid"], path: "Tests/Support/ShopifyTheme"),
        .executableTarget(
            name: "missive",
            dependencies: [
                "Liquid",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LiquidTests", dependencies: ["Liquid", "ShopifyTheme"]),
    ],
    swiftLanguageModes: [.v6]
)
