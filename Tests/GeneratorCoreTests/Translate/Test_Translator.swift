import Foundation
import GeneratorCore
import Testing
import TestSupport

@Suite struct Test_Translator {
    static let rangeParameter = """
        [{"name": "range", "in": "query", "description": "Time range.", "schema": {"type": "string", "enum": ["DAY_30", "DAY_90"], "default": "90"}}]
        """

    @Test func defaultOutsideItsEnumWarnsAndLetsTheServerDecide() async throws {
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/api/x/contract/v1", operationID: "contract", parameters: Self.rangeParameter) + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        let warning = try #require(result.warnings.first)
        #expect(result.errors.isEmpty)
        #expect(
            warning.message
                == "the default `90` is not one of the enum values `DAY_30`, `DAY_90`; the generated code sends no value by default, so that the server applies its own default")
        #expect(warning.location?.file == "specs/api.json")
        #expect(warning.location?.line == 7)
        #expect(warning.description.hasPrefix("specs/api.json:7:"))
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains("range: Contract.Range? = nil"))
        #expect(code.contains("/// When `nil`, the server applies its default, `90`."))
    }

    /// A default written as a string for an enum of integers: the warning says the types
    /// differ, and which value was probably meant.
    @Test func aDefaultOfAnotherTypeSaysSo() async throws {
        let parameter = #"[{"name": "level", "in": "query", "schema": {"type": "integer", "enum": [0, 1], "default": "0"}}]"#
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/api/x/level/v1", operationID: "level", parameters: parameter) + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        let warning = try #require(result.warnings.first { $0.message.contains("enum values") })
        #expect(
            warning.message
                == "the default `0` is not one of the enum values `0`, `1` (it is a string and the value `0` is a number: write the default as that value); the generated code sends no value by default, so that the server applies its own default")
    }

    /// A default of another JSON type than its schema's (`"10"` for an integer, as Cloudflare's
    /// and Xero's documents write dozens): a located warning with the default rewritten, and
    /// the parameter documents it as the server's default instead of dropping it silently.
    @Test func aDefaultOfAnotherTypeThanItsSchemaIsTheServers() async throws {
        let parameters = #"""
            [{"name": "size", "in": "query", "schema": {"type": "integer", "default": "10"}},
             {"name": "on", "in": "query", "schema": {"type": "boolean", "default": "true"}},
             {"name": "ratio", "in": "query", "schema": {"type": "number", "default": 1.5}},
             {"name": "count", "in": "query", "schema": {"type": "integer", "default": 2.0}},
             {"name": "label", "in": "query", "schema": {"type": "string", "default": 3}}]
            """#
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/api/x/size/v1", operationID: "size", parameters: parameters) + "}")
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let warnings = result.warnings.filter { $0.message.contains("but the schema's type is") }
        #expect(
            warnings.map(\.message) == [
                "the default `10` is a string, but the schema's type is an integer; the generated code does not use it (a parameter sends no value, so that the server applies its own default)",
                "the default `true` is a string, but the schema's type is a boolean; the generated code does not use it (a parameter sends no value, so that the server applies its own default)",
                "the default `3` is a number, but the schema's type is a string; the generated code does not use it (a parameter sends no value, so that the server applies its own default)",
            ])
        #expect(warnings.map(\.hint) == ["write the default as an integer: `10`", "write the default as a boolean: `true`", "write the default as a string"])
        #expect(warnings.allSatisfy { $0.location?.file == "specs/api.json" && $0.location?.line != nil })
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains("size: Int? = nil"))
        #expect(code.contains("/// When `nil`, the server applies its default, `10`."))
        #expect(code.contains("on: Bool? = nil"))
        #expect(code.contains("/// When `nil`, the server applies its default, `true`."))
        #expect(code.contains("ratio: Double? = 1.5"))
        #expect(code.contains("count: Int? = 2"))
        #expect(code.contains("label: String? = nil"))
    }

    @Test func enumsSeveralOperationsTakeMoveToTheirNamespace() async throws {
        func parameter(_ name: String, _ values: [String]) -> String {
            let list = values.map { "\"\($0)\"" }.joined(separator: ", ")
            return #"[{"name": "\#(name)", "in": "query", "schema": {"type": "string", "enum": [\#(list)]}}]"#
        }
        let paths = [
            GeneratorHarness.getOperation("/api/x/first/v1", operationID: "first", parameters: parameter("mode", ["A", "B"])),
            GeneratorHarness.getOperation("/api/x/second/v1", operationID: "second", parameters: parameter("mode", ["A", "B"])),
            GeneratorHarness.getOperation("/api/x/third/v1", operationID: "third", parameters: parameter("mode", ["A", "B", "C"])),
            // A request type is named `Sort`, so enums named `Sort` stay in their request types.
            GeneratorHarness.getOperation("/api/x/sort/v1", operationID: "sort"),
            GeneratorHarness.getOperation("/api/x/fourth/v1", operationID: "fourth", parameters: parameter("sort", ["UP"])),
            GeneratorHarness.getOperation("/api/x/fifth/v1", operationID: "fifth", parameters: parameter("sort", ["UP"])),
        ]
        let document = GeneratorHarness.document(paths: "{" + paths.joined(separator: ",") + "}")
        let result = try await GeneratorHarness.generate(["api.json": document], config: "methodNames: path\n")
        #expect(result.errors.isEmpty)
        let code = try #require(result.file("XAPI.swift"))

        // `Mode` with A and B: declared once on the namespace, aliased in `First` and `Second`.
        #expect(code.components(separatedBy: "public typealias Mode = XAPI.Mode").count - 1 == 2)
        // Its documentation names the parameters that take it.
        #expect(
            code.contains(
                "extension XAPI {\n    /// The values of the `mode` parameter of several operations.\n    ///\n    /// Taken by `First.mode` and `Second.mode`.\n    public enum Mode: "),
            "\(code)")
        // `Third` takes a `Mode` with other values: its own enum, with case `c`, documented by
        // what it is for.
        #expect(code.contains("/// The values of the `mode` query parameter of `Third`.\n        public enum Mode: "))
        #expect(code.components(separatedBy: "public enum Mode: ").count - 1 == 2)
        #expect(code.contains("case .c: \"C\""))
        // Enums named like a request type are not moved.
        #expect(!code.contains("typealias Sort"))
        #expect(code.components(separatedBy: "public enum Sort: ").count - 1 == 2)
    }

    /// Models that repeat an enum of values declare it once; the others name it with a typealias.
    @Test func enumsThatModelsRepeatAreDeclaredOnce() async throws {
        let status = #"{"type": "string", "enum": ["active", "closed"]}"#
        let components = #"""
            {"schemas": {
              "Account": {"type": "object", "properties": {"status": \#(status)}},
              "Card": {"type": "object", "properties": {"status": \#(status), "state": \#(status)}},
              "Status": \#(status)
            }}
            """#
        let paths = "{" + GeneratorHarness.getOperation("/api/x/a/v1", operationID: "a", response: ##"{"$ref": "#/components/schemas/Card"}"##) + "}"
        let result = try await GeneratorHarness.generate(
            ["api.json": GeneratorHarness.document(paths: paths, components: components)], config: "methodNames: path\n")
        #expect(result.errors.isEmpty, "\(result.errors)")
        let card = try #require(result.file("Models/Card.swift"))
        let account = try #require(result.file("Models/Account.swift"))
        // The component schema `Status` keeps its declaration; every nested copy is an alias of it.
        #expect(result.file("Models/Status.swift")?.contains("public enum Status: ") == true)
        // (The nested copies are `Status2`: `Status` is the module's type, which they name.)
        #expect(card.contains("public typealias State = Status\n"), "\(card)")
        #expect(card.contains("public typealias Status2 = Status\n"), "\(card)")
        #expect(account.contains("public typealias Status2 = Status\n"), "\(account)")
        #expect(!card.contains("public enum ") && !account.contains("public enum "))
        #expect(card.contains("The same as `Status`, which has the same values."))
    }

    /// A one-of enum whose case carries a model stores it boxed (`indirect`); one over scalars
    /// does not. (Enums over large models inline cost the compiler minutes.)
    @Test func oneOfEnumsBoxModelPayloads() async throws {
        let components = #"""
            {"schemas": {
              "Customer": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}}},
              "Expandable": {"oneOf": [{"type": "string"}, {"$ref": "#/components/schemas/Customer"}]},
              "Scalar": {"oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "array", "items": {"$ref": "#/components/schemas/Customer"}}]}
            }}
            """#
        let paths = "{" + GeneratorHarness.getOperation("/api/x/a/v1", operationID: "a", response: ##"{"$ref": "#/components/schemas/Expandable"}"##) + "}"
        let result = try await GeneratorHarness.generate(
            ["api.json": GeneratorHarness.document(paths: paths, components: components)], config: "methodNames: path\n")
        #expect(result.errors.isEmpty, "\(result.errors)")
        #expect(result.file("Models/Expandable.swift")?.contains("public indirect enum Expandable: ") == true)
        #expect(result.file("Models/Scalar.swift")?.contains("public enum Scalar: ") == true)
    }

    /// `readOnly: all` marks a POST of form fields as read-only (so that the client may share
    /// and cache it); a list marks the operations it names; GETs need no mark.
    @Test func readOnlyOperationsAreMarked() async throws {
        let post = """
            "/api/x/search/v1": {"post": {
              "operationId": "search",
              "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {"q": {"type": "string"}}}}}},
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}}
            }},
            "/api/x/create/v1": {"post": {
              "operationId": "create",
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}}
            }}
            """
        let document = GeneratorHarness.document(
            paths: "{" + post + "," + GeneratorHarness.getOperation("/api/x/item/v1", operationID: "item") + "}")
        func marks(_ config: String?) async throws -> Int {
            let result = try await GeneratorHarness.generate(["api.json": document], config: config)
            #expect(result.errors.isEmpty)
            return try #require(result.file("XAPI.swift")).components(separatedBy: "isReadOnly: true").count - 1
        }
        #expect(try await marks(nil) == 0)
        #expect(try await marks("readOnly: all\n") == 2)
        #expect(try await marks("readOnly: [search]\n") == 1)
        let wrong = try await GeneratorHarness.generate(["api.json": document], config: "readOnly: everything\n")
        #expect(wrong.errors.first?.message.contains("expected `all` or a list of operationIds") == true)
    }

    @Test func hiddenOperationsAreSkippedUnlessIncluded() async throws {
        let hidden = """
            "/api/x/get-info/v1": {"get": {"operationId": "old", "x-docs-hidden": true, "deprecated": true,
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}}}}
            """
        let visible = GeneratorHarness.getOperation("/api/x/gw/api/aggregator/get_info/v1", operationID: "new")
        let document = GeneratorHarness.document(paths: "{" + hidden + "," + visible + "}")

        let without = try await GeneratorHarness.generate(["api.json": document], config: "methodNames: path\n")
        let code = try #require(without.file("XAPI.swift"))
        #expect(code.contains("public func getInfo("))
        #expect(!code.contains("getInfoV1"))

        let with = try await GeneratorHarness.generate(["api.json": document], config: "methodNames: path\n", includeHidden: true)
        let all = try #require(with.file("XAPI.swift"))
        #expect(all.contains("public func getInfo("), "the visible operation keeps its name")
        #expect(all.contains("public func getInfoV1("))
        #expect(all.contains(#"@available(*, deprecated, message: "Deprecated in the API documentation.")"#))
    }

    @Test func deprecatedOperationsNameTheirReplacement() async throws {
        let old = """
            "/api/x/search/v1": {"get": {"operationId": "s1", "deprecated": true,
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}}}}
            """
        let new = GeneratorHarness.getOperation("/api/x/search/v2", operationID: "s2")
        let result = try await GeneratorHarness.generate(
            ["api.json": GeneratorHarness.document(paths: "{" + old + "," + new + "}")], config: "methodNames: path\n")
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains(#"@available(*, deprecated, message: "Deprecated in the API documentation; use `searchV2` instead.")"#))
    }

    @Test func outputIsDeterministicAndIndependentOfFileOrder() async throws {
        let first = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/api/a/one/v1", operationID: "one") + "}")
        let second = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/api/b/two/v1", operationID: "two") + "}")
        let runs = try await [
            GeneratorHarness.generate(["x/first.json": first, "y/second.json": second]),
            GeneratorHarness.generate(["x/first.json": first, "y/second.json": second]),
        ]
        #expect(runs[0].files == runs[1].files)
        #expect(runs[0].files?.map(\.path) == ["AAPI.swift", "BAPI.swift", "Servers.swift"])

        // The same documents named so that they sort the other way round.
        let swapped = try await GeneratorHarness.generate(["y/first.json": second, "x/second.json": first])
        let body = { (files: [GeneratedFile]?) in
            files?.map { $0.contents.split(separator: "\n").filter { !$0.hasPrefix("//") } }
        }
        #expect(body(swapped.files) == body(runs[0].files))
    }

    @Test func collidingPropertyNamesAreNumbered() async throws {
        let components = """
            {"schemas": {"User": {"type": "object", "properties": {"user_name": {"type": "string"}, "userName": {"type": "string"}}}}}
            """
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/users", operationID: "users", response: ##"{"$ref": "#/components/schemas/User"}"##) + "}",
            components: components)
        let result = try await GeneratorHarness.generate(["api.json": document])
        let code = try #require(result.file("Models/User.swift"))
        #expect(code.contains(#"case userName = "user_name""#))
        #expect(code.contains(#"case userName2 = "userName""#))
    }

    @Test func unknownConfigurationKeysWarn() async throws {
        let document = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a") + "}")
        let result = try await GeneratorHarness.generate(["api.json": document], config: "methodNames: path\nenvelop:\n  schema: Result\n")
        let warning = try #require(result.warnings.first { $0.message.contains("envelop") })
        #expect(warning.message == "unknown configuration key `envelop`; it is ignored")
        #expect(warning.location?.file == "specs/generator.yaml")
        #expect(warning.location?.line == 2)
    }

    @Test func invalidConfigurationIsAnError() async throws {
        let document = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a") + "}")
        let result = try await GeneratorHarness.generate(["api.json": document], config: "timeoutSeconds: soon\n")
        let error = try #require(result.errors.first)
        #expect(error.message.hasPrefix("invalid configuration"))
        #expect(error.location?.file == "specs/generator.yaml")
        #expect(error.location?.line == 1)
        #expect(result.files == nil)
    }

    @Test func templateOverridesReplaceOnlyTheirTemplates() async throws {
        let templates = try TestPaths.temporaryDirectory("templates")
        try Data("{{#docLines}}\n{{.}}\n{{/docLines}}\npublic typealias {{name}} = {{target}} // overridden\n".utf8)
            .write(to: templates.appendingPathComponent("alias.mustache"))
        let components = #"{"schemas": {"Name": {"type": "string"}}}"#
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a") + "}", components: components)
        let root = try await GeneratorHarness.generate(["api.json": document]).root
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: .init(inputs: ["specs"], templatesDirectory: templates.path, rootDirectory: root.path))
        let files = try #require(try await offCooperativePool { pipeline.run(diagnostics: diagnostics) })
        #expect(files.first { $0.path == "Models/Name.swift" }?.contents.contains("= String // overridden") == true)
        #expect(files.first { $0.path == "AAPI.swift" }?.contents.contains("public struct AAPI: Sendable") == true)
    }

    @Test func brokenTemplatesAreLocated() async throws {
        let templates = try TestPaths.temporaryDirectory("templates")
        try Data("line one\n{{#docLines}}\nnever closed\n".utf8).write(to: templates.appendingPathComponent("alias.mustache"))
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: .init(inputs: ["specs/"], templatesDirectory: templates.path, rootDirectory: TestPaths.packageRoot.path))
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        #expect(files == nil)
        let error = try #require(diagnostics.diagnostics.first { $0.severity == .error })
        #expect(error.message.hasPrefix("invalid template"))
        #expect(error.location?.file.hasSuffix("alias.mustache") == true)
        #expect(error.location?.line != nil)
    }

    /// The templates are read beside the configuration, on a thread of their own; what they
    /// report still counts only when the configuration loads, as when they were read after it.
    @Test func templateFindingsCountOnlyWithALoadedConfiguration() async throws {
        let root = try await GeneratorHarness.generate(
            ["api.json": GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/a", operationID: "a") + "}")],
            config: "timeoutSeconds: soon\n"
        ).root
        let missing = root.appendingPathComponent("no-templates-here").path
        func run(config: String?) async throws -> [Diagnostic] {
            let diagnostics = DiagnosticCollector()
            let pipeline = GeneratorPipeline(
                options: .init(inputs: ["specs"], configPath: config, templatesDirectory: missing, rootDirectory: root.path))
            let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
            #expect(files == nil)
            return diagnostics.diagnostics
        }
        let badConfiguration = try await run(config: nil)
        #expect(badConfiguration.map(\.message).contains { $0.hasPrefix("invalid configuration") })
        #expect(!badConfiguration.map(\.message).contains("no such templates directory"))
        try Data("timeoutSeconds: 30\n".utf8).write(to: root.appendingPathComponent("good.yaml"))
        let goodConfiguration = try await run(config: "good.yaml")
        #expect(goodConfiguration.filter { $0.severity == .error }.map(\.message) == ["no such templates directory"])
        #expect(goodConfiguration.first?.location?.file == missing)
    }
}
