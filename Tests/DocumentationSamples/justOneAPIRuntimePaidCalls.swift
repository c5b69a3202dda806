// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PaidCalls.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PaidCalls.md:19
func justOneAPIRuntimePaidCallsSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let usage = client.usage
    print(usage.total.requestsSent)                       // every attempt, retries included
    print(usage.total.failuresByBusinessCode[302] ?? 0)   // rate limited
    print(usage[DouyinXingtuAPI.GetAuthorTags.self].successes)
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PaidCalls.md:37
func justOneAPIRuntimePaidCallsSample2(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let budget = RequestBudget(maxRequests: 10_000).limiting(DouyinXingtuAPI.GetAuthorTags.self, to: 2_000)
    let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(budget: budget))
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/PaidCalls.md:56
func justOneAPIRuntimePaidCallsSample3(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    do {
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: id)
    } catch let error as JustOneAPIError where error.businessCode == .insufficientBalance {
        // top up, then:
        client.resume()
    }
}
