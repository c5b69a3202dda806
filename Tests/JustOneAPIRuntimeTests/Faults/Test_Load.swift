import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite(.serialized) struct Test_Load {
    /// 2,000 calls through a client limited to 16 in flight: every call answered once with its
    /// own response, never more than 16 at the server, memory bounded.
    @Test(arguments: TransportKind.allCases)
    func twoThousandCallsSixteenInFlight(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            let id = request.queryValue("starAuthorId") ?? "?"
            return .json(#"{"code": 0, "requestId": "\#(id)", "data": {"echo": "\#(id)"}}"#)
        }
        let client = makeClient(server, transport, configuration: ClientConfiguration(maxConcurrentRequests: 16))
        let memoryBefore = residentMemory()
        let answers = try await withThrowingTaskGroup(of: (String, String?).self) { group in
            for index in 0..<2000 {
                group.addTask {
                    let result = try await client.douyinXingtu.getAuthorTags(starAuthorId: "id-\(index)")
                    return ("id-\(index)", result.data["echo"]?.stringValue)
                }
            }
            var answers: [String: String?] = [:]
            for try await (id, echo) in group { answers[id] = echo }
            return answers
        }
        #expect(answers.count == 2000)
        #expect(answers.allSatisfy { $0.key == $0.value })
        #expect(server.requests.count == 2000)
        #expect(Set(server.requests.compactMap { $0.queryValue("starAuthorId") }).count == 2000)
        #expect(server.peakConcurrency <= 16)
        #expect(server.peakConcurrency > 1)
        let growth = residentMemory() - memoryBefore
        #expect(growth < 200 * 1024 * 1024, "resident memory grew by \(growth / 1024 / 1024) MB")
    }

    /// Callers waiting for a slot are served in the order they came.
    @Test func waitingCallersAreServedInOrder() async throws {
        let server = try LoopbackServer { request in
            LoopbackServer.Reply(body: Data(#"{"code": 0, "data": 1}"#.utf8), delay: .milliseconds(50))
        }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(maxConcurrentRequests: 1))
        var tasks: [Task<Void, any Error>] = []
        for index in 0..<6 {
            tasks.append(Task { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)") })
            try await Task.sleep(for: .milliseconds(15))
        }
        for task in tasks { try await task.value }
        #expect(server.requests.map { $0.queryValue("starAuthorId") ?? "" } == ["0", "1", "2", "3", "4", "5"])
        #expect(server.peakConcurrency == 1)
    }

    /// A rate limit spaces the starts of requests.
    @Test func requestsPerSecondSpacesStarts() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": 1}"#) }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(maxConcurrentRequests: 8, requestsPerSecond: 20))
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<10 {
                group.addTask { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)") }
            }
            try await group.waitForAll()
        }
        let arrivals = server.arrivals
        #expect(arrivals.count == 10)
        #expect(arrivals[9] - arrivals[0] >= .milliseconds(430), "10 starts at 20 per second span at least 450 ms")
    }

    private func residentMemory() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * 4096
    }
}
