import Foundation
import JustOneAPI
import Testing
import TestSupport

/// Retries against a real server on loopback, on both transports.
@Suite struct Test_Retries {
    @Test(arguments: TransportKind.allCases)
    func collectionFailedThenSuccess(transport: TransportKind) async throws {
        let counter = Counter()
        let server = try LoopbackServer { _ in
            counter.next() == 1
                ? .json(#"{"code": 301, "message": "collection failed", "data": null}"#)
                : .json(#"{"code": 0, "data": {"ok": true}}"#)
        }
        let result = try await makeClient(server, transport).douyinXingtu.getAuthorTags(starAuthorId: "1")
        #expect(result.data["ok"] == true)
        #expect(server.requests.count == 2)
    }

    @Test(arguments: TransportKind.allCases)
    func rateLimitedGivesUpAfterTheCapHavingBackedOff(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 302, "message": "too many", "data": null}"#) }
        let capture = LogCapture()
        let client = makeClient(server, transport, configuration: ClientConfiguration(retryPolicy: steadyRetries, logger: capture.logger))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        #expect(error.businessCode == .rateLimitExceeded)
        #expect(error.attempts == 3)
        #expect(error.description.hasSuffix("; gave up after 3 attempts"))
        let arrivals = server.arrivals
        #expect(arrivals.count == 3)
        // Backoff without jitter: 20 ms, then 40 ms.
        #expect(arrivals[1] - arrivals[0] >= .milliseconds(20))
        #expect(arrivals[2] - arrivals[1] >= .milliseconds(40))
        let warnings = capture.lines.filter { $0.level == .warning }
        #expect(warnings.count == 2)
        #expect(warnings.first?.message.contains("retrying in 0.02 s (attempt 2 of 3)") == true)
    }

    @Test(arguments: [100, 303, 400, 600, 601])
    func nonTransientCodesAreNotRetried(code: Int) async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": \#(code), "data": null}"#) }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await makeClient(server, .urlSession).douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        #expect(error.businessFailure?.code == code)
        #expect(error.attempts == 1)
        #expect(server.requests.count == 1)
    }

    @Test(arguments: TransportKind.allCases)
    func retryAfterIsHonoured(transport: TransportKind) async throws {
        let counter = Counter()
        let server = try LoopbackServer { _ in
            counter.next() == 1
                ? LoopbackServer.Reply(status: 503, headers: [("Retry-After", "1")], body: Data("busy".utf8))
                : .json(#"{"code": 0, "data": 1}"#)
        }
        let result = try await makeClient(server, transport).douyinXingtu.getAuthorTags(starAuthorId: "1")
        #expect(result.data == 1)
        let arrivals = server.arrivals
        #expect(arrivals.count == 2)
        #expect(arrivals[1] - arrivals[0] >= .milliseconds(950))
    }

    @Test(arguments: TransportKind.allCases)
    func serverErrorsAreRetriedAndReported(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 502, headers: [("Content-Type", "text/html")], body: Data("<html><h1>502 Bad Gateway</h1></html>".utf8))
        }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await makeClient(server, transport).douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .httpStatus(502) = error.reason else {
            Issue.record("expected HTTP 502, got \(error.reason)")
            return
        }
        #expect(error.attempts == 3)
        #expect(error.bodySnippet == "<html><h1>502 Bad Gateway</h1></html>")
    }

    @Test func theTotalTimeCapStopsRetries() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 503, headers: [("Retry-After", "30")], body: Data())
        }
        let policy = RetryPolicy(maxAttempts: 5, maxTotalDuration: .seconds(10))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await makeClient(server, .urlSession, configuration: ClientConfiguration(retryPolicy: policy))
                .douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        #expect(error.attempts == 1, "a 30 s Retry-After would end after the 10 s cap")
    }

    @Test func backoffGrowsAndIsCapped() {
        let policy = RetryPolicy(initialBackoff: .milliseconds(500), maxBackoff: .seconds(2), multiplier: 2)
        #expect(policy.backoffCeiling(after: 1) == .milliseconds(500))
        #expect(policy.backoffCeiling(after: 2) == .seconds(1))
        #expect(policy.backoffCeiling(after: 3) == .seconds(2))
        #expect(policy.backoffCeiling(after: 9) == .seconds(2))
    }
}
