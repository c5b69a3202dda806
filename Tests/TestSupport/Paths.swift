import Foundation

/// Places tests need: the package, its fixtures, the shared data beside the checkout.
public enum TestPaths {
    /// The package's root directory.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }  // Tests/TestSupport/Paths.swift
        return url
    }()

    /// `../shared` beside the checkout, where CI keeps the published catalog; `nil` when absent.
    public static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.appendingPathComponent("openapi/public-api.json").path)
            ? url : nil
    }()

    /// Why a test that needs `../shared` is skipped, printed so that the skip is visible.
    public static let sharedMissingReason =
        "../shared (the published catalog) is not beside this checkout; the test needs it and is skipped"

    /// The directory of built products (`.build/debug`), where the `generate` executable is.
    public static let productsDirectory: URL = {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }()

    /// A new empty temporary directory.
    public static func temporaryDirectory(_ name: String = "test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("justoneapi-\(name)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
