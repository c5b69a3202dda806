import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_RetryLayer {
    static let noWait = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1), jitter: { _ in .zero })

    /// A retryable failure is sent again, up to the policy's attempts; the attempts count on.
    @Test func retriesWhatIsRetryableUpToTheAttempts() async throws {
        let harness = StackHarness { _, _ in StackHarness.failure(301) }
        let stack = harness.stack([RetryLayer(policy: Self.noWait, events: harness.events)])
        let error = try await #require(throws: JustOneAPIError.self) { try await stack.send(harness.call()) }
        #expect(error.attempts == 3)
        #expect(error.businessFailure?.code == 301)
        #expect(harness.transport.count == 3)
        let usage = harness.meter.snapshot().total
        #expect(usage.retries == 2 && usage.failures == 3 && usage.requestsSent == 3)
    }

    /// A success after a failure ends the call; what is not retryable is thrown at once.
    @Test func stopsAtSuccessAndAtWhatIsNotRetryable() async throws {
        let harness = StackHarness { arrival, _ in arrival == 1 ? StackHarness.failure(301) : StackHarness.success("1") }
        let stack = harness.stack([RetryLayer(policy: Self.noWait, events: harness.events)])
        let exchange = try await stack.send(harness.call())
        #expect(exchange.response.data == 1)
        #expect(harness.transport.count == 2)

        let final = StackHarness { _, _ in StackHarness.failure(400) }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await final.stack([RetryLayer(policy: Self.noWait, events: final.events)]).send(final.call())
        }
        #expect(error.attempts == 1 && final.transport.count == 1)
    }

    /// A refusal below the retry layer is not retried, and counts the attempts before it.
    @Test func aRefusalIsNotRetried() async throws {
        let harness = StackHarness { _, _ in StackHarness.failure(301) }
        let ledger = BudgetLedger(RequestBudget(maxRequests: 2))
        let stack = harness.stack([
            RetryLayer(policy: Self.noWait, events: harness.events), BudgetLayer(ledger: ledger, events: harness.events),
        ])
        let error = try await #require(throws: JustOneAPIError.self) { try await stack.send(harness.call()) }
        #expect(error.isRefusedByClient)
        #expect(error.attempts == 2)
        #expect((error.underlyingError as? JustOneAPIError)?.businessFailure?.code == 301)
        #expect(harness.transport.count == 2)
    }

    /// A cancelled call does not start another attempt.
    @Test func cancellationEndsTheCall() async throws {
        let harness = StackHarness { _, _ in StackHarness.failure(301) }
        let slow = RetryPolicy(maxAttempts: 3, initialBackoff: .seconds(30), jitter: { $0 })
        let stack = harness.stack([RetryLayer(policy: slow, events: harness.events)])
        let call = harness.call()
        let task = Task { try await stack.send(call) }
        #expect(try await eventually { harness.transport.count == 1 })
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
        #expect(harness.transport.count == 1)
    }
}
