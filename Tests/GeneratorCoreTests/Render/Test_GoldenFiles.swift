import Foundation
import GeneratorCore
import Testing
import TestSupport

/// Reference tests: generated output compared line by line with committed files.
@Suite struct Test_GoldenFiles {
    func generate(_ inputs: [String], config: String? = nil) async throws -> [GeneratedFile] {
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: .init(inputs: inputs, configPath: config, rootDirectory: TestPaths.packageRoot.path))
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        #expect(diagnostics.errorCount == 0, "\(diagnostics.diagnostics)")
        return try #require(files)
    }

    /// The seed endpoint, Conversion Analysis, alone.
    @Test func conversionAnalysis() async throws {
        let files = try await generate(
            ["specs/douyin-creator-marketplace-xingtu/conversion-analysis-v1-en.json"], config: "specs/generator.yaml")
        try GoldenFiles.check(
            files, against: TestPaths.packageRoot.appendingPathComponent("Tests/GeneratorCoreTests/Golden/ConversionAnalysis"))
    }

    /// The kitchen-sink fixture; its golden files are the KitchenSinkClient target, compiled and
    /// called by the runtime tests.
    @Test func kitchenSink() async throws {
        let files = try await generate(["Tests/Fixtures/KitchenSink"])
        try GoldenFiles.check(files, against: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/KitchenSinkClient"))
    }

    /// The paging fixture; its golden files are the PagingClient target, compiled and paged on
    /// loopback by the runtime tests.
    @Test func paging() async throws {
        let files = try await generate(["Tests/Fixtures/Paging"])
        try GoldenFiles.check(files, against: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/PagingClient"))
    }

    /// The round-three fixture; its golden files are the RoundThreeClient target, compiled with
    /// the package (a schema named like each type generated code uses, Swift keywords as names).
    @Test func roundThree() async throws {
        let files = try await generate(["Tests/Fixtures/RoundThree"])
        try GoldenFiles.check(files, against: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/RoundThreeClient"))
    }

    /// The committed client is what `specs/` generates (the drift check, as a test).
    @Test func committedClientIsCurrent() async throws {
        let files = try await generate(["specs/"])
        try GoldenFiles.check(files, against: TestPaths.packageRoot.appendingPathComponent("Sources/JustOneAPI/Generated"))
    }
}
