import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// `generate infer` proposes the response side of paged operations from samples in the
/// recorder's layout (`N.json`, and `N.request.json` with the request's parameters), and the
/// overlay it writes makes the operation page.
@Suite struct Test_PagingProposals {
    static let config = """
        authentication:
          parameter: token
        envelope:
          schema: Result
          dataKey: data
        """

    static let document = """
        {
          "openapi": "3.1.0",
          "info": {"title": "Comments", "version": "1"},
          "servers": [{"url": "https://api.example.com"}],
          "paths": {
            "/api/x/comments/v1": {"get": {
              "operationId": "getComments",
              "parameters": [
                {"name": "token", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "noteId", "in": "query", "required": true, "schema": {"type": "string"}},
                {"name": "lastCursor", "in": "query", "description": "Pagination cursor from the previous page.", "schema": {"type": "string"}}
              ],
              "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Result"}}}}}
            }}
          },
          "components": {"schemas": {"Result": {"type": "object", "properties": {"code": {"type": "integer"}, "data": {}}}}}
        }
        """

    /// Three pages of comments: each page's `cursor` is what the next request sends.
    static let pages: [(body: String, request: String)] = [
        (
            #"{"code": 0, "data": {"cursor": "c-1", "has_more": 1, "comments": [{"id": 1}, {"id": 2}], "user": {"cursor": "u"}}}"#,
            #"{"method": "GET", "path": "/api/x/comments/v1", "query": {"noteId": "n", "token": "<redacted>"}}"#
        ),
        (
            #"{"code": 0, "data": {"cursor": "c-2", "has_more": 1, "comments": [{"id": 3}, {"id": 4}], "user": {"cursor": "u"}}}"#,
            #"{"method": "GET", "path": "/api/x/comments/v1", "query": {"noteId": "n", "lastCursor": "c-1", "token": "<redacted>"}}"#
        ),
        (
            #"{"code": 0, "data": {"cursor": "c-3", "has_more": 0, "comments": [{"id": 5}], "user": {"cursor": "u"}}}"#,
            #"{"method": "GET", "path": "/api/x/comments/v1", "query": {"noteId": "n", "lastCursor": "c-2", "token": "<redacted>"}}"#
        ),
    ]

    static func workspace(withRequests: Bool) throws -> URL {
        let root = try TestPaths.temporaryDirectory("paging-infer")
        let specs = root.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        try Data(document.utf8).write(to: specs.appendingPathComponent("comments.json"))
        try Data(config.utf8).write(to: specs.appendingPathComponent("generator.yaml"))
        let folder = root.appendingPathComponent("samples/getComments")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (index, page) in pages.enumerated() {
            try Data(page.body.utf8).write(to: folder.appendingPathComponent("\(index + 1).json"))
            if withRequests { try Data(page.request.utf8).write(to: folder.appendingPathComponent("\(index + 1).request.json")) }
        }
        return root
    }

    static func pagingAction(_ text: String) throws -> [String: Any] {
        let tree = try #require(YAMLTestReader.json(text) as? [String: Any])
        let actions = try #require(tree["actions"] as? [[String: Any]])
        return try #require(actions.first { ($0["update"] as? [String: Any])?["x-pagination"] != nil })
    }

    @Test func theCursorIsTheFieldTheNextRequestSentBack() async throws {
        let root = try Self.workspace(withRequests: true)
        let (text, diagnostics) = Test_SampleInference.infer(root)
        let overlay = try #require(text, "\(diagnostics)")
        let action = try Self.pagingAction(overlay)
        #expect(action["target"] as? String == "$.paths['/api/x/comments/v1'].get")
        let paging = try #require((action["update"] as? [String: Any])?["x-pagination"] as? [String: Any])
        let inputs = try #require(paging["inputs"] as? [[String: Any]])
        #expect(inputs.count == 1)
        #expect(inputs[0]["name"] as? String == "lastCursor")
        #expect(inputs[0]["type"] as? String == "cursor")
        // Not `$.data.user.cursor`, which is named alike but was never sent back.
        #expect(inputs[0]["from"] as? String == "$.data.cursor")
        let outputs = try #require(paging["outputs"] as? [String: Any])
        #expect(outputs["hasMore"] as? String == "$.data.has_more")
        #expect(outputs["results"] as? String == "$.data.comments")
        let description = try #require(action["description"] as? String)
        #expect(description.contains("getComments: paging as 3 samples showed it (review before use)"))
        #expect(description.contains("`lastCursor` from $.data.cursor: its value in 2 samples was what the next sample's request sent"))
        #expect(description.contains("has more at $.data.has_more: 1, 1, 0 in 3 of 3 samples"))
        #expect(description.contains("items at $.data.comments: an array in every sample, of 2, 2, 1 elements"))

        // Without the overlay the cursor has no known place; with it the operation pages.
        let before = GeneratorPipeline(options: .init(inputs: ["specs"], rootDirectory: root.path))
        let unpaged = DiagnosticCollector()
        let plain = try #require(before.run(diagnostics: unpaged))
        #expect(plain.first { $0.path == "XAPI.swift" }?.contents.contains("GetComments: APIOperation") == true)
        #expect(unpaged.diagnostics.contains { $0.message.contains("pages by `lastCursor`") })
        try Data(overlay.utf8).write(to: root.appendingPathComponent("specs/samples.overlay.yaml"))
        let collector = DiagnosticCollector()
        let files = try #require(before.run(diagnostics: collector), "\(collector.diagnostics)")
        let code = try #require(files.first { $0.path == "XAPI.swift" }?.contents)
        #expect(code.contains("GetComments: PagedOperation"))
        #expect(code.contains(#".cursor("lastCursor", from: ResponsePath([.key("data"), .key("cursor")])),"#))
        #expect(code.contains(#"items: ResponsePath([.key("data"), .key("comments")]),"#))
        #expect(code.contains(#"hasMore: ResponsePath([.key("data"), .key("has_more")]))"#))
        #expect(!collector.diagnostics.contains { $0.message.contains("pages by `lastCursor`") })
    }

    /// Without request records, a field named like the parameter is proposed, and the
    /// description says that no request showed it.
    @Test func withoutRequestsTheNameDecides() throws {
        let root = try Self.workspace(withRequests: false)
        let (text, diagnostics) = Test_SampleInference.infer(root)
        let action = try Self.pagingAction(try #require(text, "\(diagnostics)"))
        let paging = try #require((action["update"] as? [String: Any])?["x-pagination"] as? [String: Any])
        let inputs = try #require(paging["inputs"] as? [[String: Any]])
        #expect(inputs.first?["from"] as? String == "$.data.cursor")
        let description = try #require(action["description"] as? String)
        #expect(description.contains("a field named like it in 3 of 3 samples (`c-1`, `c-2`, `c-3`); no request showed it sent back"))
    }

    @Test func namesAFieldCarryingTheNextValueMayHave() {
        #expect(PagingProposal.normalizedNames(for: "lastCursor").prefix(3) == ["lastcursor", "cursor", "nextlastcursor"])
        #expect(PagingProposal.normalizedNames(for: "maxCursor").contains("maxcursor"))
        #expect(PagingProposal.normalizedNames(for: "searchId").first == "searchid")
    }
}
