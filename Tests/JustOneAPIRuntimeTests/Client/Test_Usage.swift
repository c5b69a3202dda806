import Foundation
import JustOneAPI
import Testing
import TestSupport

/// What the server saw, by path and by what it answered: the figures `client.usage` must match.
final class ServerTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func count(_ key: String) { lock.withLock { counts[key, default: 0] += 1 } }
    subscript(_ key: String) -> Int { lock.withLock { counts[key] ?? 0 } }
    func total(_ suffix: String) -> Int { lock.withLock { counts.filter { $0.key.hasSuffix(suffix) }.values.reduce(0, +) } }
}

@Suite(.serialized) struct Test_Usage {
    static let tagsPath = "/api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1"
    static let convertPath = "/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1"

    /// 2,000 calls of two operations at 16 in flight, against a server whose answers depend on
    /// the order requests arrive in: successes, business codes 400 (final) and 301 (retried),
    /// and HTTP 503 (retried, possibly billed). Every figure equals what the server saw.
    @Test(arguments: TransportKind.allCases)
    func countsAreExactUnderConcurrency(transport: TransportKind) async throws {
        let arrivals = Counter()
        let tally = ServerTally()
        let server = try LoopbackServer { request in
            let kind: String
            let reply: LoopbackServer.Reply
            switch arrivals.next() % 10 {
            case 1:
                kind = "400"
                reply = .json(#"{"code": 400, "message": "bad", "data": null}"#)
            case 2:
                kind = "301"
                reply = .json(#"{"code": 301, "message": "collection failed", "data": null}"#)
            case 3:
                kind = "503"
                reply = LoopbackServer.Reply(status: 503, headers: [("Content-Type", "text/plain")], body: Data("busy".utf8))
            default:
                kind = "ok"
                reply = .json(#"{"code": 0, "data": {"n": 1}}"#)
            }
            tally.count(request.path + " " + kind)
            return reply
        }
        let retries = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1), jitter: { $0 })
        let client = makeClient(
            server, transport, configuration: ClientConfiguration(retryPolicy: retries, maxConcurrentRequests: 16))
        let outcomes = try await withThrowingTaskGroup(of: Bool.self) { group in
            for index in 0..<2000 {
                group.addTask {
                    do {
                        if index % 2 == 0 {
                            _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)")
                        } else {
                            _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "\(index)")
                        }
                        return true
                    } catch is JustOneAPIError {
                        return false
                    }
                }
            }
            var successes = 0
            for try await succeeded in group where succeeded { successes += 1 }
            return successes
        }

        let usage = client.usage
        let total = usage.total
        #expect(total.calls == 2000)
        #expect(total.requestsSent == server.requests.count)
        #expect(total.successes == tally.total(" ok"))
        #expect(total.successes == outcomes)
        #expect(total.failuresByBusinessCode == [400: tally.total(" 400"), 301: tally.total(" 301")])
        #expect(total.failuresByHTTPStatus == [200: tally.total(" 400") + tally.total(" 301"), 503: tally.total(" 503")])
        #expect(total.failures == tally.total(" 400") + tally.total(" 301") + tally.total(" 503"))
        #expect(total.transportFailures == 0)
        #expect(total.retries == total.requestsSent - total.calls)
        #expect(total.retriesAfterUnprocessedFailures + total.retriesAfterPossiblyBilledFailures == total.retries)
        #expect(total.retriesAfterPossiblyBilledFailures > 0 && total.retriesAfterUnprocessedFailures > 0)

        for (type, path) in [
            (DouyinXingtuAPI.GetAuthorTags.operationID, Self.tagsPath),
            (DouyinXingtuAPI.GetAuthorConvertAbility.operationID, Self.convertPath),
        ] {
            let operation = usage[operationID: type]
            #expect(operation.calls == 1000)
            #expect(operation.requestsSent == server.requests.filter { $0.path == path }.count)
            #expect(operation.successes == tally[path + " ok"])
            #expect(operation.failuresByBusinessCode[400] == tally[path + " 400"])
            #expect(operation.failuresByBusinessCode[301] == tally[path + " 301"])
            #expect(operation.failuresByHTTPStatus[503] == tally[path + " 503"])
        }
        #expect(usage[DouyinXingtuAPI.GetAuthorTags.self] == usage[operationID: DouyinXingtuAPI.GetAuthorTags.operationID])
        #expect(usage.budgetRemaining == nil)
    }

    /// A retry after a failure where the request certainly was not processed (rate limited) and
    /// one after a failure where it may have been (HTTP 500) are counted apart; a transport
    /// failure without a response is counted as such.
    @Test func retriesAreCountedByWhetherTheFirstAttemptMayHaveBeenBilled() async throws {
        let arrivals = Counter()
        let server = try LoopbackServer { request in
            let n = arrivals.next()
            if request.queryValue("starAuthorId") == "rate" && n == 1 { return .json(#"{"code": 302, "data": null}"#) }
            if request.queryValue("starAuthorId") == "busy" && n == 3 {
                return LoopbackServer.Reply(status: 500, body: Data("oops".utf8))
            }
            return .json(#"{"code": 0, "data": {}}"#)
        }
        let client = makeClient(server, .urlSession)
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "rate")
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "busy")
        let usage = client.usage.total
        #expect(usage.calls == 2)
        #expect(usage.requestsSent == 4)
        #expect(usage.retries == 2)
        #expect(usage.retriesAfterUnprocessedFailures == 1)
        #expect(usage.retriesAfterPossiblyBilledFailures == 1)
        #expect(usage.failuresByBusinessCode == [302: 1])
        #expect(usage.failuresByHTTPStatus == [200: 1, 500: 1])

        // Nothing listens on a closed port: a transport failure, retried as unprocessed.
        let closed = try LoopbackServer { _ in .json("{}") }
        let address = closed.baseURL
        closed.stop()
        let unreachable = JustOneAPIClient(
            token: faultToken, server: Server(address)!, timeout: .seconds(10),
            configuration: ClientConfiguration(retryPolicy: steadyRetries))
        await #expect(throws: JustOneAPIError.self) { _ = try await unreachable.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        let failed = unreachable.usage.total
        #expect(failed.requestsSent == 3)
        #expect(failed.transportFailures == 3)
        #expect(failed.retriesAfterUnprocessedFailures == 2)
        #expect(failed.failuresByHTTPStatus.isEmpty)
    }

    /// With `retriesPossiblyBilledFailures: false`, an HTTP 500 and a timeout are not retried;
    /// a rate limit and a refused connection still are.
    @Test func retryPolicyCanRetryOnlyUnprocessedRequests() async throws {
        let server = try LoopbackServer { request in
            switch request.queryValue("starAuthorId") {
            case "busy": LoopbackServer.Reply(status: 500, body: Data("oops".utf8))
            case "slow": LoopbackServer.Reply(body: Data(#"{"code": 0, "data": {}}"#.utf8), delay: .seconds(10))
            default: .json(#"{"code": 302, "data": null}"#)
            }
        }
        var policy = steadyRetries
        policy.retriesPossiblyBilledFailures = false
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(retryPolicy: policy))
        // Only the slow call has a short timeout: the server holds it for 10 s.
        for (id, timeout) in [("rate", Duration.seconds(10)), ("busy", .seconds(10)), ("slow", .milliseconds(500))] {
            let error = try await #require(throws: JustOneAPIError.self) {
                _ = try await client.send(DouyinXingtuAPI.GetAuthorTags(starAuthorId: id), timeout: timeout)
            }
            #expect(error.attempts == (id == "rate" ? 3 : 1), "\(id): \(error)")
            #expect(error.isCertainlyUnprocessed == (id == "rate"))
        }
        #expect(client.usage.total.retriesAfterPossiblyBilledFailures == 0)
        #expect(client.usage.total.retriesAfterUnprocessedFailures == 2)
    }
}
