import CoreMetrics
import Foundation
import JustOneAPI
import MetricsTestKit
import Testing
import TestSupport

@Suite struct Test_Metrics {
    static let tags = DouyinXingtuAPI.GetAuthorTags.operationID

    /// After a known sequence of calls, swift-metrics' test kit holds the expected values: three
    /// successes, a final business failure, a rate limit retried into a success, an HTTP 503
    /// retried twice and given up, and a call refused by the budget.
    @Test func countersAndTimersAfterAKnownSequence() async throws {
        let server = try LoopbackServer { request in
            switch request.queryValue("starAuthorId") {
            case "bad": return .json(#"{"code": 400, "data": null}"#)
            case "busy": return LoopbackServer.Reply(status: 503, body: Data("busy".utf8))
            default: return .json(#"{"code": 0, "data": {}}"#)
            }
        }
        let rateLimitedOnce = Counter()
        let limited = try LoopbackServer { _ in
            rateLimitedOnce.next() == 1 ? .json(#"{"code": 302, "data": null}"#) : .json(#"{"code": 0, "data": {}}"#)
        }
        let metrics = TestMetrics()
        // Bound for this task, as a program's bootstrap binds it for the whole process.
        let (client, limitedClient) = withMetricsFactory(metrics) {
            (
                makeClient(server, .urlSession, configuration: ClientConfiguration(retryPolicy: steadyRetries, budget: RequestBudget(maxRequests: 7))),
                makeClient(limited, .urlSession, configuration: ClientConfiguration(retryPolicy: steadyRetries, metricsLabelPrefix: "limited"))
            )
        }
        for id in ["a", "b", "c"] { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: id) }
        await #expect(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "bad") }
        await #expect(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "busy") }
        // 3 + 1 + 3 requests: the budget of 7 is used up.
        await #expect(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "d") }
        _ = try await limitedClient.douyinXingtu.getAuthorTags(starAuthorId: "rate")

        let operation = [("operation", Self.tags)]
        #expect(try metrics.expectCounter("justoneapi_requests_sent_total", operation).totalValue == 7)
        #expect(try metrics.expectCounter("justoneapi_successes_total", operation).totalValue == 3)
        #expect(
            try metrics.expectCounter("justoneapi_failures_total", operation + [("reason", "business"), ("code", "400")])
                .totalValue == 1)
        #expect(
            try metrics.expectCounter("justoneapi_failures_total", operation + [("reason", "http_status"), ("code", "503")])
                .totalValue == 3)
        #expect(try metrics.expectCounter("justoneapi_retries_total", operation + [("kind", "possibly_billed")]).totalValue == 2)
        #expect(try metrics.expectCounter("justoneapi_retries_total", operation + [("kind", "unprocessed")]).totalValue == 0)
        #expect(try metrics.expectCounter("justoneapi_refused_total", operation + [("reason", "budget")]).totalValue == 1)
        #expect(try metrics.expectTimer("justoneapi_request_duration_seconds", operation).values.count == 7)
        #expect(try metrics.expectGauge("justoneapi_budget_remaining").lastValue == 0)

        #expect(try metrics.expectCounter("limited_requests_sent_total", operation).totalValue == 2)
        #expect(try metrics.expectCounter("limited_retries_total", operation + [("kind", "unprocessed")]).totalValue == 1)
        #expect(try metrics.expectCounter("limited_successes_total", operation).totalValue == 1)
    }

    /// An account stop is counted by its code.
    @Test func accountStopsAreCounted() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 601, "data": null}"#) }
        let metrics = TestMetrics()
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(metricsFactory: metrics))
        for _ in 0..<3 {
            await #expect(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        }
        #expect(try metrics.expectCounter("justoneapi_account_stops_total", [("code", "601")]).totalValue == 1)
        #expect(try metrics.expectCounter("justoneapi_refused_total", [("operation", Self.tags), ("reason", "account_stop")]).totalValue == 2)
        #expect(try metrics.expectCounter("justoneapi_requests_sent_total", [("operation", Self.tags)]).totalValue == 1)
    }

    /// With swift-metrics' no-op factory (nothing bootstrapped), no handle is ever made.
    @Test func nothingIsRecordedWithoutABackend() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {}}"#) }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(metricsFactory: NOOPMetricsHandler.instance))
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        #expect(client.recordsMetrics == false)
        let metrics = TestMetrics()
        #expect(makeClient(server, .urlSession, configuration: ClientConfiguration(metricsFactory: metrics)).recordsMetrics)
    }
}
