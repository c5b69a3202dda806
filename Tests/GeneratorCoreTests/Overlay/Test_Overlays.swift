import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// Overlays on the project's own seed document: updates and removals change the generated
/// code, an action that selects nothing is a warning at its line, a broken overlay stops
/// generation with a located error.
@Suite struct Test_Overlays {
    static let seed: String = {
        let url = TestPaths.packageRoot.appendingPathComponent("specs/douyin-creator-marketplace-xingtu/conversion-analysis-v1-en.json")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    /// The project's configuration, so that names are the committed client's.
    static let config: String = {
        let url = TestPaths.packageRoot.appendingPathComponent("specs/generator.yaml")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()
    static let rangeParameter = "$.paths.*.get.parameters[?@.name == 'range']"

    static func generate(overlay: String, name: String = "patch.overlay.yaml", config: String? = nil) async throws -> GeneratorHarness.Result {
        try await GeneratorHarness.generate(["conversion-analysis-v1-en.json": seed, name: overlay], config: config ?? Self.config)
    }

    /// Widening an enum and changing a default: the generated parameter follows.
    @Test func updatesChangeTheGeneratedCode() async throws {
        let result = try await Self.generate(
            overlay: """
                overlay: 1.0.0
                info: {title: Longer ranges, version: 1.0.0}
                actions:
                  - target: "\(Self.rangeParameter).schema"
                    update:
                      default: DAY_90
                      enum: [DAY_30, DAY_90, DAY_180]
                """)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let api = try #require(result.files?.first { $0.contents.contains("func getAuthorConvertAbility(") }?.contents)
        #expect(api.contains("range: GetAuthorConvertAbility.Range? = .day90"))
        #expect(api.contains("case day180"))
    }

    @Test func removalsRemove() async throws {
        let result = try await Self.generate(
            overlay: """
                {"overlay": "1.0.0", "info": {"title": "No range", "version": "1"},
                 "actions": [{"target": "\(Self.rangeParameter)", "remove": true}]}
                """, name: "patch.overlay.json")
        #expect(result.errors.isEmpty, "\(result.errors)")
        let api = try #require(result.files?.first { $0.contents.contains("func getAuthorConvertAbility(") }?.contents)
        #expect(!api.contains("range:"))
        #expect(api.contains("platform:"))
    }

    /// Listed in generator.yaml instead of found by name; `extends` limits it to its document.
    @Test func overlaysListedInTheConfigurationApplyToTheirDocument() async throws {
        let result = try await GeneratorHarness.generate(
            [
                "conversion-analysis-v1-en.json": Self.seed,
                "patches/range.yaml": """
                    overlay: 1.0.0
                    info: {title: Range, version: 1.0.0}
                    extends: https://docs.justoneapi.com/openapi/douyin-creator-marketplace-xingtu/conversion-analysis-v1-en.json
                    actions:
                      - target: "\(Self.rangeParameter).schema.default"
                        update: DAY_90
                    """,
            ], config: Self.config + "\noverlays: [patches/range.yaml]\n")
        #expect(result.errors.isEmpty, "\(result.errors)")
        let api = try #require(result.files?.first { $0.contents.contains("func getAuthorConvertAbility(") }?.contents)
        #expect(api.contains("range: GetAuthorConvertAbility.Range? = .day90"))
    }

    @Test func aTargetThatSelectsNothingIsAWarningAtItsLine() async throws {
        let result = try await Self.generate(
            overlay: """
                overlay: 1.0.0
                info: {title: Typo, version: 1.0.0}
                actions:
                  - target: "$.paths.*.get.parameters[?@.name == 'rnage']"
                    remove: true
                """)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let warning = try #require(result.warnings.first)
        #expect(warning.message.hasPrefix("the target `$.paths.*.get.parameters[?@.name == 'rnage']` selects nothing"))
        #expect(warning.location?.file == "specs/patch.overlay.yaml")
        #expect(warning.location?.line == 4)
    }

    @Test(arguments: [
        ("$.paths[", "invalid JSONPath `$.paths[`"),
        ("paths.x", "invalid JSONPath `paths.x`"),
    ])
    func anInvalidJSONPathIsALocatedError(target: String, message: String) async throws {
        let result = try await Self.generate(
            overlay: """
                overlay: 1.0.0
                info: {title: Broken, version: 1.0.0}
                actions:
                  - description: first
                    target: "\(target)"
                    remove: true
                """)
        #expect(result.files == nil)
        let error = try #require(result.errors.first)
        #expect(error.message.hasPrefix(message), "\(error)")
        #expect(error.location?.file == "specs/patch.overlay.yaml")
        #expect(error.location?.line == 5)
    }

    @Test(arguments: [
        ("info: {title: x, version: '1'}\nactions: []\n", "not an overlay: there is no `overlay` version field"),
        ("overlay: 1.0.0\ninfo: {title: x, version: '1'}\nactions: []\n", "the overlay has no `actions` list"),
        ("overlay: 1.0.0\nactions:\n  - target: $.info\n", "the action has neither `update` nor `remove: true`"),
        ("overlay: 2.0.0\nactions:\n  - target: $.info\n    remove: true\n", "unsupported overlay version `2.0.0`"),
    ])
    func aMalformedOverlayIsALocatedError(text: String, message: String) async throws {
        let result = try await Self.generate(overlay: text)
        #expect(result.files == nil)
        #expect(result.errors.first?.message.hasPrefix(message) == true, "\(result.errors)")
        #expect(result.errors.first?.location?.file == "specs/patch.overlay.yaml")
    }
}
