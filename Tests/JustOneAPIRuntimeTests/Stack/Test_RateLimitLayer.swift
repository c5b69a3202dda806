import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_RateLimitLayer {
    /// Starts are spaced by the interval: ten calls at 20 per second take at least 450 ms from
    /// before the first to the last start, however they are scheduled.
    @Test func spacesStarts() async throws {
        let harness = StackHarness { _, _ in StackHarness.success("{}") }
        let stack = harness.stack([RateLimitLayer(limiter: RateLimiter(perSecond: 20), gate: harness.gate)])
        let started = ContinuousClock.now
        _ = await concurrently(10) { _ in try await stack.send(harness.call()) }
        #expect(ContinuousClock.now - started >= .milliseconds(450))
        #expect(harness.transport.count == 10)
    }

    /// A call that waited for its start looks at the account gate again.
    @Test func aWaitingCallIsRefusedWhenTheAccountStops() async throws {
        let harness = StackHarness { _, _ in StackHarness.failure(601) }
        // One start a second: the second call waits a whole second, long after the first's 601.
        let stack = harness.stack([RateLimitLayer(limiter: RateLimiter(perSecond: 1), gate: harness.gate)])
        let results = await concurrently(2) { _ in try await stack.send(harness.call()) }
        let refused = results.filter { if case .failure(let error as JustOneAPIError) = $0 { error.isRefusedByClient } else { false } }
        #expect(harness.transport.count == 1)
        #expect(refused.count == 1)
    }
}
