import Foundation

/// Account gate: while a response has stopped the client (an invalid token, no balance …)
/// every attempt is refused without being sent. The decode layer puts stops in force; the
/// concurrency and rate limits look again after they made a call wait.
struct AccountGateLayer: CallLayer {
    let gate: AccountGate

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        try gate.refuseIfStopped(call)
        return try await next(call)
    }
}

/// The client's account stop as the layers share it: read before each attempt and after each
/// wait, put in force by the decode layer, lifted by ``JustOneAPIClient/resume()``.
final class AccountGate: Sendable {
    let guardState: AccountGuard
    private let events: CallEvents
    private let limiter: ConcurrencyLimiter

    init(policy: AccountStopPolicy, events: CallEvents, limiter: ConcurrencyLimiter) {
        guardState = AccountGuard(policy: policy)
        self.events = events
        self.limiter = limiter
    }

    /// Throws the refusal of a stopped client, if it is stopped.
    func refuseIfStopped<Output>(_ call: Call<Output>) throws {
        guard let stop = guardState.current else { return }
        throw call.refusal(.accountStopped(stop))
    }

    /// Puts a stop in force when `failure` calls for one: the callers waiting for a slot are
    /// refused at once.
    func stopIfNeeded<Output>(for failure: BusinessFailure, _ call: Call<Output>) {
        guard let stop = guardState.stop(for: failure, operationID: call.operationID) else { return }
        events.record(.stopped(stop), call)
        limiter.rejectWaiters(with: StopSignal())
    }
}

/// Thrown to the callers waiting for a slot when the client stops.
struct StopSignal: Error {}
