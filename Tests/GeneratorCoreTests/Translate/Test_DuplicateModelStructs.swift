import Foundation
import Testing

@testable import GeneratorCore

/// Structs declared alike inside request types and models are declared once; each other copy is
/// a typealias of the first where it was. Component schemas keep their own types.
@Suite struct Test_DuplicateModelStructs {
    /// An inline response: an object with a nested object (`meta`) that holds an enum.
    func response(description: String = "When the data was read.") -> String {
        #"""
        {"type": "object", "properties": {
          "count": {"type": "integer"},
          "meta": {"type": "object", "required": ["unit"], "properties": {
            "readAt": {"type": "string", "description": "\#(description)"},
            "unit": {"type": "string", "enum": ["bytes", "packets"]}
          }}
        }}
        """#
    }

    func operation(_ path: String, _ id: String, response: String, deprecated: Bool = false) -> String {
        #"""
        "\#(path)": {"get": {"operationId": "\#(id)", "tags": ["stats"], "deprecated": \#(deprecated),
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": \#(response)}}}}}}
        """#
    }

    func generate(paths: [String], schemas: String = "{}") async throws -> String {
        let document = GeneratorHarness.document(
            paths: "{" + paths.joined(separator: ", ") + "}", components: #"{"schemas": \#(schemas)}"#)
        let result = try await GeneratorHarness.generate(
            ["api.json": document], config: "namespaces:\n  source: tag\nmethodNames: operationId\n")
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
        let files = try #require(result.files)
        return files.filter { $0.path.hasPrefix("Stats") }.map(\.contents).joined(separator: "\n")
    }

    @Test func identicalInlineResponsesAreDeclaredOnce() async throws {
        let code = try await generate(paths: [
            operation("/a", "alpha", response: response()),
            operation("/b", "beta", response: response()),
            operation("/c", "gamma", response: response()),
        ])
        // The response of `beta` (the shortest qualified name) is the one declared.
        #expect(code.components(separatedBy: "public struct Response:").count - 1 == 1)
        #expect(code.components(separatedBy: "public struct Meta:").count - 1 == 1)
        #expect(code.components(separatedBy: "enum Unit:").count - 1 == 1)
        #expect(code.contains("public typealias Response = StatsAPI.Beta.Response\n"))
        #expect(code.components(separatedBy: "public typealias Response = StatsAPI.Beta.Response").count - 1 == 2)
        #expect(code.contains("/// The same as `StatsAPI.Beta.Response`, which has the same properties."))
    }

    /// A nested struct alike in two otherwise different responses is declared once; the
    /// responses stay two.
    @Test func aNestedStructAloneIsMergedWhereItsParentsDiffer() async throws {
        let other = response().replacingOccurrences(of: #""count": {"type": "integer"}"#, with: #""total": {"type": "integer"}"#)
        let code = try await generate(paths: [
            operation("/a", "alpha", response: response()), operation("/b", "beta", response: other),
        ])
        #expect(code.components(separatedBy: "public struct Response:").count - 1 == 2)
        #expect(code.components(separatedBy: "public struct Meta:").count - 1 == 1)
        #expect(code.contains("public typealias Meta = StatsAPI.Beta.Response.Meta\n"))
    }

    /// Structs that differ in one property's documentation are not the same.
    @Test func documentationIsPartOfTheShape() async throws {
        let code = try await generate(paths: [
            operation("/a", "alpha", response: response()),
            operation("/b", "beta", response: response(description: "When the data was written.")),
        ])
        #expect(code.components(separatedBy: "public struct Meta:").count - 1 == 2)
        #expect(!code.contains("typealias Meta") && !code.contains("typealias Response"))
    }

    /// Two component schemas of the same shape are two types.
    @Test func componentSchemasAreNeverMerged() async throws {
        let schemas = #"{"Cat": {"type": "object", "properties": {"name": {"type": "string"}}}, "Dog": {"type": "object", "properties": {"name": {"type": "string"}}}}"#
        let document = GeneratorHarness.document(paths: "{}", components: #"{"schemas": \#(schemas)}"#)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(try #require(result.file("Models/Cat.swift")).contains("public struct Cat:"))
        #expect(try #require(result.file("Models/Dog.swift")).contains("public struct Dog:"))
    }

    /// The copy that stays is not in a deprecated operation's request type, where another
    /// copy is not: the others' aliases would be warned about.
    @Test func theCopyThatStaysIsNotDeprecated() async throws {
        let code = try await generate(paths: [
            operation("/a", "old", response: response(), deprecated: true),
            operation("/b", "current", response: response()),
        ])
        #expect(code.contains("public typealias Response = StatsAPI.Current.Response\n"))
        #expect(!code.contains("= StatsAPI.Old."))
    }
}
