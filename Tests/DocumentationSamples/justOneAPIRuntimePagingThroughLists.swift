// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PagingThroughLists.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PagingThroughLists.md:15
func justOneAPIRuntimePagingThroughListsSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    for try await page in client.pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 20) {
        print(page.data["videos"]?.arrayValue?.count ?? 0, page.requestID ?? "")
    }

    // Or the items of every page, one by one:
    for try await video in client.pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id)).items() {
        print(video["item_id"]?.stringValue ?? "")
    }
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PagingThroughLists.md:76
func justOneAPIRuntimePagingThroughListsSample2(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let paging = Paging(inputs: [.cursor("cursor", from: ResponsePath([.key("data"), .key("next_cursor")]))])
    for try await page in client.pages(request, paging: paging) { print(page.data) }
}
