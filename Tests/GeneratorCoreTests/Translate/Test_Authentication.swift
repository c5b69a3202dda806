import Testing

@testable import GeneratorCore

/// Where the credential goes, from the documents' security schemes.
@Suite struct Test_Authentication {
    static let schemes = #"""
        {"securitySchemes": {
          "key": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
          "session": {"type": "apiKey", "in": "cookie", "name": "session"},
          "bearer": {"type": "http", "scheme": "bearer"},
          "digest": {"type": "http", "scheme": "digest"},
          "dsn": {"type": "http", "scheme": "DSN"},
          "unused": {"type": "mutualTLS"}}}
        """#

    static func operation(_ path: String, _ id: String, security: String) -> String {
        """
        "\(path)": {"get": {
          "operationId": "\(id)", "security": \(security),
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}}
        }}
        """
    }

    /// A scheme whose credential the client cannot send (a cookie, HTTP digest) is warned
    /// about once, at the scheme, when an operation requires it; one nothing requires is not.
    /// An operation that accepts another scheme too uses that one; an HTTP scheme that answers
    /// no challenge (Sentry's `DSN`) is `Authorization: DSN <token>`.
    @Test func schemesTheClientCannotSendAreWarnedAboutOnce() async throws {
        let paths = [
            Self.operation("/x/a", "a", security: #"[{"session": []}]"#),
            Self.operation("/x/b", "b", security: #"[{"session": []}, {"bearer": []}]"#),
            Self.operation("/x/c", "c", security: #"[{"digest": []}]"#),
            Self.operation("/x/d", "d", security: #"[{"key": [], "session": []}]"#),
            Self.operation("/x/e", "e", security: #"[{"dsn": []}]"#),
        ]
        let document = GeneratorHarness.document(paths: "{" + paths.joined(separator: ",") + "}", components: Self.schemes)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let warnings = result.warnings.filter { $0.message.hasPrefix("the security scheme") }
        // In the order of their places in the file.
        #expect(
            warnings.map(\.message) == [
                "the security scheme `session` is an API key in the `session` cookie, which the generated client does not send; an operation that requires it alone is generated without authentication",
                "the security scheme `digest` is HTTP `digest` authentication, which the generated client does not send; an operation that requires it alone is generated without authentication",
            ])
        #expect(warnings.allSatisfy { $0.location?.file == "specs/api.json" && $0.location?.line != nil })
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.components(separatedBy: "authentication: .none").count - 1 == 2)  // a, c
        #expect(code.contains(#"authentication: .header(name: "Authorization", prefix: "Bearer ")"#))  // b
        #expect(code.contains(#"authentication: .header(name: "X-API-Key")"#))  // d
        #expect(code.contains(#"authentication: .header(name: "Authorization", prefix: "DSN ")"#))  // e
    }
}
