import Foundation
import OpenAPIKit
import Testing
import TestSupport

@testable import GeneratorCore

/// A document with many paths is checked in runs on all cores; what it finds, and where, is
/// what one thread finds.
@Suite struct Test_DocumentValidator {
    /// `count` operations; every seventh declares a parameter twice, every eleventh has a path
    /// template parameter without a declaration, every thirteenth a default outside its enum.
    static func document(paths count: Int) -> String {
        let paths = (0..<count).map { index in
            var parameters = [#"{"name": "q", "in": "query", "schema": {"type": "string"}}"#]
            if index % 7 == 0 { parameters.append(#"{"name": "q", "in": "query", "schema": {"type": "string"}}"#) }
            if index % 13 == 0 {
                parameters.append(#"{"name": "range", "in": "query", "schema": {"type": "string", "enum": ["DAY_30"], "default": "90"}}"#)
            }
            let path = index % 11 == 0 ? "/items/v\(index)/{id}" : "/items/v\(index)"
            return GeneratorHarness.getOperation(path, operationID: "items\(index)", parameters: "[" + parameters.joined(separator: ", ") + "]")
        }
        return GeneratorHarness.document(paths: "{" + paths.joined(separator: ",\n") + "}")
    }

    /// What the validator reports on `text` with `cores` cores, located through the file's
    /// locator as in a run (so that runs also look up lines side by side).
    static func findings(_ text: String, cores: Int) throws -> [Diagnostic] {
        let decoder = JSONDecoder()
        decoder.userInfo = DocumentDecoding.userInfo
        let document = try decoder.decode(OpenAPI.Document.self, from: Data(text.utf8))
        let diagnostics = DiagnosticCollector()
        diagnostics.register(JSONSourceLocator(bytes: Array(text.utf8)), for: "api.json")
        DocumentValidator(file: "api.json", diagnostics: diagnostics).validate(document, cores: cores)
        return diagnostics.diagnostics
    }

    @Test func runsSideBySideFindWhatOneThreadFinds() throws {
        let text = Self.document(paths: 400)
        let alone = try Self.findings(text, cores: 1)
        #expect(alone.filter { $0.message.contains("is declared twice") }.count == 58)
        #expect(alone.filter { $0.message.contains("declares no path parameter `id`") }.count == 37)
        #expect(alone.filter { $0.message.contains("is not one of the enum values") }.count == 31)
        #expect(alone.allSatisfy { $0.location?.line != nil })
        for cores in [2, 3, 8] {
            #expect(try Self.findings(text, cores: cores) == alone, "with \(cores) cores")
        }
    }

    @Test func thePublishedCatalogToo() throws {
        guard let shared = TestPaths.shared else {
            print(TestPaths.sharedMissingReason)
            return
        }
        let text = try String(contentsOf: shared.appendingPathComponent("openapi/public-api.json"), encoding: .utf8)
        let alone = try Self.findings(text, cores: 1)
        #expect(!alone.isEmpty)
        #expect(try Self.findings(text, cores: 2) == alone)
    }
}
