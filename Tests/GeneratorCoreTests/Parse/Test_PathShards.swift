import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Testing

@testable import GeneratorCore

/// A large document decoded in pieces is the document decoded whole, and a piece that cannot be
/// read leaves the error and its repair to the whole document's decoding.
@Suite struct Test_PathShards {
    /// `count` GET operations, every tenth with a parameter that refers to a component.
    static func document(paths count: Int, version: String = "3.1.0", damagedAt damaged: Int? = nil) -> String {
        let paths = (0..<count).map { index in
            let parameters =
                index == damaged
                ? "5"
                : index % 10 == 0
                    ? ##"[{"$ref": "#/components/parameters/Page"}]"##
                    : #"[{"name": "q\#(index)", "in": "query", "schema": {"type": "string", "enum": ["A", "B"]}}]"#
            return GeneratorHarness.getOperation("/items/v\(index)", operationID: "items\(index)", parameters: parameters)
        }
        let components = #"{"parameters": {"Page": {"name": "page", "in": "query", "schema": {"type": "integer"}}}}"#
        return GeneratorHarness.document(paths: "{" + paths.joined(separator: ",\n") + "}", components: components)
            .replacingOccurrences(of: #""openapi": "3.1.0""#, with: #""openapi": "\#(version)""#)
    }

    static func tree(_ text: String) throws -> JSONTree { try JSONTree.parse(Array(text.utf8)) }

    /// The same paths and the same rest. The decoder hands a map's keys over in no particular
    /// order, different from run to run (the generator orders paths by the document's text), so
    /// paths are compared as a dictionary.
    static func expectSame(_ pieces: OpenAPIKit.OpenAPI.Document, _ whole: OpenAPIKit.OpenAPI.Document) {
        #expect(Dictionary(uniqueKeysWithValues: pieces.paths.map { ($0.key, $0.value) })
            == Dictionary(uniqueKeysWithValues: whole.paths.map { ($0.key, $0.value) }))
        var (piecesRest, wholeRest) = (pieces, whole)
        (piecesRest.paths, wholeRest.paths) = ([:], [:])
        #expect(piecesRest == wholeRest)
    }

    @Test func piecesHoldEveryPathOnceInOrder() throws {
        let tree = try Self.tree(Self.document(paths: 300))
        let pieces = try #require(PathShards.pieces(of: tree, count: 3))
        #expect(pieces.count == 3)
        let keys = pieces.flatMap { $0.value(at: ["paths"])?.members?.map(\.key) ?? [] }
        #expect(keys == (0..<300).map { "/items/v\($0)" })
        #expect(pieces[0].value(at: ["components"]) != nil)
        #expect(pieces.dropFirst().allSatisfy { $0.members?.map(\.key) == ["openapi", "info", "paths"] })
    }

    @Test func smallDocumentsAreNotCut() throws {
        #expect(PathShards.pieces(of: try Self.tree(Self.document(paths: 40)), count: 2) == nil)
        #expect(PathShards.pieces(of: try Self.tree(Self.document(paths: 300)), count: 1) == nil)
    }

    @Test func decodedInPiecesEqualsDecodedWhole() throws {
        let text = Self.document(paths: 300)
        let decoder = JSONDecoder()
        decoder.userInfo = DocumentDecoding.userInfo
        let whole = try decoder.decode(OpenAPIKit.OpenAPI.Document.self, from: Data(text.utf8))
        let pieces = try #require(PathShards.decode(try Self.tree(text), version: .v31, cores: 4))
        Self.expectSame(pieces, whole)
        #expect(pieces.paths.count == 300)
    }

    @Test func openAPI30DocumentsToo() throws {
        let text = Self.document(paths: 200, version: "3.0.3")
        let decoder = JSONDecoder()
        decoder.userInfo = DocumentDecoding.userInfo
        let whole = try decoder.decode(OpenAPIKit30.OpenAPI.Document.self, from: Data(text.utf8)).convert(to: .v3_1_1)
        let pieces = try #require(PathShards.decode(try Self.tree(text), version: .v30, cores: 2))
        Self.expectSame(pieces, whole)
    }

    @Test func anUnreadablePieceIsLeftToTheWholeDocument() async throws {
        #expect(PathShards.decode(try Self.tree(Self.document(paths: 300, damagedAt: 250)), version: .v31, cores: 2) == nil)
        // The pipeline then decodes the whole document, and leaves the operation out as it would.
        let result = try await GeneratorHarness.generate(["api.json": Self.document(paths: 300, damagedAt: 250)])
        #expect(result.errors.isEmpty)
        let leftOut = result.warnings.filter { $0.message.hasPrefix("GET /items/v250 is left out") }
        #expect(leftOut.count == 1)
        #expect(leftOut.first?.location?.pointer?.hasPrefix("/paths/~1items~1v250/get") == true)
        let code = try #require(result.files).map(\.contents).joined()
        #expect(code.contains("func items249("))
        #expect(!code.contains("func items250("))
        #expect(code.contains("func items299("))
    }
}
