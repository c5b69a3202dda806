import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite(.serialized) struct Test_Load {
    /// 2,000 calls through a client limited to 16 in flight: every call answered once with its
    /// own response, never more than 16 at the server, memory bounded. The first 16 requests are
    /// held at the server until all 16 are there, so the test proves that the limit lets 16 calls
    /// overlap whatever the machine's load (a client that sent one at a time would leave the
    /// first request waiting for the gate's timeout, and fail).
    @Test(arguments: TransportKind.allCases)
    func twoThousandCallsSixteenInFlight(transport: TransportKind) async throws {
        let gate = ArrivalGate(count: 16)
        let server = try LoopbackServer { request in
            gate.arrive()
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
        #expect(gate.openedByArrivals, "16 requests were never at the server at the same time")
        #expect(server.peakConcurrency == 16)
        // The process's resident memory also holds what suites running beside this one
        // allocate (the generator's tests take hundreds of megabytes), so only a gross leak,
        // hundreds of kilobytes kept per call, is told apart from them.
        let growth = residentMemory() - memoryBefore
        #expect(growth < 1024 * 1024 * 1024, "resident memory grew by \(growth / 1024 / 1024) MB")
    }

    /// Callers waiting for a slot are served in the order they came. The first call holds the
    /// only slot at the server while the others queue one by one (each is seen waiting before
    /// the next starts), so the order is the test's, not the scheduler's.
    @Test(arguments: TransportKind.allCases)
    func waitingCallersAreServedInOrder(transport: TransportKind) async throws {
        let hold = ManualGate()
        let server = try LoopbackServer { request in
            if request.queryValue("starAuthorId") == "0" { hold.wait() }
            return .json(#"{"code": 0, "data": 1}"#)
        }
        let client = makeClient(server, transport, configuration: ClientConfiguration(maxConcurrentRequests: 1))
        var tasks: [Task<Void, any Error>] = []
        tasks.append(Task { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "0") })
        #expect(try await eventually { server.requests.count == 1 })
        for index in 1..<6 {
            tasks.append(Task { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)") })
            #expect(try await eventually { client.callsWaitingForASlot == index })
        }
        hold.open()
        for task in tasks { try await task.value }
        #expect(server.requests.map { $0.queryValue("starAuthorId") ?? "" } == ["0", "1", "2", "3", "4", "5"])
        #expect(server.peakConcurrency == 1)
        #expect(client.callsWaitingForASlot == 0)
    }

    /// A rate limit spaces the starts of requests. The bound is measured from before the first
    /// call, not from the first arrival: the limiter grants the first start no earlier than the
    /// first call and each later one 50 ms after the one before, and a request reaches the server
    /// after its start, so the last arrival is at least 450 ms after `started` however late the
    /// machine's load makes any single request (a late first arrival would shorten a span
    /// measured between arrivals, and did once on CI: 419 ms).
    @Test func requestsPerSecondSpacesStarts() async throws {
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": 1}"#) }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(maxConcurrentRequests: 8, requestsPerSecond: 20))
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<10 {
                group.addTask { _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "\(index)") }
            }
            try await group.waitForAll()
        }
        let arrivals = server.arrivals
        #expect(arrivals.count == 10)
        let lastArrival = try #require(arrivals.max())
        #expect(lastArrival - started >= .milliseconds(450), "10 starts at 20 per second take at least 450 ms")
    }

    private func residentMemory() -> Int {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8),
            let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return 0 }
        return pages * 4096
    }
}
