import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_BudgetLayer {
    /// Each attempt takes a share; when the cap is reached, the attempt is refused unsent.
    @Test func refusesPastTheCap() async throws {
        let harness = StackHarness { _, _ in StackHarness.success("{}") }
        let ledger = BudgetLedger(RequestBudget(maxRequests: 2))
        let stack = harness.stack([BudgetLayer(ledger: ledger, events: harness.events)])
        _ = try await stack.send(harness.call())
        _ = try await stack.send(harness.call())
        let error = try await #require(throws: JustOneAPIError.self) { try await stack.send(harness.call()) }
        guard case .budgetExhausted(let exhaustion) = error.reason else {
            Issue.record("expected budgetExhausted, got \(error)")
            return
        }
        #expect(exhaustion == BudgetExhaustion(scope: .client, limit: 2))
        #expect(harness.transport.count == 2 && ledger.left.client == 0)
    }

    /// A share whose attempt never reached the transport (a middleware answered) goes back.
    @Test func anUnsentAttemptGivesItsShareBack() async throws {
        struct Answering: ClientMiddleware {
            func intercept(
                _ request: HTTPRequest, context: MiddlewareContext, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
            ) async throws -> HTTPResponse { StackHarness.success("0") }
        }
        let harness = StackHarness { _, _ in StackHarness.success("{}") }
        let ledger = BudgetLedger(RequestBudget(maxRequests: 1))
        let stack = harness.stack([BudgetLayer(ledger: ledger, events: harness.events)], middlewares: [Answering()])
        for _ in 0..<3 { _ = try await stack.send(harness.call()) }
        #expect(ledger.left.client == 1)
        #expect(harness.transport.count == 0)
    }

    /// A middleware that sends twice needs a second share, and is refused without one.
    @Test func aSecondSendOfOneAttemptTakesAnotherShare() async throws {
        struct Twice: ClientMiddleware {
            func intercept(
                _ request: HTTPRequest, context: MiddlewareContext, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
            ) async throws -> HTTPResponse {
                _ = try await next(request)
                return try await next(request)
            }
        }
        let harness = StackHarness { _, _ in StackHarness.success("{}") }
        let ledger = BudgetLedger(RequestBudget(maxRequests: 3))
        let stack = harness.stack([BudgetLayer(ledger: ledger, events: harness.events)], middlewares: [Twice()])
        _ = try await stack.send(harness.call())
        #expect(ledger.left.client == 1)
        let error = try await #require(throws: JustOneAPIError.self) { try await stack.send(harness.call()) }
        #expect(error.isRefusedByClient)
        #expect(harness.transport.count == 3)
    }
}
