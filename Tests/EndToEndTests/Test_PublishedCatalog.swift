import Foundation
import GeneratorCore
import Testing
import TestSupport

/// The generator on the published Just One API documents from ../shared: the whole catalog and
/// the per-endpoint layout. Skipped, with the reason printed, where ../shared is absent.
@Suite(.enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissingReason)))
struct Test_PublishedCatalog {
    static let configPath = TestPaths.packageRoot.appendingPathComponent("specs/generator.yaml").path

    func generate(_ input: URL, includeHidden: Bool) async throws -> (files: [GeneratedFile], diagnostics: DiagnosticCollector) {
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: .init(inputs: [input.path], configPath: Self.configPath, includeHidden: includeHidden))
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        #expect(diagnostics.errorCount == 0, "\(diagnostics.diagnostics.filter { $0.severity == .error })")
        return (try #require(files), diagnostics)
    }

    /// The `public func` names per file, for comparing two generations.
    func methods(_ files: [GeneratedFile]) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for file in files where file.path.hasSuffix("API.swift") {
            result[file.path] = file.contents.split(separator: "\n").compactMap { line in
                guard let range = line.range(of: "    public func ") else { return nil }
                return String(line[range.upperBound...].prefix { $0 != "(" })
            }.sorted()
        }
        return result
    }

    @Test func bothPublishedLayoutsGiveTheSameClient() async throws {
        let shared = try #require(TestPaths.shared)
        let catalog = try await generate(shared.appendingPathComponent("openapi/public-api.json"), includeHidden: false)
        let documents = try await generate(shared.appendingPathComponent("openapi/docs"), includeHidden: false)
        let catalogMethods = methods(catalog.files)
        #expect(catalogMethods.values.map(\.count).reduce(0, +) == 297)
        #expect(catalogMethods == methods(documents.files))
        #expect(catalogMethods["DouyinXingtuAPI.swift"]?.count == 33)
        #expect(catalogMethods["DouyinXingtuAPI.swift"]?.contains("getAuthorConvertAbility") == true)
        // The ten defaults outside their enums are reported, each with a place.
        let defaults = catalog.diagnostics.diagnostics.filter { $0.message.contains("is not one of the enum values") }
        #expect(defaults.count == 10)
        #expect(defaults.allSatisfy { $0.location?.line != nil })
    }

    /// `--report-paging` on the catalog lists every paged operation with its kind, writes
    /// nothing, and each operation it leaves unpaged has its warning, at its parameter.
    @Test func thePagingReportListsTheCatalogsPagedOperations() async throws {
        let shared = try #require(TestPaths.shared)
        let workspace = try TestPaths.temporaryDirectory("catalog-paging")
        let result = try await CommandRunner.generate(
            [shared.appendingPathComponent("openapi/public-api.json").path, "--config", Self.configPath, "--report-paging",
             "--output", "out"], in: workspace)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: workspace.appendingPathComponent("out").path))
        let lines = result.standardOutput.split(separator: "\n")
        let rows = lines.dropFirst()
        #expect(rows.count >= 130, "\(lines.first ?? "")")
        let kinds = Dictionary(grouping: rows, by: { String($0.prefix(while: { $0 != " " })) }).mapValues(\.count)
        #expect(Set(kinds.keys) == ["page", "offset", "cursor"])
        #expect((kinds["page"] ?? 0) >= 60)
        #expect(rows.contains { $0.contains("GET /api/xiaohongshu/get-note-comment/v2") && $0.contains("lastCursor from $..cursor (named in its description)") })
        #expect(rows.contains { $0.contains("GET /api/douyin/search-video/v4") && $0.contains("searchId from $.data.business_config.next_page.search_id") })
        let unpaged = rows.filter { $0.contains("unknown: not paged") }
        let warnings = result.standardError.split(separator: "\n").filter { $0.contains(": warning: ") && $0.contains("generated without `client.pages(…)`") }
        #expect(unpaged.count == warnings.count)
        #expect(warnings.allSatisfy { $0.hasPrefix(shared.appendingPathComponent("openapi/public-api.json").path + ":") })
    }

    /// Everything the generator writes compiles, in Swift 6 language mode, without warnings, as
    /// a target whose only dependency is JustOneAPIRuntime: the whole catalog (hidden operations
    /// included), the committed Xingtu client and the kitchen-sink client.
    /// Samples of an operation of the whole catalog become an overlay, and the overlay beside
    /// the catalog types that operation's data (and only its).
    @Test func inferenceAndOverlaysWorkOnTheWholeCatalog() async throws {
        let shared = try #require(TestPaths.shared)
        let catalog = shared.appendingPathComponent("openapi/public-api.json").path
        let workspace = try TestPaths.temporaryDirectory("catalog-infer")
        let folder = workspace.appendingPathComponent("samples/getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(#"{"code": 0, "data": {"gpm_range": "-", "base_resp": {"status_code": 0}}}"#.utf8)
            .write(to: folder.appendingPathComponent("1.json"))
        let diagnostics = DiagnosticCollector()
        let inference = SampleInference(
            samplesDirectory: workspace.appendingPathComponent("samples").path,
            pipelineOptions: .init(inputs: [catalog], configPath: Self.configPath))
        let overlay = try #require(
            try await offCooperativePool { inference.run(diagnostics: diagnostics) }, "\(diagnostics.diagnostics)")
        let overlayPath = workspace.appendingPathComponent("samples.overlay.yaml")
        try Data(overlay.utf8).write(to: overlayPath)

        let generation = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: .init(inputs: [catalog, overlayPath.path], configPath: Self.configPath, includeHidden: true))
        let files = try #require(try await offCooperativePool { pipeline.run(diagnostics: generation) })
        #expect(generation.errorCount == 0, "\(generation.diagnostics.filter { $0.severity == .error })")
        #expect(!generation.diagnostics.contains { $0.message.contains("selects nothing") })
        #expect(files.contains { $0.path == "Models/GetAuthorConvertAbilityData.swift" })
        let xingtu = try #require(files.first { $0.path == "DouyinXingtuAPI.swift" }?.contents)
        #expect(xingtu.contains("APIResponse<GetAuthorConvertAbilityData>"))
        #expect(xingtu.components(separatedBy: "APIResponse<JSONValue>").count > 30, "the other operations stay untyped")
    }

    @Test(.timeLimit(.minutes(15))) func generatedCodeCompilesWithoutWarnings() async throws {
        let shared = try #require(TestPaths.shared)
        let catalog = try await generate(shared.appendingPathComponent("openapi/public-api.json"), includeHidden: true)
        #expect(catalog.files.count > 30)

        let build = try await CompileCheck.build(
            "e2e-compile",
            targets: [
                "Catalog": .files(Dictionary(uniqueKeysWithValues: catalog.files.map { ($0.path, $0.contents) })),
                "Xingtu": .directory(TestPaths.packageRoot.appendingPathComponent("Sources/JustOneAPI/Generated")),
                "KitchenSink": .directory(TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/KitchenSinkClient")),
                "Paging": .directory(TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/PagingClient")),
            ])
        let problems = build.problems
        #expect(build.status == 0, "swift build failed:\n\(problems.prefix(40).joined(separator: "\n"))")
        #expect(problems.isEmpty, "\(problems.prefix(40).joined(separator: "\n"))")
    }
}
