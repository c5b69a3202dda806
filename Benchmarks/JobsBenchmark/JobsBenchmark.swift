import Foundation
import JustOneAPI
import JustOneAPIJobs
import JustOneAPIPostgresJobs
import TestSupport

/// What jobs cost, for `Benchmarks/run jobs`. Prints one JSON object per figure.
///
///     JobsBenchmark save NGINX_URL ROUNDS [POSTGRES_URL]
///         the wall time of saving a page of 20 items (SQLite, and PostgreSQL when given) beside
///         a loopback call of the same page (nginx serves it)
///     JobsBenchmark throughput ROUNDS [POSTGRES_URL]
///         pages per second of 1, 2 and 4 worker processes (4 calls in flight each) against a
///         server that answers every page after 20 ms
///     JobsBenchmark worker STORE BASE_URL INPUTS NAME   (one worker process of `throughput`)
@main
struct JobsBenchmark {
    static func main() async throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        switch arguments.first {
        case "save" where arguments.count >= 3:
            try await save(nginx: arguments[1], rounds: Int(arguments[2]) ?? 3, postgres: arguments.count > 3 ? arguments[3] : nil)
        case "throughput" where arguments.count >= 2:
            try await throughput(rounds: Int(arguments[1]) ?? 3, postgres: arguments.count > 2 ? arguments[2] : nil)
        case "worker" where arguments.count >= 5:
            try await worker(store: arguments[1], baseURL: arguments[2], inputs: Int(arguments[3]) ?? 1, name: arguments[4])
        default:
            FileHandle.standardError.write(Data("usage: see Benchmarks/JobsBenchmark/JobsBenchmark.swift\n".utf8))
            exit(2)
        }
    }

    static func emit(_ object: [String: Any]) {
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jobs-benchmark-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func postgresURL(_ base: String) -> String {
        base + (base.contains("?") ? "&" : "?") + "schema=bench_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
    }

    // MARK: The cost of saving a page

    static let pageItems: [JSONValue] = (0..<20).map { index in
        ["item_id": .string("item-\(index)"), "title": .string("video \(index)"), "play_count": .integer(Int64(index * 1000))]
    }

    static func save(nginx: String, rounds: Int, postgres: String?) async throws {
        let pagesPerRound = 300
        let client = JustOneAPIClient(token: "bench", server: Server(nginx)!)
        let request = DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: "1", page: 1).request
        var calls: [Double] = []
        for _ in 0..<rounds {
            let started = ContinuousClock.now
            for _ in 0..<pagesPerRound { _ = try await client.send(request) }
            calls.append(microseconds(ContinuousClock.now - started) / Double(pagesPerRound))
        }
        emit(["name": "loopback-call", "microsecondsPerPage": calls, "pages": pagesPerRound])

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var stores: [(String, () throws -> any JobStore)] = [
            ("save-sqlite", { SQLiteJobStore(path: directory.appendingPathComponent("save-\(UUID().uuidString).sqlite").path) })
        ]
        if let postgres { stores.append(("save-postgres", { try PostgresJobStore(url: postgresURL(postgres)) })) }
        for (name, make) in stores {
            var perPage: [Double] = []
            for _ in 0..<rounds {
                let store = try make()
                try await store.open("save", inputs: ["one"])
                let claim = try await store.claim("save", worker: "bench", count: 1, lease: .seconds(600))
                precondition(claim.count == 1)
                let started = ContinuousClock.now
                for page in 0..<pagesPerRound {
                    try await store.save(
                        JobPageRecord(
                            job: "save", position: 0, page: page, items: pageItems,
                            next: PageResumePoint(parameters: ["page": "\(page + 2)"], pagesFetched: page + 1)),
                        worker: "bench", lease: .seconds(600))
                }
                perPage.append(microseconds(ContinuousClock.now - started) / Double(pagesPerRound))
                (store as? PostgresJobStore)?.close()
            }
            emit(["name": name, "microsecondsPerPage": perPage, "pages": pagesPerRound])
        }
    }

    // MARK: Throughput of several workers

    /// Creator `n` has 4 pages of 20 videos and an empty fifth.
    static func pagedServer(latency: Duration) throws -> LoopbackServer {
        try LoopbackServer { request in
            let creator = request.queryValue("oAuthorId") ?? "?"
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let videos = page <= 4 ? (0..<20).map { #"{"item_id": "\#(creator)-\#(page)-\#($0)"}"# }.joined(separator: ",") : ""
            var reply = LoopbackServer.Reply.json(#"{"code": 0, "data": {"videos": [\#(videos)]}}"#)
            reply.delay = latency
            return reply
        }
    }

    static func throughput(rounds: Int, postgres: String?) async throws {
        let server = try pagedServer(latency: .milliseconds(20))
        let inputs = 200
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var kinds: [(String, () -> String)] = [
            ("sqlite", { directory.appendingPathComponent("throughput-\(UUID().uuidString).sqlite").path })
        ]
        if let postgres { kinds.append(("postgres", { postgresURL(postgres) })) }
        for (kind, makeStore) in kinds {
            for workers in [1, 2, 4] {
                var rates: [Double] = []
                for _ in 0..<rounds {
                    let store = makeStore()
                    let started = ContinuousClock.now
                    let processes = try (0..<workers).map { index in
                        let process = Process()
                        process.executableURL = URL(fileURLWithPath: CommandLine.arguments[0])
                        process.arguments = ["worker", store, server.baseURL, String(inputs), "w\(index)"]
                        try process.run()
                        return process
                    }
                    for process in processes {
                        try await offCooperativePool { process.waitUntilExit() }
                        guard process.terminationStatus == 0 else { throw WorkerFailed(status: process.terminationStatus) }
                    }
                    let seconds = microseconds(ContinuousClock.now - started) / 1e6
                    rates.append(Double(inputs * 5) / seconds)
                }
                emit(["name": "throughput-\(kind)", "workers": workers, "pagesPerSecond": rates, "inputs": inputs, "latencyMilliseconds": 20])
            }
        }
    }

    struct WorkerFailed: Error {
        let status: Int32
    }

    static func worker(store path: String, baseURL: String, inputs: Int, name: String) async throws {
        let store: any JobStore = path.hasPrefix("postgres://") ? try PostgresJobStore(url: path) : SQLiteJobStore(path: path)
        let client = JustOneAPIClient(
            token: "bench", server: Server(baseURL)!, configuration: ClientConfiguration(maxConcurrentRequests: 4))
        let job = Job(name: "throughput", inputs: (0..<inputs).map { "creator-\($0)" }) { id in
            .pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 10)
        }
        let status = try await JobRunner(client: client, store: store, worker: name, concurrency: 4, lease: .seconds(30)).run(job)
        guard status.isFinished else { throw WorkerFailed(status: 1) }
    }

    static func microseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e6 + Double(duration.components.attoseconds) / 1e12
    }
}
