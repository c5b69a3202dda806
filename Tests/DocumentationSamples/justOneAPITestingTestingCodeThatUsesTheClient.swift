// The Swift samples of Sources/JustOneAPITesting/JustOneAPITesting.docc/TestingCodeThatUsesTheClient.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPITesting/JustOneAPITesting.docc/TestingCodeThatUsesTheClient.md:11

/// The code under test: the tags of a creator, retried by the client when collection fails.
func tagsOfCreator(_ id: String, client: JustOneAPIClient) async throws -> [String] {
    let result = try await client.douyinXingtu.getAuthorTags(starAuthorId: id)
    return result.data["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
}

@Test func tagsSurviveACollectionFailure() async throws {
    let stub = StubTransport()
        .on(DouyinXingtuAPI.GetAuthorTags.self, .businessFailure(301), .success(["tags": ["food", "travel"]]))
    let client = JustOneAPIClient(token: "test-token", transport: stub)

    #expect(try await tagsOfCreator("42", client: client) == ["food", "travel"])
    #expect(stub.requests(of: DouyinXingtuAPI.GetAuthorTags.self).map { $0.queryValue("starAuthorId") } == ["42", "42"])
}

// Sources/JustOneAPITesting/JustOneAPITesting.docc/TestingCodeThatUsesTheClient.md:58
func justOneAPITestingTestingCodeThatUsesTheClientSample2(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let client = JustOneAPIClient(token: "test-token", transport: try ReplayTransport(directory: samplesURL))
}
