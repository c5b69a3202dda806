import Testing

@testable import JustOneAPIRuntime

/// The in-flight limit under contention: a slot released while a caller is between finding none
/// free and joining the queue goes to that caller, not back to a pool nobody looks at again.
@Suite struct Test_ConcurrencyLimiter {
    /// Rounds of two callers for one slot, each taking it and giving it back once. A caller that
    /// missed the release made between its look and its joining the queue waited for ever (the
    /// round, and the test, never ended); the race is narrow, so it is run many times, on as
    /// many threads as there are cores.
    @Test(.timeLimit(.minutes(1))) func aReleaseWhileACallerJoinsTheQueueIsNotLost() async throws {
        let limiter = ConcurrencyLimiter(limit: 1)
        for _ in 0..<20_000 {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<2 {
                    group.addTask {
                        try await limiter.acquire()
                        limiter.release()
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(limiter.waitingCount == 0)
        // The slot is free again: a caller gets it without waiting.
        #expect(try await limiter.acquire() == false)
    }
}
