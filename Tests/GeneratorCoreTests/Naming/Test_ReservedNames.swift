import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// The names generated types must not take, derived from what they must not hide: the
/// runtime's public types, and every type name generated code refers to.
@Suite struct Test_ReservedNames {
    /// Every public type declared in `Sources/JustOneAPIRuntime` (a new one included) is in
    /// the generator's list, so that no schema can be generated under its name.
    @Test func everyPublicRuntimeTypeIsReserved() throws {
        let runtime = TestPaths.packageRoot.appendingPathComponent("Sources/JustOneAPIRuntime")
        let enumerator = try #require(FileManager.default.enumerator(atPath: runtime.path))
        let declaration = try Regex(#"^public (?:final )?(?:struct|enum|class|protocol|actor|typealias) ([A-Za-z_][A-Za-z0-9_]*)"#)
            .anchorsMatchLineEndings()
        var found: Set<String> = []
        for case let path as String in enumerator where path.hasSuffix(".swift") {
            let text = try String(contentsOf: runtime.appendingPathComponent(path), encoding: .utf8)
            for match in text.matches(of: declaration) { found.insert(String(match.output[1].substring ?? "")) }
        }
        #expect(found.count > 40)
        let missing = found.subtracting(SwiftKeywords.runtimeTypeNames).sorted()
        #expect(missing.isEmpty, "public runtime types missing from SwiftKeywords.runtimeTypeNames: \(missing)")
        #expect(SwiftKeywords.takenTypeNames.isSuperset(of: found))
        #expect(SwiftKeywords.generatedCodeTypeNames.isSuperset(of: found))
    }

    /// Every capitalized name the generated fixtures use and do not declare themselves (a
    /// standard, Foundation or runtime type) is reserved, so that no nested type hides it.
    @Test func everyTypeNameGeneratedCodeUsesIsReserved() throws {
        let roots = [
            "Tests/Fixtures/KitchenSinkClient", "Tests/Fixtures/PagingClient", "Tests/Fixtures/RoundThreeClient",
            "Sources/JustOneAPI/Generated",
        ]
        var declared: Set<String> = []
        var used: Set<String> = []
        let declaration = try Regex(#"\b(?:struct|enum|class|typealias|protocol|case)\s+`?([A-Za-z_][A-Za-z0-9_]*)"#)
        let capitalized = try Regex(#"(?:^|[^.\w])([A-Z][A-Za-z0-9_]*)"#)
        let literal = try Regex(#""(?:\\.|[^"\\])*""#)
        for root in roots {
            let directory = TestPaths.packageRoot.appendingPathComponent(root)
            let enumerator = try #require(FileManager.default.enumerator(atPath: directory.path))
            for case let path as String in enumerator where path.hasSuffix(".swift") {
                let text = try String(contentsOf: directory.appendingPathComponent(path), encoding: .utf8)
                for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                    let code = String(line).replacing(literal, with: "\"\"")
                    for match in code.matches(of: declaration) { declared.insert(String(match.output[1].substring ?? "")) }
                    for match in code.matches(of: capitalized) { used.insert(String(match.output[1].substring ?? "")) }
                }
            }
        }
        let unreserved = used.subtracting(declared).subtracting(SwiftKeywords.generatedCodeTypeNames).sorted()
        #expect(unreserved.isEmpty, "generated code uses type names that are not reserved: \(unreserved)")
    }
}
