import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_MemoryResponseCacheStore {
    static func response(_ body: String) -> CachedResponse {
        CachedResponse(operationID: "op", status: 200, headerFields: [:], body: Data(body.utf8), storedAt: Date())
    }

    static func key(_ name: String) -> CacheKey { CacheKey(text: name, operationID: "op") }

    /// Past the entry cap, the least recently used goes first: reading an entry keeps it.
    @Test func leastRecentlyUsedGoesFirst() async throws {
        let store = MemoryResponseCacheStore(maxEntries: 3)
        for name in ["a", "b", "c"] { try await store.store(Self.response(name), for: Self.key(name)) }
        _ = try await store.response(for: Self.key("a"))
        try await store.store(Self.response("d"), for: Self.key("d"))
        #expect(try await store.response(for: Self.key("b")) == nil)
        for name in ["a", "c", "d"] { #expect(try await store.response(for: Self.key(name)) != nil) }
        #expect(store.count == 3)
    }

    /// The byte cap holds too, and replacing an entry counts its new size only.
    @Test func keepsTheByteCap() async throws {
        let store = MemoryResponseCacheStore(maxEntries: 100, maxBytes: 10)
        try await store.store(Self.response("12345"), for: Self.key("a"))
        try await store.store(Self.response("12345"), for: Self.key("b"))
        try await store.store(Self.response("123"), for: Self.key("a"))
        #expect(store.storedBytes == 8)
        try await store.store(Self.response("1234"), for: Self.key("c"))
        #expect(try await store.response(for: Self.key("b")) == nil)
        #expect(store.storedBytes == 7)
        try await store.store(Self.response("too large for the cap"), for: Self.key("d"))
        #expect(try await store.response(for: Self.key("d")) == nil)
        try await store.removeAll()
        #expect(store.count == 0 && store.storedBytes == 0)
    }

    /// Many tasks at once: the caps hold and nothing is lost track of.
    @Test func concurrentUseKeepsTheCaps() async throws {
        let store = MemoryResponseCacheStore(maxEntries: 50)
        _ = await concurrently(400) { index in
            try await store.store(Self.response("\(index)"), for: Self.key("\(index % 120)"))
            return try await store.response(for: Self.key("\((index * 7) % 120)"))?.status
        }
        #expect(store.count == 50)
    }
}
