import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_AccountGateLayer {
    /// A code that stops the account is put in force by the decode layer; from then on the gate
    /// refuses without sending, until the client resumes.
    @Test func refusesWhileStopped() async throws {
        let harness = StackHarness { arrival, _ in arrival == 1 ? StackHarness.failure(601) : StackHarness.success("{}") }
        let stack = harness.stack([AccountGateLayer(gate: harness.gate)])
        let first = try await #require(throws: AttemptFailure.self) { try await stack.send(harness.call()) }
        #expect(first.error.businessFailure?.code == 601 && !first.error.isRefusedByClient)
        #expect(harness.gate.guardState.current?.failure.code == 601)

        let refused = try await #require(throws: JustOneAPIError.self) { try await stack.send(harness.call()) }
        guard case .accountStopped(let stop) = refused.reason else {
            Issue.record("expected a refusal, got \(refused)")
            return
        }
        #expect(stop.operationID == "listItems")
        #expect(harness.transport.count == 1)

        harness.gate.guardState.resume()
        _ = try await stack.send(harness.call())
        #expect(harness.transport.count == 2)
    }
}
