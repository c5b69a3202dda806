import Foundation
import GRDB
import JustOneAPI
import JustOneAPIJobs
import Testing
import TestSupport

/// Jobs on the SQLite store against a loopback server of paged creators: every item once,
/// resumed after a pause, a crash (a worker killed with SIGKILL) or a failure.
@Suite(.serialized) struct Test_SQLiteJobs {
    static func store() throws -> (SQLiteJobStore, String) {
        let path = try TestPaths.temporaryDirectory("jobs").appendingPathComponent("jobs.sqlite").path
        return (SQLiteJobStore(path: path), path)
    }

    /// Twenty creators' pages, four at a time: every item once and in order, every page asked
    /// for once, each input done.
    @Test func collectsEveryItemOnce() async throws {
        let creators = try PagedCreators()
        let (store, _) = try Self.store()
        let progress = ProgressLines()
        let status = try await JobRunner(
            client: creators.client(), store: store, concurrency: 4,
            progress: JobProgress(isTerminal: false, logInterval: .seconds(60), write: progress.append)
        ).run(PagedCreators.job(count: 20))
        #expect(status.isFinished && status.done == 20 && status.failed == 0)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 20))
        #expect(status.items == PagedCreators.expectedItems(count: 20).count)
        // Each creator's pages, and the empty one after them, asked for once.
        #expect(creators.pagesAsked.values.allSatisfy { $0 == 1 })
        #expect(creators.requests == (0..<20).map { PagedCreators.pages(of: $0) + 1 }.reduce(0, +))
        #expect(progress.lines.last?.contains("videos: 20/20 inputs") == true, "\(progress.lines)")
        // Running it again does nothing: every input is done.
        _ = try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 20))
        #expect(creators.pagesAsked.values.allSatisfy { $0 == 1 })
    }

    /// A budget that runs out pauses the job with its state saved; the next run goes on where
    /// it stopped, and no page is asked for twice (a refused call is not sent).
    @Test func aBudgetUsedUpPausesAndTheNextRunGoesOn() async throws {
        let creators = try PagedCreators()
        let (store, _) = try Self.store()
        let job = PagedCreators.job(count: 12)
        let first = try await JobRunner(
            client: creators.client(budget: RequestBudget(maxRequests: 10)), store: store, concurrency: 3
        ).run(job)
        #expect(first.pausedBecause?.contains("budget of 10 requests") == true, "\(first)")
        #expect(!first.isFinished)
        #expect(creators.requests == 10)
        let second = try await JobRunner(client: creators.client(), store: store, concurrency: 3).run(job)
        #expect(second.isFinished && second.pausedBecause == nil)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 12))
        #expect(creators.pagesAsked.values.allSatisfy { $0 == 1 }, "\(creators.pagesAsked.filter { $0.value > 1 })")
    }

    /// A 601 from the 10th request on pauses the job at once: the server sees at most the 10th
    /// plus the requests already in flight, and the next run (balance topped up) finishes.
    @Test func anAccountStopPausesTheJob() async throws {
        let toppedUp = Flag()
        let creators = try PagedCreators { number, _ in
            number >= 10 && !toppedUp.isSet ? .json(#"{"code": 601, "message": "insufficient balance", "data": null}"#) : nil
        }
        let (store, _) = try Self.store()
        let job = PagedCreators.job(count: 16)
        let paused = try await JobRunner(client: creators.client(concurrency: 4), store: store, concurrency: 4).run(job)
        #expect(paused.pausedBecause?.contains("601") == true, "\(paused)")
        #expect(creators.requests <= 10 + 4)
        toppedUp.set()
        let done = try await JobRunner(client: creators.client(), store: store, concurrency: 4).run(job)
        #expect(done.isFinished)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 16))
    }

    /// An input that fails for good is marked failed with its error and left alone; after
    /// `retryFailed` the next run works on it again, from where it stood.
    @Test func aFailedInputIsLeftForAnExplicitRetry() async throws {
        let healed = Flag()
        let creators = try PagedCreators { _, creator in
            creator == "creator-3" && !healed.isSet ? .json(#"{"code": 400, "message": "invalid parameters", "data": null}"#) : nil
        }
        let (store, path) = try Self.store()
        let job = PagedCreators.job(count: 6)
        let first = try await JobRunner(client: creators.client(), store: store).run(job)
        #expect(first.done == 5 && first.failed == 1 && first.isFinished)
        let failures = try await store.failures(of: "videos")
        #expect(failures.map(\.input) == ["creator-3"])
        #expect(failures.first?.error.contains("business code 400") == true)

        // The command line says so, and retries it.
        let status = try await CommandRunnerLite.run("jobs", ["status", path])
        #expect(status.output.contains("videos: 5 of 6 inputs done, 1 failed"), "\(status.output)")
        #expect(status.output.contains("failed: creator-3: "))
        let retry = try await CommandRunnerLite.run("jobs", ["retry-failed", path, "--job", "videos"])
        #expect(retry.output.contains("1 failed input of videos will be worked on again"))

        healed.set()
        let second = try await JobRunner(client: creators.client(), store: store).run(job)
        #expect(second.done == 6 && second.failed == 0)
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 6))
    }

    /// A worker process killed with SIGKILL at a random page and started again collects every
    /// item exactly once; the server sees each page at most twice (the pages in flight when it
    /// died are asked for again).
    @Test(arguments: [11, 23, 37])
    func aWorkerKilledMidJobGoesOnWhereItStopped(killAfter: Int) async throws {
        // The requests after `killAfter` are held: the worker is killed with pages in flight,
        // and cannot have finished (the job needs 70 requests), however slow the machine.
        let creators = try PagedCreators(holdAfter: killAfter)
        let (store, path) = try Self.store()
        let count = 20
        let first = try WorkerProcess(store: path, server: creators.server.baseURL, count: count, worker: "w1")
        #expect(try await eventually(within: .seconds(60)) { creators.requests > killAfter || !first.process.isRunning })
        first.kill()
        _ = try await first.wait()
        creators.releaseHeld()
        let before = try #require(try await store.status(of: "videos"))
        #expect(!before.isFinished && before.pages <= killAfter, "\(before)")
        let second = try WorkerProcess(store: path, server: creators.server.baseURL, count: count, worker: "w1")
        let (status, output) = try await second.wait()
        #expect(status == 0, "\(output)")
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: count))
        #expect(creators.pagesAsked.values.allSatisfy { $0 <= 2 }, "\(creators.pagesAsked.filter { $0.value > 2 })")
        #expect(try await store.status(of: "videos")?.isFinished == true)
    }

    /// Two worker processes on one store share the inputs: every item exactly once.
    @Test func twoWorkersShareOneStore() async throws {
        let creators = try PagedCreators(delay: .milliseconds(2))
        let (store, path) = try Self.store()
        let workers = try ["a", "b"].map { try WorkerProcess(store: path, server: creators.server.baseURL, count: 24, worker: $0) }
        for worker in workers {
            let (status, output) = try await worker.wait()
            #expect(status == 0, "\(output)")
        }
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 24))
        #expect(creators.pagesAsked.values.allSatisfy { $0 == 1 })
    }

    /// Four worker processes started at the same moment on a new store, five times: each opens
    /// the store (the first open of a new file switches it to write-ahead mode, which SQLite
    /// refuses to a second process at the same time without waiting), and every item is
    /// collected once.
    @Test func workersStartedTogetherOnANewStore() async throws {
        let creators = try PagedCreators()
        for round in 0..<5 {
            let directory = try TestPaths.temporaryDirectory("jobs")
            let path = directory.appendingPathComponent("jobs.sqlite").path
            let signal = directory.appendingPathComponent("start").path
            let workers = try (0..<4).map {
                try WorkerProcess(
                    store: path, server: creators.server.baseURL, job: "videos-\(round)", count: 4, worker: "w\($0)",
                    startSignal: signal)
            }
            _ = FileManager.default.createFile(atPath: signal, contents: Data())
            for worker in workers {
                let (status, output) = try await worker.wait()
                #expect(status == 0, "round \(round): \(output)")
            }
            let items = try await storedItems(SQLiteJobStore(path: path), job: "videos-\(round)")
            #expect(items == PagedCreators.expectedItems(count: 4), "round \(round)")
        }
    }

    /// Bad stores and reused names are errors that name the store and say what to do; nothing
    /// saved is lost.
    @Test func badStoresAreClearErrors() async throws {
        let directory = try TestPaths.temporaryDirectory("jobs")
        let creators = try PagedCreators()

        let text = directory.appendingPathComponent("notes.sqlite").path
        try Data("my notes".utf8).write(to: URL(fileURLWithPath: text))
        let notAStore = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: SQLiteJobStore(path: text)).run(PagedCreators.job(count: 1))
        }
        #expect("\(notAStore)".hasPrefix("job store \(text): the file is damaged or not a SQLite database"))
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: text)), as: UTF8.self) == "my notes")

        let foreign = directory.appendingPathComponent("foreign.sqlite").path
        let queue = try DatabaseQueue(path: foreign)
        try await queue.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        try queue.close()
        let foreignError = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: SQLiteJobStore(path: foreign)).run(PagedCreators.job(count: 1))
        }
        #expect("\(foreignError)".contains("not a job store"))

        let (store, path) = try Self.store()
        _ = try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 3))
        let reused = try await #require(throws: JobStoreError.self) {
            try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 4))
        }
        #expect("\(reused)" == "job store \(path) has a job named `videos` with other inputs (3 stored, 4 given): give this job another name, or use another store")
        #expect(try await storedItems(store) == PagedCreators.expectedItems(count: 3))
    }

    /// Items export as JSON Lines and CSV, from Swift and from the command line.
    @Test func itemsExport() async throws {
        let creators = try PagedCreators()
        let (store, path) = try Self.store()
        _ = try await JobRunner(client: creators.client(), store: store).run(PagedCreators.job(count: 2))
        let jsonl = try await CommandRunnerLite.run("jobs", ["export", path, "--job", "videos"])
        let lines = jsonl.output.split(separator: "\n")
        #expect(lines.count == PagedCreators.expectedItems(count: 2).count)
        #expect(lines.first == #"{"input":"creator-0","page":0,"index":0,"item":"creator-0:p1:i0"}"#)
        let csv = try await CommandRunnerLite.run("jobs", ["export", path, "--job", "videos", "--format", "csv"])
        #expect(csv.output.hasPrefix("input,page,index,item\r\ncreator-0,0,0,\"\"\"creator-0:p1:i0\"\"\"\r\n"), "\(csv.output.prefix(200))")
    }

    /// Progress: redrawn in place on a terminal, a line every few seconds in a log.
    @Test func progressOnATerminalAndInALog() async throws {
        let creators = try PagedCreators()
        let terminal = ProgressLines()
        let (store, _) = try Self.store()
        _ = try await JobRunner(
            client: creators.client(), store: store,
            progress: JobProgress(isTerminal: true, write: terminal.append)
        ).run(PagedCreators.job(count: 4))
        #expect(terminal.lines.count > 4)
        #expect(terminal.lines.dropLast(2).allSatisfy { $0.hasPrefix("\r\u{1B}[K") })
        #expect(terminal.lines.joined().contains("pages/s"))
        #expect(terminal.lines.joined().contains("calls"))
    }
}

/// Lines written by a progress display.
final class ProgressLines: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [String] = []
    var lines: [String] { lock.withLock { collected } }
    @Sendable func append(_ text: String) { lock.withLock { collected.append(text) } }
}

/// A flag set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}

/// Runs a product of the package, or another program, and returns what it printed.
enum CommandRunnerLite {
    static func run(_ product: String, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await run(executable: TestPaths.productsDirectory.appendingPathComponent(product), arguments)
    }

    static func run(executable: URL, _ arguments: [String]) async throws -> (status: Int32, output: String) {
        try await offCooperativePool {
            let process = Process()
            process.executableURL = executable
            process.arguments = arguments
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: data, as: UTF8.self))
        }
    }
}
