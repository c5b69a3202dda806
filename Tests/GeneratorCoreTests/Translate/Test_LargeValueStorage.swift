import Foundation
import Testing

@testable import GeneratorCore

/// A property whose value would bring more than 64 stored fields into its struct inline is
/// stored with `@Indirect`; up to 64 it stays inline. Fields are counted through every struct
/// held inline, not through arrays, dictionaries or values already boxed.
@Suite struct Test_LargeValueStorage {
    /// An object schema of `count` string properties.
    func object(_ count: Int, prefix: String = "f", extra: String = "") -> String {
        let properties = (1...count).map { #""\#(prefix)\#($0)": {"type": "string"}"# }.joined(separator: ", ")
        return #"{"type": "object", "properties": {\#(properties)\#(extra)}}"#
    }

    @Test(arguments: [(64, false), (65, true)])
    func aPropertyIsBoxedOnlyAboveTheLimit(fields: Int, boxed: Bool) async throws {
        let schemas = #"""
            {
              "Value": \#(object(fields)),
              "Holder": {"type": "object", "required": ["value"], "properties": {
                "value": {"$ref": "#/components/schemas/Value"},
                "list": {"type": "array", "items": {"$ref": "#/components/schemas/Value"}},
                "map": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Value"}}
              }}
            }
            """#
        let result = try await GeneratorHarness.generate(
            ["api.json": GeneratorHarness.document(paths: "{}", components: #"{"schemas": \#(schemas)}"#)])
        #expect(result.errors.isEmpty)
        let holder = try #require(result.file("Models/Holder.swift"))
        #expect(holder.contains("\(boxed ? "@Indirect " : "")public var value: Value\n"))
        #expect(holder.contains("    public var list: [Value]?\n"))
        #expect(holder.contains("    public var map: [String: Value]?\n"))
    }

    /// Fields add up through the structs a value holds inline (32 of its own and a struct of 33
    /// is 65), a value boxed counts as one field, and inline (nested) schemas and request bodies
    /// are counted as component schemas are.
    @Test func fieldsAddUpThroughNestedStructs() async throws {
        let leaf = ##", "leaf": {"$ref": "#/components/schemas/Leaf"}"##
        let schemas = #"""
            {
              "Leaf": \#(object(33, prefix: "l")),
              "Middle": \#(object(32, prefix: "m", extra: leaf)),
              "Top": {"type": "object", "properties": {
                "middle": {"$ref": "#/components/schemas/Middle"},
                "inline": \#(object(65, prefix: "i"))
              }},
              "Above": {"type": "object", "properties": {
                "top": {"$ref": "#/components/schemas/Top"}
              }}
            }
            """#
        let paths = #"""
            {"/send": {"post": {
              "operationId": "send",
              "requestBody": {"required": true, "content": {"application/json": {"schema": {
                "type": "object", "properties": {"middle": {"$ref": "#/components/schemas/Middle"}}}}}},
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}}
            }}}
            """#
        let result = try await GeneratorHarness.generate(
            ["api.json": GeneratorHarness.document(paths: paths, components: #"{"schemas": \#(schemas)}"#)])
        #expect(result.errors.isEmpty)
        let middle = try #require(result.file("Models/Middle.swift"))
        #expect(middle.contains("    public var leaf: Leaf?\n"))
        let top = try #require(result.file("Models/Top.swift"))
        #expect(top.contains("    @Indirect public var middle: Middle?\n"))
        #expect(top.contains("    @Indirect public var inline: Inline?\n"))
        // Top holds two boxed values: two fields, so Above holds it inline.
        let above = try #require(result.file("Models/Above.swift"))
        #expect(above.contains("    public var top: Top?\n"))
        let requests = try #require(result.files?.first { $0.contents.contains("struct Body") }?.contents)
        #expect(requests.contains("@Indirect public var middle: Middle?\n"))
    }
}
