import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// `generate infer` on hand-made samples of the seed endpoint: what each kind of value becomes,
/// how samples merge, that names stay put, and that the overlay it writes generates models.
@Suite struct Test_SampleInference {
    static let operationID = "getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1"

    /// A workspace with the seed document, the project's configuration and `samples`
    /// (file name → body) for the seed operation.
    static func workspace(_ samples: [String: String]) throws -> URL {
        let root = try TestPaths.temporaryDirectory("infer")
        let specs = root.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        for name in ["douyin-creator-marketplace-xingtu/conversion-analysis-v1-en.json", "generator.yaml"] {
            let target = specs.appendingPathComponent((name as NSString).lastPathComponent)
            try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent("specs/" + name), to: target)
        }
        let folder = root.appendingPathComponent("samples/" + operationID)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (name, body) in samples { try Data(body.utf8).write(to: folder.appendingPathComponent(name)) }
        return root
    }

    /// The overlay's text and the diagnostics.
    static func infer(_ root: URL) -> (text: String?, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        let inference = SampleInference(
            samplesDirectory: "samples", pipelineOptions: .init(inputs: ["specs"], rootDirectory: root.path))
        let text = inference.run(diagnostics: diagnostics)
        return (text, diagnostics.diagnostics)
    }

    /// The inferred component schemas, by name, from the overlay (read back as JSON).
    static func schemas(_ text: String) throws -> [String: Any] {
        let tree = try #require(YAMLTestReader.json(text) as? [String: Any])
        let actions = try #require(tree["actions"] as? [[String: Any]])
        var result: [String: Any] = [:]
        for action in actions {
            if let schemas = (action["update"] as? [String: Any])?["schemas"] as? [String: Any] {
                result.merge(schemas) { first, _ in first }
            }
        }
        return result
    }

    static func properties(_ schema: Any?) -> [String: [String: Any]] {
        ((schema as? [String: Any])?["properties"] as? [String: [String: Any]]) ?? [:]
    }

    @Test func kindsNullsMissingMembersAndConflictsMerge() throws {
        let root = try Self.workspace([
            "1.json": #"{"code": 0, "data": {"a": "x", "n": 1, "f": 1, "b": true, "gone": 1, "mixed": 1, "z": null, "list": []}}"#,
            "2.json": #"{"code": 0, "data": {"a": null, "n": 2, "f": 1.5, "b": false, "mixed": "one", "z": null, "list": []}}"#,
            // A failed call is not a sample.
            "3.json": #"{"code": 301, "message": "collection failed", "data": null}"#,
        ])
        let (text, diagnostics) = Self.infer(root)
        let overlay = try #require(text, "\(diagnostics)")
        let data = try #require(try Self.schemas(overlay)["GetAuthorConvertAbilityData"] as? [String: Any])
        let properties = Self.properties(data)
        #expect(properties["a"]?["type"] as? [String] == ["string", "null"])
        #expect(properties["n"]?["type"] as? String == "integer")
        #expect(properties["f"]?["type"] as? String == "number")
        #expect(properties["b"]?["type"] as? String == "boolean")
        #expect(properties["mixed"]?["type"] == nil, "integer and string conflict: untyped")
        #expect((properties["mixed"]?["description"] as? String)?.contains("disagree") == true)
        #expect(properties["z"]?.isEmpty == true, "only null seen: untyped")
        #expect((properties["list"]?["items"] as? [String: Any])?.isEmpty == true, "empty arrays: untyped items")
        #expect(Set(data["required"] as? [String] ?? []) == ["n", "f", "b", "mixed", "list"])
        #expect(data["x-sample-inferred"] as? Bool == true)
        #expect(diagnostics.contains { $0.message.contains("failed call (code 301)") })
    }

    /// Arrays of objects, objects in objects, and bare payloads (no envelope) in one operation.
    @Test func nestedArraysOfObjectsBecomeModelsOfTheirOwn() throws {
        let root = try Self.workspace([
            "1.json": #"{"code": 0, "data": {"tags": [{"name": "a", "weight": 1}, {"name": "b"}], "owner": {"id": 7}}}"#,
            "2.json": #"{"tags": [{"name": "c", "extra": [[1, 2], [3]]}], "owner": {"id": 8, "alias": "x"}}"#,
        ])
        let overlay = try #require(Self.infer(root).text)
        let schemas = try Self.schemas(overlay)
        #expect(Set(schemas.keys) == ["GetAuthorConvertAbilityData", "GetAuthorConvertAbilityDataTagsItem", "GetAuthorConvertAbilityDataOwner"])
        let tags = Self.properties(schemas["GetAuthorConvertAbilityData"])["tags"]
        #expect((tags?["items"] as? [String: String])?["$ref"] == "#/components/schemas/GetAuthorConvertAbilityDataTagsItem")
        let item = Self.properties(schemas["GetAuthorConvertAbilityDataTagsItem"])
        #expect(item["weight"]?["type"] as? String == "integer")
        #expect((item["extra"]?["items"] as? [String: Any])?["type"] as? String == "array")
        #expect(Set((schemas["GetAuthorConvertAbilityDataTagsItem"] as? [String: Any])?["required"] as? [String] ?? []) == ["name"])
        #expect(Set(Self.properties(schemas["GetAuthorConvertAbilityDataOwner"]).keys) == ["id", "alias"])
    }

    /// One more sample does not rename anything: the names come from the operation and the keys.
    @Test func namesAreStableAsSamplesArrive() throws {
        let first = #"{"code": 0, "data": {"base_resp": {"status_code": 0}, "items": [{"id": 1}]}}"#
        let root = try Self.workspace(["1.json": first])
        let before = try Self.schemas(try #require(Self.infer(root).text))
        let second = #"{"code": 0, "data": {"new": {"x": 1}, "base_resp": {"status_code": 0, "extra": "y"}, "items": []}}"#
        try Data(second.utf8).write(to: root.appendingPathComponent("samples/\(Self.operationID)/0.json"))
        let after = try Self.schemas(try #require(Self.infer(root).text))
        #expect(Set(before.keys).isSubset(of: Set(after.keys)))
        #expect(Set(after.keys).subtracting(before.keys) == ["GetAuthorConvertAbilityDataNew"])
    }

    /// 200 levels of nesting and a 10 MB sample: an overlay, in seconds, without a crash;
    /// levels past what inference follows are untyped.
    @Test(.timeLimit(.minutes(2))) func deepAndLargeSamplesAreInferred() throws {
        let deep = String(repeating: #"{"next": "#, count: 200) + "1" + String(repeating: "}", count: 200)
        let row = #"{"id": 12345, "name": "a name of some length", "score": 1.5, "tags": ["x", "y"]}"#
        let large = #"{"code": 0, "data": {"rows": ["# + Array(repeating: row, count: 130_000).joined(separator: ",") + "]}}"
        #expect(large.utf8.count > 10_000_000)
        let root = try Self.workspace(["deep.json": #"{"code": 0, "data": "# + deep + "}", "large.json": large])
        let (text, diagnostics) = Self.infer(root)
        let overlay = try #require(text, "\(diagnostics)")
        let schemas = try Self.schemas(overlay)
        #expect(schemas.count == GeneratorLimits.schemaNesting + 1, "one model per followed level, and the rows' model")
        #expect(overlay.contains("Nested deeper than inference follows"))
        let rows = Self.properties(schemas["GetAuthorConvertAbilityDataRowsItem"])
        #expect(rows["score"]?["type"] as? String == "number")
    }

    /// The overlay, beside the documents, gives the operation a lenient model.
    @Test func theOverlayGeneratesLenientModels() async throws {
        let root = try Self.workspace([
            "1.json": #"{"code": 0, "data": {"gpm_range": "-", "tags": [{"name": "a"}], "counts": [[1]], "extra": {}}}"#
        ])
        let overlay = try #require(Self.infer(root).text)
        let seed = try String(
            contentsOf: root.appendingPathComponent("specs/conversion-analysis-v1-en.json"), encoding: .utf8)
        let config = try String(contentsOf: root.appendingPathComponent("specs/generator.yaml"), encoding: .utf8)
        let result = try await GeneratorHarness.generate(
            ["conversion-analysis-v1-en.json": seed, "samples.overlay.yaml": overlay], config: config)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let model = try #require(result.file("Models/GetAuthorConvertAbilityData.swift"))
        #expect(model.contains("public struct GetAuthorConvertAbilityData: SampleInferred {"))
        #expect(model.contains(#"public var gpmRange: String? { Lenient.string(jsonValue["gpm_range"]) }"#))
        #expect(model.contains(#"public var tags: [GetAuthorConvertAbilityDataTagsItem]? { Lenient.array(jsonValue["tags"]) { Lenient.object($0, as: GetAuthorConvertAbilityDataTagsItem.self) } }"#))
        #expect(model.contains(#"public var counts: [[Int]]? { Lenient.array(jsonValue["counts"]) { Lenient.array($0) { Lenient.int($0) } } }"#))
        #expect(model.contains(#"public var extra: GetAuthorConvertAbilityDataExtra? {"#))
        let api = try #require(result.files?.first { $0.contents.contains("func getAuthorConvertAbility(") }?.contents)
        #expect(api.contains("APIResponse<GetAuthorConvertAbilityData>"))
    }

    @Test func samplesOfUnknownOperationsAreSkippedWithAWarning() throws {
        let root = try Self.workspace(["1.json": #"{"code": 0, "data": {"a": 1}}"#])
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("samples/noSuchOperation"), withIntermediateDirectories: true)
        let (text, diagnostics) = Self.infer(root)
        #expect(text != nil)
        #expect(diagnostics.contains { $0.message.contains("no operation has the operationId `noSuchOperation`") })
    }

    /// The committed overlay is what `generate infer` writes from the committed sample.
    @Test func theCommittedOverlayIsCurrent() throws {
        let diagnostics = DiagnosticCollector()
        let inference = SampleInference(
            samplesDirectory: "Tests/Fixtures/Samples",
            pipelineOptions: .init(inputs: ["specs"], rootDirectory: TestPaths.packageRoot.path))
        let text = try #require(inference.run(diagnostics: diagnostics), "\(diagnostics.diagnostics)")
        let committed = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("specs/conversion-analysis.overlay.yaml"), encoding: .utf8)
        #expect(text == committed, "run `swift run generate infer Tests/Fixtures/Samples --output specs/conversion-analysis.overlay.yaml`")
    }
}

/// Reads YAML back into Foundation values, for checking what the writer wrote.
enum YAMLTestReader {
    static func json(_ text: String) -> Any? {
        let file = SourceFile(path: "overlay.yaml", format: .yaml, data: Data(text.utf8))
        guard let tree = DocumentReader.tree(of: file, diagnostics: DiagnosticCollector()) else { return nil }
        return try? JSONSerialization.jsonObject(with: Data(tree.bytes))
    }
}
