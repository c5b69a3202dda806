import Foundation

/// A ``ResponseCacheStore`` in memory: at most `maxEntries` responses and `maxBytes` of bodies,
/// the least recently used out first. It lasts as long as the process.
public final class MemoryResponseCacheStore: ResponseCacheStore, @unchecked Sendable {
    /// One stored response in the recency list (a doubly linked list through indices).
    private struct Node {
        var key: CacheKey
        var response: CachedResponse
        var newer: Int?
        var older: Int?
    }

    public let maxEntries: Int
    public let maxBytes: Int
    private let lock = NSLock()
    private var nodes: [Node] = []
    private var freeIndices: [Int] = []
    private var indexByKey: [CacheKey: Int] = [:]
    private var newest: Int?
    private var oldest: Int?
    private var bytes = 0

    public init(maxEntries: Int = 10_000, maxBytes: Int = 64 << 20) {
        self.maxEntries = max(1, maxEntries)
        self.maxBytes = max(0, maxBytes)
    }

    /// How many responses are stored now.
    public var count: Int { lock.withLock { indexByKey.count } }

    /// The bytes of the bodies stored now.
    public var storedBytes: Int { lock.withLock { bytes } }

    public func response(for key: CacheKey) async throws -> CachedResponse? {
        lookUp(key)
    }

    public func store(_ response: CachedResponse, for key: CacheKey) async throws {
        insert(response, for: key)
    }

    public func removeResponse(for key: CacheKey) async throws {
        lock.withLock {
            if let index = indexByKey[key] { unlinkAndFree(index) }
        }
    }

    public func removeAll() async throws {
        lock.withLock {
            nodes.removeAll()
            freeIndices.removeAll()
            indexByKey.removeAll()
            newest = nil
            oldest = nil
            bytes = 0
        }
    }

    /// The response under `key`, which becomes the most recently used.
    func lookUp(_ key: CacheKey) -> CachedResponse? {
        lock.withLock {
            guard let index = indexByKey[key] else { return nil }
            unlink(index)
            linkAsNewest(index)
            return nodes[index].response
        }
    }

    /// Stores `response`, then drops the least recently used until both caps hold. A body
    /// larger than `maxBytes` on its own is not kept.
    func insert(_ response: CachedResponse, for key: CacheKey) {
        lock.withLock {
            if let index = indexByKey[key] { unlinkAndFree(index) }
            guard response.body.count <= maxBytes else { return }
            let node = Node(key: key, response: response, newer: nil, older: nil)
            let index: Int
            if let free = freeIndices.popLast() {
                nodes[free] = node
                index = free
            } else {
                nodes.append(node)
                index = nodes.count - 1
            }
            indexByKey[key] = index
            bytes += response.body.count
            linkAsNewest(index)
            while indexByKey.count > maxEntries || bytes > maxBytes, let victim = oldest {
                unlinkAndFree(victim)
            }
        }
    }

    private func linkAsNewest(_ index: Int) {
        nodes[index].older = newest
        nodes[index].newer = nil
        if let newest { nodes[newest].newer = index }
        newest = index
        if oldest == nil { oldest = index }
    }

    private func unlink(_ index: Int) {
        let (newer, older) = (nodes[index].newer, nodes[index].older)
        if let newer { nodes[newer].older = older } else { newest = older }
        if let older { nodes[older].newer = newer } else { oldest = newer }
        nodes[index].newer = nil
        nodes[index].older = nil
    }

    private func unlinkAndFree(_ index: Int) {
        unlink(index)
        indexByKey[nodes[index].key] = nil
        bytes -= nodes[index].response.body.count
        nodes[index].response.body = Data()
        freeIndices.append(index)
    }
}
