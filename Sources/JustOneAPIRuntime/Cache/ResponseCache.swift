import Foundation

/// Successful responses kept and served again without a call, for as long as they are young
/// enough: ``ClientConfiguration/cache``.
///
/// Every Just One API call is billed; a job run again after a fix, or an app that asks for
/// the same creator twice, pays once with a cache:
///
/// ```swift
/// let cache = ResponseCache.memory(maxAge: .hours(24))
///     .maxAge(.minutes(10), for: DouyinXingtuAPI.GetAuthorTags.self)
/// let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(cache: cache))
/// ```
///
/// What is kept: a response that succeeded (business code 0, or a 2xx status without an
/// envelope) of a request that only reads (``Request/isReadOnly``: every Just One API
/// operation, and GET elsewhere) or of an operation given a maximum age of its own. Failures
/// are never kept. The key is the request: method, server, path, query items, header fields
/// and body in a canonical order ( ``CacheKey``), without the credential, which is never stored.
///
/// A response served from the cache is not sent, not billed and not counted against the
/// budget; ``APIResponse/origin`` says where it came from and ``OperationUsage/servedFromCache``
/// counts it. Pages of a ``PageSequence`` are cached one by one. A store that fails (a locked
/// or damaged file) is a warning in the log, and the call goes to the network.
public struct ResponseCache: Sendable {
    /// Where responses are kept.
    public var store: any ResponseCacheStore
    /// How long a stored response is served, unless its operation has its own age.
    public var maxAge: Duration
    /// The age of each operation that has its own, by `operationId`; `.zero` keeps none.
    public var maxAgeByOperation: [String: Duration]
    /// The clock that dates stored responses and decides their age (`Date()` by default).
    public var now: @Sendable () -> Date

    /// A cache in `store`, serving responses younger than `maxAge`.
    public init(store: any ResponseCacheStore, maxAge: Duration = .hours(24), now: @escaping @Sendable () -> Date = { Date() }) {
        self.store = store
        self.maxAge = maxAge
        self.maxAgeByOperation = [:]
        self.now = now
    }

    /// A cache in memory: at most `maxEntries` responses and `maxBytes` of bodies, the least
    /// recently used out first. It lasts as long as the process.
    public static func memory(
        maxEntries: Int = 10_000, maxBytes: Int = 64 << 20, maxAge: Duration = .hours(24)
    ) -> ResponseCache {
        ResponseCache(store: MemoryResponseCacheStore(maxEntries: maxEntries, maxBytes: maxBytes), maxAge: maxAge)
    }

    /// This cache, serving the responses of `operation` while younger than `age` (`.zero`:
    /// never). An operation given an age is cached even when its requests are not read-only.
    public func maxAge<Operation: APIOperation>(_ age: Duration, for operation: Operation.Type) -> ResponseCache {
        maxAge(age, forOperationID: Operation.operationID)
    }

    /// This cache, serving the responses of the operation with this `operationId` while
    /// younger than `age`.
    public func maxAge(_ age: Duration, forOperationID operationID: String) -> ResponseCache {
        var cache = self
        cache.maxAgeByOperation[operationID] = age
        return cache
    }

    /// How long `request`'s responses are served; `nil` when they are not cached at all.
    func maxAge<Output>(for request: Request<Output>) -> Duration? {
        if let age = maxAgeByOperation[request.operationID] { return age > .zero ? age : nil }
        return request.isReadOnly && maxAge > .zero ? maxAge : nil
    }

    /// Runs `body` with `policy` for every call it makes that does not set its own
    /// (``Request/cachePolicy``): a way to give generated methods a policy.
    ///
    /// ```swift
    /// let fresh = try await ResponseCache.withPolicy(.reload) {
    ///     try await client.douyinXingtu.getAuthorTags(starAuthorId: id)
    /// }
    /// ```
    public static func withPolicy<Result>(
        _ policy: CachePolicy, _ body: () async throws -> Result
    ) async rethrows -> Result {
        try await $currentPolicy.withValue(policy, operation: body)
    }

    @TaskLocal static var currentPolicy: CachePolicy?
}

/// What one call does with the response cache.
public enum CachePolicy: Sendable, Hashable {
    /// A stored response younger than its maximum age is served; otherwise the call goes to
    /// the network and its success is stored. The default.
    case useCache
    /// The call goes to the network, whatever is stored, and its success replaces it.
    case reload
    /// Only a stored response is served, whatever its age; without one the call fails with
    /// ``JustOneAPIError/Reason/notInCache`` and nothing is sent.
    case onlyCache
}

extension Duration {
    /// `minutes` minutes.
    public static func minutes(_ minutes: Int) -> Duration { .seconds(minutes * 60) }
    /// `hours` hours.
    public static func hours(_ hours: Int) -> Duration { .seconds(hours * 3600) }
    /// `days` days of 24 hours.
    public static func days(_ days: Int) -> Duration { .seconds(days * 86_400) }
}
