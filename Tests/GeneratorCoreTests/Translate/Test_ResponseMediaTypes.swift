import Testing

@testable import GeneratorCore

/// Which of a response's media types the generated method decodes, and as what.
@Suite struct Test_ResponseMediaTypes {
    static func operation(_ path: String, _ id: String, content: String) -> String {
        """
        "\(path)": {"get": {
          "operationId": "\(id)",
          "responses": {"200": {"description": "OK", "content": \(content)}}
        }}
        """
    }

    static let components = #"""
        {"schemas": {"Thing": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}}}
        """#

    /// springdoc (Spring Boot) writes `*/*` for every response unless told otherwise; a schema
    /// of structure under it is JSON, decoded into its type, not bytes. Text and bytes under a
    /// wildcard (Kubernetes' `*/*` with `type: string`) stay as they were.
    @Test func aStructuredSchemaUnderAWildcardIsJSON() async throws {
        let paths = [
            Self.operation("/x/thing", "getThing", content: ##"{"*/*": {"schema": {"$ref": "#/components/schemas/Thing"}}}"##),
            Self.operation("/x/things", "listThings", content: ##"{"application/*": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}}}}"##),
            Self.operation("/x/log", "getLog", content: ##"{"*/*": {"schema": {"type": "string"}}}"##),
            Self.operation("/x/either", "getEither", content: ##"{"text/plain": {"schema": {"type": "string"}}, "*/*": {"schema": {"$ref": "#/components/schemas/Thing"}}}"##),
        ]
        let document = GeneratorHarness.document(paths: "{" + paths.joined(separator: ",") + "}", components: Self.components)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains("public func getThing() async throws -> APIResponse<Thing>"))
        #expect(code.contains("public func listThings() async throws -> APIResponse<[Thing]>"))
        #expect(code.contains("public func getLog() async throws -> APIResponse<Data>"))
        #expect(code.contains("public func getEither() async throws -> APIResponse<Thing>"))
        #expect(code.components(separatedBy: "responseFormat: .json").count - 1 == 3)
        #expect(code.components(separatedBy: "responseFormat: .binary").count - 1 == 1)
    }
}
