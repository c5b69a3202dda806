import Foundation
import JustOneAPI
import JustOneAPITesting
import Testing
import TestSupport

/// The committed Xingtu client against a real HTTP server on loopback; what one response body
/// becomes (business codes, envelopes on error statuses, bodies that are not JSON) through the
/// test kit's stub transport.
@Suite struct Test_GeneratedClient {
    static let token = "secret-token-Aa1+/="
    static let seedBody = """
        {"code": 0, "message": "ok", "recordTime": "2026-11-25 10:00:00", "requestId": "req-42",
         "data": {"avg_sales_amount_range": "-", "base_resp": {"status_code": 0, "status_message": ""},
                  "component_click_cnt_range": "-", "gpm_range": "-", "count": 9007199254740993}}
        """

    /// One attempt per call: these tests are about what one response becomes (retries are
    /// tested in Faults/).
    func client(_ server: LoopbackServer, timeout: Duration = .seconds(60)) -> JustOneAPIClient {
        JustOneAPIClient(
            token: Self.token, server: Server(server.baseURL)!, timeout: timeout,
            configuration: ClientConfiguration(retryPolicy: .none))
    }

    /// A client whose every call gets `reply`, with no network.
    func client(answering reply: StubReply) -> JustOneAPIClient {
        JustOneAPIClient(
            token: Self.token, transport: StubTransport { _ in reply }, configuration: ClientConfiguration(retryPolicy: .none))
    }

    @Test func successSendsTheExactRequestAndDecodesTheEnvelope() async throws {
        let server = try LoopbackServer { _ in .json(Self.seedBody) }
        let result = try await client(server).douyinXingtu.getAuthorConvertAbility(
            oAuthorId: "7012345", platform: .liveStreaming, range: .day90)

        let request = try #require(server.requests.first)
        #expect(server.requests.count == 1)
        #expect(request.method == "GET")
        #expect(request.path == "/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1")
        #expect(request.queryItems.map(\.name) == ["oAuthorId", "platform", "range", "token"])
        #expect(request.queryValue("oAuthorId") == "7012345")
        #expect(request.queryValue("platform") == "LIVE_STREAMING")
        #expect(request.queryValue("range") == "DAY_90")
        #expect(request.queryValue("token") == Self.token)
        #expect(request.query.contains("token=secret-token-Aa1%2B%2F%3D"))
        #expect(request.headers["accept"] == "application/json")

        #expect(result.code == 0)
        #expect(result.message == "ok")
        #expect(result.requestID == "req-42")
        #expect(result.recordTime == "2026-11-25 10:00:00")
        // Typed from the seed page's example (specs/conversion-analysis.overlay.yaml).
        #expect(result.data.avgSalesAmountRange == "-")
        #expect(result.gpmRange == "-")
        #expect(result.data.baseResp?.statusCode == 0)
        #expect(result.data.baseResp?.statusMessage == "")
        // What the samples did not show is there too, untyped.
        #expect(result.data.jsonValue["count"] == .integer(9_007_199_254_740_993), "64-bit integers are not rounded")
    }

    @Test func defaultsAreSentAndNilLeavesParametersOut() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": null}"#) }
        let api = client(server).douyinXingtu
        _ = try await api.getAuthorConvertAbility(oAuthorId: "1")
        _ = try await api.getAuthorConvertAbility(oAuthorId: "1", platform: nil, range: nil)
        _ = try await api.getAuthorContractBaseInfo(oAuthorId: "1")
        let requests = server.requests
        #expect(requests[0].queryValue("platform") == "SHORT_VIDEO")
        #expect(requests[0].queryValue("range") == "DAY_30")
        #expect(requests[1].queryItems.map(\.name) == ["oAuthorId", "token"])
        // The documented default `90` is not one of the enum's values: nothing is sent.
        #expect(requests[2].queryItems.map(\.name) == ["oAuthorId", "token"])
    }

    @Test func requestBuildersAreInspectable() {
        let request = DouyinXingtuAPI.GetAuthorConvertAbility(oAuthorId: "7", range: .day90).request
        #expect(request.method == .get)
        #expect(request.path == "/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1")
        #expect(request.query.map(\.description) == ["oAuthorId=7", "platform=SHORT_VIDEO", "range=DAY_90"])
        #expect(request.authentication == .query(name: "token"))
        #expect(request.operationID == "getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1")
    }

    @Test func booleansAreSentAsTrueAndFalse() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {}}"#) }
        _ = try await client(server).douyinXingtu.getAuthorSpreadInfo(oAuthorId: "1", onlyAssign: true)
        _ = try await client(server).douyinXingtu.getAuthorSpreadInfo(oAuthorId: "1", onlyAssign: false)
        #expect(server.requests.map { $0.queryValue("onlyAssign") } == ["true", "false"])
    }

    /// Code, case, retryable, stops the client.
    static let businessCodes: [(Int, BusinessCode, Bool, Bool)] = [
        (100, .invalidToken, false, true), (301, .collectionFailed, true, false), (302, .rateLimitExceeded, true, false),
        (303, .dailyQuotaExceeded, false, true), (400, .invalidParameters, false, false),
        (500, .internalError, false, false), (600, .permissionDenied, false, false),
        (601, .insufficientBalance, false, true), (101, .code101, false, false), (602, .spendCapReached, false, true),
        (999, .undocumented(999), false, false),
    ]

    @Test(arguments: businessCodes)
    func businessCodesThrowTypedErrors(code: Int, expected: BusinessCode, retryable: Bool, stops: Bool) async throws {
        let client = client(
            answering: .json(#"{"code": \#(code), "message": "nope \#(Self.token)", "data": null, "recordTime": null, "requestId": "r-\#(code)"}"#))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        }
        let failure = try #require(error.businessFailure)
        #expect(failure.code == code)
        #expect(failure.businessCode == expected)
        #expect(error.businessCode == expected)
        #expect(failure.isRetryable == retryable)
        #expect(expected.isRetryable == retryable)
        #expect(failure.stopsClient == stops)
        #expect(expected.stopsClient == stops)
        #expect(failure.requestID == "r-\(code)")
        #expect(failure.message == "nope <redacted>")
        #expect(error.status == 200)
        #expect(error.operationID == "getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1")
        #expect(error.description.contains("business code \(code)"))
        #expect(!error.description.contains(Self.token))
    }

    @Test func documentedMeaningsAppearInErrors() async throws {
        let client = client(answering: .json(#"{"code": 302, "message": "slow down", "data": null}"#))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        #expect(
            error.description
                == "getApiDouyinXingtuGwApiAggregatorGetAuthorTagsV1 (GET /api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1) failed: business code 302 (Rate limit exceeded), message \"slow down\"")
        #expect(BusinessCode(rawValue: 302).meaning == "Rate limit exceeded")
    }

    @Test func httpServerErrorsWithoutAnEnvelope() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(
                status: 502, headers: [("Content-Type", "text/html")],
                body: Data("<html><body>Bad gateway \(Self.token)</body></html>".utf8))
        }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client(server).douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .httpStatus(let status) = error.reason else {
            Issue.record("expected an HTTP status error, got \(error.reason)")
            return
        }
        #expect(status == 502)
        #expect(error.bodySnippet == "<html><body>Bad gateway <redacted></body></html>")
        #expect(!error.description.contains(Self.token))
    }

    @Test func httpErrorsWithAnEnvelopeReportTheBusinessCode() async throws {
        let client = client(answering: .json(#"{"code": 302, "message": "limit", "data": null}"#, status: 429))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        #expect(error.businessCode == .rateLimitExceeded)
        #expect(error.status == 429)
    }

    @Test func nonJSONBodiesAreUndecodable() async throws {
        let client = client(answering: .status(200, body: "maintenance window"))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .undecodableBody = error.reason else {
            Issue.record("expected an undecodable body, got \(error.reason)")
            return
        }
        #expect(error.bodySnippet == "maintenance window")
        #expect(error.status == 200)
        #expect(error.underlyingError != nil)
    }

    @Test func slowServersTimeOut() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: Data("{}".utf8), delay: .seconds(10)) }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client(server, timeout: .milliseconds(500)).douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .transport(.timedOut) = error.reason else {
            Issue.record("expected a timeout, got \(error.reason)")
            return
        }
        #expect(error.description.contains("no response within 500 ms") || error.description.contains("no response within 0.5 s"))
    }

    @Test func refusedConnectionsAreTransportErrors() async throws {
        let refusing = try RefusingPort()
        let client = JustOneAPIClient(
            token: Self.token, server: Server(refusing.baseURL)!, timeout: .seconds(5),
            configuration: ClientConfiguration(retryPolicy: .none))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        withExtendedLifetime(refusing) {}
        guard case .transport(let failure) = error.reason else {
            Issue.record("expected a transport error, got \(error.reason)")
            return
        }
        if case .timedOut = failure { Issue.record("a refused connection is not a timeout") }
        #expect(!error.description.contains(Self.token))
    }

    @Test func theClientNeverShowsItsToken() {
        let client = JustOneAPIClient(token: Self.token)
        #expect(!"\(client)".contains(Self.token))
        #expect(!String(reflecting: client).contains(Self.token))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(!dumped.contains(Self.token))
        #expect(client.server == .global)
        #expect(client.timeout == .seconds(60))
    }
}
