import Foundation
import JustOneAPI
import JustOneAPIJobs
import JustOneAPIPostgresJobs

/// A worker process for the job tests: runs the homepage-videos job of `count` creators into a
/// store (a SQLite file, or a `postgres://` URL), against a loopback server, and prints the
/// job's status. Its requests carry an `X-Worker` header with its name; with a budget on
/// PostgreSQL, the budget is the job's shared one.
///
///     JobWorker STORE BASE_URL JOB COUNT WORKER [CONCURRENCY] [BUDGET]
///
/// With `JOB_WORKER_START_SIGNAL` set to a path, the worker waits until that file exists before
/// it touches the store, so that several workers open a new store at the same moment.
@main
struct JobWorker {
    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 6, let server = Server(arguments[2]), let count = Int(arguments[4]) else {
            FileHandle.standardError.write(Data("usage: JobWorker STORE BASE_URL JOB COUNT WORKER [CONCURRENCY] [BUDGET]\n".utf8))
            exit(2)
        }
        let name = arguments[3]
        let worker = arguments[5]
        let concurrency = arguments.count > 6 ? Int(arguments[6]) ?? 2 : 2
        let budget = arguments.count > 7 ? Int(arguments[7]) : nil
        if let signal = ProcessInfo.processInfo.environment["JOB_WORKER_START_SIGNAL"] {
            while !FileManager.default.fileExists(atPath: signal) { usleep(200) }
        }
        let store: any JobStore
        var middlewares: [any ClientMiddleware] = [WorkerHeader(name: worker)]
        var clientBudget: RequestBudget?
        if arguments[1].hasPrefix("postgres://") {
            let postgres = try PostgresJobStore(url: arguments[1])
            if let budget { middlewares.append(postgres.sharedBudget(for: name, maxRequests: budget)) }
            store = postgres
        } else {
            store = SQLiteJobStore(path: arguments[1])
            clientBudget = budget.map { RequestBudget(maxRequests: $0) }
        }
        let client = JustOneAPIClient(
            token: "job-token", server: server, timeout: .seconds(60),
            configuration: ClientConfiguration(
                retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(10)), maxConcurrentRequests: concurrency,
                middlewares: middlewares, budget: clientBudget))
        let job = Job(name: name, inputs: (0..<count).map { "creator-\($0)" }) { id in
            .pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 100)
        }
        let runner = JobRunner(client: client, store: store, worker: worker, concurrency: concurrency, lease: .seconds(3))
        let status = try await runner.run(job)
        print("status: \(status)")
        print("requests: \(client.usage.total.requestsSent)")
    }
}

/// Names the worker on each request, so that the test's server can tell the workers apart.
struct WorkerHeader: ClientMiddleware {
    let name: String

    func intercept(
        _ request: HTTPRequest, context: MiddlewareContext, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        var request = request
        request.headerFields["X-Worker"] = name
        return try await next(request)
    }
}
