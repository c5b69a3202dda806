/// Rate limit: attempts start at most ``ClientConfiguration/requestsPerSecond`` times a
/// second, evenly spaced; one that had to wait looks at the account gate again.
struct RateLimitLayer: CallLayer {
    let limiter: RateLimiter
    let gate: AccountGate

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        if try await limiter.wait() {
            try gate.refuseIfStopped(call)
        }
        return try await next(call)
    }
}
