import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite(.serialized) struct Test_Budgets {
    /// 2,000 concurrent calls against a budget of 1,000 send exactly 1,000: the server counts
    /// them. The others throw `budgetExhausted` without being sent.
    @Test(arguments: TransportKind.allCases)
    func concurrentCallsSendExactlyTheBudget(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {}}"#) }
        let client = makeClient(
            server, transport,
            configuration: ClientConfiguration(maxConcurrentRequests: 16, budget: RequestBudget(maxRequests: 1000)))
        let refusals = try await withThrowingTaskGroup(of: JustOneAPIError?.self) { group in
            for index in 0..<2000 {
                group.addTask {
                    do {
                        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)")
                        return nil
                    } catch let error as JustOneAPIError {
                        return error
                    }
                }
            }
            var refusals: [JustOneAPIError] = []
            for try await case let error? in group { refusals.append(error) }
            return refusals
        }
        #expect(server.requests.count == 1000)
        #expect(refusals.count == 1000)
        for error in refusals {
            guard case .budgetExhausted(let exhaustion) = error.reason else {
                Issue.record("expected budgetExhausted, got \(error)")
                continue
            }
            #expect(exhaustion == BudgetExhaustion(scope: .client, limit: 1000))
            #expect(error.attempts == 0)
            #expect(error.isRefusedByClient)
        }
        let usage = client.usage
        #expect(usage.total.requestsSent == 1000)
        #expect(usage.total.successes == 1000)
        #expect(usage.total.refusedByBudget == 1000)
        #expect(usage.budgetRemaining == 0)
        #expect(refusals[0].description.contains("not sent: the client's budget of 1000 requests is used up"))
    }

    /// A retry that would exceed the budget is refused too, with the failure it would have
    /// retried attached.
    @Test func aRetryPastTheBudgetIsRefused() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 302, "message": "slow down", "data": null}"#) }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(retryPolicy: steadyRetries, budget: RequestBudget(maxRequests: 2)))
        let error = try await #require(throws: JustOneAPIError.self) {
            _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .budgetExhausted = error.reason else {
            Issue.record("expected budgetExhausted, got \(error)")
            return
        }
        #expect(error.attempts == 2)
        #expect(server.requests.count == 2)
        #expect((error.underlyingError as? JustOneAPIError)?.businessCode == .rateLimitExceeded)
        #expect(client.usage.total.refusedByBudget == 1)
    }

    /// A per-operation cap refuses that operation's calls only; the client-wide cap still counts them.
    @Test func perOperationBudgets() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {}}"#) }
        let budget = RequestBudget(maxRequests: 6).limiting(DouyinXingtuAPI.GetAuthorTags.self, to: 3)
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(budget: budget))
        var refused: [BudgetExhaustion] = []
        for index in 0..<5 {
            do {
                _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)")
            } catch let error as JustOneAPIError {
                if case .budgetExhausted(let exhaustion) = error.reason { refused.append(exhaustion) }
            }
        }
        #expect(refused == Array(repeating: BudgetExhaustion(scope: .operation(DouyinXingtuAPI.GetAuthorTags.operationID), limit: 3), count: 2))
        for index in 0..<4 {
            do {
                _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "\(index)")
            } catch let error as JustOneAPIError {
                if case .budgetExhausted(let exhaustion) = error.reason { refused.append(exhaustion) }
            }
        }
        #expect(refused.last == BudgetExhaustion(scope: .client, limit: 6))
        #expect(server.requests.count == 6)
        #expect(client.usage.budgetRemaining == 0)
        #expect(client.usage.budgetRemainingByOperation == [DouyinXingtuAPI.GetAuthorTags.operationID: 0])
    }

    /// A call cancelled while it waits for a slot gives its share back.
    @Test func aCancelledWaiterGivesItsShareBack() async throws {
        let hold = ManualGate()
        let server = try LoopbackServer { request in
            if request.queryValue("starAuthorId") == "held" { hold.wait() }
            return .json(#"{"code": 0, "data": {}}"#)
        }
        let client = makeClient(
            server, .urlSession, configuration: ClientConfiguration(maxConcurrentRequests: 1, budget: RequestBudget(maxRequests: 2)))
        let held = Task { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "held") }
        #expect(try await eventually { server.requests.count == 1 })
        let waiting = Task { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "cancelled") }
        #expect(try await eventually { client.callsWaitingForASlot == 1 })
        #expect(client.usage.budgetRemaining == 0)
        waiting.cancel()
        await #expect(throws: CancellationError.self) { try await waiting.value }
        #expect(client.usage.budgetRemaining == 1)
        hold.open()
        try await held.value
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "last")
        #expect(server.requests.map { $0.queryValue("starAuthorId") } == ["held", "last"])
        #expect(client.usage.budgetRemaining == 0)
    }
}
