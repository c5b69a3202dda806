import Foundation
import GeneratorCore
import Testing
import TestSupport

@Suite struct Test_AllOf {
    /// `{"description": …, "allOf": [{"$ref": …}]}` is the referenced type itself, inline and as
    /// a component (an alias), not a copy of its properties.
    @Test func anAllOfOfOneReferenceIsThatType() async throws {
        let components = """
            {"schemas": {
              "Query": {"type": "object", "properties": {"bool": {"description": "A bool query.", "allOf": [{"$ref": "#/components/schemas/BoolQuery"}]}}},
              "BoolQuery": {"type": "object", "properties": {
                "must": {"type": "array", "items": {"$ref": "#/components/schemas/Query"}},
                "filter": {"allOf": [{"$ref": "#/components/schemas/Query"}, {"type": "object"}]}
              }},
              "Wrapper": {"description": "Same as a query.", "allOf": [{"$ref": "#/components/schemas/Query"}]}
            }}
            """
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/api/x/search/v1", operationID: "search", response: ##"{"$ref": "#/components/schemas/Wrapper"}"##) + "}",
            components: components)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let query = try #require(result.file("Models/Query.swift"))
        #expect(query.contains("public var bool: BoolQuery?"), "\(query)")
        let boolQuery = try #require(result.file("Models/BoolQuery.swift"))
        #expect(boolQuery.contains("public var filter: Query?"), "\(boolQuery)")
        #expect(!boolQuery.contains("struct Filter"))
        let wrapper = try #require(result.file("Models/Wrapper.swift"))
        #expect(wrapper.contains("public typealias Wrapper = Query"), "\(wrapper)")
    }

    /// An `allOf` that adds to a schema, inside a copy of that same schema, would copy it again
    /// and again: it is typed `JSONValue` with a warning, and generation ends at once.
    @Test func anAllOfThatRefersBackIntoItsOwnCopyEnds() async throws {
        // Each level has two properties that add to `Node` again: without the guard, 2^64 copies.
        let again = ##"{"allOf": [{"$ref": "#/components/schemas/Node"}, {"type": "object", "properties": {"extra": {"type": "string"}}}]}"##
        let components = """
            {"schemas": {
              "Base": {"type": "object", "properties": {"id": {"type": "string"}}},
              "Node": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object", "properties": {
                "left": {"type": "object", "properties": {"next": \(again)}},
                "right": {"type": "object", "properties": {"next": \(again)}}
              }}]}
            }}
            """
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/api/x/node/v1", operationID: "node", response: ##"{"$ref": "#/components/schemas/Node"}"##) + "}",
            components: components)
        let started = ContinuousClock.now
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(ContinuousClock.now - started < .seconds(20))
        #expect(result.errors.isEmpty)
        #expect(result.warnings.contains { $0.message.contains("inside a copy of `Node` itself") })
        let node = try #require(result.file("Models/Node.swift"))
        #expect(node.contains("public var next: JSONValue?"), "\(node)")
    }

    /// A union with itself among its alternatives (swift-openapi-generator's petstore has
    /// `RecursivePetAnyOf: anyOf: [$ref: RecursivePetAnyOf, string]`) would decode by calling
    /// itself forever ("function call causes an infinite recursion"): that alternative is left
    /// out with a warning, directly or through an `allOf` of one reference.
    @Test func aUnionIsNeverItsOwnAlternative() async throws {
        let components = """
            {"schemas": {
              "Pet": {"anyOf": [{"$ref": "#/components/schemas/Pet"}, {"type": "string"}, {"type": "integer"}]},
              "Tree": {"oneOf": [{"allOf": [{"$ref": "#/components/schemas/Tree"}]}, {"type": "string"}]}
            }}
            """
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/api/x/pet/v1", operationID: "pet", response: ##"{"type": "object", "properties": {"pet": {"$ref": "#/components/schemas/Pet"}, "tree": {"$ref": "#/components/schemas/Tree"}}}"##) + "}",
            components: components)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        #expect(result.warnings.contains { $0.message.contains("an alternative of `Pet` is `Pet` itself") })
        #expect(result.warnings.contains { $0.message.contains("an alternative of `Tree` is `Tree` itself") })
        let pet = try #require(result.file("Models/Pet.swift"))
        #expect(!pet.contains("case pet(Pet)") && pet.contains("case string(String)") && pet.contains("case int(Int)"), "\(pet)")
        #expect(!pet.contains("try? Pet(from: decoder)"))
        let tree = try #require(result.file("Models/Tree.swift"))
        #expect(!tree.contains("Tree(from: decoder)"), "\(tree)")
    }

    /// An `allOf` of one scalar and constraints on it (Cloudflare's 24 `zone_id` path parameters,
    /// `{allOf: [{$ref: identifier}, {type: string, readOnly: true}]}`) is that scalar, named as
    /// the component that names it, and is sent as text; parts of different JSON types or two
    /// formats cannot be one scalar and stay `JSONValue`.
    @Test func anAllOfOfOneScalarAndConstraintsIsThatScalar() async throws {
        let components = """
            {"schemas": {
              "Identifier": {"type": "string", "maxLength": 32},
              "ZoneIdentifier": {"allOf": [{"$ref": "#/components/schemas/Identifier"}, {"type": "string", "readOnly": true}]},
              "Limits": {"type": "object", "properties": {
                "count": {"allOf": [{"type": "integer", "minimum": 1}, {"type": "integer", "maximum": 50}]},
                "since": {"allOf": [{"type": "string"}, {"type": "string", "format": "date-time"}]},
                "mixed": {"allOf": [{"type": "string"}, {"type": "integer"}]},
                "twoFormats": {"allOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "byte"}]}
              }}
            }}
            """
        let parameters = ##"[{"name": "zone_id", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/ZoneIdentifier"}}]"##
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation(
                "/zones/{zone_id}/limits", operationID: "limits", parameters: parameters,
                response: ##"{"$ref": "#/components/schemas/Limits"}"##) + "}",
            components: components)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
        #expect(!result.warnings.contains { $0.message.contains("JSON text") }, "\(result.warnings.map(\.message))")
        let alias = try #require(result.file("Models/ZoneIdentifier.swift"))
        #expect(alias.contains("public typealias ZoneIdentifier = Identifier"), "\(alias)")
        let limits = try #require(result.file("Models/Limits.swift"))
        #expect(limits.contains("public var count: Int?"), "\(limits)")
        #expect(limits.contains("public var since: Date?"), "\(limits)")
        #expect(limits.contains("public var mixed: JSONValue?"), "\(limits)")
        #expect(limits.contains("public var twoFormats: JSONValue?"), "\(limits)")
        let namespace = try #require(result.files?.first { $0.path.hasPrefix("Zones") }?.contents)
        #expect(namespace.contains(#"path: "/zones/\(PercentEncoding.encode(self.zoneID.parameterValue))/limits""#), "\(namespace)")
    }
}
