// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "JustOneAPI",
    platforms: [.macOS(.v13), .iOS(.v16), .tvOS(.v16), .watchOS(.v9)],
    products: [
        .executable(name: "generate", targets: ["generate"]),
        .library(name: "JustOneAPIRuntime", targets: ["JustOneAPIRuntime"]),
        .library(name: "JustOneAPI", targets: ["JustOneAPI"]),
        .library(name: "JustOneAPIAsyncHTTPClient", targets: ["JustOneAPIAsyncHTTPClient"]),
        .library(name: "JustOneAPITesting", targets: ["JustOneAPITesting"]),
        // A response cache in a SQLite file (GRDB.swift; on Linux it needs libsqlite3-dev).
        .library(name: "JustOneAPISQLiteCache", targets: ["JustOneAPISQLiteCache"]),
        // Jobs that survive a crash: every page saved once, in a SQLite file (GRDB.swift).
        .library(name: "JustOneAPIJobs", targets: ["JustOneAPIJobs"]),
        // The same jobs on PostgreSQL, for many workers on many machines (vapor/postgres-nio).
        .library(name: "JustOneAPIPostgresJobs", targets: ["JustOneAPIPostgresJobs"]),
        .executable(name: "jobs", targets: ["jobs"]),
        .plugin(name: "JustOneAPIGenerator", targets: ["JustOneAPIGenerator"]),
        .plugin(name: "GenerateClient", targets: ["GenerateClient"]),
    ],
    dependencies: [
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", exact: "6.4.0", traits: []),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // `swift package generate-documentation` for the runtime and the generated client.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(name: "GeneratorTemplates", path: "Templates", resources: [.copy("swift")]),
        .target(
            name: "GeneratorCore",
            dependencies: [
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Mustache", package: "swift-mustache"),
                "GeneratorTemplates",
            ]
        ),
        .executableTarget(
            name: "generate",
            dependencies: [
                "GeneratorCore",
                "JustOneAPIRuntime",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "JustOneAPIRuntime",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "CoreMetrics", package: "swift-metrics"),
            ]
        ),
        // Stub and replay transports for the tests of code that uses the client.
        .target(name: "JustOneAPITesting", dependencies: ["JustOneAPIRuntime"]),
        .target(name: "JustOneAPI", dependencies: ["JustOneAPIRuntime"]),
        // Opening a SQLite file that several processes share (the cache's and the jobs' stores).
        .target(name: "SQLiteFiles", dependencies: ["JustOneAPIRuntime", .product(name: "GRDB", package: "GRDB.swift")]),
        .target(
            name: "JustOneAPISQLiteCache",
            dependencies: ["JustOneAPIRuntime", "SQLiteFiles", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "JustOneAPIJobs",
            dependencies: ["JustOneAPIRuntime", "SQLiteFiles", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(
            name: "JustOneAPIPostgresJobs",
            dependencies: [
                "JustOneAPIJobs", "JustOneAPIRuntime", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "jobs",
            dependencies: [
                "JustOneAPIJobs", "JustOneAPIPostgresJobs", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "JustOneAPIAsyncHTTPClient",
            dependencies: [
                "JustOneAPIRuntime",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),

        // Plugins: a target's openapi/ folder generated at build time, or on command into its sources.
        .plugin(name: "JustOneAPIGenerator", capability: .buildTool(), dependencies: ["generate"]),
        .plugin(
            name: "GenerateClient",
            capability: .command(
                intent: .custom(
                    verb: "generate-client",
                    description: "Generates the client of each target with an openapi/ folder into its Generated/ folder"),
                permissions: [.writeToPackageDirectory(reason: "The generated client is written into the target's sources")]),
            dependencies: ["generate"]),

        // Benchmarks (built with the package so that they keep compiling; run by Benchmarks/run)
        .executableTarget(
            name: "RuntimeBenchmark",
            dependencies: [
                "JustOneAPI",
                "JustOneAPIAsyncHTTPClient",
                "JustOneAPISQLiteCache",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ],
            path: "Benchmarks/RuntimeBenchmark"
        ),
        .executableTarget(
            name: "JobsBenchmark",
            dependencies: ["JustOneAPI", "JustOneAPIJobs", "JustOneAPIPostgresJobs", "TestSupport"],
            path: "Benchmarks/JobsBenchmark"
        ),

        // Tests
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        // The client generated from Tests/Fixtures/KitchenSink: its golden files, compiled and called.
        .target(name: "KitchenSinkClient", dependencies: ["JustOneAPIRuntime"], path: "Tests/Fixtures/KitchenSinkClient"),
        // The client generated from Tests/Fixtures/Paging: one operation per paging scheme.
        .target(name: "PagingClient", dependencies: ["JustOneAPIRuntime"], path: "Tests/Fixtures/PagingClient"),
        // The client generated from Tests/Fixtures/RoundThree: keywords and runtime type names everywhere.
        .target(name: "RoundThreeClient", dependencies: ["JustOneAPIRuntime"], path: "Tests/Fixtures/RoundThreeClient"),
        .testTarget(
            name: "GeneratorCoreTests",
            dependencies: ["GeneratorCore", "TestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "JustOneAPIRuntimeTests",
            dependencies: [
                "JustOneAPIRuntime", "JustOneAPI", "JustOneAPIAsyncHTTPClient", "JustOneAPITesting", "JustOneAPISQLiteCache",
                "KitchenSinkClient", "PagingClient", "RoundThreeClient",
                "TestSupport", .product(name: "MetricsTestKit", package: "swift-metrics"),
            ]
        ),
        // The Swift samples of README.md and the DocC articles, extracted by Test_DocumentationSamples
        // and compiled with the tests (a sample that stops compiling fails the build).
        .target(
            name: "DocumentationSamples",
            dependencies: [
                "JustOneAPI", "JustOneAPIAsyncHTTPClient", "JustOneAPISQLiteCache", "JustOneAPITesting", "JustOneAPIJobs",
                "JustOneAPIPostgresJobs",
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Tests/DocumentationSamples",
            // Samples declare values they do not use again; their warnings are not the point.
            swiftSettings: [.unsafeFlags(["-suppress-warnings"])]
        ),
        // A worker process for the job tests (killed and started again).
        .executableTarget(
            name: "JobWorker", dependencies: ["JustOneAPI", "JustOneAPIJobs", "JustOneAPIPostgresJobs"], path: "Tests/JobWorker"),
        .testTarget(
            name: "JustOneAPIJobsTests",
            dependencies: [
                "JustOneAPIJobs", "JustOneAPIPostgresJobs", "JustOneAPI", "TestSupport", "JobWorker", "jobs", "SQLiteFiles",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["GeneratorCore", "TestSupport", "generate", "DocumentationSamples"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
