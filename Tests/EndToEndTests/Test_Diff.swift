import Foundation
import GeneratorCore
import Testing
import TestSupport

/// `generate diff` on a copy of the published catalog with one change of each kind.
@Suite(.enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissingReason)))
struct Test_Diff {
    static let config = TestPaths.packageRoot.appendingPathComponent("specs/generator.yaml").path

    /// Applies `edit` to the published catalog and writes the result to a new directory.
    func mutatedCatalog(_ edit: (inout [String: Any]) throws -> Void) throws -> (old: URL, new: URL) {
        let shared = try #require(TestPaths.shared)
        let directory = try TestPaths.temporaryDirectory("diff")
        let source = shared.appendingPathComponent("openapi/public-api.json")
        let old = directory.appendingPathComponent("old.json")
        let new = directory.appendingPathComponent("new.json")
        try FileManager.default.copyItem(at: source, to: old)
        var catalog = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: source)) as? [String: Any])
        try edit(&catalog)
        try JSONSerialization.data(withJSONObject: catalog, options: [.sortedKeys]).write(to: new)
        return (old, new)
    }

    /// Edits the operation at `path` (GET unless said otherwise).
    static func editOperation(_ catalog: inout [String: Any], _ path: String, method: String = "get", _ edit: (inout [String: Any]) -> Void) {
        var paths = catalog["paths"] as! [String: Any]
        var item = paths[path] as! [String: Any]
        var operation = item[method] as! [String: Any]
        edit(&operation)
        item[method] = operation
        paths[path] = item
        catalog["paths"] = paths
    }

    static func editParameter(_ operation: inout [String: Any], _ name: String, _ edit: (inout [String: Any]) -> Void) {
        var parameters = operation["parameters"] as! [[String: Any]]
        let index = parameters.firstIndex { $0["name"] as? String == name }!
        edit(&parameters[index])
        operation["parameters"] = parameters
    }

    static func editSchema(_ parameter: inout [String: Any], _ edit: (inout [String: Any]) -> Void) {
        var schema = parameter["schema"] as! [String: Any]
        edit(&schema)
        parameter["schema"] = schema
    }

    static let xingtu = "/api/douyin-xingtu/gw/api"

    /// The diff of two catalogs, computed off the concurrency pool (it is heavy in a debug build).
    static func diff(_ old: URL, _ new: URL) async throws -> SpecDiff {
        try await offCooperativePool {
            let diagnostics = DiagnosticCollector()
            let before = GeneratorPipeline(options: .init(inputs: [old.path], configPath: config)).model(diagnostics: diagnostics)
            let after = GeneratorPipeline(options: .init(inputs: [new.path], configPath: config)).model(diagnostics: diagnostics)
            guard let before, let after else { throw DiffFailed(diagnostics: "\(diagnostics.diagnostics)") }
            return SpecDiff(old: before, new: after)
        }
    }

    struct DiffFailed: Error {
        let diagnostics: String
    }

    @Test func everyKindOfChangeIsFoundAndClassified() async throws {
        let (old, new) = try mutatedCatalog { catalog in
            var paths = catalog["paths"] as! [String: Any]
            var added = paths["/api/amazon/get-best-sellers/v1"] as! [String: Any]
            paths["/api/amazon/get-best-sellers/v1"] = nil
            var get = added["get"] as! [String: Any]
            get["operationId"] = "getApiAmazonGetBestSellersV2"
            added["get"] = get
            paths["/api/amazon/get-best-sellers/v2"] = added
            catalog["paths"] = paths

            Self.editOperation(&catalog, "/api/amazon/get-product-detail/v1") { $0["deprecated"] = true }
            Self.editOperation(&catalog, "\(Self.xingtu)/data_sp/author_cp_info/v1") { operation in
                var parameters = operation["parameters"] as! [[String: Any]]
                parameters.append(["name": "region", "in": "query", "required": true, "schema": ["type": "string"]])
                operation["parameters"] = parameters
            }
            Self.editOperation(&catalog, "\(Self.xingtu)/data_sp/author_link_struct/v1") { operation in
                var parameters = operation["parameters"] as! [[String: Any]]
                parameters.append(["name": "limit", "in": "query", "schema": ["type": "integer", "default": 10]])
                operation["parameters"] = parameters
            }
            Self.editOperation(&catalog, "\(Self.xingtu)/data_sp/get_author_spread_info/v1") { operation in
                operation["parameters"] = (operation["parameters"] as! [[String: Any]]).filter { $0["name"] as? String != "onlyAssign" }
            }
            Self.editOperation(&catalog, "\(Self.xingtu)/aggregator/get_author_homepage_videos/v1") { operation in
                Self.editParameter(&operation, "keyword") { $0["required"] = true }
                Self.editParameter(&operation, "page") { Self.editSchema(&$0) { $0["type"] = "string"; $0["format"] = nil; $0["default"] = "1" } }
            }
            Self.editOperation(&catalog, "\(Self.xingtu)/data_sp/get_author_convert_ability/v1") { operation in
                Self.editParameter(&operation, "platform") {
                    Self.editSchema(&$0) { $0["enum"] = ($0["enum"] as! [String]) + ["NEW_CHANNEL"] }
                }
                Self.editParameter(&operation, "range") { Self.editSchema(&$0) { $0["default"] = "DAY_90" } }
            }
            Self.editOperation(&catalog, "\(Self.xingtu)/data_sp/author_audience_distribution/v1") { operation in
                Self.editParameter(&operation, "linkType") {
                    Self.editSchema(&$0) { $0["enum"] = ($0["enum"] as! [String]).filter { $0 != "FOLLOW" } }
                }
            }
            catalog["servers"] = [
                ["url": "https://api.justoneapi.com", "description": "Global production API (default)"],
                ["url": "https://backup.justoneapi.com", "description": "Backup API"],
            ]
        }

        let diff = try await Self.diff(old, new)
        let summary = Set(diff.changes.map { "\($0.kind.rawValue) \($0.isBreaking ? "breaking" : "compatible") \($0.operation ?? $0.symbol ?? "")" })
        let expected: Set<String> = [
            "operationRemoved breaking GET /api/amazon/get-best-sellers/v1",
            "operationAdded compatible GET /api/amazon/get-best-sellers/v2",
            "operationDeprecated compatible GET /api/amazon/get-product-detail/v1",
            "parameterAdded breaking GET \(Self.xingtu)/data_sp/author_cp_info/v1",
            "parameterAdded compatible GET \(Self.xingtu)/data_sp/author_link_struct/v1",
            "parameterRemoved breaking GET \(Self.xingtu)/data_sp/get_author_spread_info/v1",
            "parameterMadeRequired breaking GET \(Self.xingtu)/aggregator/get_author_homepage_videos/v1",
            "parameterRetyped breaking GET \(Self.xingtu)/aggregator/get_author_homepage_videos/v1",
            "enumValueAdded compatible GET \(Self.xingtu)/data_sp/get_author_convert_ability/v1",
            "defaultChanged compatible GET \(Self.xingtu)/data_sp/get_author_convert_ability/v1",
            "enumValueRemoved breaking GET \(Self.xingtu)/data_sp/author_audience_distribution/v1",
            "serverAdded compatible Server.backupAPI",
            "serverRemoved breaking Server.mainlandChina",
        ]
        #expect(summary == expected, "missing: \(expected.subtracting(summary)); unexpected: \(summary.subtracting(expected))")
        #expect(diff.bump == .major)
        let markdown = diff.markdown()
        #expect(markdown.hasPrefix("## API changes: 7 breaking, 6 other\n\nSuggested version bump: **major**.\n"))
        #expect(markdown.contains("- `GET /api/amazon/get-best-sellers/v1`: operation removed; `amazon.getBestSellers` no longer exists"))
        #expect(markdown.contains("parameter `linkType` no longer has the value \"FOLLOW\""))

        // The command: JSON output, and --fail-on breaking.
        let directory = old.deletingLastPathComponent()
        let json = try await CommandRunner.generate(
            ["diff", old.path, new.path, "--config", Self.config, "--format", "json", "--fail-on", "breaking"], in: directory)
        #expect(json.status == 1)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any])
        #expect(report["bump"] as? String == "major")
        #expect(report["breaking"] as? Int == 7)
        #expect((report["changes"] as? [[String: Any]])?.count == 13)
        #expect(json.standardError.contains("7 breaking change(s)"))
    }

    @Test func additionsAloneSuggestAMinorBump() async throws {
        let (old, new) = try mutatedCatalog { catalog in
            Self.editOperation(&catalog, "\(Self.xingtu)/data_sp/get_author_convert_ability/v1") { operation in
                Self.editParameter(&operation, "platform") {
                    Self.editSchema(&$0) { $0["enum"] = ($0["enum"] as! [String]) + ["NEW_CHANNEL"] }
                }
            }
        }
        let diff = try await Self.diff(old, new)
        #expect(diff.changes.map(\.kind) == [.enumValueAdded])
        #expect(diff.bump == .minor)
    }

    @Test func identicalInputsHaveNoChanges() async throws {
        let shared = try #require(TestPaths.shared)
        let catalog = shared.appendingPathComponent("openapi/public-api.json").path
        let result = try await CommandRunner.generate(
            ["diff", catalog, catalog, "--config", Self.config, "--fail-on", "breaking"], in: TestPaths.packageRoot)
        #expect(result.status == 0)
        #expect(result.standardOutput == "No changes to the generated API.\n")
    }

    @Test func theTwoPublishedLayoutsDoNotDiffer() async throws {
        let shared = try #require(TestPaths.shared)
        let result = try await CommandRunner.generate(
            ["diff", shared.appendingPathComponent("openapi/public-api.json").path, shared.appendingPathComponent("openapi/docs").path,
             "--config", Self.config, "--fail-on", "any"], in: TestPaths.packageRoot)
        #expect(result.status == 0, "\(result.standardOutput)")
    }
}
