import Foundation
import JustOneAPI
import JustOneAPIJobs
import JustOneAPIPostgresJobs
import Testing
import TestSupport

/// The PostgreSQL server the tests use: `JUSTONEAPI_POSTGRES_URL`
/// (`postgres://USER@HOST:PORT/DATABASE`); each test works in a schema of its own. `.ci/run`
/// starts a server on loopback and sets `JUSTONEAPI_REQUIRE_POSTGRES=1`, so that there these
/// tests run, and fail without a server; on a clone without one they are skipped.
enum PostgresServer {
    static let url = ProcessInfo.processInfo.environment["JUSTONEAPI_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let required = ProcessInfo.processInfo.environment["JUSTONEAPI_REQUIRE_POSTGRES"] == "1"
    static let available = url != nil || required

    /// A store URL in a schema of its own.
    static func storeURL() throws -> String {
        let base = try #require(url, "JUSTONEAPI_POSTGRES_URL names no server, and CI requires one")
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        return base + (base.contains("?") ? "&" : "?") + "schema=\(schema)"
    }
}

/// Jobs on PostgreSQL with several worker processes against the loopback server of paged
/// creators: a worker killed mid-job, a budget shared by every worker, an account stop seen by
/// one that stops them all.
@Suite(.serialized, .enabled(if: PostgresServer.available, "no PostgreSQL server: set JUSTONEAPI_POSTGRES_URL"))
struct Test_PostgresJobs {
    /// Three workers, one of them killed with SIGKILL with pages in flight: the other two take
    /// over its inputs when their leases expire, and every item is stored exactly once; no page
    /// is asked for more than twice.
    @Test func threeWorkersOneKilled() async throws {
        let url = try PostgresServer.storeURL()
        // Worker `a`'s requests after its 8th are held: it is killed with claims and pages in flight.
        let creators = try PagedCreators(holdWorker: ("a", 8))
        let count = 30
        let a = try WorkerProcess(store: url, server: creators.server.baseURL, count: count, worker: "a")
        #expect(try await eventually(within: .seconds(60)) { (creators.requestsByWorker["a"] ?? 0) > 8 || !a.process.isRunning })
        let others = try ["b", "c"].map { try WorkerProcess(store: url, server: creators.server.baseURL, count: count, worker: $0) }
        #expect(try await eventually(within: .seconds(60)) { creators.requests > 20 })
        a.kill()
        _ = try await a.wait()
        creators.releaseHeld()
        for worker in others {
            let (status, output) = try await worker.wait()
            #expect(status == 0, "\(output)")
        }
        let store = try PostgresJobStore(url: url)
        defer { store.close() }
        #expect(try await store.status(of: "videos")?.isFinished == true)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: count))
        #expect(creators.pagesAsked.values.allSatisfy { $0 <= 2 }, "\(creators.pagesAsked.filter { $0.value > 2 })")
        #expect((creators.requestsByWorker["b"] ?? 0) > 0 && (creators.requestsByWorker["c"] ?? 0) > 0)
    }

    /// A budget of 15 requests shared by three workers: the server sees exactly 15, the job
    /// pauses with the budget as its reason, and a run with a larger budget finishes it without
    /// asking for any page twice.
    @Test func aSharedBudgetSendsExactlyItsRequests() async throws {
        let url = try PostgresServer.storeURL()
        let creators = try PagedCreators(delay: .milliseconds(2))
        let workers = try ["a", "b", "c"].map {
            try WorkerProcess(store: url, server: creators.server.baseURL, count: 30, worker: $0, budget: 15)
        }
        for worker in workers {
            let (status, output) = try await worker.wait()
            #expect(status == 0, "\(output)")
        }
        #expect(creators.requests == 15)
        let store = try PostgresJobStore(url: url)
        defer { store.close() }
        let paused = try #require(try await store.status(of: "videos"))
        #expect(paused.pausedBecause?.contains("the budget of 15 requests shared by job `videos` is used up") == true, "\(paused)")
        #expect(try await store.requestsSent(by: "videos") == 15)

        let last = try WorkerProcess(store: url, server: creators.server.baseURL, count: 30, worker: "d", budget: 1_000)
        let (status, output) = try await last.wait()
        #expect(status == 0, "\(output)")
        #expect(try await store.status(of: "videos")?.isFinished == true)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 30))
        #expect(creators.pagesAsked.values.allSatisfy { $0 == 1 }, "\(creators.pagesAsked.filter { $0.value > 1 })")
        #expect(try await store.requestsSent(by: "videos") == creators.requests)
    }

    /// A 601 from the 10th request on: the worker that sees it pauses the job, and every worker
    /// stops within its in-flight limit (two calls each). Topped up, one worker finishes.
    @Test func anAccountStopSeenByOneWorkerStopsThemAll() async throws {
        let url = try PostgresServer.storeURL()
        let toppedUp = Flag()
        let creators = try PagedCreators(delay: .milliseconds(2)) { number, _ in
            number >= 10 && !toppedUp.isSet ? .json(#"{"code": 601, "message": "insufficient balance", "data": null}"#) : nil
        }
        let workers = try ["a", "b", "c"].map { try WorkerProcess(store: url, server: creators.server.baseURL, count: 30, worker: $0) }
        for worker in workers {
            let (status, output) = try await worker.wait()
            #expect(status == 0, "\(output)")
        }
        #expect(creators.requests <= 10 + 3 * 2, "\(creators.requests) requests")
        let store = try PostgresJobStore(url: url)
        defer { store.close() }
        let paused = try #require(try await store.status(of: "videos"))
        #expect(paused.pausedBecause?.contains("601") == true, "\(paused)")
        #expect(!paused.isFinished)

        toppedUp.set()
        let last = try WorkerProcess(store: url, server: creators.server.baseURL, count: 30, worker: "d")
        let (status, output) = try await last.wait()
        #expect(status == 0, "\(output)")
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 30))
    }

    /// In one process: a job runs, its failures are left for a retry, the `jobs` command reads
    /// the store by its URL.
    @Test func inOneProcessAndFromTheCommandLine() async throws {
        let url = try PostgresServer.storeURL()
        let healed = Flag()
        let creators = try PagedCreators { _, creator in
            creator == "creator-2" && !healed.isSet ? .json(#"{"code": 400, "message": "invalid parameters", "data": null}"#) : nil
        }
        let store = try PostgresJobStore(url: url)
        defer { store.close() }
        let first = try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 5))
        #expect(first.done == 4 && first.failed == 1)
        let status = try await CommandRunnerLite.run("jobs", ["status", url])
        #expect(status.output.contains("videos: 4 of 5 inputs done, 1 failed"), "\(status.output)")
        let retry = try await CommandRunnerLite.run("jobs", ["retry-failed", url, "--job", "videos"])
        #expect(retry.output.contains("1 failed input of videos will be worked on again"), "\(retry.output)")
        healed.set()
        let second = try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 5))
        #expect(second.done == 5 && second.isFinished)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 5))
        let export = try await CommandRunnerLite.run("jobs", ["export", url, "--job", "videos"])
        #expect(export.output.split(separator: "\n").count == PagedCreators.expectedItems(count: 5).count)
    }

    /// Bad stores are errors that name the store and say what to do: tables of another
    /// version, tables of the same names that a job store did not make, a job name reused with
    /// other inputs, a server that does not answer.
    @Test func badStoresAreClearErrors() async throws {
        let creators = try PagedCreators()
        let url = try PostgresServer.storeURL()
        let store = try PostgresJobStore(url: url)
        defer { store.close() }
        _ = try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 3))
        let reused = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 4))
        }
        #expect("\(reused)".contains("has a job named `videos` with other inputs (3 stored, 4 given)"), "\(reused)")
        let schema = String(url.split(separator: "=").last!)
        try await psql(url, "UPDATE \(schema).justoneapi_job_store SET version = 99")
        let newer = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: PostgresJobStore(url: url)).run(PagedCreators.job(count: 3))
        }
        #expect("\(newer)".contains("has tables of version 99, and this package reads version 1: update the package"), "\(newer)")
        #expect("\(newer)".contains("schema \(schema)"))
        try await psql(url, "UPDATE \(schema).justoneapi_job_store SET version = 1")
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 3))

        let foreign = try PostgresServer.storeURL()
        let foreignSchema = String(foreign.split(separator: "=").last!)
        try await psql(foreign, "CREATE SCHEMA \(foreignSchema); CREATE TABLE \(foreignSchema).justoneapi_job (id integer)")
        let notOurs = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: PostgresJobStore(url: foreign)).run(PagedCreators.job(count: 1))
        }
        #expect("\(notOurs)".contains("was not made by a job store"), "\(notOurs)")

        // A port where nothing listens.
        let nowhere = try PostgresJobStore(url: "postgres://nobody@127.0.0.1:9/none", operationTimeout: .seconds(3))
        defer { nowhere.close() }
        let unavailable = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: nowhere).run(PagedCreators.job(count: 1))
        }
        #expect("\(unavailable)".hasPrefix("job store postgres://nobody@127.0.0.1:9/none (schema public) cannot be used"), "\(unavailable)")
    }

    /// Runs SQL with a store's connection (through `psql`, which the server's package installs).
    private func psql(_ url: String, _ sql: String) async throws {
        var components = try #require(URLComponents(string: url))
        components.query = nil
        let server = try #require(components.string)
        let result = try await CommandRunnerLite.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), ["psql", server, "-v", "ON_ERROR_STOP=1", "-c", sql])
        #expect(result.status == 0, "\(result.output)")
    }
}
