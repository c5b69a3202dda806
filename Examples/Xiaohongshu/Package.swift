// swift-tools-version: 6.1
import Foundation
import PackageDescription

// This package depends on the repository it sits in by path; SwiftPM names such a dependency
// after its folder, which is whatever the clone is called.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let identity = repository.lastPathComponent

let package = Package(
    name: "XiaohongshuExample",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: repository.path)],
    targets: [
        // Generated at build time by the JustOneAPIGenerator plugin from openapi/ (not committed).
        .target(
            name: "XiaohongshuClient",
            dependencies: [.product(name: "JustOneAPIRuntime", package: identity)],
            plugins: [.plugin(name: "JustOneAPIGenerator", package: identity)]
        ),
        // Generated on command into Generated/ (`swift package generate-client`), to be committed.
        .target(
            name: "XiaohongshuCommitted",
            dependencies: [.product(name: "JustOneAPIRuntime", package: identity)],
            exclude: ["openapi"]
        ),
        .executableTarget(name: "xiaohongshu-example", dependencies: ["XiaohongshuClient"]),
    ],
    swiftLanguageModes: [.v6]
)
