/// Retry: a failed attempt is sent again while the policy says it is worth it, after the
/// policy's wait (or the server's `Retry-After`). Cancellation ends the call at once.
struct RetryLayer: CallLayer {
    let policy: RetryPolicy
    let events: CallEvents

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        let started = ContinuousClock.now
        try Task.checkCancellation()
        do {
            // The first attempt goes down as it came: most calls never need a copy to count on.
            return try await next(call)
        } catch let failure as AttemptFailure {
            var retry = call
            try await prepareRetry(&retry, after: failure, started: started)
            while true {
                try Task.checkCancellation()
                do {
                    return try await next(retry)
                } catch let failure as AttemptFailure {
                    try await prepareRetry(&retry, after: failure, started: started)
                } catch let error as JustOneAPIError where error.isRefusedByClient {
                    throw error.with(attempts: retry.attempt - 1)
                }
            }
        } catch let error as JustOneAPIError where error.isRefusedByClient {
            throw error.with(attempts: 0)
        }
    }

    /// After a failed attempt: throws the error when the policy says not to try again,
    /// otherwise waits the policy's delay and counts the next attempt.
    private nonisolated(nonsending) func prepareRetry<Output>(
        _ call: inout Call<Output>, after failure: AttemptFailure, started: ContinuousClock.Instant
    ) async throws {
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
    }
}

/// A failed attempt as the decode layer reports it to the retry layer: the error, and the
/// response's `Retry-After` header when there was one.
struct AttemptFailure: Error {
    let error: JustOneAPIError
    let retryAfter: String?
}
