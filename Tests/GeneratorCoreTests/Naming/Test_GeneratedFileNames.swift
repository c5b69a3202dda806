import Foundation
import Testing

@testable import GeneratorCore

@Suite struct Test_GeneratedFileNames {
    /// Names up to the limit are kept; longer ones are cut at a character and end in a hash of
    /// the whole name, so two long names with one beginning stay two files.
    @Test func longNamesAreCutAndKeptApart() {
        #expect(GeneratedFileNames.swiftFile("Pet") == "Pet.swift")
        let limit = String(repeating: "a", count: GeneratedFileNames.maximumStemLength)
        #expect(GeneratedFileNames.swiftFile(limit) == limit + ".swift")
        let first = GeneratedFileNames.swiftFile(limit + "One")
        let second = GeneratedFileNames.swiftFile(limit + "Two")
        #expect(first != second)
        #expect(first.utf8.count == GeneratedFileNames.maximumStemLength + 6 && second.utf8.count == first.utf8.count)
        #expect(first.hasPrefix(String(limit.prefix(100))) && first.hasSuffix(".swift"))
        #expect(GeneratedFileNames.swiftFile(limit + "One") == first)
        // Multi-byte characters are never split.
        let wide = GeneratedFileNames.swiftFile(String(repeating: "用户", count: 60))
        #expect(wide.utf8.count <= GeneratedFileNames.maximumStemLength + 6)
        #expect(String(decoding: Array(wide.utf8), as: UTF8.self) == wide)
    }

    /// A 301-character schema name generated a file name the file system refused (over 255
    /// bytes); its model file is now written under a name of at most 156 bytes.
    @Test func aVeryLongSchemaNameGeneratesAFileThatCanBeWritten() async throws {
        let long = "A" + String(repeating: "verylongname", count: 25)
        let document = GeneratorHarness.document(
            paths: "{" + GeneratorHarness.getOperation("/things", operationID: "things", response: ##"{"$ref": "#/components/schemas/\##(long)"}"##) + "}",
            components: ##"{"schemas": {"\##(long)": {"type": "object", "properties": {"id": {"type": "string"}}}}}"##)
        let result = try await GeneratorHarness.generate(["api.json": document])
        #expect(result.errors.isEmpty)
        let model = try #require(result.files?.first { $0.path.hasPrefix("Models/") })
        #expect((model.path as NSString).lastPathComponent.utf8.count <= GeneratedFileNames.maximumStemLength + 6)
        #expect(model.contents.contains("public struct \(long): Codable"))
    }
}
