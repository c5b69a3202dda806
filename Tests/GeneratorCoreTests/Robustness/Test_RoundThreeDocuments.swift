import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// Classes of documents nobody here wrote (the third round), each as a fixture of our own:
/// `Tests/Fixtures/RoundThree`, whose client is compiled and called, and the small multi-file
/// documents below.
@Suite struct Test_RoundThreeDocuments {
    /// The fixture generates with one located warning per class, and none of the `$ref`s in
    /// its examples and extensions (a URL, a relative file, a local component that does not
    /// exist, at several depths) is reported, resolved or fetched.
    @Test func theFixtureWarnsOncePerClassAndLeavesDataAlone() async throws {
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: .init(inputs: ["Tests/Fixtures/RoundThree"], rootDirectory: TestPaths.packageRoot.path))
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        #expect(files != nil)
        #expect(diagnostics.errorCount == 0, "\(diagnostics.diagnostics)")
        let warnings = diagnostics.diagnostics.filter { $0.severity == .warning }
        func warned(_ text: String, line: Int) {
            let found = warnings.first { $0.message.contains(text) }
            #expect(found != nil, "no warning says \(text)")
            #expect(found?.location?.line == line, "\(text): \(found?.location?.description ?? "-")")
        }
        // The line of the fixture that holds `text` (and `after` on a line before it).
        let fixture = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/RoundThree/round-three.yaml"),
            encoding: .utf8
        ).components(separatedBy: "\n")
        func line(of text: String, after: String? = nil) -> Int {
            let start = after.flatMap { marker in fixture.firstIndex { $0.contains(marker) } } ?? 0
            return (fixture[start...].firstIndex { $0.contains(text) } ?? -1) + 1
        }
        warned("path parameter `id` has a schema that allows null", line: line(of: "{name: id, in: path"))
        warned("path parameter `kind` has a schema that allows null", line: line(of: "{name: kind, in: path"))
        warned("path parameter `code` has a schema that allows null", line: line(of: "{name: code, in: path"))
        warned("path parameter `thingId` has a schema that allows null", line: line(of: "- name: thingId"))
        warned(
            "duplicate operationId `default`: GET /items/{id}/{kind}/{code}",
            line: line(of: "operationId: default", after: "/things/"))
        warned("a path parameter must be required, which this one does not say", line: line(of: "    broken:"))
        warned("unresolvable $ref `#/components/schemas/NobodyDefinesThis`", line: line(of: "NobodyDefinesThis"))
        warned("the schema `LoopB` defines no type: it and the schemas it refers to only refer to one another (`LoopB` → `LoopA` → `LoopB`)", line: line(of: "LoopB: {"))
        warned("the schema `LoopListItem` defines no type", line: line(of: "LoopListItem: {"))
        warned("the server variable `zone` has no `default`, which OpenAPI requires; `north` is used", line: line(of: "zone: {enum"))
        let everything = diagnostics.diagnostics.map(\.description).joined(separator: "\n")
        for data in ["squarecdn", "not-here.yaml", "DoesNotExist", "also-missing", "example.test/x.json", "extension.json",
            "missing-extension", "param-example", "thing.json", "Nope"]
        {
            #expect(!everything.contains(data), "\(data) was read as a reference")
        }
    }

    /// `$ref`s that are data, at several depths of examples, example objects' values and
    /// extensions, in schemas, parameters, media types and operations: generation never follows
    /// them, and a `$ref` to an example object (a real reference) still is one.
    @Test func referencesInExamplesAreData() async throws {
        let document = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            paths:
              /a:
                get:
                  operationId: a
                  x-one: {$ref: 'https://example.test/one.json'}
                  x-two: [{deep: {$ref: './two.yaml#/x'}}]
                  parameters:
                    - name: q
                      in: query
                      schema: {type: string, example: {$ref: '#/components/schemas/Nope'}, examples: [{$ref: './three.json'}]}
                      example: {$ref: 'https://example.test/four.json'}
                      examples:
                        five: {value: {$ref: './five.yaml'}}
                        six: {$ref: '#/components/examples/Six'}
                  responses:
                    '200':
                      description: OK
                      content:
                        application/json:
                          schema: {type: object, properties: {example: {type: string}}, x-seven: {$ref: '#/nowhere'}}
                          example: {a: {b: {c: {$ref: './eight.yaml#/deep'}}}}
            components:
              examples:
                Six: {value: {$ref: 'https://example.test/six.json'}}
            """
        let result = try await GeneratorHarness.generate(["api.yaml": document])
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let code = try #require(result.file("AAPI.swift"))
        #expect(code.contains("public var example: String?"))
    }

    /// References to places other than components: `#/definitions/…` in a 3.0 document, a
    /// `content` map given as a `$ref` to `#/components/mediaTypes/…`, and in a multi-file
    /// document a fragment-only `$ref` written in a part that only the root resolves (resolved
    /// there, with a warning that says what was assumed).
    @Test func referencesAnywhereInAnyLoadedDocument() async throws {
        let root = """
            openapi: 3.0.3
            info: {title: T, version: '1'}
            paths:
              /a: {$ref: './parts/a.yaml'}
              /b:
                get:
                  operationId: b
                  responses:
                    '200': {description: OK, content: {$ref: '#/components/mediaTypes/jsonBase'}}
              /c:
                get:
                  operationId: c
                  responses:
                    '200': {description: OK, content: {application/json: {schema: {$ref: '#/definitions/Base'}}}}
            components:
              parameters:
                page: {name: page, in: query, schema: {type: integer}}
              mediaTypes:
                jsonBase: {application/json: {schema: {$ref: '#/definitions/Base'}}}
            definitions:
              Base: {type: object, properties: {id: {type: string}}}
            """
        let part = """
            get:
              operationId: a
              parameters:
                - $ref: '#/components/parameters/page'
              responses: {'200': {description: OK}}
            """
        let result = try await GeneratorHarness.generate(["api.yaml": root, "parts/a.yaml": part])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let warning = try #require(result.warnings.first { $0.message.contains("resolved in the root document") })
        #expect(warning.location?.file == "specs/parts/a.yaml" && warning.location?.line == 4)
        #expect(warning.hint?.contains("../api.yaml#/components/parameters/page") == true)
        #expect(try #require(result.file("AAPI.swift")).contains("page: Int? = nil"))
        #expect(try #require(result.file("BAPI.swift")).contains("APIResponse<Base>"))
        #expect(try #require(result.file("CAPI.swift")).contains("APIResponse<Base>"))
        #expect(try #require(result.file("Models/Base.swift")).contains("public var id: String?"))
    }
}
