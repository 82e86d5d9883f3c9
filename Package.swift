// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "orgtui",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "orgtui", targets: ["orgtui"]),
        .executable(name: "orgtui-bench", targets: ["orgtui-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.29.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.24.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.70.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", from: "1.0.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(
            name: "APICore",
            dependencies: [.product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "CloudflareAPI", dependencies: ["APICore", .product(name: "Logging", package: "swift-log")]),
        .target(name: "OpenAIAdminAPI", dependencies: ["APICore", .product(name: "Logging", package: "swift-log")]),
        .target(name: "KeycardAPI", dependencies: ["APICore", .product(name: "Logging", package: "swift-log")]),
        // The composition root's list of providers (ProviderRegistry.standard): the one place that names all three.
        .target(name: "Providers", dependencies: ["APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI"]),
        .target(
            name: "APITransport",
            dependencies: [
                "APICore",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOFoundationCompat", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOHTTPCompression", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "DemoServer",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdHTTP2", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "ConsoleModel",
            dependencies: ["APICore", .product(name: "Logging", package: "swift-log")]
        ),
        .target(name: "TUIKit"),
        .target(name: "ConsoleUI", dependencies: ["ConsoleModel", "TUIKit"]),
        .target(name: "CursesTerminal", dependencies: ["TUIKit", "CNCursesW"]),
        .target(
            name: "OrgtuiConfig",
            dependencies: ["APICore", "Providers", "TUIKit", .product(name: "TOMLKit", package: "TOMLKit")],
            plugins: ["EmbedThemesPlugin"]
        ),
        // Build time only: compiles `themes/*.toml` into OrgtuiConfig (`EmbeddedThemes`), so the files are the one copy.
        .executableTarget(name: "ThemeEmbedder"),
        .plugin(name: "EmbedThemesPlugin", capability: .buildTool(), dependencies: ["ThemeEmbedder"]),
        .target(
            name: "ConsoleTesting",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "ConsoleModel", "DemoServer",
                "TUIKit", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "orgtui",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "APITransport", "DemoServer",
                "ConsoleModel", "ConsoleUI", "CursesTerminal", "OrgtuiConfig",
                "TUIKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Performance numbers (issue 10): a hand-written harness, see Benchmarks/README.md.
        .executableTarget(
            name: "orgtui-bench",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "APITransport", "DemoServer",
                "ConsoleModel", "ConsoleUI", "TUIKit",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Benchmarks/orgtui-bench"
        ),
        .testTarget(
            name: "APICoreTests",
            dependencies: ["APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "ConsoleTesting"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "APITransport", "DemoServer",
                "ConsoleModel", "ConsoleTesting", "TUIKit",
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            resources: [.copy("Conformance")]
        ),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal"]),
        .testTarget(
            name: "ConsoleUITests",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "ConsoleModel", "ConsoleUI",
                "ConsoleTesting", "DemoServer", "TUIKit",
                .product(name: "Clocks", package: "swift-clocks"),
            ],
            exclude: ["Goldens"]
        ),
        .testTarget(name: "TUIKitTests", dependencies: ["TUIKit"]),
        .testTarget(
            name: "EndToEndTests",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "APITransport",
                "ConsoleTesting", "DemoServer",
            ]),
        .testTarget(
            name: "OrgtuiConfigTests",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "OrgtuiConfig", "TUIKit",
            ]),
        .testTarget(
            name: "ConsoleModelTests",
            dependencies: [
                "APICore", "CloudflareAPI", "OpenAIAdminAPI", "KeycardAPI", "Providers", "APITransport", "ConsoleModel",
                "ConsoleTesting", "DemoServer",
                .product(name: "Clocks", package: "swift-clocks"),
            ]
        ),
    ]
)
