// The Swift samples of README.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// README.md:10
func readmeSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {

    let client = JustOneAPIClient(token: token)            // global server, 60 s timeout by default
    let result = try await client.douyinXingtu.getAuthorConvertAbility(
        oAuthorId: "7012345", platform: .shortVideo, range: .day90)
    print(result.data.gpmRange ?? "-", result.requestID ?? "")
}

// README.md:41
func readmeSample2(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    for try await video in client.pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 20).items() {
        print(video["item_id"]?.stringValue ?? "")
    }
}

// README.md:52
func readmeSample3(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let client = JustOneAPIClient(
        token: token,
        configuration: ClientConfiguration(
            maxConcurrentRequests: 16,
            budget: RequestBudget(maxRequests: 10_000).limiting(DouyinXingtuAPI.GetAuthorTags.self, to: 2_000),
            cache: .memory(maxAge: .hours(24))))            // or .sqlite(path:) from JustOneAPISQLiteCache
    // … the job runs …
    print(client.usage.total.requestsSent, client.usage.total.servedFromCache, client.usage.budgetRemaining ?? 0)
}

// README.md:71
func readmeSample4(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    do {
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: id)
    } catch let error as JustOneAPIError {
        switch error.businessCode {
        case .rateLimitExceeded?, .collectionFailed?: print("retried, and failed anyway: \(error)")
        case .insufficientBalance?: print("top up, then client.resume()")
        default: print(error)                      // HTTP status, transport, timeout, budget …
        }
    }
}

// README.md:86
func readmeSample5(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let stub = StubTransport()
        .on(DouyinXingtuAPI.GetAuthorTags.self, .businessFailure(301), .success(["tags": ["food"]]))
    let testClient = JustOneAPIClient(token: "test-token", transport: stub)
    _ = try await testClient.douyinXingtu.getAuthorTags(starAuthorId: "42")   // retried once, then tags
}
