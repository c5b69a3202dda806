import Foundation
import TestSupport

/// Compiles generated code as a user's package would: targets whose only dependency is
/// JustOneAPIRuntime (its sources linked in, with swift-log and swift-metrics' CoreMetrics), in
/// Swift 6 language mode, warnings as errors.
enum CompileCheck {
    /// Builds a package at `.build/<name>` with one target per entry of `targets` (target name
    /// → the generated files, path → contents, or a directory to copy). Returns the build's
    /// status and its error and warning lines.
    static func build(_ name: String, targets: [String: Contents]) async throws -> (status: Int32, problems: [String]) {
        let package = TestPaths.packageRoot.appendingPathComponent(".build/" + name)
        let sources = package.appendingPathComponent("Sources")
        let fileManager = FileManager.default
        try? fileManager.removeItem(at: sources)
        try fileManager.createDirectory(at: sources, withIntermediateDirectories: true)
        try fileManager.createSymbolicLink(
            at: sources.appendingPathComponent("JustOneAPIRuntime"),
            withDestinationURL: TestPaths.packageRoot.appendingPathComponent("Sources/JustOneAPIRuntime"))
        for (target, contents) in targets {
            let directory = sources.appendingPathComponent(target)
            switch contents {
            case .files(let files):
                for (path, text) in files {
                    let url = directory.appendingPathComponent(path)
                    try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: url)
                }
            case .directory(let url):
                try fileManager.copyItem(at: url, to: directory)
            }
        }
        let targetLines = targets.keys.sorted().map {
            "        .target(name: \"\($0)\", dependencies: [\"JustOneAPIRuntime\"], swiftSettings: strict),"
        }
        try Data(
            """
            // swift-tools-version: 6.1
            import PackageDescription

            let strict: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]
            let package = Package(
                name: "GeneratedCode",
                platforms: [.macOS(.v13)],
                dependencies: [
                    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
                    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
                ],
                targets: [
                    .target(
                        name: "JustOneAPIRuntime",
                        dependencies: [
                            .product(name: "Logging", package: "swift-log"),
                            .product(name: "CoreMetrics", package: "swift-metrics"),
                        ]),
            \(targetLines.joined(separator: "\n"))
                ],
                swiftLanguageModes: [.v6]
            )

            """.utf8
        ).write(to: package.appendingPathComponent("Package.swift"))

        let build = try await CommandRunner.run("/usr/bin/env", ["swift", "build"], in: package)
        // Each problem once (the compiler repeats a file's errors for every job that reads it).
        var seen: Set<String> = []
        let problems = (build.standardOutput + build.standardError).split(separator: "\n").map(String.init)
            .filter { ($0.contains("error:") || $0.contains("warning:")) && !$0.hasPrefix(" ") && seen.insert($0).inserted }
        return (build.status, problems)
    }

    enum Contents {
        case files([String: String])
        case directory(URL)
    }
}
