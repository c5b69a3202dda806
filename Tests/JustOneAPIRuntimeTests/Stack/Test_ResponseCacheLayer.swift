import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_ResponseCacheLayer {
    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var date = Date(timeIntervalSince1970: 1_800_000_000)
        var now: Date { lock.withLock { date } }
        func advance(_ seconds: TimeInterval) { lock.withLock { date += seconds } }
    }

    static func cache(_ clock: Clock, maxAge: Duration = .seconds(60)) -> ResponseCache {
        ResponseCache(store: MemoryResponseCacheStore(), maxAge: maxAge, now: { clock.now })
    }

    /// A success is stored and served while younger than its age, then fetched again.
    @Test func servesWhileFreshThenFetchesAgain() async throws {
        let clock = Clock()
        let harness = StackHarness { arrival, _ in StackHarness.success("\(arrival)") }
        let stack = harness.stack([ResponseCacheLayer(cache: Self.cache(clock), events: harness.events, credential: Data())])
        #expect(try await stack.send(harness.call()).response.data == 1)
        let hit = try await stack.send(harness.call()).response
        #expect(hit.data == 1)
        #expect(hit.origin == .cache(storedAt: clock.now))
        clock.advance(59)
        #expect(try await stack.send(harness.call()).response.data == 1)
        clock.advance(1)
        let refreshed = try await stack.send(harness.call()).response
        #expect(refreshed.data == 2 && refreshed.origin == .network)
        #expect(harness.transport.count == 2)
    }

    /// Policies: reload goes to the network and stores; only-cache never does, and fails
    /// without a stored response.
    @Test func policies() async throws {
        let clock = Clock()
        let harness = StackHarness { arrival, _ in StackHarness.success("\(arrival)") }
        let stack = harness.stack([ResponseCacheLayer(cache: Self.cache(clock), events: harness.events, credential: Data())])
        let missing = try await #require(throws: JustOneAPIError.self) { try await stack.send(harness.call(policy: .onlyCache)) }
        guard case .notInCache = missing.reason else {
            Issue.record("expected notInCache, got \(missing)")
            return
        }
        #expect(harness.transport.count == 0)
        _ = try await stack.send(harness.call())
        #expect(try await stack.send(harness.call(policy: .reload)).response.data == 2)
        #expect(try await stack.send(harness.call()).response.data == 2)
        clock.advance(3600)
        // Only-cache serves what is stored, whatever its age.
        #expect(try await stack.send(harness.call(policy: .onlyCache)).response.data == 2)
        #expect(harness.transport.count == 2)
    }

    /// Failures are not stored; nor is a body that holds the token.
    @Test func keepsNeitherFailuresNorTheToken() async throws {
        let harness = StackHarness { arrival, request in
            switch arrival {
            case 1: StackHarness.failure(400)
            case 2, 3: StackHarness.success(#""echo secret-token""#)
            default: StackHarness.success("\(arrival)")
            }
        }
        let store = MemoryResponseCacheStore()
        let cache = ResponseCache(store: store)
        let stack = harness.stack([
            ResponseCacheLayer(cache: cache, events: harness.events, credential: Data("secret-token".utf8))
        ])
        await #expect(throws: AttemptFailure.self) { try await stack.send(harness.call()) }
        _ = try await stack.send(harness.call())
        _ = try await stack.send(harness.call())
        #expect(store.count == 0)
        #expect(try await stack.send(harness.call()).response.data == 4)
        #expect(try await stack.send(harness.call()).response.data == 4)
        #expect(store.count == 1 && harness.transport.count == 4)
    }

    /// Requests that are not read-only are not cached, unless their operation has an age.
    @Test func onlyReadOnlyRequestsOrOperationsWithAnAge() async throws {
        let harness = StackHarness { arrival, _ in StackHarness.success("\(arrival)") }
        let cache = ResponseCache(store: MemoryResponseCacheStore()).maxAge(.seconds(60), forOperationID: "search")
        let stack = harness.stack([ResponseCacheLayer(cache: cache, events: harness.events, credential: Data())])
        _ = try await stack.send(harness.call("create", method: .post))
        #expect(try await stack.send(harness.call("create", method: .post)).response.data == 2)
        _ = try await stack.send(harness.call("search", method: .post))
        #expect(try await stack.send(harness.call("search", method: .post)).response.data == 3)
        let none = ResponseCache(store: MemoryResponseCacheStore()).maxAge(.zero, forOperationID: "listItems")
        #expect(none.maxAge(for: harness.call().request) == nil)
    }

    /// A store that fails is a warning, and the call goes to the network.
    @Test func aFailingStoreNeverFailsTheCall() async throws {
        struct Broken: ResponseCacheStore {
            struct Failure: Error {}
            func response(for key: CacheKey) async throws -> CachedResponse? { throw Failure() }
            func store(_ response: CachedResponse, for key: CacheKey) async throws { throw Failure() }
            func removeResponse(for key: CacheKey) async throws { throw Failure() }
            func removeAll() async throws { throw Failure() }
        }
        let log = LogCapture()
        let harness = StackHarness(logger: log.logger) { arrival, _ in StackHarness.success("\(arrival)") }
        let stack = harness.stack([
            ResponseCacheLayer(cache: ResponseCache(store: Broken()), events: harness.events, credential: Data())
        ])
        #expect(try await stack.send(harness.call()).response.data == 1)
        #expect(try await stack.send(harness.call()).response.data == 2)
        let warnings = log.lines.filter { $0.level == .warning }.map(\.message)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("the response cache could not be read") == true)
    }
}
