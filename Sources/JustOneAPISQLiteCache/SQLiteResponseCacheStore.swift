import Foundation
import GRDB
import JustOneAPIRuntime
import SQLiteFiles

/// A ``ResponseCacheStore`` in a SQLite file: cached responses survive restarts and are shared
/// by every process that opens the same file.
///
/// ```swift
/// let cache = try ResponseCache.sqlite(path: "responses.sqlite", maxAge: .hours(24))
/// let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(cache: cache))
/// ```
///
/// The file holds one row per request: the SHA-256 of its key (never the parameter values,
/// never the credential), the operation, and the response's status, headers, body and date.
/// It is written in SQLite's write-ahead mode, so that readers never wait for a writer.
///
/// The file is opened on first use. A file that cannot be opened or read (damaged, locked by
/// another program for more than ``busyTimeout``, not a cache, on a disk that is full or read
/// only) makes every use throw; the client then logs a warning that names the file and calls
/// the network, as if nothing were stored. Opening is tried again at most every few seconds.
public final class SQLiteResponseCacheStore: ResponseCacheStore, @unchecked Sendable {
    /// The version of the file's tables, in SQLite's `user_version`.
    public static let schemaVersion: Int32 = 1
    /// What marks a file as a response cache, in SQLite's `application_id` ("JOAC").
    static let applicationID: Int32 = 0x4A4F_4143

    /// The file.
    public let path: String
    /// How long a use waits for another connection's lock before it fails.
    public let busyTimeout: Duration
    private let lock = NSLock()
    private var queue: DatabaseQueue?
    private var lastFailure: (at: ContinuousClock.Instant, error: SQLiteCacheError)?
    private static let reopenInterval: Duration = .seconds(5)

    /// A store in the file at `path`, made if it does not exist (its folder must).
    public init(path: String, busyTimeout: Duration = .milliseconds(500)) {
        self.path = path
        self.busyTimeout = busyTimeout
    }

    public func response(for key: CacheKey) async throws -> CachedResponse? {
        let digest = key.digest
        return try await use { db in
            // One statement, prepared once per connection.
            let statement = try db.cachedStatement(
                sql: "SELECT operation, status, headers, body, stored_at FROM response WHERE key = ?")
            guard let row = try Row.fetchOne(statement, arguments: [digest]) else { return nil }
            let headers: String = row["headers"]
            return CachedResponse(
                operationID: row["operation"], status: row["status"], headerFields: Self.decodeHeaders(headers),
                body: row["body"], storedAt: Date(timeIntervalSince1970: row["stored_at"]))
        }
    }

    public func store(_ response: CachedResponse, for key: CacheKey) async throws {
        let digest = key.digest
        let headers = Self.encodeHeaders(response.headerFields)
        try await use(writing: true) { db in
            try db.execute(
                sql: """
                    INSERT OR REPLACE INTO response (key, operation, status, headers, body, stored_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    digest, response.operationID, response.status, headers, response.body,
                    response.storedAt.timeIntervalSince1970,
                ])
        }
    }

    public func removeResponse(for key: CacheKey) async throws {
        let digest = key.digest
        try await use(writing: true) { db in try db.execute(sql: "DELETE FROM response WHERE key = ?", arguments: [digest]) }
    }

    public func removeAll() async throws {
        try await use(writing: true) { db in try db.execute(sql: "DELETE FROM response") }
    }

    /// Removes the responses stored before `date`; returns how many.
    @discardableResult
    public func removeResponses(storedBefore date: Date) async throws -> Int {
        try await use(writing: true) { db in
            try db.execute(sql: "DELETE FROM response WHERE stored_at < ?", arguments: [date.timeIntervalSince1970])
            return db.changesCount
        }
    }

    /// How many responses the file holds.
    public func count() async throws -> Int {
        try await use { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM response") ?? 0 }
    }

    /// Runs `work` on the open file, opening it first if need be; every failure becomes a
    /// ``SQLiteCacheError`` that names the file and what to do.
    private func use<T: Sendable>(writing: Bool = false, _ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let queue = try openQueue()
        do {
            // A read takes microseconds: done on this thread, without a hop to GRDB's queue and
            // back. A write waits for the disk, off this thread.
            return writing ? try await queue.write(work) : try Self.readNow(queue, work)
        } catch let error as DatabaseError {
            throw SQLiteCacheError(path: path, problem: Self.describe(error))
        }
    }

    /// One statement, outside a transaction (a single read needs none).
    private static func readNow<T>(_ queue: DatabaseQueue, _ work: (Database) throws -> T) throws -> T {
        try queue.inDatabase(work)
    }

    /// The open file, or the reason it cannot be opened (tried again after a while).
    private func openQueue() throws -> DatabaseQueue {
        try lock.withLock {
            if let queue { return queue }
            if let lastFailure, ContinuousClock.now - lastFailure.at < Self.reopenInterval { throw lastFailure.error }
            do {
                let queue = try open()
                self.queue = queue
                lastFailure = nil
                return queue
            } catch {
                let failure =
                    (error as? SQLiteCacheError)
                    ?? SQLiteCacheError(path: path, problem: (error as? DatabaseError).map(Self.describe) ?? "\(error)")
                lastFailure = (ContinuousClock.now, failure)
                throw failure
            }
        }
    }

    private func open() throws -> DatabaseQueue {
        let queue = try WriteAheadDatabase.open(
            path: path, label: "JustOneAPI response cache", busyTimeout: busyTimeout, durability: .normal)
        let path = self.path
        try queue.write { db in
            let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
            let version = try Int32.fetchOne(db, sql: "PRAGMA user_version") ?? 0
            let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
            if applicationID != Self.applicationID && tables > 0 {
                throw SQLiteCacheError(
                    path: path,
                    problem: "the file is a SQLite database but not a response cache: give the cache a file of its own")
            }
            if version > Self.schemaVersion {
                throw SQLiteCacheError(
                    path: path,
                    problem:
                        "the file was written by a newer version of the client (schema \(version), this one reads \(Self.schemaVersion)): update the client, or give this one another file")
            }
            if version < Self.schemaVersion {
                try db.execute(
                    sql: """
                        CREATE TABLE IF NOT EXISTS response (
                            key TEXT PRIMARY KEY NOT NULL,
                            operation TEXT NOT NULL,
                            status INTEGER NOT NULL,
                            headers TEXT NOT NULL,
                            body BLOB NOT NULL,
                            stored_at REAL NOT NULL
                        );
                        CREATE INDEX IF NOT EXISTS response_stored_at ON response (stored_at);
                        PRAGMA application_id = \(Self.applicationID);
                        PRAGMA user_version = \(Self.schemaVersion);
                        """)
            }
        }
        return queue
    }

    private static func describe(_ error: DatabaseError) -> String {
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            "the file is damaged or not a SQLite database (\(error.message ?? "\(error.resultCode)")): delete it, or give the cache another file"
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            "the file is locked by another connection (\(error.message ?? "busy")): the lock outlasted the busy timeout"
        case .SQLITE_READONLY, .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_IOERR, .SQLITE_FULL:
            "the file cannot be written or opened (\(error.message ?? "\(error.resultCode)")): check its folder, its permissions and the free space"
        default:
            error.message ?? "\(error)"
        }
    }

    /// Headers as text: a line per field, name and value separated by a tab.
    static func encodeHeaders(_ fields: HTTPFields) -> String {
        fields.map { "\($0.name)\t\($0.value)" }.joined(separator: "\n")
    }

    static func decodeHeaders(_ text: String) -> HTTPFields {
        HTTPFields(
            text.split(separator: "\n").compactMap { line in
                guard let tab = line.firstIndex(of: "\t") else { return nil }
                return HTTPField(name: String(line[..<tab]), value: String(line[line.index(after: tab)...]))
            })
    }
}

/// Why the SQLite response cache could not be used: the file and what to do.
public struct SQLiteCacheError: Error, Sendable, CustomStringConvertible {
    /// The cache file.
    public let path: String
    /// What went wrong, and what to do about it.
    public let problem: String

    public var description: String { "response cache \(path): \(problem)" }
}

extension ResponseCache {
    /// A cache in the SQLite file at `path` (made if it does not exist): it survives restarts
    /// and is shared by every client and process that opens the file.
    public static func sqlite(
        path: String, maxAge: Duration = .hours(24), busyTimeout: Duration = .milliseconds(500)
    ) -> ResponseCache {
        ResponseCache(store: SQLiteResponseCacheStore(path: path, busyTimeout: busyTimeout), maxAge: maxAge)
    }
}
