// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/GettingStarted.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/GettingStarted.md:12
func justOneAPIRuntimeGettingStartedSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {

    let client = JustOneAPIClient(token: ProcessInfo.processInfo.environment["JUSTONEAPI_TOKEN"]!)
    let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345", range: .day90)
}
