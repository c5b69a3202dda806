import Foundation
import JustOneAPIRuntime

/// Runs a ``Job`` into a ``JobStore``: claims inputs, makes their calls through the client
/// (retries, limits, budgets, account stops, the cache: everything the client does), and saves
/// every page with its items in one transaction before asking for the next.
///
/// - A crash loses at most the pages in flight (up to `concurrency` of them), which are paid
///   again when the job runs again; no item is ever stored twice.
/// - Running the job again skips the inputs done and goes on with those in progress from their
///   saved page. Several runners (processes) may work on one store: each claims inputs with a
///   lease it renews, and an input whose runner died is taken over when its lease expires.
/// - An input that fails for good (after the client's retries) is marked failed with its error,
///   and left for ``JobStore/retryFailed(_:)``.
/// - A budget used up or an account stop pauses the job: every runner stops after its page in
///   flight and gives its inputs back, and ``run(_:)`` returns the status. Running the job again
///   lifts the pause and goes on.
public struct JobRunner: Sendable {
    public let client: JustOneAPIClient
    public let store: any JobStore
    /// This runner's name in the store's leases.
    public let worker: String
    /// How many inputs it works on at once.
    public let concurrency: Int
    /// How long a claim lasts without being renewed.
    public let lease: Duration
    /// Told about progress after every page.
    public let progress: JobProgress?

    public init(
        client: JustOneAPIClient, store: any JobStore, worker: String = JobRunner.defaultWorkerName(),
        concurrency: Int = 4, lease: Duration = .seconds(60), progress: JobProgress? = nil
    ) {
        self.client = client
        self.store = store
        self.worker = worker
        self.concurrency = max(1, concurrency)
        self.lease = lease
        self.progress = progress
    }

    /// A worker name unique to this process: host and process ID.
    public static func defaultWorkerName() -> String {
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Works on the job until every input is done or failed, or the job pauses; returns its
    /// status then. Throws when the store cannot be used (what was saved stays saved).
    @discardableResult
    public func run(_ job: Job) async throws -> JobStatus {
        try await store.open(job.name, inputs: job.inputs)
        try await store.releaseAll(job.name, worker: worker)
        if try await store.pausedBecause(job.name) != nil {
            try await store.unpause(job.name)
        }
        progress?.started(job.name, status: try await store.status(of: job.name), client: client)
        let renewal = Task { [store, worker, lease] in
            while !Task.isCancelled {
                try? await Task.sleep(for: lease / 3)
                try? await store.renew(job.name, worker: worker, lease: lease)
            }
        }
        defer { renewal.cancel() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var running = 0
            while true {
                if running < concurrency {
                    let claims = try await store.claim(job.name, worker: worker, count: concurrency - running, lease: lease)
                    for claim in claims {
                        running += 1
                        group.addTask { try await self.work(on: claim, of: job) }
                    }
                    if !claims.isEmpty { continue }
                    if running == 0 {
                        // Nothing to claim: finished, paused, or inputs another runner holds. A
                        // runner that died leaves its leases to expire: wait, then take them over.
                        guard let status = try await store.status(of: job.name), !status.isFinished,
                            status.pausedBecause == nil
                        else { break }
                        try await Task.sleep(for: min(lease / 10, .milliseconds(100)))
                        continue
                    }
                }
                // Wait for an input to end, then claim again.
                guard try await group.next() != nil else { break }
                running -= 1
                if try await store.pausedBecause(job.name) != nil {
                    try await group.waitForAll()
                    break
                }
            }
        }
        let status = try await store.status(of: job.name) ?? JobStatus(
            name: job.name, inputs: job.inputs.count, done: 0, failed: 0, inProgress: 0, pages: 0, items: 0)
        progress?.finished(status, client: client)
        return status
    }

    /// One input's pages, each saved before the next is asked for.
    private func work(on claim: JobClaim, of job: Job) async throws {
        let work = job.work(claim.input)
        let counter = PageCounter(claim.pages)
        let store = self.store
        let worker = self.worker
        let lease = self.lease
        let name = job.name
        do {
            try await work.run(client, claim.next) { page in
                let number = counter.next()
                try await store.save(
                    JobPageRecord(job: name, position: claim.position, page: number, items: page.items, next: page.next),
                    worker: worker, lease: lease)
                progress?.saved(page: number, items: page.items.count, of: claim.input)
                if page.next == nil {
                    progress?.inputDone()
                    return
                }
                // A pause (seen from any worker) stops the input after the page in flight, which
                // is paid for and so saved first.
                if try await store.pausedBecause(name) != nil { throw JobPaused() }
            }
        } catch is JobPaused {
            try await store.release(name, position: claim.position, worker: worker)
        } catch let error as JustOneAPIError where error.underlyingError is JobStoreError {
            // The store failed inside a call (a shared budget's counter): the store's error.
            throw error.underlyingError as! JobStoreError
        } catch let error as JustOneAPIError where error.isRefusedByClient || error.businessFailure?.stopsClient == true {
            // A budget used up or an account that cannot go on: the job pauses, this input waits.
            try await store.pause(name, reason: error.summaryForJobs)
            try await store.release(name, position: claim.position, worker: worker)
        } catch is CancellationError {
            try? await store.release(name, position: claim.position, worker: worker)
            throw CancellationError()
        } catch JobStoreError.leaseLost {
            // This runner's lease ran out (its renewals stalled) and another runner took the
            // input over: it goes on there from the last page saved; this page is dropped.
            return
        } catch let error as JobStoreError {
            throw error
        } catch {
            try await store.fail(name, position: claim.position, worker: worker, error: "\(error)")
            progress?.failed(claim.input, error: error)
        }
    }
}

/// Thrown inside an input's work when the job paused.
struct JobPaused: Error {}

/// The pages saved of one input so far, counted from where it stood.
final class PageCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Int
    init(_ value: Int) { self.value = value }
    func next() -> Int {
        lock.withLock {
            defer { value += 1 }
            return value
        }
    }
}

extension JustOneAPIError {
    /// Why a job paused, in a line.
    var summaryForJobs: String {
        switch reason {
        case .budgetExhausted(let exhaustion): exhaustion.description
        case .accountStopped(let stop): stop.description
        case .business(let failure): "\(failure) from \(operationID): the account cannot go on"
        default: description
        }
    }
}
