// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CallingAndErrors.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CallingAndErrors.md:12
func justOneAPIRuntimeCallingAndErrorsSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let request = DouyinXingtuAPI.GetAuthorConvertAbility(oAuthorId: "7012345", range: .day90).request
    print(request.method, request.path, request.query)      // GET /api/douyin-xingtu/… [oAuthorId=…, …]
    let response = try await client.send(request, timeout: .seconds(90))
    print(response.requestID ?? "")
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CallingAndErrors.md:42
func justOneAPIRuntimeCallingAndErrorsSample2(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    do {
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: id)
    } catch let error as JustOneAPIError {
        switch error.reason {
        case .business(let failure):        // HTTP is often 200 even then: the envelope's code decides
            if failure.businessCode == .rateLimitExceeded { print("back off") }
            print(failure.code, failure.meaning ?? "", failure.message ?? "", failure.requestID ?? "")
        case .httpStatus(let status):       // 5xx without an envelope; error.bodySnippet shows the start
            print(status)
        case .transport(let failure):       // .timedOut, .cannotConnect, .connectionLost
            print(failure)
        case .undecodableBody:              // not JSON, or not the documented shape
            print(error.bodySnippet ?? "", error.underlyingError.map { "\($0)" } ?? "")
        case .invalidRequest(let problem):
            print(problem)
        case .budgetExhausted(let exhaustion):  // not sent: the budget is used up
            print(exhaustion)
        case .accountStopped(let stop):     // not sent: an earlier call got 100, 303, 601 or 602
            print(stop.failure, "resume() once the account is in order")
        case .notInCache:                   // not sent: only a cached response was asked for
            print("nothing stored")
        }
    }
}
