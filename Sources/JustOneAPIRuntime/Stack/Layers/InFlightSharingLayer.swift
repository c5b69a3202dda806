import Foundation

/// Share in flight: identical calls made while one of them is in flight wait for its outcome
/// instead of calling again, so that they cost one paid call.
///
/// The first caller makes the call in its own task (not in a task of the call's own: the thread
/// hop that costs on every call would cost more than the rest of the stack together). Callers
/// that come while it is in flight wait for its outcome, success or failure; cancelling one of
/// them ends only its wait. Cancelling the caller making the call cancels that call: the caller
/// that has waited longest then makes it again, for itself and the others still waiting (if
/// the cancelled request had reached the server, it may have been processed, and billed).
final class InFlightSharingLayer: CallLayer, @unchecked Sendable {
    /// Identical calls: the same request on the wire, decoded as the same type. (The request
    /// as sent, credential included, is only compared in memory: it is never stored or logged.)
    private struct Key: Hashable, Sendable {
        let method: HTTPMethod
        let url: String
        let headerFields: HTTPFields
        let body: Data?
        let output: ObjectIdentifier
        /// Hashed once: the dictionary hashes a key three times per call.
        let hashValue: Int

        init<Output>(_ call: Call<Output>) {
            method = call.httpRequest.method
            url = call.httpRequest.url.absoluteString
            headerFields = call.httpRequest.headerFields
            body = call.httpRequest.body
            output = ObjectIdentifier(Output.self)
            var hasher = Hasher()
            hasher.combine(url)
            hasher.combine(output)
            if let body { hasher.combine(body) }
            hashValue = hasher.finalize()
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hashValue) }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.hashValue == rhs.hashValue && lhs.url == rhs.url && lhs.output == rhs.output && lhs.method == rhs.method
                && lhs.body == rhs.body && lhs.headerFields == rhs.headerFields
        }
    }

    private let sharing: InFlightSharing
    private let lock = NSLock()
    private var flights: [Key: Flight] = [:]

    init(_ sharing: InFlightSharing) {
        self.sharing = sharing
    }

    /// How many distinct calls are in flight through this layer.
    var flightCount: Int { lock.withLock { flights.count } }

    /// How many callers wait for a call in flight (the first caller of each not counted).
    var waitingCount: Int { lock.withLock { flights.values.reduce(0) { $0 + $1.waitingCallers } } }

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        guard sharing.shares(call.request) else { return try await next(call) }
        let key = Key(call)
        // The flight is not generic, so that the uncontended call (nobody waits) costs no
        // generic metadata: the outcome travels to waiting callers as `any Sendable`.
        let joined: Flight? = lock.withLock {
            if let existing = flights[key] { return existing }
            flights[key] = Flight()
            return nil
        }
        if let flight = joined {
            do {
                return try await wait(for: flight, as: Output.self).asShared
            } catch is TakeOver {
                // The caller making the call was cancelled: this one makes it, for those still waiting.
            }
        }
        // The first caller makes the call, then hands its outcome to the callers waiting.
        do {
            let exchange = try await next(call)
            land(key, cancelled: Task.isCancelled)?.resume(with: .success(exchange))
            return exchange
        } catch {
            land(key, cancelled: Task.isCancelled || error is CancellationError)?.resume(with: .failure(error))
            throw error
        }
    }

    /// Ends the flight of `key`, or, when its caller was cancelled and another waits, hands it
    /// over to the caller that has waited longest. Returns the callers to tell, if any.
    private func land(_ key: Key, cancelled: Bool) -> Flight.Landing? {
        lock.withLock {
            // Cancelled, the call passes to the caller that has waited longest; the flight stays.
            if cancelled, let next = flights[key]!.takeLongestWaiting() { return .handOver(next) }
            return flights.removeValue(forKey: key)!.land()
        }
    }

    /// Waits for the outcome of `flight`; cancelling the waiting task ends only its own wait.
    private func wait<Output>(for flight: Flight, as: Output.Type) async throws -> Exchange<Output> {
        let id = lock.withLock { flight.join() }
        let outcome = try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                let cancelled = lock.withLock { flight.park(id, continuation) }
                if cancelled { continuation.resume(throwing: CancellationError()) }
            }
        } onCancel: {
            let continuation = lock.withLock { flight.leave(id) }
            continuation?.resume(throwing: CancellationError())
        }
        // The flight's key includes the output type: the outcome is an exchange of this type.
        return outcome as! Exchange<Output>
    }
}

/// What a waiting caller is told when the caller making the call was cancelled: make the call
/// again yourself, for the others still waiting.
private struct TakeOver: Error {}

/// The callers waiting for one call in flight; used under the layer's lock only.
private final class Flight: @unchecked Sendable {
    typealias Waiter = CheckedContinuation<any Sendable, any Error>

    /// What the caller that made the call does once it landed.
    enum Landing {
        /// Tell the waiting callers its outcome.
        case outcome([Waiter])
        /// Tell the caller that has waited longest to make the call again.
        case handOver(Waiter)

        func resume(with result: Result<any Sendable, any Error>) {
            switch self {
            case .outcome(let waiters):
                for waiter in waiters { waiter.resume(with: result) }
            case .handOver(let waiter):
                waiter.resume(throwing: TakeOver())
            }
        }
    }

    private var nextID = 0
    private var waiting: [Int: Waiter] = [:]
    private var cancelledBeforeWaiting: Set<Int> = []

    var waitingCallers: Int { waiting.count }

    /// A new waiting caller's number.
    func join() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    /// Parks caller `id`; returns `true` when it was cancelled before it could (it is then
    /// resumed with cancellation at once).
    func park(_ id: Int, _ continuation: Waiter) -> Bool {
        if cancelledBeforeWaiting.remove(id) != nil { return true }
        waiting[id] = continuation
        return false
    }

    /// Caller `id` was cancelled: its continuation, to resume, if it was parked.
    func leave(_ id: Int) -> Waiter? {
        if let continuation = waiting.removeValue(forKey: id) { return continuation }
        cancelledBeforeWaiting.insert(id)
        return nil
    }

    /// The caller that has waited longest, taken out of the waiting ones; `nil` when none waits.
    func takeLongestWaiting() -> Waiter? {
        guard let id = waiting.keys.min() else { return nil }
        return waiting.removeValue(forKey: id)
    }

    /// The call landed: every caller still waiting, to resume (`nil` when none waits).
    func land() -> Landing? {
        guard !waiting.isEmpty else { return nil }
        defer { waiting.removeAll() }
        return .outcome(Array(waiting.values))
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
