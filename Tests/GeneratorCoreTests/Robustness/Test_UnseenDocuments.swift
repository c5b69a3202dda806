import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// Documents nobody here wrote: deep nesting, unreadable keywords, broken operations. Each ends
/// in generated files or in located errors, never in a crash.
@Suite struct Test_UnseenDocuments {
    /// A document whose one schema is `depth` arrays around a string, in JSON or YAML.
    static func nestedArrays(depth: Int, yaml: Bool) -> String {
        if yaml {
            var lines = ["openapi: 3.1.0", "info: {title: Deep, version: '1'}", "paths: {}", "components:", "  schemas:", "    Deep:"]
            for level in 0..<depth {
                let indent = String(repeating: "  ", count: 3 + level)
                lines += ["\(indent)type: array", "\(indent)items:"]
            }
            lines.append(String(repeating: "  ", count: 3 + depth) + "type: string")
            return lines.joined(separator: "\n") + "\n"
        }
        let schema = String(repeating: #"{"type": "array", "items": "#, count: depth) + #"{"type": "string"}"#
            + String(repeating: "}", count: depth)
        return GeneratorHarness.document(paths: "{}", components: #"{"schemas": {"Deep": "# + schema + "}}")
    }

    /// Nesting past ``GeneratorLimits/documentNesting`` is refused at its place, in JSON and
    /// YAML, however deep (a debug build used to crash at 400 levels).
    @Test(arguments: [(400, false), (3_000, false), (400, true), (3_000, true)])
    func deepNestingIsRefusedAtItsPlace(depth: Int, yaml: Bool) async throws {
        let name = yaml ? "deep.yaml" : "deep.json"
        let result = try await GeneratorHarness.generate([name: Self.nestedArrays(depth: depth, yaml: yaml)])
        #expect(result.files == nil)
        let error = try #require(result.errors.first)
        // libyaml stops at 1,000 levels itself, with its own words.
        #expect(
            error.message.contains("nests more than \(GeneratorLimits.documentNesting) levels deep")
                || (yaml && depth > 1_000 && error.message.contains("Maximum nesting level reached")))
        #expect(error.location?.file == "specs/\(name)")
        #expect((error.location?.line ?? 0) > 1)
    }

    /// Within the limit, a deep schema generates; past six levels of arrays it is `JSONValue`
    /// with a warning, so that the compiler is never handed `[[[[[[[[…]]]]]]]]`.
    @Test(arguments: [false, true])
    func deepButAllowedNestingGenerates(yaml: Bool) async throws {
        let depth = GeneratorLimits.documentNesting - 10
        let result = try await GeneratorHarness.generate(
            [yaml ? "deep.yaml" : "deep.json": Self.nestedArrays(depth: depth, yaml: yaml)])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let model = try #require(result.file("Models/Deep.swift"))
        #expect(model.contains("public typealias Deep = [[[[[[JSONValue]]]]]]"))
        #expect(result.warnings.contains { $0.message.hasPrefix("arrays and maps nest more than 6 levels deep here") })
    }

    /// Keywords the OpenAPI library cannot read are dropped with a warning at their place: the
    /// 3.0 form of `exclusiveMinimum` in 3.1, a bound beyond 64 bits, and (found by decoding
    /// and decoding again) `externalDocs` that is not an object.
    @Test func unreadableKeywordsAreIgnoredWithAWarning() async throws {
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/A"}"##) + "}",
            components: """
                {"schemas": {"A": {"type": "object", "externalDocs": 5, "properties": {
                  "n": {"type": "integer", "maximum": 9223372036854776000},
                  "x": {"type": "number", "exclusiveMinimum": true, "minimum": 0}}}}}
                """)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let ignored = result.warnings.filter { $0.message.contains("cannot be read and is ignored") }
        #expect(Set(ignored.compactMap { $0.location?.pointer }) == [
            "/components/schemas/A/externalDocs", "/components/schemas/A/properties/n/maximum",
            "/components/schemas/A/properties/x/exclusiveMinimum",
        ])
        #expect(ignored.allSatisfy { $0.location?.line != nil })
        let model = try #require(result.file("Models/A.swift"))
        #expect(model.contains("public var n: Int?"))
        #expect(model.contains("public var x: Double?"))
    }

    /// A `default` no decoder reads (`1e400` is JSON, but beyond a double) is left out with a
    /// located warning, in a parameter and in a property; the document was refused whole.
    @Test func anUnreadableDefaultIsLeftOut() async throws {
        let parameter = #"[{"name": "ratio", "in": "query", "schema": {"type": "number", "default": 1e400}}]"#
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", parameters: parameter, response: ##"{"$ref": "#/components/schemas/A"}"##) + "}",
            components: #"{"schemas": {"A": {"type": "object", "properties": {"r": {"type": "number", "default": -1e999}}}}}"#)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let dropped = result.warnings.filter { $0.message.hasPrefix("`default` cannot be read and is left out") }
        #expect(Set(dropped.compactMap { $0.location?.pointer }) == [
            "/paths/~1a/get/parameters/0/schema/default", "/components/schemas/A/properties/r/default",
        ])
        #expect(dropped.allSatisfy { $0.location?.line != nil })
        let code = try #require(result.file("AAPI.swift") ?? result.file("RootAPI.swift"))
        #expect(code.contains("ratio: Double? = nil"))
    }

    /// `null` among a schema's enum values, as 3.0 writes a nullable enum (with `nullable:
    /// true`) and as many documents write it without: an optional enum either way. Without
    /// `nullable`, OpenAPIKit refused the whole document; with it, the enum was plain text.
    @Test(arguments: ["3.0.3", "3.1.0"])
    func nullAmongEnumValuesMakesAnOptionalEnum(version: String) async throws {
        let properties = #"""
            {"declared": {"type": "string", "enum": ["a", "b", null], "nullable": true},
             "undeclared": {"type": "string", "enum": ["a", "b", null]},
             "level": {"type": "integer", "enum": [1, 2, null]}
            """# + (version == "3.1.0" ? #", "listed": {"type": ["string", "null"], "enum": ["a", null]}}"# : "}")
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", response: ##"{"$ref": "#/components/schemas/A"}"##) + "}",
            components: #"{"schemas": {"A": {"type": "object", "required": ["undeclared"], "properties": "# + properties + "}}}"
        ).replacingOccurrences(of: #""openapi": "3.1.0""#, with: #""openapi": "\#(version)""#)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let warnings = result.warnings.filter { $0.message.hasPrefix("`null` is among the enum values") }
        #expect(warnings.compactMap { $0.location?.pointer } == [
            "/components/schemas/A/properties/undeclared/enum", "/components/schemas/A/properties/level/enum",
        ])
        let model = try #require(result.file("Models/A.swift"))
        #expect(model.contains("public var declared: Declared?"))
        #expect(model.contains("public var undeclared: Undeclared?"))
        #expect(model.contains("public var level: Level?"))
        #expect(!model.contains("case null"))
        if version == "3.1.0" { #expect(model.contains("public var listed: Listed?")) }
    }

    /// `{$ref: Owner, nullable: true, description: …}` in OpenAPI 3.0, which ignores what stands
    /// beside a `$ref` but whose documents write it meaning it: a required property that may be
    /// null is optional (it was not, and a null failed to decode), with its description. In
    /// 3.1 the same was already so; a `$ref` to a parameter keeps its siblings out of it.
    @Test(arguments: ["3.0.3", "3.1.0"])
    func whatStandsBesideASchemaReferenceIsKept(version: String) async throws {
        let parameters = ##"[{"$ref": "#/components/parameters/Page", "description": "Which page."}]"##
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a", parameters: parameters, response: ##"{"$ref": "#/components/schemas/A"}"##) + "}",
            components: ##"""
                {"parameters": {"Page": {"name": "page", "in": "query", "schema": {"type": "integer"}}},
                 "schemas": {
                  "A": {"type": "object", "required": ["owner", "plain"], "properties": {
                    "owner": {"$ref": "#/components/schemas/Owner", "nullable": true, "description": "Who owns it, if anyone."},
                    "plain": {"$ref": "#/components/schemas/Owner"}}},
                  "Owner": {"type": "object", "properties": {"name": {"type": "string"}}}}}
                """##
        ).replacingOccurrences(of: #""openapi": "3.1.0""#, with: #""openapi": "\#(version)""#)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let model = try #require(result.file("Models/A.swift"))
        #expect(model.contains("    /// Who owns it, if anyone.\n    public var owner: Owner?\n"))
        #expect(model.contains("public var plain: Owner\n"))
        let code = try #require(result.file("AAPI.swift") ?? result.file("RootAPI.swift"))
        #expect(code.contains("page: Int? = nil"))
    }

    /// YAML reads as YAML: a plain `3` among a text enum's values is text, `null` there says
    /// the value may be absent, and quoted `'true'` is text.
    @Test func yamlScalarsKeepTheirMeaning() async throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: Y, version: '1'}
            paths: {}
            components:
              schemas:
                Version:
                  type: string
                  nullable: true
                  enum: [3, '4', null]
                Flags:
                  type: object
                  properties:
                    on: {type: string, default: 'true'}
                    count: {type: integer, default: 12}
            """
        let result = try await GeneratorHarness.generate(["api.yaml": yaml])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let version = try #require(result.file("Models/Version.swift"))
        #expect(version.contains(#"case .value3: "3""#))
        #expect(version.contains(#"case .value4: "4""#))
    }

    /// YAML 1.2 (what OpenAPI 3.1 names) reads `on`, `yes` and `off` as text, `017` as 17 and
    /// `1_000` or `12:30` as text; Yams resolves them as YAML 1.1 did (a boolean, octal 15, a
    /// sexagesimal 750), which named a query parameter `on` "true". A path parameter that does
    /// not say `required: true` is required, with a warning, instead of leaving its operation out.
    @Test func yamlOneTwoScalarsAndPathParametersThatDoNotSayRequired() async throws {
        let yaml = """
            openapi: 3.0.3
            info: {title: Y, version: '1'}
            servers: [{url: 'https://y.example.com'}]
            paths:
              /users/{id}:
                get:
                  operationId: user
                  parameters:
                    - {name: id, in: path, schema: {type: string}}
                    - {name: on, in: query, schema: {type: string, default: yes}}
                    - {name: zip, in: query, schema: {type: integer, default: 017}}
                    - {name: at, in: query, schema: {type: string, example: 12:30, default: 1_000}}
                    - {name: hex, in: query, schema: {type: integer, default: 0x1F}}
                    - {name: flag, in: query, schema: {type: boolean, default: True}}
                  responses: {'204': {description: Nothing}}
            """
        let result = try await GeneratorHarness.generate(["api.yaml": yaml])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let required = try #require(result.warnings.first { $0.message.hasPrefix("a path parameter must be required") })
        #expect(required.location?.line == 9)
        let code = try #require(result.file("UsersAPI.swift"))
        #expect(code.contains(#"query.append("on", value: self.on)"#), "\(code)")
        #expect(code.contains(#"on: String? = "yes""#), "\(code)")
        #expect(code.contains("zip: Int? = 17") && code.contains("hex: Int? = 31") && code.contains("flag: Bool? = true"), "\(code)")
        #expect(code.contains(#"at: String? = "1_000""#), "\(code)")
        #expect(code.contains("public func user(\n        id: String,"), "\(code)")
    }

    /// `type: [string, integer]` (JSON Schema, OpenAPI 3.1) is a union of its types, each with
    /// the keywords and enum values that belong to it; OpenAPIKit read it as its first type
    /// alone, so a response holding a number did not decode. `[array, null]` stays as it was.
    @Test func aListOfTypesIsAUnionOfThem() async throws {
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation(
                "/things/{id}", operationID: "thing",
                parameters: ##"[{"name": "id", "in": "path", "required": true, "schema": {"type": ["string", "integer"]}}]"##,
                response: ##"{"$ref": "#/components/schemas/Thing"}"##) + "}",
            components: ##"""
                {"schemas": {"Thing": {"type": "object", "properties": {
                  "value": {"type": ["string", "number", "boolean", "null"], "description": "Any scalar."},
                  "code": {"type": ["string", "integer"], "enum": ["none", 1, 2], "format": "int64", "maxLength": 4},
                  "tags": {"type": ["array", "null"], "items": {"type": "string"}}
                }}}}
                """##)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty, "\(result.errors.map(\.message))")
        let thing = try #require(result.file("Models/Thing.swift"))
        #expect(thing.contains("public var tags: [String]?"), "\(thing)")
        #expect(thing.contains("case string(String)\n        case double(Double)\n        case bool(Bool)"), "\(thing)")
        #expect(thing.contains("case text(Text)\n        case integer(Integer)"), "\(thing)")
        #expect(thing.contains(#"case .noneValue: "none""#) && thing.contains("case .value2: 2"), "\(thing)")
        let code = try #require(result.file("ThingsAPI.swift"))
        #expect(code.contains("pathSegment(\"id\", StructuredParameter(self.id))"), "\(code)")
    }

    /// Components that are references to other components of their kind (valid OpenAPI) are
    /// what their chains end in; a chain that comes back to itself is left out with one warning,
    /// and only a use of it is an error, at the use.
    @Test func componentsThatReferToComponentsAreFollowed() async throws {
        let components = """
            {"parameters": {
               "a": {"$ref": "#/components/parameters/b"}, "b": {"$ref": "#/components/parameters/c"},
               "c": {"name": "page", "in": "query", "schema": {"type": "integer"}},
               "loop1": {"$ref": "#/components/parameters/loop2"}, "loop2": {"$ref": "#/components/parameters/loop1"}},
             "responses": {"r": {"$ref": "#/components/responses/s"},
               "s": {"description": "OK", "content": {"application/json": {"schema": {"type": "object", "properties": {"total": {"type": "integer"}}}}}}},
             "requestBodies": {"p": {"$ref": "#/components/requestBodies/q"},
               "q": {"content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}}}}}}}}
            """
        let paths = """
            {"/things": {"post": {"operationId": "addThing", "parameters": [{"$ref": "#/components/parameters/a"}],
              "requestBody": {"$ref": "#/components/requestBodies/p"},
              "responses": {"200": {"$ref": "#/components/responses/r"}}}}}
            """
        let result = try await GeneratorHarness.generate(["api.json": GeneratorHarness.document(paths: paths, components: components)])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let code = try #require(result.file("ThingsAPI.swift"))
        #expect(code.contains("page: Int? = nil"))
        #expect(code.contains("public var total: Int?"))
        #expect(code.contains("public var name: String?"))
        let cycle = result.warnings.filter { $0.message.contains("refer to one another in a cycle") }
        #expect(cycle.map(\.message) == [
            "the components/parameters `loop1` → `loop2` → `loop1` are left out: they refer to one another in a cycle, and none of them is a parameter"
        ])
        #expect(cycle.first?.location?.line != nil)

        let using = paths.replacingOccurrences(of: "parameters/a", with: "parameters/loop2")
        let broken = try await GeneratorHarness.generate(["api.json": GeneratorHarness.document(paths: using, components: components)])
        #expect(broken.errors.map(\.message) == ["$ref `#/components/parameters/loop2` names a component that cannot be used"])
        #expect(broken.errors.first?.hint == "correct components/parameters/loop2: the message at it says why")
    }

    /// Runs the pipeline on one file of raw bytes.
    static func generate(bytes: [UInt8], named name: String) async throws -> (files: [GeneratedFile]?, diagnostics: [Diagnostic]) {
        let root = try TestPaths.temporaryDirectory("bytes")
        try Data(bytes).write(to: root.appendingPathComponent(name))
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(options: .init(inputs: [name], rootDirectory: root.path))
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        return (files, diagnostics.diagnostics)
    }

    /// A file in another encoding than UTF-8 is an error at the first byte that is not UTF-8;
    /// a UTF-8 byte order mark at the start is no error.
    @Test func encodingsOtherThanUTF8AreLocatedAndAByteOrderMarkIsAccepted() async throws {
        let json = Array(#"{"openapi": "3.1.0", "info": {"title": "Caf"#.utf8) + [0xE9] + Array(#"", "version": "1"}, "paths": {}}"#.utf8)
        let yaml = Array("openapi: 3.1.0\ninfo:\n  title: Caf".utf8) + [0xE9] + Array("\n  version: '1'\npaths: {}\n".utf8)
        for (bytes, name, line, column) in [(json, "latin1.json", 1, 44), (yaml, "latin1.yaml", 3, 13)] {
            let result = try await Self.generate(bytes: bytes, named: name)
            #expect(result.files == nil)
            let error = try #require(result.diagnostics.first { $0.severity == .error }, "\(name)")
            #expect(error.message == "the file is not UTF-8 text: the byte 0xE9 here does not begin or continue a UTF-8 character")
            #expect(error.location?.file == name)
            #expect(error.location?.line == line && error.location?.column == column, "\(name): \(String(describing: error.location))")
        }
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let document = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    get:\n      responses: {'200': {description: OK}}\n"
        for (bytes, name) in [
            (bom + Array(document.utf8), "bom.yaml"),
            (bom + Array(#"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"/x": {"get": {"responses": {"200": {"description": "OK"}}}}}}"#.utf8), "bom.json"),
        ] {
            let result = try await Self.generate(bytes: bytes, named: name)
            #expect(result.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(result.diagnostics)")
            #expect(result.files?.contains { $0.path == "XAPI.swift" } == true, "\(name)")
        }
    }

    /// A path given twice: in JSON a warning at the second, whose operations are generated (the
    /// last one wins, as in JavaScript); in YAML, where keys must be unique, an error at the
    /// mapping.
    @Test func namesGivenTwiceAreLocated() async throws {
        let json = #"{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}, "paths": {"#
            + #""/x": {"get": {"responses": {"200": {"description": "OK"}}}}, "#
            + #""/x": {"post": {"responses": {"200": {"description": "OK"}}}}}}"#
        let fromJSON = try await Self.generate(bytes: Array(json.utf8), named: "twice.json")
        let warning = try #require(fromJSON.diagnostics.first { $0.message.contains("is given again") })
        #expect(warning.message == "the name `/x` is given again in this object; the last one is used, as JavaScript and most JSON readers do")
        let second = try #require(json.range(of: #""/x""#, options: .backwards))
        #expect(warning.location?.line == 1 && warning.location?.column == json.distance(from: json.startIndex, to: second.lowerBound) + 1)
        let code = try #require(fromJSON.files?.first { $0.path == "XAPI.swift" }?.contents)
        #expect(code.contains("method: .post") && !code.contains("method: .get"))

        let yaml = "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    get: {responses: {'200': {description: OK}}}\n  /x:\n    post: {responses: {'200': {description: OK}}}\n"
        let fromYAML = try await Self.generate(bytes: Array(yaml.utf8), named: "twice.yaml")
        #expect(fromYAML.files == nil)
        let error = try #require(fromYAML.diagnostics.first { $0.severity == .error })
        #expect(error.message == "malformed YAML: the mapping that starts here has `/x` more than once")
        #expect(error.location?.line == 4)
    }

    /// Header parameters named `Accept`, `Content-Type` or `Authorization` are ignored, as
    /// OpenAPI says, with a warning at each: sent, a `Content-Type` would replace a multipart
    /// body's own (and its boundary), an `Authorization` the credential.
    @Test func headersTheClientWritesAreIgnored() async throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: T, version: '1'}
            servers: [{url: 'https://x.example.com'}]
            paths:
              /upload:
                post:
                  operationId: upload
                  parameters:
                    - {name: Content-Type, in: header, required: true, schema: {type: string}}
                    - {name: accept, in: header, schema: {type: string}}
                    - {name: Authorization, in: header, required: true, schema: {type: string}}
                    - {name: X-Trace, in: header, schema: {type: string}}
                  requestBody:
                    content: {multipart/form-data: {schema: {type: object, properties: {file: {type: string, format: binary}}}}}
                  responses: {'204': {description: Nothing}}

            """
        let result = try await Self.generate(bytes: Array(yaml.utf8), named: "headers.yaml")
        let ignored = result.diagnostics.filter { $0.message.contains("is ignored, as OpenAPI says") }
        #expect(ignored.map(\.location?.line) == [9, 10, 11])
        #expect(ignored.first?.message.hasPrefix("the header parameter `Content-Type` is ignored") == true)
        let code = try #require(result.files?.first { $0.path == "UploadAPI.swift" }?.contents)
        #expect(code.contains("public func upload(\n        xTrace: String? = nil,\n        file: FileUpload? = nil\n    )"), "\(code)")
        #expect(!code.contains(#"headerFields["Content-Type"]"#) && !code.contains(#"headerFields["Authorization"]"#))
    }

    /// A document without operations (webhooks only) says why nothing is generated instead of
    /// generating nothing in silence.
    @Test func aDocumentWithoutOperationsSaysSo() async throws {
        let yaml = """
            openapi: 3.1.0
            info: {title: Hooks, version: '1'}
            webhooks:
              newPet:
                post:
                  requestBody: {content: {application/json: {schema: {type: object}}}}
                  responses: {'200': {description: OK}}

            """
        let result = try await Self.generate(bytes: Array(yaml.utf8), named: "hooks.yaml")
        #expect(!result.diagnostics.contains { $0.severity == .error })
        let warning = try #require(result.diagnostics.first { $0.message.hasPrefix("no operation to generate") })
        #expect(warning.message.hasSuffix("its 1 webhook is a request the API sends, which a client does not call"))
        #expect(warning.location?.line == 1)
    }
}
