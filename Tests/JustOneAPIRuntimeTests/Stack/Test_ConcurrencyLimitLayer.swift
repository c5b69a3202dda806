import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_ConcurrencyLimitLayer {
    /// Never more than the limit in the layers below, whatever the number of callers.
    @Test func keepsTheLimit() async throws {
        let peak = Peak()
        let harness = StackHarness(maxConcurrent: 3) { _, _ in
            peak.enter()
            try await Task.sleep(for: .milliseconds(2))
            peak.leave()
            return StackHarness.success("{}")
        }
        let stack = harness.stack([ConcurrencyLimitLayer(limiter: harness.limiter, gate: harness.gate)])
        let results = await concurrently(40) { _ in try await stack.send(harness.call()) }
        #expect(results.allSatisfy { (try? $0.get()) != nil })
        #expect(peak.highest <= 3)
        #expect(harness.transport.count == 40)
    }

    /// The callers waiting for a slot are refused at once when the account stops, and the stop
    /// is in force before the slot is handed on: with one slot, the call queued behind the one
    /// that gets 601 is never sent.
    @Test func theStopIsInForceBeforeTheSlotIsHandedOn() async throws {
        let gate = ArrivalBarrier(expected: 1)
        let harness = StackHarness(maxConcurrent: 1) { arrival, _ in
            if arrival == 1 { await gate.arrive() }
            return StackHarness.failure(601)
        }
        let stack = harness.stack([ConcurrencyLimitLayer(limiter: harness.limiter, gate: harness.gate)])
        let first = Task { try await stack.send(harness.call()) }
        try await gate.waitForArrivals()
        let queued = (0..<5).map { _ in Task { try await stack.send(harness.call()) } }
        #expect(try await eventually { harness.limiter.waitingCount == 5 })
        gate.open()
        await #expect(throws: AttemptFailure.self) { try await first.value }
        for task in queued {
            let error = try await #require(throws: JustOneAPIError.self) { try await task.value }
            #expect(error.isRefusedByClient)
        }
        #expect(harness.transport.count == 1)
    }
}

/// The most callers inside a section at once.
final class Peak: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var maximum = 0
    func enter() { lock.withLock { current += 1; maximum = max(maximum, current) } }
    func leave() { lock.withLock { current -= 1 } }
    var highest: Int { lock.withLock { maximum } }
}
