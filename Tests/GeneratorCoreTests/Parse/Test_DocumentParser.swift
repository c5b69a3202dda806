import Testing

@testable import GeneratorCore

/// Bad input: each case fails with an error that names the file and the place, and produces nothing.
@Suite struct Test_DocumentParser {
    func onlyError(_ result: GeneratorHarness.Result) throws -> Diagnostic {
        #expect(result.files == nil)
        let errors = result.errors
        #expect(errors.count >= 1)
        return try #require(errors.first)
    }

    @Test func truncatedJSON() async throws {
        let result = try await GeneratorHarness.generate(["api.json": "{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n"])
        let error = try onlyError(result)
        #expect(error.message == "malformed JSON: unexpected end of file (the document is truncated); expected a member name in quotes")
        #expect(error.location?.file == "specs/api.json")
        #expect(error.location?.line == 4)
        #expect(error.description.hasPrefix("specs/api.json:4:1: error: malformed JSON"))
    }

    @Test func malformedJSON() async throws {
        let result = try await GeneratorHarness.generate(["api.json": "{\"openapi\": \"3.1.0\",, \"paths\": {}}"])
        let error = try onlyError(result)
        #expect(error.message.hasPrefix("malformed JSON: unexpected `,`"))
        #expect(error.location?.line == 1)
        #expect(error.location?.column == 21)
    }

    @Test func emptyFile() async throws {
        let result = try await GeneratorHarness.generate(["empty.json": "  \n"])
        let error = try onlyError(result)
        #expect(error.message == "the file is empty")
        #expect(error.description.hasPrefix("specs/empty.json: error: the file is empty"))
    }

    @Test func swagger2() async throws {
        let result = try await GeneratorHarness.generate(["old.json": #"{"swagger": "2.0", "info": {}, "paths": {}}"#])
        let error = try onlyError(result)
        #expect(error.message.hasPrefix("Swagger 2.0 documents are not supported"))
        #expect(error.location?.pointer == "/swagger")
        #expect(error.location?.line == 1)
        #expect(error.hint?.contains("convert the document to OpenAPI 3") == true)
    }

    @Test(arguments: [#"{"name": "package.json", "version": "1.0.0"}"#, "[1, 2, 3]"])
    func nonOpenAPIJSON(text: String) async throws {
        let result = try await GeneratorHarness.generate(["other.json": text])
        let error = try onlyError(result)
        #expect(error.message.hasPrefix("not an OpenAPI document"))
        #expect(error.location?.file == "specs/other.json")
    }

    @Test func unsupportedVersion() async throws {
        let result = try await GeneratorHarness.generate(["api.json": #"{"openapi": "4.0.0", "info": {}, "paths": {}}"#])
        let error = try onlyError(result)
        #expect(error.message == "unsupported OpenAPI version `4.0.0`; this generator reads 3.0, 3.1 and 3.2")
    }

    @Test func malformedYAML() async throws {
        let result = try await GeneratorHarness.generate(["api.yaml": "openapi: 3.1.0\npaths:\n  /a: [unclosed\n"])
        let error = try onlyError(result)
        #expect(error.message.hasPrefix("malformed YAML"))
        #expect(error.location?.file == "specs/api.yaml")
        #expect(error.location?.line != nil)
    }

    /// A component that cannot be read is an error where something refers to it; one that
    /// nothing refers to is left out with a warning at its place.
    @Test func invalidStructureIsLocated() async throws {
        let components = #"{"schemas": {"A": {"type": "object", "properties": 5}}}"#
        let used = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/A"}"##) + "}",
            components: components)
        let error = try onlyError(try await GeneratorHarness.generate(["api.json": used]))
        #expect(error.message.hasPrefix("invalid OpenAPI document"))
        #expect(error.location?.line != nil)

        let unused = GeneratorHarness.document(paths: "{}", components: components)
        let result = try await GeneratorHarness.generate(["api.json": unused])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first { $0.message.hasPrefix("the component `schemas/A` is left out") })
        #expect(warning.message.hasPrefix("the component `schemas/A` is left out: it cannot be read, and nothing refers to it"))
        #expect(warning.location?.line == 6)
    }

    /// An operation that cannot be read is left out with a located warning; the rest is generated.
    @Test func unreadableOperationIsLeftOut() async throws {
        let document = GeneratorHarness.document(
            paths: #"{"/a": {"get": {"operationId": "a", "responses": {"200": {"description": 5}}}}, "#
                + GeneratorHarness.getOperation("/b", operationID: "b") + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first { $0.message.hasPrefix("GET /a is left out: it cannot be read") })
        #expect(warning.location?.file == "specs/api.json")
        #expect(warning.location?.line != nil)
        let namespace = try #require(result.files?.first { $0.path.hasSuffix("API.swift") }?.contents)
        #expect(namespace.contains("func b("))
        #expect(!namespace.contains("func a("))
    }

    /// A schema no document defines is untyped (`JSONValue`), with a warning at the reference;
    /// the rest is generated.
    @Test func unresolvableReference() async throws {
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation(
                "/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/Missing"}"##) + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(
            warning.message
                == "unresolvable $ref `#/components/schemas/Missing`: no document defines components/schemas/Missing; the value is typed `JSONValue`")
        #expect(warning.location?.file == "specs/api.json")
        #expect(warning.location?.pointer == "/paths/~1a/get/responses/200/content/application~1json/schema/$ref")
        #expect(warning.location?.line == 8)
        #expect(try #require(result.file("AAPI.swift")).contains("APIResponse<JSONValue>"))
    }

    /// A second operation with an operationId already taken gets the next free number, with a
    /// warning at it that names the first.
    @Test func duplicateOperationIDsInOneDocument() async throws {
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "same") + ","
                + GeneratorHarness.getOperation("/b", operationID: "same") + ","
                + GeneratorHarness.getOperation("/c", operationID: "same2") + "}")
        let result = try await GeneratorHarness.generate(["api.json": document], config: "methodNames: operationId\n")
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first { $0.message.hasPrefix("duplicate operationId") })
        #expect(warning.message.contains("GET /a (specs/api.json:5:"))
        #expect(warning.message.hasSuffix("this operation is generated with the operationId `same3`"))
        #expect(warning.location?.file == "specs/api.json")
        let code = result.files?.map(\.contents).joined() ?? ""
        for name in ["same()", "same2()", "same3()"] { #expect(code.contains("func \(name)"), "\(name)") }
    }

    @Test func duplicateOperationIDsAcrossDocuments() async throws {
        let first = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/a", operationID: "same") + "}")
        let second = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/b", operationID: "same") + "}")
        let result = try await GeneratorHarness.generate(["one.json": first, "two.json": second])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(warning.message.hasPrefix("duplicate operationId `same`: GET /a (specs/one.json:5:"))
        #expect(warning.location?.file == "specs/two.json")
        #expect(warning.location?.pointer == "/paths/~1b/get/operationId")
        #expect(warning.location?.line == 6)
    }

    @Test func conflictingComponents() async throws {
        let schema = { (type: String) in #"{"schemas": {"Thing": {"type": "\#(type)"}}}"# }
        let first = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a") + "}", components: schema("string"))
        let second = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/b", operationID: "b") + "}", components: schema("integer"))
        let result = try await GeneratorHarness.generate(["one.json": first, "two.json": second])
        let error = try onlyError(result)
        #expect(error.message == "component `schemas/Thing` differs from the one with the same name in specs/one.json")
        #expect(error.location?.file == "specs/two.json")
        #expect(error.location?.line == 10)
    }

    @Test func identicalComponentsMerge() async throws {
        let components = #"{"schemas": {"Thing": {"type": "object", "required": ["a", "b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}}}"#
        let reordered = #"{"schemas": {"Thing": {"type": "object", "required": ["b", "a"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}}}"#
        let first = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/Thing"}"##) + "}",
            components: components)
        let second = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/b", operationID: "b", response: ##"{"$ref": "#/components/schemas/Thing"}"##) + "}",
            components: reordered)
        let result = try await GeneratorHarness.generate(["one.json": first, "two.json": second])
        #expect(result.errors.isEmpty)
        #expect(result.file("Models/Thing.swift") != nil)
    }

    @Test func referencesMayPointIntoAnotherDocument() async throws {
        let components = #"{"schemas": {"Thing": {"type": "string"}}}"#
        let first = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/Thing"}"##) + "}")
        let second = GeneratorHarness.document(paths: "{}", components: components)
        let result = try await GeneratorHarness.generate(["one.json": first, "two.json": second])
        #expect(result.errors.isEmpty)
        #expect(result.file("Models/Thing.swift")?.contains("public typealias Thing = String") == true)
    }

    /// Invalid, but common in large public documents, and plain in meaning: the operation is
    /// generated with a required `String` parameter, and a warning at the path says so.
    @Test func undeclaredPathParameters() async throws {
        let document = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/pets/{petId}", operationID: "pet") + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(
            warning.message
                == "the path has `{petId}`, but the operation declares no path parameter `petId`; it is generated as a required `String` parameter")
        #expect(warning.location?.pointer == "/paths/~1pets~1{petId}/get")
        #expect(warning.location?.line == 5)
        let code = try #require(result.file("PetsAPI.swift"))
        #expect(code.contains("public func pet(\n        petId: String\n    )"))
        #expect(code.contains(#"path: "/pets/\(PercentEncoding.encode(self.petId.parameterValue))","#))
    }

    @Test func parametersDeclaredTwice() async throws {
        let parameters = #"[{"name": "q", "in": "query", "schema": {"type": "string"}}, {"name": "q", "in": "query", "schema": {"type": "string"}}]"#
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/search", operationID: "search", parameters: parameters) + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        let error = try onlyError(result)
        #expect(error.message == "invalid OpenAPI document: the query parameter `q` is declared twice")
        #expect(error.location?.pointer == "/paths/~1search/get/parameters/1")
    }

    @Test func noDocuments() async throws {
        let result = try await GeneratorHarness.generate(["notes.txt": "hello"])
        let error = try onlyError(result)
        #expect(error.message.hasPrefix("no OpenAPI documents"))
    }
}
