import Foundation
import JustOneAPI
import Testing
import TestSupport

/// Broken and unusual responses: each gives its own typed error or result, never a crash.
@Suite struct Test_Faults {
    static let noRetries = ClientConfiguration(retryPolicy: .none)

    @Test(arguments: TransportKind.allCases)
    func bodyCutMidStream(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(body: Data((#"{"code": 0, "data": ""# + String(repeating: "x", count: 5000) + #""}"#).utf8), cutBodyAfter: 100)
        }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await makeClient(server, transport).douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .transport(let failure) = error.reason else {
            Issue.record("expected a transport failure, got \(error.reason)")
            return
        }
        if case .connectionLost = failure {} else { Issue.record("expected a lost connection, got \(failure)") }
        #expect(error.attempts == 3, "a broken connection is worth retrying")
    }

    @Test(arguments: TransportKind.allCases)
    func invalidUTF8(transport: TransportKind) async throws {
        var bytes = Data(#"{"code": 0, "data": ""#.utf8)
        bytes.append(contentsOf: [0xC3, 0x28, 0xFF])
        bytes.append(Data(#""}"#.utf8))
        let body = bytes
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: body) }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await makeClient(server, transport, configuration: Self.noRetries).douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .undecodableBody = error.reason else {
            Issue.record("expected an undecodable body, got \(error.reason)")
            return
        }
        #expect(error.bodySnippet?.hasPrefix(#"{"code": 0, "data": ""#) == true)
    }

    @Test(arguments: TransportKind.allCases)
    func nullData(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "message": null, "data": null, "recordTime": null}"#) }
        let result = try await makeClient(server, transport).douyinXingtu.getAuthorTags(starAuthorId: "1")
        #expect(result.data == .null)
        #expect(result.message == nil)
    }

    @Test(arguments: TransportKind.allCases)
    func tenMegabyteBody(transport: TransportKind) async throws {
        let text = String(repeating: "abcdefghij", count: 1_048_576)
        let body = Data((#"{"code": 0, "data": {"text": ""# + text + #""}}"#).utf8)
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: body) }
        let result = try await makeClient(server, transport).douyinXingtu.getAuthorTags(starAuthorId: "1")
        #expect(result.data["text"]?.stringValue?.count == 10_485_760)
    }

    @Test(arguments: TransportKind.allCases)
    func headersLaterThanTheTimeout(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: Data("{}".utf8), delay: .seconds(10)) }
        let error = try await #require(throws: JustOneAPIError.self) {
            try await makeClient(server, transport, timeout: .milliseconds(300), configuration: Self.noRetries)
                .douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        guard case .transport(.timedOut) = error.reason else {
            Issue.record("expected a timeout, got \(error.reason)")
            return
        }
    }

    @Test(arguments: TransportKind.allCases)
    func perCallTimeoutsOverrideTheClients(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: Data(#"{"code": 0, "data": 1}"#.utf8), delay: .milliseconds(600)) }
        let client = makeClient(server, transport, timeout: .milliseconds(200), configuration: Self.noRetries)
        let request = DouyinXingtuAPI.GetAuthorTags(starAuthorId: "1").request
        let result = try await client.send(request, timeout: .seconds(30))
        #expect(result.data == 1)
    }

    @Test(arguments: TransportKind.allCases)
    func refusedConnections(transport: TransportKind) async throws {
        let refusing = try RefusingPort()
        let client = JustOneAPIClient(
            token: faultToken, server: Server(refusing.baseURL)!, transport: transport.make(),
            configuration: ClientConfiguration(retryPolicy: steadyRetries))
        let error = try await #require(throws: JustOneAPIError.self) {
            try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        }
        withExtendedLifetime(refusing) {}
        guard case .transport(.cannotConnect) = error.reason else {
            Issue.record("expected a refused connection, got \(error.reason)")
            return
        }
        #expect(error.attempts == 3)
    }
}
