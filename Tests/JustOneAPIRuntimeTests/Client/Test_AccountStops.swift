import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite(.serialized) struct Test_AccountStops {
    /// 2,000 queued calls; the server answers 601 from the 10th request on. The server sees at
    /// most 10 + the in-flight limit requests, the first 9 calls succeed, and every other caller
    /// gets the 601 reason: from the server while in flight, or refused at once by the client.
    @Test(arguments: TransportKind.allCases)
    func insufficientBalanceStopsEveryQueuedCall(transport: TransportKind) async throws {
        let arrivals = Counter()
        let server = try LoopbackServer { _ in
            arrivals.next() >= 10
                ? .json(#"{"code": 601, "message": "insufficient balance", "data": null, "requestId": "r-601"}"#)
                : .json(#"{"code": 0, "data": {}}"#)
        }
        let limit = 16
        let client = makeClient(server, transport, configuration: ClientConfiguration(retryPolicy: steadyRetries, maxConcurrentRequests: limit))
        let errors = try await withThrowingTaskGroup(of: JustOneAPIError?.self) { group in
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
            var errors: [JustOneAPIError] = []
            for try await case let error? in group { errors.append(error) }
            return errors
        }
        #expect(server.requests.count <= 10 + limit)
        #expect(errors.count == 2000 - 9)
        #expect(errors.allSatisfy { $0.businessCode == .insufficientBalance })
        let refused = errors.filter(\.isRefusedByClient)
        #expect(refused.count == 2000 - server.requests.count)
        #expect(refused.allSatisfy { $0.attempts == 0 })
        for error in refused.prefix(3) {
            guard case .accountStopped(let stop) = error.reason else {
                Issue.record("expected accountStopped, got \(error)")
                continue
            }
            #expect(stop.failure.code == 601)
            #expect(stop.failure.requestID == "r-601")
            #expect(stop.resumesAt == nil)
            #expect(error.description.contains("not sent: the client stopped after business code 601 (Insufficient balance)"))
        }
        #expect(client.accountStop?.failure.businessCode == .insufficientBalance)
        let usage = client.usage.total
        #expect(usage.requestsSent == server.requests.count)
        #expect(usage.refusedByAccountStop == refused.count)
        #expect(usage.failuresByBusinessCode[601] == server.requests.count - 9)

        // Later calls are refused without being sent, until resume().
        let before = server.requests.count
        let later = try await #require(throws: JustOneAPIError.self) {
            _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        }
        #expect(later.isRefusedByClient && later.businessCode == .insufficientBalance)
        #expect(server.requests.count == before)
        #expect(client.resume())
        #expect(client.accountStop == nil)
        await #expect(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "again") }
        #expect(server.requests.count == before + 1)
    }

    /// The stop is in force before the stopped call's slot goes to the next caller. With one
    /// slot and a call queued behind the one that gets 601, the queued call is never sent. The
    /// 601's body is large (20 MB), so that reading it takes far longer than waking the queued
    /// call: were the slot handed on before the body is read, the queued call would be sent.
    @Test(arguments: TransportKind.allCases)
    func theStopIsRecordedBeforeTheSlotIsHandedOn(transport: TransportKind) async throws {
        let padding = String(repeating: " ", count: 20 << 20)
        let gate = ManualGate()
        let arrivals = Counter()
        let server = try LoopbackServer { _ in
            if arrivals.next() == 1 { gate.wait() }
            return .json(#"{"code": 601, "message": "insufficient balance",\#(padding) "data": null}"#)
        }
        let client = makeClient(
            server, transport, configuration: ClientConfiguration(retryPolicy: steadyRetries, maxConcurrentRequests: 1))
        let first = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "first") }
        #expect(try await eventually { server.requests.count == 1 })
        let queued = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "queued") }
        #expect(try await eventually { client.callsWaitingForASlot == 1 })
        gate.open()
        let stopped = try await #require(throws: JustOneAPIError.self) { try await first.value }
        #expect(stopped.businessCode == .insufficientBalance && !stopped.isRefusedByClient)
        let refused = try await #require(throws: JustOneAPIError.self) { try await queued.value }
        #expect(refused.isRefusedByClient)
        #expect(server.requests.count == 1)
    }

    /// A retry waiting out its backoff when another call stops the client is refused too. (The
    /// backoff, 5 s, leaves the stopping call, one loopback exchange, ample time.)
    @Test func aRetryAfterTheStopIsRefused() async throws {
        let server = try LoopbackServer { request in
            request.queryValue("starAuthorId") == "flaky"
                ? .json(#"{"code": 301, "data": null}"#) : .json(#"{"code": 100, "message": "invalid token", "data": null}"#)
        }
        let slowRetries = RetryPolicy(maxAttempts: 3, initialBackoff: .seconds(5), jitter: { $0 })
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(retryPolicy: slowRetries))
        let flaky = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "flaky") }
        #expect(try await eventually { server.requests.count == 1 })
        let stopper = try await #require(throws: JustOneAPIError.self) {
            _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "stopper")
        }
        #expect(stopper.businessCode == .invalidToken && !stopper.isRefusedByClient)
        let error = try await #require(throws: JustOneAPIError.self) { _ = try await flaky.value }
        #expect(error.businessCode == .invalidToken)
        #expect(error.isRefusedByClient)
        #expect(error.attempts == 1)
        #expect((error.underlyingError as? JustOneAPIError)?.businessCode == .collectionFailed)
        #expect(server.requests.count == 2)
    }

    /// With a cool-down, the client goes on by itself once it has passed.
    @Test func aCoolDownEndsTheStop() async throws {
        let arrivals = Counter()
        let server = try LoopbackServer { _ in
            arrivals.next() == 1 ? .json(#"{"code": 303, "data": null}"#) : .json(#"{"code": 0, "data": {}}"#)
        }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(accountStops: .coolDown(.seconds(3))))
        let started = ContinuousClock.now
        await #expect(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        let stop = try #require(client.accountStop)
        #expect(stop.resumesAt != nil)
        let refused = try await #require(throws: JustOneAPIError.self) {
            _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "2")
        }
        #expect(refused.isRefusedByClient && refused.businessCode == .dailyQuotaExceeded)
        #expect(try await eventually { client.accountStop == nil })
        #expect(ContinuousClock.now - started >= .seconds(3))
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "3")
        #expect(server.requests.count == 2)
    }

    /// `.never` keeps sending: such a code fails its own call only.
    @Test func stopsCanBeTurnedOff() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 601, "data": null}"#) }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(accountStops: .never))
        for _ in 0..<3 {
            let error = try await #require(throws: JustOneAPIError.self) {
                _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
            }
            #expect(!error.isRefusedByClient)
        }
        #expect(server.requests.count == 3)
        #expect(client.accountStop == nil)
    }
}
