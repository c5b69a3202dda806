import Foundation

/// Where a ``ResponseCache`` keeps responses: in memory (``MemoryResponseCacheStore``), in a
/// SQLite file (`SQLiteResponseCacheStore`, product `JustOneAPISQLiteCache`), or a store of
/// your own.
///
/// A store may fail (a file locked, a disk full): the client then logs a warning and calls the
/// network as if nothing were stored. A cache never fails a call.
public protocol ResponseCacheStore: Sendable {
    /// The response stored under `key`, whatever its age; `nil` when there is none.
    func response(for key: CacheKey) async throws -> CachedResponse?
    /// Stores `response` under `key`, replacing what was there.
    func store(_ response: CachedResponse, for key: CacheKey) async throws
    /// Removes what is stored under `key`.
    func removeResponse(for key: CacheKey) async throws
    /// Removes everything.
    func removeAll() async throws
}

/// A successful response as a cache keeps it: the operation, the HTTP status, the headers and
/// the body, and when it was stored. Never the request's URL, so never the credential.
public struct CachedResponse: Sendable, Hashable {
    public var operationID: String
    public var status: Int
    public var headerFields: HTTPFields
    public var body: Data
    /// When the response was stored, by the cache's clock.
    public var storedAt: Date

    public init(operationID: String, status: Int, headerFields: HTTPFields, body: Data, storedAt: Date) {
        self.operationID = operationID
        self.status = status
        self.headerFields = headerFields
        self.body = body
        self.storedAt = storedAt
    }

    /// The response as the transport returned it.
    var httpResponse: HTTPResponse { HTTPResponse(status: status, headerFields: headerFields, body: body) }
}
