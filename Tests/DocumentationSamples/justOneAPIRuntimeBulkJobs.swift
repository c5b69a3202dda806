// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/BulkJobs.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import JustOneAPITesting
import Logging
import Testing

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/BulkJobs.md:12
func justOneAPIRuntimeBulkJobsSample1(token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL) async throws {
    let client = JustOneAPIClient(
        token: token,
        transport: AsyncHTTPClientTransport(),                    // or the default URLSessionTransport()
        configuration: ClientConfiguration(
            retryPolicy: RetryPolicy(maxAttempts: 3),              // the default
            maxConcurrentRequests: 16,                             // default 8, across all tasks
            requestsPerSecond: 20,                                 // optional, evenly spaced starts
            middlewares: [tracing],                                // run around each attempt, in order
            logger: Logger(label: "xingtu-job")))

    try await withThrowingTaskGroup(of: Void.self) { group in
        for id in creatorIDs {                                     // 10,000 IDs: no 10,000 sockets
            group.addTask { _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: id) }
        }
        try await group.waitForAll()
    }
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/BulkJobs.md:57

struct Tracing: ClientMiddleware {
    func intercept(
        _ request: HTTPRequest, context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headerFields["X-Trace-ID"] = UUID().uuidString
        return try await next(request)   // the URL holds the token: log context.path instead
    }
}
