// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CachingAndSharing.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CachingAndSharing.md:24
func justOneAPIRuntimeCachingAndSharingSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {

    let cache = ResponseCache.memory(maxAge: .hours(24))
        .maxAge(.minutes(10), for: DouyinXingtuAPI.GetAuthorTags.self)
    let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(cache: cache))
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CachingAndSharing.md:36
func justOneAPIRuntimeCachingAndSharingSample2(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {

    let client = JustOneAPIClient(
        token: token, configuration: ClientConfiguration(cache: .sqlite(path: "responses.sqlite", maxAge: .days(7))))
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CachingAndSharing.md:71
func justOneAPIRuntimeCachingAndSharingSample3(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let fresh = try await ResponseCache.withPolicy(.reload) {
        try await client.douyinXingtu.getAuthorTags(starAuthorId: id)
    }
    let offline = try await ResponseCache.withPolicy(.onlyCache) {
        try await client.douyinXingtu.getAuthorTags(starAuthorId: id)  // never sent
    }
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/CachingAndSharing.md:97
func justOneAPIRuntimeCachingAndSharingSample4(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let configuration = ClientConfiguration(inFlightSharing: .off)
    let sharing = InFlightSharing.readOnlyRequests.sharing(DouyinXingtuAPI.GetAuthorTags.self, false)
}
