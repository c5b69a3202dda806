import Foundation
import Testing

@testable import GeneratorCore

/// Sibling documents fetched at different times: one's component has gained properties and
/// enum values. The union is used, with a warning that names both places; a real conflict
/// stays an error.
@Suite struct Test_ComponentUnion {
    static func document(path: String, thing: String) -> String {
        GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation(path, operationID: String(path.dropFirst()), response: ##"{"$ref": "#/components/schemas/Thing"}"##) + "}",
            components: #"{"schemas": {"Thing": \#(thing)}}"#)
    }

    static let older = #"""
        {"type": "object", "required": ["code", "label"], "properties": {
          "code": {"type": "integer", "enum": [0, 100], "description": "The business code."},
          "label": {"type": "string"}
        }}
        """#
    static let newer = #"""
        {"type": "object", "required": ["code"], "properties": {
          "code": {"type": "integer", "enum": [0, 100, 301], "description": "What happened."},
          "label": {"type": ["string", "null"]},
          "requestId": {"type": "string"}
        }}
        """#

    @Test func aCompatibleSupersetIsMergedWithAWarning() async throws {
        let result = try await GeneratorHarness.generate([
            "one.json": Self.document(path: "/a", thing: Self.older), "two.json": Self.document(path: "/b", thing: Self.newer),
        ])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let warning = try #require(result.warnings.first)
        #expect(warning.location?.file == "specs/two.json")
        #expect(warning.location?.line == 10)
        #expect(warning.message.hasPrefix("component `schemas/Thing` differs from the one with the same name in specs/one.json"))
        #expect(warning.message.contains("properties requestId"), "\(warning.message)")
        #expect(warning.message.contains("enum values 301"), "\(warning.message)")
        let thing = try #require(result.file("Models/Thing.swift"))
        // Property order as written, the added one last; `label` optional (no longer required
        // by both) and nullable; `code` keeps its requirement and gains the value.
        let code = try #require(thing.range(of: "public var code: Code")?.lowerBound)
        let label = try #require(thing.range(of: "public var label: String?")?.lowerBound)
        let requestID = try #require(thing.range(of: "public var requestId: String?")?.lowerBound)
        #expect(code < label && label < requestID)
        #expect(thing.contains("301"))
    }

    /// The order of the documents does not matter: the same union either way (descriptions
    /// are the first document's).
    @Test func theUnionDoesNotDependOnWhichDocumentComesFirst() async throws {
        let forward = try await GeneratorHarness.generate([
            "one.json": Self.document(path: "/a", thing: Self.older), "two.json": Self.document(path: "/b", thing: Self.newer),
        ])
        let backward = try await GeneratorHarness.generate([
            "one.json": Self.document(path: "/a", thing: Self.newer), "two.json": Self.document(path: "/b", thing: Self.older),
        ])
        let first = try #require(forward.file("Models/Thing.swift"))
        let second = try #require(backward.file("Models/Thing.swift"))
        func code(_ text: String) -> Set<Substring> {
            Set(text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("///") })
        }
        #expect(code(first) == code(second))
    }

    /// A property whose type differs is a conflict, not a superset.
    @Test func aConflictingPropertyIsAnError() async throws {
        let conflicting = Self.newer.replacingOccurrences(of: #""requestId": {"type": "string"}"#, with: #""requestId": {"type": "string"}"#)
            .replacingOccurrences(of: #""label": {"type": ["string", "null"]}"#, with: #""label": {"type": "integer"}"#)
        let result = try await GeneratorHarness.generate([
            "one.json": Self.document(path: "/a", thing: Self.older), "two.json": Self.document(path: "/b", thing: conflicting),
        ])
        #expect(result.files == nil)
        #expect(result.errors.first?.message == "component `schemas/Thing` differs from the one with the same name in specs/one.json")
    }
}
