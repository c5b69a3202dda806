// The Swift samples of Sources/JustOneAPI/JustOneAPI.docc/JustOneAPI.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPI/JustOneAPI.docc/JustOneAPI.md:15
func justOneAPISample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {

    let client = JustOneAPIClient(token: "…")
    let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345")
    print(result.data.gpmRange ?? "-")
}
