import Foundation
import JustOneAPI
import JustOneAPIJobs
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// A loopback server of paged creators, and the job over them.
///
/// Creator `n` has `n % 4 + 1` pages of 5 videos (`creator-n:p1:i0` …); the page after the last
/// is empty. The server counts each page it is asked for.
final class PagedCreators: @unchecked Sendable {
    let server: LoopbackServer
    private let state: State

    /// `override` gives the reply instead of a page, by the request's number (from 1), when
    /// the test wants one.
    /// With `holdAfter`, the requests after that many are held until ``releaseHeld()`` (a
    /// worker killed while they are held cannot have finished the job); with `holdWorker`,
    /// only the requests of that worker (its `X-Worker` header) after that many of its own.
    init(
        delay: Duration = .zero, holdAfter: Int? = nil, holdWorker: (name: String, after: Int)? = nil,
        override: @escaping @Sendable (_ number: Int, _ creator: String) -> LoopbackServer.Reply? = { _, _ in nil }
    ) throws {
        let state = State(holdAfter: holdAfter, holdWorker: holdWorker, override: override)
        self.state = state
        server = try LoopbackServer { request in
            var reply = state.reply(to: request)
            reply.delay = delay
            return reply
        }
    }

    final class State: @unchecked Sendable {
        private let lock = NSLock()
        var asked: [String: Int] = [:]
        var total = 0
        var byWorker: [String: Int] = [:]
        let override: @Sendable (Int, String) -> LoopbackServer.Reply?
        let holdAfter: Int?
        let holdWorker: (name: String, after: Int)?
        let held = ManualGate(timeout: .seconds(120))

        init(
            holdAfter: Int?, holdWorker: (name: String, after: Int)?,
            override: @escaping @Sendable (Int, String) -> LoopbackServer.Reply?
        ) {
            self.holdAfter = holdAfter
            self.holdWorker = holdWorker
            self.override = override
        }

        func reply(to request: LoopbackServer.Received) -> LoopbackServer.Reply {
            let creator = request.queryValue("oAuthorId") ?? "?"
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let worker = request.headers["x-worker"] ?? "?"
            let (number, ofWorker): (Int, Int) = lock.withLock {
                asked["\(creator)/\(page)", default: 0] += 1
                total += 1
                byWorker[worker, default: 0] += 1
                return (total, byWorker[worker]!)
            }
            if let holdAfter, number > holdAfter { held.wait() }
            if let holdWorker, holdWorker.name == worker, ofWorker > holdWorker.after { held.wait() }
            if let reply = override(number, creator) { return reply }
            let n = Int(creator.split(separator: "-").last ?? "0") ?? 0
            let pages = PagedCreators.pages(of: n)
            let videos = page <= pages ? (0..<5).map { #""\#(creator):p\#(page):i\#($0)""# }.joined(separator: ", ") : ""
            return .json(#"{"code": 0, "data": {"videos": [\#(videos)]}}"#)
        }

        var snapshot: (asked: [String: Int], total: Int, byWorker: [String: Int]) { lock.withLock { (asked, total, byWorker) } }
    }

    static func pages(of creator: Int) -> Int { creator % 4 + 1 }

    /// Every item the creators `0..<count` have, in order.
    static func expectedItems(count: Int) -> [String] {
        (0..<count).flatMap { n in
            (1...pages(of: n)).flatMap { page in (0..<5).map { "creator-\(n):p\(page):i\($0)" } }
        }
    }

    /// Lets the held requests, and every later one, through.
    func releaseHeld() { state.held.open() }

    /// How many times each page was asked for, by `creator/page`.
    var pagesAsked: [String: Int] { state.snapshot.asked }
    var requests: Int { state.snapshot.total }
    /// How many requests each worker sent, by its `X-Worker` header.
    var requestsByWorker: [String: Int] { state.snapshot.byWorker }

    func client(concurrency: Int = 4, budget: RequestBudget? = nil) -> JustOneAPIClient {
        JustOneAPIClient(
            token: "job-token", server: Server(server.baseURL)!, timeout: .seconds(60),
            configuration: ClientConfiguration(
                retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(5), jitter: { $0 }),
                maxConcurrentRequests: concurrency, budget: budget))
    }

    static func job(_ name: String = "videos", count: Int) -> Job {
        Job(name: name, inputs: (0..<count).map { "creator-\($0)" }) { id in
            .pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 100)
        }
    }
}

/// The items of `job` in `store`, as text.
func storedItems(_ store: any JobStore, job: String = "videos") async throws -> [String] {
    var items: [String] = []
    for try await item in store.items(of: job) { items.append(item.value.stringValue ?? "?") }
    return items
}

/// A worker process running the job (Tests/JobWorker), which a test may kill.
final class WorkerProcess: @unchecked Sendable {
    let process = Process()
    private let output = Pipe()

    init(
        store: String, server: String, job: String = "videos", count: Int, worker: String, concurrency: Int = 2,
        budget: Int? = nil, startSignal: String? = nil
    ) throws {
        process.executableURL = TestPaths.productsDirectory.appendingPathComponent("JobWorker")
        process.arguments = [store, server, job, String(count), worker, String(concurrency)] + (budget.map { [String($0)] } ?? [])
        if let startSignal {
            process.environment = ProcessInfo.processInfo.environment.merging(["JOB_WORKER_START_SIGNAL": startSignal]) { $1 }
        }
        process.standardOutput = output
        process.standardError = output
        try process.run()
    }

    func kill() {
        Glibc.kill(process.processIdentifier, SIGKILL)
    }

    /// Waits for the process to end (off the cooperative pool); returns its status and output.
    func wait() async throws -> (status: Int32, output: String) {
        let process = self.process
        let output = self.output
        return try await offCooperativePool {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }
}
