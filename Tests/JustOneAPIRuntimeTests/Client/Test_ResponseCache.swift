import Foundation
import GRDB
import JustOneAPI
@testable import JustOneAPIRuntime
import JustOneAPISQLiteCache
import Testing
import TestSupport

/// The response cache and shared calls in flight, against a loopback server that counts.
@Suite struct Test_ResponseCache {
    enum StoreKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
        case memory, sqlite
        var testDescription: String { rawValue }

        func make(_ directory: URL) -> ResponseCache {
            switch self {
            case .memory: .memory()
            case .sqlite: .sqlite(path: directory.appendingPathComponent("responses.sqlite").path)
            }
        }
    }

    /// A server that answers each creator with its ID and counts what it is asked.
    static func countingServer() throws -> LoopbackServer {
        try LoopbackServer { request in
            .json(#"{"code": 0, "data": {"id": "\#(request.queryValue("oAuthorId") ?? "?")"}, "requestId": "r"}"#)
        }
    }

    /// 1,000 calls over 100 distinct requests at 16 in flight reach the server exactly 100
    /// times: the first of each is sent, the others share it while in flight or are served
    /// from the cache after. The budget is charged for the 100 only.
    @Test(arguments: StoreKind.allCases, TransportKind.allCases)
    func aThousandCallsOverAHundredRequestsCostAHundred(store: StoreKind, transport: TransportKind) async throws {
        let directory = try TestPaths.temporaryDirectory("cache")
        let server = try Self.countingServer()
        let client = makeClient(
            server, transport,
            configuration: ClientConfiguration(
                maxConcurrentRequests: 16, budget: RequestBudget(maxRequests: 100), cache: store.make(directory)))
        let api = client.douyinXingtu
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<1000 {
                group.addTask {
                    let response = try await api.getAuthorConvertAbility(oAuthorId: "\(index % 100)")
                    #expect(response.data.jsonValue["id"]?.stringValue == "\(index % 100)")
                }
            }
            try await group.waitForAll()
        }
        #expect(server.requests.count == 100)
        #expect(Set(server.requests.compactMap { $0.queryValue("oAuthorId") }).count == 100)
        let usage = client.usage.total
        #expect(usage.calls == 1000)
        #expect(usage.requestsSent == 100)
        #expect(usage.servedFromCache + usage.sharedInFlight == 900)
        #expect(usage.refusedByBudget == 0)
        #expect(client.usage.budgetRemaining == 0)
    }

    /// A new client on the same SQLite file makes no call for what the first one stored, and
    /// the token's bytes are nowhere in the file.
    @Test(arguments: TransportKind.allCases)
    func aNewClientOnTheSameFilePaysNothing(transport: TransportKind) async throws {
        let directory = try TestPaths.temporaryDirectory("cache")
        let path = directory.appendingPathComponent("responses.sqlite").path
        let server = try Self.countingServer()
        let first = makeClient(server, transport, configuration: ClientConfiguration(cache: .sqlite(path: path)))
        for id in 0..<20 { _ = try await first.douyinXingtu.getAuthorConvertAbility(oAuthorId: "\(id)") }
        #expect(server.requests.count == 20)

        let second = makeClient(server, transport, configuration: ClientConfiguration(cache: .sqlite(path: path)))
        for id in 0..<20 {
            let response = try await second.douyinXingtu.getAuthorConvertAbility(oAuthorId: "\(id)")
            #expect(response.data.jsonValue["id"]?.stringValue == "\(id)")
            guard case .cache = response.origin else {
                Issue.record("expected a response from the cache, got \(response.origin)")
                continue
            }
        }
        #expect(server.requests.count == 20)
        #expect(second.usage.total.servedFromCache == 20 && second.usage.total.requestsSent == 0)

        var bytes = Data()
        for suffix in ["", "-wal", "-shm"] {
            bytes += (try? Data(contentsOf: URL(fileURLWithPath: path + suffix))) ?? Data()
        }
        #expect(bytes.count > 0)
        #expect(bytes.range(of: Data(faultToken.utf8)) == nil)
        #expect(bytes.range(of: Data("oAuthorId".utf8)) == nil)
    }

    /// A stored response older than its age is fetched again; the clock is the cache's own.
    @Test func anExpiredResponseIsFetchedAgain() async throws {
        let clock = TestClock()
        let directory = try TestPaths.temporaryDirectory("cache")
        let server = try Self.countingServer()
        let store = SQLiteResponseCacheStore(path: directory.appendingPathComponent("c.sqlite").path)
        let cache = ResponseCache(store: store, maxAge: .hours(24), now: { clock.now })
            .maxAge(.minutes(10), for: DouyinXingtuAPI.GetAuthorTags.self)
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(cache: cache))
        _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        clock.advance(by: 11 * 60)
        _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        #expect(server.requests.count == 3)
        clock.advance(by: 24 * 3600)
        _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        #expect(server.requests.count == 4)
        #expect(try await store.count() == 2)
    }

    /// A failure is shared with the callers waiting for it, but not cached: the next call is
    /// sent again.
    @Test(arguments: TransportKind.allCases)
    func aFailureIsSharedButNotCached(transport: TransportKind) async throws {
        let gate = ManualGate()
        let arrivals = Counter()
        let server = try LoopbackServer { _ in
            if arrivals.next() == 1 {
                gate.wait()
                return .json(#"{"code": 400, "message": "invalid parameters", "data": null}"#)
            }
            return .json(#"{"code": 0, "data": {"ok": true}}"#)
        }
        let client = makeClient(server, transport, configuration: ClientConfiguration(cache: .memory()))
        let callers = (0..<10).map { _ in
            Task { try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "same") }
        }
        #expect(try await eventually { server.requests.count == 1 && client.callsWaitingForSharedCalls == 9 })
        gate.open()
        for caller in callers {
            let error = try await #require(throws: JustOneAPIError.self) { try await caller.value }
            #expect(error.businessCode == .invalidParameters)
        }
        #expect(server.requests.count == 1)
        let response = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "same")
        #expect(response.origin == .network)
        #expect(server.requests.count == 2)
        let usage = client.usage.total
        #expect(usage.calls == 11 && usage.sharedInFlight == 0 && usage.failuresByBusinessCode[400] == 1)
    }

    /// Pages go through the cache one by one: the second run of a sequence pays nothing.
    @Test func pagesAreCachedOneByOne() async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let items = page <= 3 ? #"["a\#(page)", "b\#(page)"]"# : "[]"
            return .json(#"{"code": 0, "data": {"videos": \#(items)}}"#)
        }
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(cache: .memory()))
        let operation = DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: "7")
        let first = try await Array(client.pages(operation).items())
        let requests = server.requests.count
        let second = try await Array(client.pages(operation).items())
        #expect(first == second && first.count == 6)
        #expect(server.requests.count == requests)
        #expect(client.usage.total.servedFromCache == requests)
    }

    /// A damaged, foreign or locked cache file is a warning that names it, and every call goes
    /// to the network and succeeds.
    @Test func aBadCacheFileNeverFailsACall() async throws {
        let directory = try TestPaths.temporaryDirectory("cache")
        let server = try Self.countingServer()

        // Damaged: a good cache cut in half.
        let damaged = directory.appendingPathComponent("damaged.sqlite").path
        let writer = makeClient(server, .urlSession, configuration: ClientConfiguration(cache: .sqlite(path: damaged)))
        for id in 0..<50 { _ = try await writer.douyinXingtu.getAuthorConvertAbility(oAuthorId: "\(id)") }
        let checkpoint = try DatabaseQueue(path: damaged)
        try await checkpoint.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try checkpoint.close()
        let whole = try Data(contentsOf: URL(fileURLWithPath: damaged))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: damaged))
        try? FileManager.default.removeItem(atPath: damaged + "-wal")

        // Not a cache: text, and another program's SQLite database.
        let text = directory.appendingPathComponent("notes.sqlite").path
        try Data("these are my notes, not a cache".utf8).write(to: URL(fileURLWithPath: text))
        let foreign = directory.appendingPathComponent("foreign.sqlite").path
        let other = try DatabaseQueue(path: foreign)
        try await other.write { try $0.execute(sql: "CREATE TABLE invoices (id INTEGER)") }
        try other.close()

        // Locked: another connection holds the file exclusively.
        let locked = directory.appendingPathComponent("locked.sqlite").path
        let holder = try DatabaseQueue(path: locked)
        try await holder.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA locking_mode = EXCLUSIVE")
            try db.execute(sql: "CREATE TABLE held (id INTEGER); INSERT INTO held VALUES (1)")
        }

        for path in [damaged, text, foreign, locked] {
            let log = LogCapture()
            let before = server.requests.count
            let client = makeClient(
                server, .urlSession,
                configuration: ClientConfiguration(
                    logger: log.logger, cache: .sqlite(path: path, busyTimeout: .milliseconds(50))))
            for id in 0..<3 {
                let response = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "x\(id)")
                #expect(response.data.jsonValue["id"]?.stringValue == "x\(id)")
            }
            #expect(server.requests.count == before + 3)
            let warnings = log.lines.filter { $0.level == .warning }.map(\.message)
            #expect(warnings.count == 1, "\(path): \(warnings)")
            #expect(warnings.first?.contains(path) == true, "\(warnings)")
        }
        #expect(String(decoding: try Data(contentsOf: URL(fileURLWithPath: text)), as: UTF8.self).hasPrefix("these are my notes"))
        try holder.close()
    }

    /// Only-cache never sends; reload always does; both through `ResponseCache.withPolicy`.
    @Test func policiesReachGeneratedMethods() async throws {
        let server = try Self.countingServer()
        let client = makeClient(server, .urlSession, configuration: ClientConfiguration(cache: .memory()))
        let missing = try await #require(throws: JustOneAPIError.self) {
            try await ResponseCache.withPolicy(.onlyCache) { try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1") }
        }
        #expect(missing.isRefusedByClient && missing.attempts == 0)
        #expect(server.requests.count == 0)
        _ = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        _ = try await ResponseCache.withPolicy(.reload) { try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1") }
        let stored = try await ResponseCache.withPolicy(.onlyCache) {
            try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        }
        #expect(server.requests.count == 2)
        guard case .cache = stored.origin else {
            Issue.record("expected a cached response")
            return
        }
    }
}

/// A clock the test moves, for a cache's `now`.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var date = Date()
    var now: Date { lock.withLock { date } }
    func advance(by seconds: TimeInterval) { lock.withLock { date += seconds } }
}
