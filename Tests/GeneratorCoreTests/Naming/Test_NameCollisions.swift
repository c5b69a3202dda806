import Foundation
import GeneratorCore
import Testing
import TestSupport

@testable import GeneratorCore

/// Names that differ only in case or punctuation (Cloudflare's `rulesets_Messages` and
/// `rulesets_messages`): every one gets a name of its own, whatever order the documents come
/// in, with a warning that says which and why; a clash that remains is an error naming both sides.
@Suite struct Test_NameCollisions {
    static let fixture = "Tests/Fixtures/KitchenSink"

    static func generate(_ inputs: [String], layout: Renderer.Layout = .namespaces) async throws -> (files: [GeneratedFile]?, diagnostics: [Diagnostic]) {
        let diagnostics = DiagnosticCollector()
        var options = GeneratorPipeline.Options(inputs: inputs, rootDirectory: TestPaths.packageRoot.path)
        options.layout = layout
        let pipeline = GeneratorPipeline(options: options)
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        return (files, diagnostics.diagnostics)
    }

    @Test(arguments: [Renderer.Layout.namespaces, .documents])
    func theOutputDoesNotDependOnTheInputOrder(layout: Renderer.Layout) async throws {
        let first = try await Self.generate([Self.fixture + "/names-1.json", Self.fixture + "/names-2.json"], layout: layout)
        let second = try await Self.generate([Self.fixture + "/names-2.json", Self.fixture + "/names-1.json"], layout: layout)
        let files = try #require(first.files, "\(first.diagnostics.filter { $0.severity == .error })")
        #expect(files.map(\.path) == (try #require(second.files)).map(\.path))
        #expect(files.map(\.contents) == second.files?.map(\.contents))
        #expect(first.diagnostics.map(\.description).sorted() == second.diagnostics.map(\.description).sorted())
        if layout == .namespaces {
            let models = files.map(\.path).filter { $0.hasPrefix("Models/") }
            #expect(models == [
                "Models/BillSubsAPIRatePlan.swift", "Models/BillSubsAPIRatePlan2.swift", "Models/NamesBundle.swift",
                "Models/RulesetsMessages.swift", "Models/RulesetsMessages2.swift", "Models/StreamLiveInput.swift",
                "Models/StreamLiveInput2.swift", "Models/StreamLiveInput3.swift",
                "Models/TlsCertificatesAndHostnamesCustomHostname.swift",
                "Models/TlsCertificatesAndHostnamesCustomhostname2.swift",
            ])
            #expect(Set(files.map { $0.path.lowercased() }).count == files.count)
        }
    }

    /// Every renamed type, operation, namespace and enum case is named in a warning at its own
    /// place, with the one that kept the name.
    @Test func everyRenameIsAWarningAtItsPlace() async throws {
        let result = try await Self.generate([Self.fixture + "/names-1.json", Self.fixture + "/names-2.json"])
        let warnings = result.diagnostics.filter { $0.severity == .warning }
        func warning(_ start: String) -> Diagnostic? { warnings.first { $0.message.hasPrefix(start) } }
        let lower = try #require(warning("the schema `rulesets_messages` is generated as `RulesetsMessages2`"))
        let holderLine = try #require(
            String(contentsOf: TestPaths.packageRoot.appendingPathComponent(Self.fixture + "/names-1.json"), encoding: .utf8)
                .components(separatedBy: "\n").firstIndex { $0.contains("\"rulesets_Messages\"") }) + 1
        #expect(lower.message.contains("the schema `rulesets_Messages` (Tests/Fixtures/KitchenSink/names-1.json:\(holderLine):7) has `RulesetsMessages`"))
        #expect(lower.location?.file == Self.fixture + "/names-2.json")
        #expect(lower.location?.line != nil)
        #expect(warning("the schema `bill-subs-api_rate_plan` is generated as `BillSubsAPIRatePlan2`") != nil)
        #expect(warning("the schema `tls-certificates-and-hostnames_customhostname` is generated as `TlsCertificatesAndHostnamesCustomhostname2`: the schema `tls-certificates-and-hostnames_custom-hostname`") != nil)
        #expect(warning("the schema `stream_liveInput` is generated as `StreamLiveInput2`: the schema `stream-live-input`") != nil)
        #expect(warning("the schema `stream_live_input` is generated as `StreamLiveInput3`: the schema `stream-live-input`") != nil)
        #expect(warning("GET /names/rulesets is generated as `getItem2`: `getItem` is taken (`getitem` differs from it only in case)") != nil)
        #expect(warning("the operations under `names` are generated as `client.names2` (`Names2API`): the operations under `Names` have `client.names`") != nil)
        #expect(warning("the enum value `active` of `State` is the case `active2`: its name is taken by the value `Active`") != nil)
        // Values that differ only in symbols spell them out instead (`inDashProgress`,
        // `inUnderscoreProgress`, `etcGmtPlus5`, `etcGmtMinus5`): no clash, no warning.
        #expect(!warnings.contains { $0.message.contains("`in_progress`") || $0.message.contains("Etc/GMT") })
        #expect(warnings.allSatisfy { $0.location?.line != nil })
    }

    /// Two inputs whose document files would have one name (the `documents` layout names a
    /// file after its input's path): an error naming both files and both inputs.
    @Test func aClashThatRemainsNamesBothSides() async throws {
        let root = try TestPaths.temporaryDirectory("clash")
        let document = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/x/a", operationID: "a") + "}")
        let other = GeneratorHarness.document(paths: "{" + GeneratorHarness.getOperation("/x/b", operationID: "b") + "}")
        try Data(document.utf8).write(to: root.appendingPathComponent("Rate Plan.json"))
        try Data(other.utf8).write(to: root.appendingPathComponent("rate_plan.json"))
        let diagnostics = DiagnosticCollector()
        var options = GeneratorPipeline.Options(inputs: ["."], rootDirectory: root.path)
        options.layout = .documents
        let pipeline = GeneratorPipeline(options: options)
        let files = try await offCooperativePool { pipeline.run(diagnostics: diagnostics) }
        #expect(files == nil)
        let error = try #require(diagnostics.diagnostics.first { $0.severity == .error })
        #expect(
            error.message
                == "the generated files `Documents/Rate_Plan.swift` (from the input `./Rate Plan.json` at ./Rate Plan.json) and `Documents/rate_plan.swift` (from the input `./rate_plan.json` at ./rate_plan.json) would be one file on a case-insensitive file system (macOS and Windows by default)")
        #expect(error.hint == "rename one of them: a schema with an overlay, an input file on disk")
        #expect(error.location?.file == "./rate_plan.json")
    }

    @Test func scopesThatFoldCase() {
        var types = NameScope(reserved: ["URL"], foldsCase: true)
        #expect(types.claim("Url") == "Url")  // reserved names are Swift's, compared exactly
        #expect(types.claim("CustomHostname") == "CustomHostname")
        #expect(types.holder(of: "Customhostname") == "CustomHostname")
        #expect(types.claim("Customhostname") == "Customhostname2")
        var members = NameScope()
        #expect(members.claim("userId") == "userId")
        #expect(members.claim("userID") == "userID")
    }
}
