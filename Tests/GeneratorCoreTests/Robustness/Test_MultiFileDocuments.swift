import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// Documents split over several files, as large APIs keep them (DigitalOcean's has 2,900):
/// `$ref`s to other files, relative to the file that holds them, with pointers inside them,
/// cycles across files, and `$ref`s into the middle of objects.
@Suite struct Test_MultiFileDocuments {
    /// A root document whose path item, parameter, response, schemas and description all live
    /// in other files, in the layout such repositories use.
    static let layout: [String: String] = [
        "api/root.yaml": """
            openapi: 3.0.3
            info:
              title: Multi
              version: '1'
              description:
                $ref: 'description.yml#/introduction'
            servers: [{url: 'https://api.example.com'}]
            paths:
              /v2/things:
                $ref: 'resources/things/path.yml'
            """,
        "api/description.yml": """
            introduction: |
              The things API.
            """,
        "api/resources/things/path.yml": """
            get:
              operationId: listThings
              parameters:
                - $ref: '../../shared/parameters.yml#/per_page'
              responses:
                '200':
                  $ref: 'responses/list.yml'
            """,
        "api/resources/things/responses/list.yml": """
            description: The things.
            content:
              application/json:
                schema:
                  type: object
                  properties:
                    things:
                      type: array
                      items:
                        $ref: '../models/thing.yml'
            """,
        "api/resources/things/models/thing.yml": """
            type: object
            required: [id]
            properties:
              id: {type: string}
              children:
                type: array
                items:
                  $ref: 'thing.yml'
              tag:
                $ref: '#/tag'
            tag:
              type: object
              properties:
                label: {type: string}
            """,
        "api/shared/parameters.yml": """
            per_page:
              name: per_page
              in: query
              schema: {type: integer, default: 20}
            """,
    ]

    /// Every part is followed: the path item and the description are put in place, the schemas
    /// become components (the one that contains itself, once; `#/tag` inside a part names a
    /// place in that part), and the code uses all of them.
    @Test func referencesToOtherFilesAreFollowed() async throws {
        let result = try await GeneratorHarness.generate(Self.layout)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let thing = try #require(result.file("Models/Thing.swift"))
        #expect(thing.contains("public var children: [Thing]?"))
        #expect(thing.contains("public var tag: Tag?"))
        #expect(result.file("Models/Tag.swift")?.contains("public var label: String?") == true)
        let api = try #require(result.files?.first { $0.contents.contains("func listThings(") }?.contents)
        #expect(api.contains("perPage: Int? = 20"))
        // (`info.description` from description.yml decoded as text, or there would be an error.)
    }

    /// A discriminator's `mapping` that names its schemas by their files (as DigitalOcean's
    /// volume actions do) maps to the components those files became: the values were the
    /// components' names (`attach` was never read), now they are what the mapping says.
    @Test func aDiscriminatorMappingByFileNamesTheComponents() async throws {
        let layout = [
            "api/root.yaml": """
                openapi: 3.0.3
                info: {title: Actions, version: '1'}
                servers: [{url: 'https://api.example.com'}]
                paths:
                  /actions:
                    post:
                      operationId: act
                      requestBody:
                        content:
                          application/json:
                            schema:
                              oneOf: [{$ref: 'models/attach.yml'}, {$ref: 'models/detach.yml'}]
                              discriminator:
                                propertyName: type
                                mapping: {attach: 'models/attach.yml', detach: 'models/detach.yml'}
                      responses: {'204': {description: Nothing}}
                """,
            "api/models/attach.yml": "type: object\nrequired: [type]\nproperties: {type: {type: string}, droplet: {type: integer}}\n",
            "api/models/detach.yml": "type: object\nrequired: [type]\nproperties: {type: {type: string}}\n",
        ]
        let result = try await GeneratorHarness.generate(layout)
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.isEmpty, "\(result.warnings.map(\.message))")
        let api = try #require(result.file("ActionsAPI.swift"))
        #expect(api.contains(#"case "attach": self = .attach(try Attach(from: decoder))"#), "\(api)")
        #expect(api.contains(#"case "detach": self = .detach(try Detach(from: decoder))"#), "\(api)")
    }

    /// A discriminator value mapped to a schema the union does not list is warned about: it
    /// decodes as `undocumented`.
    @Test func aMappingToNoAlternativeIsWarnedAbout() async throws {
        let components = ##"""
            {"schemas": {
              "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}], "discriminator": {"propertyName": "kind", "mapping": {"cat": "#/components/schemas/Cat", "bird": "#/components/schemas/Bird"}}},
              "Cat": {"type": "object", "properties": {"kind": {"type": "string"}}},
              "Dog": {"type": "object", "properties": {"kind": {"type": "string"}}}
            }}
            """##
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/pet", operationID: "pet", response: ##"{"$ref": "#/components/schemas/Pet"}"##) + "}",
            components: components)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        #expect(result.warnings.map(\.message) == [
            "the discriminator value `bird` of `Pet` maps to `#/components/schemas/Bird`, which is not one of its alternatives; such a value decodes as `undocumented`"
        ])
    }

    /// Giving the directory instead of the root works the same: the parts are recognised as
    /// parts (they have no `openapi` field and the root refers to them), not refused.
    @Test func thePartsMayBeAmongTheInputs() async throws {
        var layout = Self.layout
        layout["api/resources/things/examples/curl.yml"] = "lang: cURL\nsource: curl https://api.example.com\n"
        let result = try await GeneratorHarness.generate(layout)
        #expect(result.errors.isEmpty, "\(result.errors)")
        // One warning for the file that nothing refers to, not an error.
        #expect(result.warnings.count == 1)
        #expect(result.warnings.first?.location?.file == "specs/api/resources/things/examples/curl.yml")
        #expect(result.file("Models/Thing.swift") != nil)
    }

    /// A problem inside a part is reported in that part's file, at its line.
    @Test func problemsInAPartNameThePart() async throws {
        var layout = Self.layout
        layout["api/shared/parameters.yml"] = """
            per_page:
              name: per_page
              in: nowhere
              schema: {type: integer}
            """
        let result = try await GeneratorHarness.generate(layout)
        #expect(result.files == nil)
        let error = try #require(result.errors.first)
        #expect(error.location?.file == "specs/api/shared/parameters.yml", "\(error)")
        #expect(error.location?.line != nil, "\(error)")
    }

    /// A file that does not exist, or a pointer that names nothing, is an error at the `$ref`.
    @Test(arguments: [
        ("'../models/missing.yml'", "cannot be read"),
        ("'../models/thing.yml#/nowhere'", "names nothing"),
        ("'https://example.com/thing.yml'", "references to remote documents are not supported"),
    ])
    func unfollowableReferencesAreLocatedAtTheReference(reference: String, message: String) async throws {
        var layout = Self.layout
        layout["api/resources/things/responses/list.yml"] = layout["api/resources/things/responses/list.yml"]!
            .replacingOccurrences(of: "'../models/thing.yml'", with: reference)
        let result = try await GeneratorHarness.generate(layout)
        #expect(result.files == nil)
        let error = try #require(result.errors.first)
        #expect(error.message.contains(message), "\(error)")
        #expect(error.location?.file == "specs/api/resources/things/responses/list.yml")
        #expect(error.location?.line == 10)
    }

    /// Path items that refer to each other in a circle cannot be put in place: an error, not
    /// a hang.
    @Test func aCycleOfPathItemsIsAnError() async throws {
        var layout = Self.layout
        layout["api/resources/things/path.yml"] = "$ref: 'other.yml'\n"
        layout["api/resources/things/other.yml"] = "$ref: 'path.yml'\n"
        let result = try await GeneratorHarness.generate(layout)
        #expect(result.files == nil)
        #expect(result.errors.contains { $0.message.hasPrefix("`$ref` cycle") }, "\(result.errors)")
    }

    /// `$ref`s into the middle of a component (PagerDuty's document has 40): the schema there
    /// becomes a component of its own, named after the way to it.
    @Test func referencesIntoTheMiddleOfAComponentAreFollowed() async throws {
        let document = GeneratorHarness.document(
            paths: "{"
                + GeneratorHarness.getOperation(
                    "/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/Tag/properties/colour"}"##)
                + "}",
            components: """
                {"schemas": {"Tag": {"type": "object", "properties": {
                  "colour": {"type": "object", "properties": {"rgb": {"type": "string"}}}
                }}}}
                """)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.file("Models/TagColour.swift")?.contains("public var rgb: String?") == true)
        #expect(result.files?.contains { $0.contents.contains("APIResponse<TagColour>") || $0.contents.contains("-> TagColour") } == true)
    }

    /// Warnings about a hoisted part point into the file it came from.
    @Test func warningsInAPartNameThePart() async throws {
        var layout = Self.layout
        layout["api/resources/things/models/thing.yml"] = layout["api/resources/things/models/thing.yml"]!
            .replacingOccurrences(of: "id: {type: string}", with: "id: {type: integer, maximum: 99999999999999999999999}")
        let result = try await GeneratorHarness.generate(layout)
        #expect(result.errors.isEmpty, "\(result.errors)")
        let warning = try #require(result.warnings.first { $0.message.contains("maximum") })
        #expect(warning.location?.file == "specs/api/resources/things/models/thing.yml")
        #expect(warning.location?.line == 4)
    }
}
