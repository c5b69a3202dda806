/// Concurrency limit: at most ``ClientConfiguration/maxConcurrentRequests`` attempts hold a
/// slot at once, the others wait in the order they came. Everything below runs inside the
/// slot, decoding included, so that an account stop is in force before the slot goes to the
/// next caller.
struct ConcurrencyLimitLayer: CallLayer {
    let limiter: ConcurrencyLimiter
    let gate: AccountGate

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        while true {
            do {
                // A call that waited for its slot looks again: the client may have stopped
                // meanwhile. Refused, it hands the slot on, or the calls behind it would wait for ever.
                if try await limiter.acquire() {
                    do {
                        try gate.refuseIfStopped(call)
                    } catch {
                        limiter.release()
                        throw error
                    }
                }
                break
            } catch is StopSignal {
                // The client stopped while this call waited; if it was resumed since, wait again.
                try gate.refuseIfStopped(call)
            }
        }
        defer { limiter.release() }
        return try await next(call)
    }
}
