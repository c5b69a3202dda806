import Foundation
import JustOneAPIRuntime

/// Where a job's state lives: which inputs are done, the next page of each input in progress,
/// the items collected, failures with their error, and whether the job is paused. Every page
/// is saved with its items in one transaction.
///
/// ``SQLiteJobStore`` is embedded: a file, nothing to install. Several worker processes may
/// share it on one machine; inputs are claimed with leases, so that an input whose worker died
/// is taken over once its lease expires.
public protocol JobStore: Sendable {
    /// What names the store in messages: its file or its server.
    var location: String { get }
    /// Registers `job` the first time, or checks that the job stored under its name has the
    /// same inputs (a job name reused with other inputs is an error that says so).
    func open(_ job: String, inputs: [String]) async throws
    /// Claims up to `count` inputs that are neither done, failed nor leased (a lease expired is
    /// free), for `lease`; returns them with where each stands.
    func claim(_ job: String, worker: String, count: Int, lease: Duration) async throws -> [JobClaim]
    /// Gives back every input `worker` holds: a runner started again under the name of one that
    /// died goes on with them at once instead of waiting for their leases to expire.
    func releaseAll(_ job: String, worker: String) async throws
    /// Saves one page of a claimed input: its items, where the next page starts (`nil`: the
    /// input is done), in one transaction. Throws ``JobStoreError/leaseLost(_:)`` when another
    /// worker has taken the input over.
    func save(_ page: JobPageRecord, worker: String, lease: Duration) async throws
    /// Marks a claimed input failed for good, with its error; it is left for `retryFailed`.
    func fail(_ job: String, position: Int, worker: String, error: String) async throws
    /// Gives a claimed input back unfinished (the job paused): another run goes on with it.
    func release(_ job: String, position: Int, worker: String) async throws
    /// Extends the leases `worker` holds on the job's inputs.
    func renew(_ job: String, worker: String, lease: Duration) async throws
    /// Pauses the job with a reason (a budget used up, an account stop): every worker stops
    /// claiming and gives back what it holds after its page in flight.
    func pause(_ job: String, reason: String) async throws
    /// Lifts a pause.
    func unpause(_ job: String) async throws
    /// Why the job is paused; `nil` while it is not.
    func pausedBecause(_ job: String) async throws -> String?
    /// The job's figures now; `nil` when the store has no job of that name.
    func status(of job: String) async throws -> JobStatus?
    /// The names of the jobs in the store.
    func jobs() async throws -> [String]
    /// Up to `limit` items of the job after `cursor` (in input, page, index order).
    func items(of job: String, after cursor: JobItemCursor?, limit: Int) async throws -> [JobItem]
    /// The inputs that failed, with their errors.
    func failures(of job: String) async throws -> [(input: String, error: String)]
    /// Makes the failed inputs pending again, each going on from where it stood; returns how many.
    func retryFailed(_ job: String) async throws -> Int
}

extension JobStore {
    /// Every item of the job, in input, page and item order, read in batches.
    public func items(of job: String, batch: Int = 500) -> AsyncThrowingStream<JobItem, any Error> {
        AsyncThrowingStream { continuation in
            let task = Task {
                do {
                    var cursor: JobItemCursor?
                    while true {
                        let items = try await self.items(of: job, after: cursor, limit: batch)
                        for item in items { continuation.yield(item) }
                        guard let last = items.last, items.count == batch else { break }
                        cursor = JobItemCursor(position: last.position, page: last.page, index: last.index)
                    }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }
}

/// An input a worker claimed: where it is in the job and where its work stands.
public struct JobClaim: Sendable, Hashable {
    public let position: Int
    public let input: String
    /// Where the input's pages go on from; `nil` for an input not started.
    public let next: PageResumePoint?
    /// How many pages were saved before.
    public let pages: Int

    public init(position: Int, input: String, next: PageResumePoint?, pages: Int) {
        self.position = position
        self.input = input
        self.next = next
        self.pages = pages
    }
}

/// One page to save.
public struct JobPageRecord: Sendable {
    public let job: String
    public let position: Int
    /// The page's number for this input, from 0.
    public let page: Int
    public let items: [JSONValue]
    /// Where the next page starts; `nil` when the input is done.
    public let next: PageResumePoint?

    public init(job: String, position: Int, page: Int, items: [JSONValue], next: PageResumePoint?) {
        self.job = job
        self.position = position
        self.page = page
        self.items = items
        self.next = next
    }
}

/// Where a reading of items stands.
public struct JobItemCursor: Sendable, Hashable {
    public let position: Int
    public let page: Int
    public let index: Int

    public init(position: Int, page: Int, index: Int) {
        self.position = position
        self.page = page
        self.index = index
    }
}

/// A job's figures.
public struct JobStatus: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public var inputs: Int
    public var done: Int
    public var failed: Int
    /// Inputs started and not finished.
    public var inProgress: Int
    public var pages: Int
    public var items: Int
    /// Why the job is paused; `nil` while it is not.
    public var pausedBecause: String?

    public init(
        name: String, inputs: Int, done: Int, failed: Int, inProgress: Int, pages: Int, items: Int,
        pausedBecause: String? = nil
    ) {
        self.name = name
        self.inputs = inputs
        self.done = done
        self.failed = failed
        self.inProgress = inProgress
        self.pages = pages
        self.items = items
        self.pausedBecause = pausedBecause
    }

    /// Whether every input is done or failed.
    public var isFinished: Bool { done + failed == inputs }

    public var description: String {
        var text = "\(name): \(done) of \(inputs) inputs done"
        if failed > 0 { text += ", \(failed) failed" }
        if inProgress > 0 { text += ", \(inProgress) in progress" }
        text += "; \(pages) pages, \(items) items"
        if let pausedBecause { text += "; paused: \(pausedBecause)" }
        return text
    }
}

/// Why a job store cannot be used, naming the store and what to do.
public enum JobStoreError: Error, Sendable, CustomStringConvertible, RedactionSafeError {
    /// The file or database is not a job store, or is damaged.
    case notAJobStore(store: String, problem: String)
    /// The store was written by another version of the package.
    case schemaVersion(store: String, found: Int, expected: Int)
    /// A job of this name was started with other inputs.
    case otherInputs(store: String, job: String, stored: Int, given: Int)
    /// The store has no job of this name.
    case noSuchJob(store: String, job: String)
    /// Another worker took the input over (this worker's lease expired).
    case leaseLost(String)
    /// The store could not be read or written.
    case unavailable(store: String, problem: String)

    public var description: String {
        switch self {
        case .notAJobStore(let store, let problem):
            "job store \(store): \(problem); give the job a store of its own (a new file), or restore this one"
        case .schemaVersion(let store, let found, let expected):
            "job store \(store) has tables of version \(found), and this package reads version \(expected): "
                + (found > expected ? "update the package" : "finish or export its jobs with the package that wrote it, then start a new store")
        case .otherInputs(let store, let job, let stored, let given):
            "job store \(store) has a job named `\(job)` with other inputs (\(stored) stored, \(given) given): give this job another name, or use another store"
        case .noSuchJob(let store, let job):
            "job store \(store) has no job named `\(job)`"
        case .leaseLost(let what):
            "\(what): another worker took it over after this worker's lease expired"
        case .unavailable(let store, let problem):
            "job store \(store) cannot be used: \(problem); what was saved before is kept, and running the job again goes on from it"
        }
    }
}
