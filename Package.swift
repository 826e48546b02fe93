// swift-tools-version: 6.1
import PackageDescription

/// Every target of ours compiles in the Swift 6 language mode with these upcoming features on.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")
let crypto = Target.Dependency.product(name: "Crypto", package: "swift-crypto")
let zip = Target.Dependency.product(name: "ZIPFoundation", package: "ZIPFoundation")
let hummingbird = Target.Dependency.product(name: "Hummingbird", package: "hummingbird")

let package = Package(
    name: "cchc",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "cchc-admin", targets: ["cchc-admin"]),
        .executable(name: "cchc-import", targets: ["cchc-import"]),
        .executable(name: "cchc-export", targets: ["cchc-export"]),
        .executable(name: "cchc-web", targets: ["cchc-web"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // Pure domain: plans, units, schedules, reporting periods, Vietnamese text keys. No I/O.
        .target(name: "PlanCore", path: "Modules/PlanCore", swiftSettings: strict),

        // PostgreSQL through libpq.
        .systemLibrary(
            name: "CLibPQ", path: "Modules/CLibPQ", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]),
        .target(name: "Postgres", dependencies: ["CLibPQ"], path: "Modules/Postgres", swiftSettings: strict),

        // The embedded default: a private cluster under $CCHC_HOME, created and started on first use.
        .target(name: "LocalCluster", path: "Modules/LocalCluster", swiftSettings: strict),

        // Schema, migrations (embedded at build time) and repositories.
        .target(
            name: "PlanStore", dependencies: ["PlanCore", "Postgres", crypto], path: "Modules/PlanStore",
            exclude: ["Migrations"], swiftSettings: strict, plugins: ["EmbedMigrations"]),
        .executableTarget(name: "embed-migrations", path: "Modules/embed-migrations", swiftSettings: strict),
        .plugin(
            name: "EmbedMigrations", capability: .buildTool(), dependencies: ["embed-migrations"],
            path: "Plugins/EmbedMigrations"),

        // WordprocessingML packages: safe reading (zip limits, no DTDs) and deterministic writing.
        .target(name: "OOXML", dependencies: [zip], path: "Modules/OOXML", swiftSettings: strict),

        // Documents (.txt, .md, .docx) → cchc.plan/v1.
        .target(name: "PlanImport", dependencies: ["PlanCore", "OOXML", crypto], path: "Modules/PlanImport", swiftSettings: strict),

        // Report model → docx / json / csv / md; plan → docx; provincial aggregation.
        .target(name: "ReportExport", dependencies: ["PlanCore", "OOXML"], path: "Modules/ReportExport", swiftSettings: strict),

        // Use cases every front end calls (the command-line tools and the web application): reports, …
        .target(
            name: "PlanApp", dependencies: ["PlanCore", "PlanStore", "ReportExport"], path: "Modules/PlanApp",
            swiftSettings: strict),

        // What the three tools share: connection options, identity, output formats, exit codes, messages.
        .target(
            name: "CLISupport", dependencies: ["PlanCore", "Postgres", "LocalCluster", "PlanStore", "PlanApp", argumentParser],
            path: "Modules/CLISupport", swiftSettings: strict),

        .executableTarget(
            name: "cchc-admin",
            dependencies: [
                "CLISupport", "PlanCore", "PlanStore", "Postgres", "LocalCluster", argumentParser,
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            path: "Modules/cchc-admin", swiftSettings: strict),
        .executableTarget(
            name: "cchc-import", dependencies: ["CLISupport", "PlanApp", "PlanCore", "PlanImport", "PlanStore", argumentParser],
            path: "Modules/cchc-import", swiftSettings: strict),
        .executableTarget(
            name: "cchc-export", dependencies: ["CLISupport", "PlanApp", "PlanCore", "ReportExport", "PlanStore", argumentParser],
            path: "Modules/cchc-export", swiftSettings: strict),

        // The web application: routes, sessions, views (server-rendered Mustache), on the same use cases.
        .target(
            name: "WebApp",
            dependencies: [
                "PlanApp", "PlanCore", "PlanStore", "Postgres", "ReportExport", hummingbird,
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                crypto,
            ],
            path: "Modules/WebApp", resources: [.copy("Resources")], swiftSettings: strict),
        // glibc's allocator settings, for the long-running server.
        .systemLibrary(name: "CMalloc", path: "Modules/CMalloc"),
        .executableTarget(
            name: "cchc-web", dependencies: ["WebApp", "CLISupport", "CMalloc", "PlanStore", argumentParser, hummingbird],
            path: "Modules/cchc-web", swiftSettings: strict),

        // Synthetic plans and databases for benchmarks (a developer tool, not shipped to users).
        .executableTarget(
            name: "cchc-synth", dependencies: ["CLISupport", "PlanCore", "PlanStore", "Postgres", "OOXML", argumentParser],
            path: "Modules/cchc-synth", swiftSettings: strict),

        // Test support: a fresh, migrated PostgreSQL database per test (real server, never a mock).
        .target(
            name: "TestSupport", dependencies: ["Postgres", "LocalCluster", "PlanStore", crypto], path: "Tests/TestSupport",
            swiftSettings: strict),

        .testTarget(name: "PlanCoreTests", dependencies: ["PlanCore"], path: "Tests/PlanCoreTests", swiftSettings: strict),
        .testTarget(
            name: "PostgresTests", dependencies: ["Postgres", "TestSupport"], path: "Tests/PostgresTests",
            swiftSettings: strict),
        .testTarget(
            name: "LocalClusterTests", dependencies: ["LocalCluster", "Postgres"], path: "Tests/LocalClusterTests",
            swiftSettings: strict),
        .testTarget(
            name: "PlanStoreTests", dependencies: ["PlanStore", "PlanCore", "Postgres", "TestSupport"],
            path: "Tests/PlanStoreTests", swiftSettings: strict),
        .testTarget(name: "OOXMLTests", dependencies: ["OOXML", zip], path: "Tests/OOXMLTests", swiftSettings: strict),
        .testTarget(
            name: "PlanImportTests", dependencies: ["PlanImport", "PlanCore", "OOXML", zip], path: "Tests/PlanImportTests",
            exclude: ["Golden"], swiftSettings: strict),
        .testTarget(
            name: "ReportExportTests", dependencies: ["ReportExport", "PlanCore", "OOXML", "TestSupport", zip],
            path: "Tests/ReportExportTests", exclude: ["Golden"], swiftSettings: strict),
        .testTarget(
            name: "CLISupportTests", dependencies: ["CLISupport", "PlanCore"], path: "Tests/CLISupportTests",
            swiftSettings: strict),
        .testTarget(
            name: "PlanAppTests",
            dependencies: ["PlanApp", "OOXML", "PlanImport", "PlanStore", "PlanCore", "ReportExport", "Postgres", "TestSupport"],
            path: "Tests/PlanAppTests", swiftSettings: strict),
        .testTarget(
            name: "WebAppTests",
            dependencies: [
                "WebApp", "PlanApp", "PlanStore", "PlanCore", "Postgres", "ReportExport", "TestSupport", hummingbird,
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "HummingbirdOTP", package: "hummingbird-auth"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/WebAppTests", swiftSettings: strict),
        .testTarget(
            name: "EndToEndTests", dependencies: ["TestSupport", "OOXML", "Postgres", "PlanStore", "PlanCore", "ReportExport", "LocalCluster", zip], path: "Tests/EndToEndTests",
            swiftSettings: strict),
    ]
)
