import Foundation
import JustOneAPI
import JustOneAPITesting
import Testing
import TestSupport

/// The `JustOneAPITesting` kit, driven through the generated client as a user's tests would.
@Suite struct Test_TestingKit {
    @Test func stubsAnswerByOperationInTurnAndRecordTheRequests() async throws {
        let stub = StubTransport()
            .on(DouyinXingtuAPI.GetAuthorTags.self, .businessFailure(301), .success(["tags": ["food", "travel"]]))
            .on(DouyinXingtuAPI.GetAuthorConvertAbility.self, .success(["gpm_range": "10-20"]))
        let client = JustOneAPIClient(token: "test-token", transport: stub, configuration: ClientConfiguration(retryPolicy: steadyRetries))

        let tags = try await client.douyinXingtu.getAuthorTags(starAuthorId: "42")
        #expect(tags.data["tags"] == ["food", "travel"])
        let convert = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7", platform: .shortVideo)
        #expect(convert.data.gpmRange == "10-20")
        // The last reply repeats.
        #expect(try await client.douyinXingtu.getAuthorTags(starAuthorId: "43").data["tags"] == ["food", "travel"])

        let sent = stub.requests(of: DouyinXingtuAPI.GetAuthorTags.self)
        #expect(sent.count == 3)
        #expect(sent.map { $0.queryValue("starAuthorId") } == ["42", "42", "43"])
        #expect(sent[0].path == "/api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1")
        #expect(sent[0].queryValue("token") == "test-token")
        #expect(stub.requests.count == 4)
        #expect(stub.requests[2].queryValue("platform") == "SHORT_VIDEO")
        #expect(client.usage.total.requestsSent == 4)
    }

    @Test func stubsByPathAndByClosure() async throws {
        let stub = StubTransport { request in
            .success(["echo": .string(request.parameter("oAuthorId") ?? "-")])
        }
        .on(path: "/user/get-balance", .success(["balance": "5.00"]))
        let client = JustOneAPIClient(token: "test-token", transport: stub)
        #expect(try await client.user.getBalance().data.amount == 5)
        #expect(try await client.douyinXingtu.getAuthorBaseInfo(oAuthorId: "9").data["echo"] == "9")
    }

    @Test func everyKindOfFailure() async throws {
        let stub = StubTransport()
            .on(DouyinXingtuAPI.GetAuthorTags.self, .businessFailure(601, message: "no balance"))
            .on(UserAPI.GetBalance.self, .status(502, body: "<html>bad gateway</html>"))
            .on(UserAPI.GetUsageSummary.self, .failure(.connectionLost(reason: "reset")))
        let client = JustOneAPIClient(token: "test-token", transport: stub, configuration: ClientConfiguration(retryPolicy: .none, accountStops: .never))
        let business = try await #require(throws: JustOneAPIError.self) { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        #expect(business.businessCode == .insufficientBalance)
        #expect(business.businessFailure?.message == "no balance")
        let status = try await #require(throws: JustOneAPIError.self) { _ = try await client.user.getBalance() }
        #expect(status.status == 502 && status.bodySnippet == "<html>bad gateway</html>")
        let lost = try await #require(throws: JustOneAPIError.self) { _ = try await client.user.getUsageSummary() }
        guard case .transport(.connectionLost) = lost.reason else {
            Issue.record("expected a lost connection, got \(lost)")
            return
        }
    }

    /// A request nothing answers fails with a typed error that names it.
    @Test func anUnstubbedRequestNamesItself() async throws {
        let client = JustOneAPIClient(token: "test-token", transport: StubTransport())
        let error = try await #require(throws: JustOneAPIError.self) { _ = try await client.user.getBalance() }
        let noStub = try #require(error.underlyingError as? StubTransport.NoStub)
        #expect(noStub.operationID == "getUserBalance")
        #expect(noStub.path == "/user/get-balance")
        #expect(error.description.contains("no stub answers getUserBalance (/user/get-balance)"))
    }

    /// A delayed reply honours the call's timeout and the caller's cancellation.
    @Test func delaysTimeOutAndCancel() async throws {
        let stub = StubTransport().on(UserAPI.GetBalance.self, StubReply.success([:]).delayed(by: .seconds(30)))
        let client = JustOneAPIClient(token: "test-token", timeout: .milliseconds(50), transport: stub, configuration: ClientConfiguration(retryPolicy: .none))
        let error = try await #require(throws: JustOneAPIError.self) { _ = try await client.user.getBalance() }
        guard case .transport(.timedOut) = error.reason else {
            Issue.record("expected a timeout, got \(error)")
            return
        }
        let patient = JustOneAPIClient(token: "test-token", transport: stub)
        let call = Task { _ = try await patient.user.getBalance() }
        #expect(try await eventually { stub.requests.count == 2 })
        let started = ContinuousClock.now
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    /// The replay transport serves the recorder's files by operation, and names what is missing.
    @Test func replayServesRecordedSamples() async throws {
        let directory = try TestPaths.temporaryDirectory("replay")
        defer { try? FileManager.default.removeItem(at: directory) }
        // Record two real responses first, through the recorder, from a loopback server.
        let arrivals = Counter()
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {"n": \#(arrivals.next())}}"#) }
        let recorder = SampleRecorder(directory: directory)
        let recording = makeClient(server, .urlSession, configuration: ClientConfiguration(middlewares: [recorder]))
        for id in ["1", "2"] { _ = try await recording.douyinXingtu.getAuthorTags(starAuthorId: id) }

        let replay = try ReplayTransport(directory: directory)
        let client = JustOneAPIClient(token: "test-token", transport: replay)
        let served = try await [1, 2, 3].asyncMap { _ in try await client.douyinXingtu.getAuthorTags(starAuthorId: "x").data["n"] }
        #expect(served == [1, 2, 1])
        let error = try await #require(throws: JustOneAPIError.self) { _ = try await client.user.getBalance() }
        let missing = try #require(error.underlyingError as? ReplayTransport.MissingSample)
        #expect(missing.operationID == "getUserBalance")
        #expect(missing.directory == directory)
        #expect(error.description.contains("no samples of getUserBalance in \(directory.path)/getUserBalance/"))
    }

    /// The committed fixture sample (the seed page's example) replays as the typed model.
    @Test func replayOfTheSeedExample() async throws {
        let replay = try ReplayTransport(directory: TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/Samples"))
        let client = JustOneAPIClient(token: "test-token", transport: replay)
        let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        #expect(result.data.baseResp?.statusCode == 0)
        #expect(throws: (any Error).self) { try ReplayTransport(directory: URL(fileURLWithPath: "/no/such/dir")) }
    }
}

extension Array {
    /// Maps in order, awaiting each element.
    func asyncMap<T>(_ transform: (Element) async throws -> T) async rethrows -> [T] {
        var result: [T] = []
        for element in self { result.append(try await transform(element)) }
        return result
    }
}
