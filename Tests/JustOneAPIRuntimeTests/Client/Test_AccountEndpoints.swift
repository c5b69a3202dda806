import Foundation
import JustOneAPI
import Testing
import TestSupport

/// `client.user.getBalance()` and `getUsageSummary()`, described in `specs/account/`, on loopback.
@Suite struct Test_AccountEndpoints {
    @Test(arguments: TransportKind.allCases)
    func balance(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in
            .json(#"{"code": 0, "message": null, "data": {"balance": "123.4500", "currency": "CNY", "frozen": "1.00"}, "requestId": "r-1"}"#)
        }
        let client = makeClient(server, transport)
        let result = try await client.user.getBalance()
        #expect(result.data.balance == "123.4500")
        #expect(result.data.amount == Decimal(string: "123.45"))
        #expect(result.data.currency == "CNY")
        #expect(result.data.jsonValue["frozen"] == "1.00")
        #expect(result.requestID == "r-1")
        let request = try #require(server.requests.first)
        #expect(request.method == "GET")
        #expect(request.path == "/user/get-balance")
        #expect(request.queryItems.map(\.name) == ["token"])
        #expect(request.queryValue("token") == faultToken)
    }

    /// A balance sent as a number still reads as an amount; an unexpected shape reads as `nil`.
    @Test func balanceAsANumberOrMissing() async throws {
        let bodies = [#"{"code": 0, "data": {"balance": 88}}"#, #"{"code": 0, "data": {"balance": 0.5}}"#, #"{"code": 0, "data": []}"#]
        let arrivals = Counter()
        let server = try LoopbackServer { _ in .json(bodies[(arrivals.next() - 1) % bodies.count]) }
        let client = makeClient(server, .urlSession)
        #expect(try await client.user.getBalance().data.amount == 88)
        #expect(try await client.user.getBalance().data.amount == Decimal(string: "0.5"))
        let odd = try await client.user.getBalance().data
        #expect(odd.amount == nil && odd.balance == nil && odd.jsonValue == [])
    }

    @Test func usageSummary() async throws {
        let server = try LoopbackServer { _ in
            .json(
                #"{"code": 0, "data": {"apiTrendDaily": {"days": ["2026-11-29", "2026-11-30"], "series": [{"name": "api", "data": [12, 30]}]}, "total": 42}}"#
            )
        }
        let client = makeClient(server, .urlSession)
        let summary = try await client.user.getUsageSummary().data
        #expect(summary.apiTrendDaily?.days == ["2026-11-29", "2026-11-30"])
        #expect(summary.apiTrendDaily?.series?.first?.name == "api")
        #expect(summary.apiTrendDaily?.series?.first?.data == [12, 30])
        #expect(summary.jsonValue["total"] == 42)
        #expect(server.requests.first?.path == "/user/get-usage-summary")
    }

    /// An invalid token on the balance call stops the client like any other call.
    @Test func anInvalidTokenStopsTheClient() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 100, "message": "invalid token", "data": null}"#) }
        let client = makeClient(server, .urlSession)
        let error = try await #require(throws: JustOneAPIError.self) { _ = try await client.user.getBalance() }
        #expect(error.businessCode == .invalidToken)
        #expect(client.accountStop?.operationID == UserAPI.GetBalance.operationID)
    }
}
