// The Swift samples of Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/BulkJobs.md, extracted by Test_DocumentationSamples: do not edit.
// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.

import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPIJobs
import JustOneAPIPostgresJobs
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

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/BulkJobs.md:88

func collectHomepageVideos(client: JustOneAPIClient, creatorIDs: [String]) async throws {
    let job = Job(name: "homepage-videos", inputs: creatorIDs) { id in
        .pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 50)
    }
    let store = SQLiteJobStore(path: "jobs.sqlite")
    let status = try await JobRunner(client: client, store: store, concurrency: 4, progress: JobProgress()).run(job)
    print(status)  // homepage-videos: 2000 of 2000 inputs done; 9180 pages, 183600 items
    for try await item in store.items(of: job.name) {
        print(item.input, item.value)
    }
}

// Sources/JustOneAPIRuntime/JustOneAPIRuntime.docc/BulkJobs.md:134

func work(token: String, creatorIDs: [String]) async throws {
    let store = try PostgresJobStore(url: "postgres://jobs:secret@db.internal:5432/crawl?schema=xingtu")
    defer { store.close() }
    let client = JustOneAPIClient(
        token: token,
        configuration: ClientConfiguration(
            maxConcurrentRequests: 8,
            middlewares: [store.sharedBudget(for: "homepage-videos", maxRequests: 50_000)]))
    let job = Job(name: "homepage-videos", inputs: creatorIDs) { id in
        .pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 50)
    }
    try await JobRunner(client: client, store: store, concurrency: 8).run(job)
}
