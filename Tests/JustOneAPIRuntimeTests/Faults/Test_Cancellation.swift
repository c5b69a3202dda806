import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite struct Test_Cancellation {
    /// Cancelling the calling task ends a call waiting on a slow server within 100 ms.
    @Test(arguments: TransportKind.allCases)
    func cancellingAWaitingCall(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: Data("{}".utf8), delay: .seconds(5)) }
        let client = makeClient(server, transport)
        let task = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.requests.count == 1, "the request reached the server before the cancellation")
        let cancelled = ContinuousClock.now
        task.cancel()
        let result = await task.result
        let elapsed = ContinuousClock.now - cancelled
        #expect(elapsed < .milliseconds(100), "returned \(elapsed) after the cancellation")
        #expect(throws: CancellationError.self) { try result.get() }
    }

    /// Cancellation also ends a retry's wait at once.
    @Test(arguments: TransportKind.allCases)
    func cancellingDuringABackoff(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(status: 503, headers: [("Retry-After", "20")], body: Data())
        }
        let client = makeClient(server, transport)
        let task = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = ContinuousClock.now
        task.cancel()
        let result = await task.result
        #expect(ContinuousClock.now - cancelled < .milliseconds(100))
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests.count == 1)
    }

    /// A call waiting for a slot under the concurrency limit leaves the queue when cancelled.
    @Test func cancellingACallWaitingForASlot() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(body: Data(#"{"code": 0, "data": 1}"#.utf8), delay: .seconds(1)) }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(maxConcurrentRequests: 1))
        let first = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        try await Task.sleep(for: .milliseconds(100))
        let second = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "2") }
        try await Task.sleep(for: .milliseconds(100))
        second.cancel()
        await #expect(throws: CancellationError.self) { try await second.value }
        #expect(try await first.value.data == 1)
        #expect(server.requests.count == 1, "the cancelled call never reached the server")
    }
}
