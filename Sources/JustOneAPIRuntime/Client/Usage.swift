import Foundation

/// What a client has sent and what came back, since it was created: ``JustOneAPIClient/usage``.
///
/// Every Just One API call is billed, so the figure that matters most is
/// ``OperationUsage/requestsSent``: every attempt handed to the transport, retries included,
/// since any of them may have been billed. The counts are exact under any concurrency: each
/// is taken under one lock as the event happens.
///
/// ```swift
/// let usage = client.usage
/// print(usage.total.requestsSent, usage.total.failuresByBusinessCode[601] ?? 0)
/// print(usage[DouyinXingtuAPI.GetAuthorTags.self].successes)
/// ```
public struct Usage: Sendable, Hashable {
    /// The figures of every operation together.
    public var total: OperationUsage
    /// The figures of each operation the client called, by `operationId`.
    public var byOperation: [String: OperationUsage]
    /// What is left of the client-wide budget (``RequestBudget/maxRequests``); `nil` without one.
    public var budgetRemaining: Int?
    /// What is left of each per-operation budget, by `operationId`.
    public var budgetRemainingByOperation: [String: Int]

    public init(
        total: OperationUsage = OperationUsage(), byOperation: [String: OperationUsage] = [:],
        budgetRemaining: Int? = nil, budgetRemainingByOperation: [String: Int] = [:]
    ) {
        self.total = total
        self.byOperation = byOperation
        self.budgetRemaining = budgetRemaining
        self.budgetRemainingByOperation = budgetRemainingByOperation
    }

    /// The figures of one operation (all zero if it was never called).
    public subscript<Operation: APIOperation>(_ operation: Operation.Type) -> OperationUsage {
        byOperation[Operation.operationID] ?? OperationUsage()
    }

    /// The figures of the operation with this `operationId` (all zero if it was never called).
    public subscript(operationID operationID: String) -> OperationUsage {
        byOperation[operationID] ?? OperationUsage()
    }
}

/// The figures of one operation, or of all of them (``Usage/total``).
///
/// Attempts and calls are counted apart: a call that failed once, was retried and then
/// succeeded is one call, two requests sent, one failure, one retry and one success.
public struct OperationUsage: Sendable, Hashable {
    /// Calls made: each `send`, each page of a paged sequence, answered from the network, the
    /// cache or a shared call.
    public var calls = 0
    /// Attempts handed to the transport, retries included: each may have been billed.
    public var requestsSent = 0
    /// Attempts that succeeded.
    public var successes = 0
    /// Attempts that failed, whatever the reason.
    public var failures = 0
    /// Failed attempts whose envelope carried a business code, by that code.
    public var failuresByBusinessCode: [Int: Int] = [:]
    /// Failed attempts that got a response, by its HTTP status (a business failure usually
    /// comes with 200).
    public var failuresByHTTPStatus: [Int: Int] = [:]
    /// Failed attempts that got no response: timeouts, refused or broken connections.
    public var transportFailures = 0
    /// Attempts that were retries.
    public var retries = 0
    /// Retries after a failure where the request certainly was not processed (no connection,
    /// HTTP 429, business codes 301 and 302): these cannot have been billed twice.
    public var retriesAfterUnprocessedFailures = 0
    /// Retries after a failure where the server may have processed, and billed, the request
    /// (a timeout or a connection lost after sending, an HTTP 5xx).
    public var retriesAfterPossiblyBilledFailures = 0
    /// Attempts the client refused to send because a budget was used up.
    public var refusedByBudget = 0
    /// Attempts the client refused to send because the account had stopped it.
    public var refusedByAccountStop = 0
    /// Calls answered by the response cache: not sent, not billed, not counted against the budget.
    public var servedFromCache = 0
    /// Calls answered with the response of an identical call in flight that they waited for:
    /// not sent. (A failure shared that way is thrown to each caller, and counted once, in
    /// ``failures``, for the call that was sent.)
    public var sharedInFlight = 0

    public init() {}

    /// Adds `other`'s figures to these.
    mutating func add(_ other: OperationUsage) {
        calls += other.calls
        requestsSent += other.requestsSent
        successes += other.successes
        failures += other.failures
        failuresByBusinessCode.merge(other.failuresByBusinessCode, uniquingKeysWith: +)
        failuresByHTTPStatus.merge(other.failuresByHTTPStatus, uniquingKeysWith: +)
        transportFailures += other.transportFailures
        retries += other.retries
        retriesAfterUnprocessedFailures += other.retriesAfterUnprocessedFailures
        retriesAfterPossiblyBilledFailures += other.retriesAfterPossiblyBilledFailures
        refusedByBudget += other.refusedByBudget
        refusedByAccountStop += other.refusedByAccountStop
        servedFromCache += other.servedFromCache
        sharedInFlight += other.sharedInFlight
    }

    /// Counts one failed attempt.
    mutating func recordFailure(_ error: JustOneAPIError) {
        failures += 1
        if case .business(let failure) = error.reason {
            failuresByBusinessCode[failure.code, default: 0] += 1
        }
        if let status = error.status {
            failuresByHTTPStatus[status, default: 0] += 1
        } else if case .transport = error.reason {
            transportFailures += 1
        }
    }
}

/// The running counts behind ``Usage``, one lock for all of them.
///
/// A call finds its operation's figures once (``slot(for:)``, one dictionary lookup) and then
/// updates them through the slot, so that counting costs no hashing of the operation ID per event.
final class UsageMeter: @unchecked Sendable {
    /// One operation's figures; read and written under the meter's lock only.
    final class Slot: @unchecked Sendable {
        fileprivate var usage = OperationUsage()
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]

    /// The figures of `operationID`, made on first use.
    func slot(for operationID: String) -> Slot {
        lock.withLock {
            if let slot = slots[operationID] { return slot }
            let slot = Slot()
            slots[operationID] = slot
            return slot
        }
    }

    /// Changes the figures of `slot` under the lock.
    func record(_ slot: Slot, _ change: (inout OperationUsage) -> Void) {
        lock.withLock { change(&slot.usage) }
    }

    /// The figures now, with their total.
    func snapshot() -> (total: OperationUsage, byOperation: [String: OperationUsage]) {
        let operations = lock.withLock { slots.mapValues(\.usage) }
        var total = OperationUsage()
        for usage in operations.values { total.add(usage) }
        return (total, operations)
    }
}
