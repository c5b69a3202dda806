import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite(.serialized) struct Test_Cancellation {
    /// Starts a call, cancels it once it waits on the server, and returns how long the call took
    /// to end after the cancellation. The call must end with `CancellationError`.
    func cancellationLatency(_ transport: TransportKind, reply: LoopbackServer.Reply) async throws -> Duration {
        let server = try LoopbackServer { _ in reply }
        let client = makeClient(server, transport)
        let task = Task { try await client.douyinXingtu.getAuthorTags(starAuthorId: "1") }
        while server.requests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        try await Task.sleep(for: .milliseconds(100))
        let cancelled = ContinuousClock.now
        task.cancel()
        let result = await task.result
        let elapsed = ContinuousClock.now - cancelled
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(server.requests.count == 1, "no retry after the cancellation")
        return elapsed
    }

    /// Cancelling the calling task ends a call waiting on a slow server within 100 ms. The best
    /// of three trials counts, so that a machine busy with other tests does not decide; a call
    /// that ignored the cancellation would take the server's 5 s every time.
    @Test(arguments: TransportKind.allCases)
    func cancellingAWaitingCall(transport: TransportKind) async throws {
        var trials: [Duration] = []
        for _ in 0..<3 {
            trials.append(try await cancellationLatency(transport, reply: LoopbackServer.Reply(body: Data("{}".utf8), delay: .seconds(5))))
            if trials.last! < .milliseconds(100) { break }
        }
        #expect(trials.min()! < .milliseconds(100), "returned \(trials) after the cancellation")
    }

    /// Cancellation also ends a retry's wait (here a 20 s `Retry-After`) at once.
    @Test(arguments: TransportKind.allCases)
    func cancellingDuringABackoff(transport: TransportKind) async throws {
        var trials: [Duration] = []
        for _ in 0..<3 {
            let reply = LoopbackServer.Reply(status: 503, headers: [("Retry-After", "20")], body: Data())
            trials.append(try await cancellationLatency(transport, reply: reply))
            if trials.last! < .milliseconds(100) { break }
        }
        #expect(trials.min()! < .milliseconds(100), "returned \(trials) after the cancellation")
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
