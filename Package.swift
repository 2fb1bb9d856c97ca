// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Missive",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Liquid", targets: ["Liquid"]),
        // For the benchmarks package (Benchmarks/): Shopify's theme-only tags and filters.
        .library(name: "ShopifyTheme", targets: ["ShopifyTheme"]),
        .library(name: "Templates", targets: ["Templates"]),
        .library(name: "Channels", targets: ["Channels"]),
        .executable(name: "missive", targets: ["missive"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // The language: bytes → tokens → tree → compiled program → output bytes. No dependencies.
        .target(name: "Liquid"),
        // C libraries from Debian, through pkg-config (the Makefile installs the -dev packages).
        .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm",
                       providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // Knock's flavour on top of Liquid: project files, helpers, translations, partials, layouts,
        // Markdown and HTML → text.
        .target(name: "Templates", dependencies: ["Liquid", "CCmarkGFM", "CLibXML2"]),
        // One renderer per channel type: a step's template + a run scope → a typed message.
        .target(name: "Channels", dependencies: ["Liquid", "Templates"]),
        // The preview server and the JSON API, on Hummingbird.
        .target(
            name: "Server",
            dependencies: ["Liquid", "Templates", "Channels", .product(name: "Hummingbird", package: "hummingbird")]
        ),
        // Shopify's theme-only tags and filters (paginate, money, asset_url, ...): test support, not the engine.
        .target(name: "ShopifyTheme", dependencies: ["Liquid"], path: "Tests/Support/ShopifyTheme"),
        .executableTarget(
            name: "missive",
            dependencies: [
                "Liquid",
                "Templates",
                "Channels",
                "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LiquidTests", dependencies: ["Liquid", "ShopifyTheme"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "Liquid"]),
        .testTarget(name: "ChannelsTests", dependencies: ["Channels", "Templates", "Liquid"], exclude: ["Fixtures"]),
        .testTarget(name: "MissiveCLITests", dependencies: ["missive", "Liquid"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "Channels", "Templates", "Liquid"]),
    ],
    swiftLanguageModes: [.v6]
)
