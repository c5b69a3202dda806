import Foundation

/// Lets at most `limit` tasks through at once; the others wait and are let through in the order
/// they arrived. A waiting task that is cancelled stops waiting at once.
final class ConcurrencyLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private var available: Int
    private var waiters: [(id: UInt64, continuation: CheckedContinuation<Void, any Error>)] = []
    private var waiterHead = 0
    private var cancelledBeforeWaiting: Set<UInt64> = []
    private var nextID: UInt64 = 0

    init(limit: Int) {
        available = limit
    }

    /// How many tasks are waiting for a slot now.
    var waitingCount: Int { lock.withLock { waiters.count - waiterHead } }

    /// Waits for a slot; throws `CancellationError` if the task is cancelled first. Returns
    /// whether it had to wait.
    @discardableResult
    nonisolated(nonsending) func acquire() async throws -> Bool {
        let id: UInt64? = lock.withLock {
            if available > 0 {
                available -= 1
                return nil
            }
            nextID += 1
            return nextID
        }
        guard let id else { return false }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome { case waiting, cancelled, slot }
                let outcome: Outcome = lock.withLock {
                    if cancelledBeforeWaiting.remove(id) != nil { return .cancelled }
                    // A slot released since the first look found nobody waiting and went back to
                    // the pool: take it, or this caller would wait for a release that may never come.
                    if available > 0 {
                        available -= 1
                        return .slot
                    }
                    waiters.append((id, continuation))
                    return .waiting
                }
                switch outcome {
                case .cancelled: continuation.resume(throwing: CancellationError())
                case .slot: continuation.resume()
                case .waiting: break
                }
            }
        } onCancel: {
            let continuation: CheckedContinuation<Void, any Error>? = lock.withLock {
                if let index = waiters[waiterHead...].firstIndex(where: { $0.id == id }) {
                    return waiters.remove(at: index).continuation
                }
                cancelledBeforeWaiting.insert(id)
                return nil
            }
            continuation?.resume(throwing: CancellationError())
        }
        return true
    }

    /// Ends every wait now in progress with `error` (the client has stopped); later callers
    /// wait as before.
    func rejectWaiters(with error: any Error) {
        let rejected: [CheckedContinuation<Void, any Error>] = lock.withLock {
            let continuations = waiters[waiterHead...].map(\.continuation)
            waiters.removeAll()
            waiterHead = 0
            return continuations
        }
        for continuation in rejected { continuation.resume(throwing: error) }
    }

    /// Gives the slot to the longest-waiting task, or back to the pool.
    func release() {
        let next: CheckedContinuation<Void, any Error>? = lock.withLock {
            guard waiterHead < waiters.count else {
                available += 1
                return nil
            }
            let continuation = waiters[waiterHead].continuation
            waiterHead += 1
            if waiterHead > 64 && waiterHead * 2 > waiters.count {
                waiters.removeFirst(waiterHead)
                waiterHead = 0
            }
            return continuation
        }
        next?.resume()
    }
}

/// Spaces request starts so that no more than `perSecond` start in any second; callers get
/// their start times in the order they ask.
final class RateLimiter: @unchecked Sendable {
    private let lock = NSLock()
    private let interval: Duration
    private var nextStart: ContinuousClock.Instant?

    init(perSecond: Double) {
        interval = .seconds(1 / max(perSecond, 0.000_001))
    }

    /// Waits until this caller's start time; throws `CancellationError` if cancelled first.
    /// Returns whether it had to wait.
    @discardableResult
    func wait() async throws -> Bool {
        let now = ContinuousClock.now
        let start: ContinuousClock.Instant = lock.withLock {
            let start = max(now, nextStart ?? now)
            nextStart = start + interval
            return start
        }
        guard start > now else { return false }
        try await Task.sleep(until: start, clock: .continuous)
        return true
    }
}
