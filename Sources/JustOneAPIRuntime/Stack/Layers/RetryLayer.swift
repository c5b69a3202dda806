/// Retry: a failed attempt is sent again while the policy says it is worth it, after the
/// policy's wait (or the server's `Retry-After`). Cancellation ends the call at once.
struct RetryLayer: CallLayer {
    let policy: RetryPolicy
    let events: CallEvents

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        let started = ContinuousClock.now
        var call = call
        while true {
            try Task.checkCancellation()
            do {
                return try await next(call)
            } catch let failure as AttemptFailure {
                let error = failure.error
                guard
                    let delay = policy.delay(
                        after: call.attempt, error: error, retryAfter: RetryAfter.parse(failure.retryAfter),
                        elapsed: ContinuousClock.now - started)
                else {
                    throw error.with(attempts: call.attempt)
                }
                events.record(.retrying(after: error, delay: delay, maxAttempts: policy.maxAttempts), call)
                try await Task.sleep(for: delay)
                call.attempt += 1
                call.previousFailure = error
            } catch let error as JustOneAPIError where error.isRefusedByClient {
                throw error.with(attempts: call.attempt - 1)
            }
        }
    }
}

/// A failed attempt as the decode layer reports it to the retry layer: the error, and the
/// response's `Retry-After` header when there was one.
struct AttemptFailure: Error {
    let error: JustOneAPIError
    let retryAfter: String?
}
