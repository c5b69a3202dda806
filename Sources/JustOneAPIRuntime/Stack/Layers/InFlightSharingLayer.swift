import Foundation

/// Share in flight: identical calls made while one of them is in flight wait for its outcome
/// instead of calling again, so that they cost one paid call.
///
/// The call runs in a task of its own, so that cancelling one caller does not cancel the call
/// the others wait for; the last caller cancelled cancels it. A failure is shared with the
/// callers waiting, as a success is (and only successes are cached, below).
final class InFlightSharingLayer: CallLayer, @unchecked Sendable {
    /// Identical calls: the same request, decoded as the same type.
    private struct Key: Hashable, Sendable {
        let request: CacheKey
        let output: ObjectIdentifier
    }

    private let sharing: InFlightSharing
    private let lock = NSLock()
    private var flights: [Key: AnyObject] = [:]

    init(_ sharing: InFlightSharing) {
        self.sharing = sharing
    }

    /// How many distinct calls are in flight through this layer.
    var flightCount: Int { lock.withLock { flights.count } }

    /// How many callers wait for a call in flight (the first of each included).
    var waitingCount: Int { lock.withLock { flights.values.reduce(0) { $0 + ($1 as! any CallersCounting).waitingCallers } } }

    func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        guard sharing.shares(call.request) else { return try await next(call) }
        var call = call
        let key = Key(request: call.requestKey(), output: ObjectIdentifier(Output.self))
        let (flight, member): (Flight<Output>, Int) = lock.withLock {
            if let existing = flights[key] {
                let flight = unsafeDowncast(existing, to: Flight<Output>.self)
                return (flight, flight.join())
            }
            let flight = Flight<Output>()
            flights[key] = flight
            let member = flight.join()
            flight.task = Task { [call] in
                let result: Result<Exchange<Output>, any Error>
                do {
                    result = .success(try await next(call))
                } catch {
                    result = .failure(error)
                }
                self.land(flight, key: key, with: result)
            }
            return (flight, member)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let ready: Result<Exchange<Output>, any Error>? = lock.withLock {
                    flight.wait(member, continuation)
                }
                if let ready { continuation.resume(with: ready) }
            }
        } onCancel: {
            let (continuation, abandoned): (CheckedContinuation<Exchange<Output>, any Error>?, Task<Void, Never>?) =
                lock.withLock {
                    let outcome = flight.leave(member)
                    if outcome.abandoned, flights[key] === flight { flights[key] = nil }
                    return (outcome.continuation, outcome.abandoned ? flight.task : nil)
                }
            continuation?.resume(throwing: CancellationError())
            abandoned?.cancel()
        }
    }

    /// Ends `flight` with `result`: every caller still waiting gets it (the first caller as it
    /// is, the others marked as shared).
    private func land<Output>(_ flight: Flight<Output>, key: Key, with result: Result<Exchange<Output>, any Error>) {
        let waiting = lock.withLock {
            if flights[key] === flight { flights[key] = nil }
            return flight.land(result)
        }
        for (member, continuation) in waiting {
            continuation.resume(with: member == 0 ? result : result.map(\.asShared))
        }
    }
}

private protocol CallersCounting {
    var waitingCallers: Int { get }
}

/// One call in flight and the callers waiting for it; used under the layer's lock only.
private final class Flight<Output: Sendable>: CallersCounting, @unchecked Sendable {
    var task: Task<Void, Never>?
    private var members = 0
    private var present = 0
    private var waiting: [Int: CheckedContinuation<Exchange<Output>, any Error>] = [:]
    private var cancelledBeforeWaiting: Set<Int> = []
    private var result: Result<Exchange<Output>, any Error>?

    var waitingCallers: Int { waiting.count }

    /// A new caller; returns its number (0 for the one that started the call).
    func join() -> Int {
        defer {
            members += 1
            present += 1
        }
        return members
    }

    /// Parks `member` until the call lands; returns what to resume it with at once instead:
    /// the result, if the call has landed, or cancellation, if the member was cancelled first.
    func wait(
        _ member: Int, _ continuation: CheckedContinuation<Exchange<Output>, any Error>
    ) -> Result<Exchange<Output>, any Error>? {
        if cancelledBeforeWaiting.remove(member) != nil { return .failure(CancellationError()) }
        if let result { return member == 0 ? result : result.map(\.asShared) }
        waiting[member] = continuation
        return nil
    }

    /// `member` was cancelled: returns its continuation to resume, and whether nobody is left
    /// waiting for a call that has not landed (which is then cancelled).
    func leave(_ member: Int) -> (continuation: CheckedContinuation<Exchange<Output>, any Error>?, abandoned: Bool) {
        guard result == nil else { return (nil, false) }
        let continuation = waiting.removeValue(forKey: member)
        if continuation == nil { cancelledBeforeWaiting.insert(member) }
        present -= 1
        return (continuation, present == 0)
    }

    /// Records the result; returns the callers to resume.
    func land(_ result: Result<Exchange<Output>, any Error>) -> [Int: CheckedContinuation<Exchange<Output>, any Error>] {
        self.result = result
        defer { waiting.removeAll() }
        return waiting
    }
}

extension Exchange {
    /// The same exchange, as a caller that shared it sees it.
    var asShared: Exchange {
        var shared = self
        shared.response.origin = .sharedCall
        return shared
    }
}
