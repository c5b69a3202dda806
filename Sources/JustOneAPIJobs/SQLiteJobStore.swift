import Foundation
import GRDB
import JustOneAPIRuntime
import SQLiteFiles

/// A ``JobStore`` in a SQLite file: nothing to install or start. Several processes on one
/// machine may work on the same file; SQLite's locks and the inputs' leases keep them apart.
///
/// The file is written in write-ahead mode with `synchronous = FULL`: a page the store said it
/// saved survives a crash of the process or of the machine.
public final class SQLiteJobStore: JobStore, @unchecked Sendable {
    /// The version of the file's tables, in SQLite's `user_version`.
    public static let schemaVersion = 1
    /// What marks a file as a job store, in SQLite's `application_id` ("JOAJ").
    static let applicationID: Int32 = 0x4A4F_414A

    /// How long a use waits for another process's lock before it fails.
    static let busyTimeout: Duration = .seconds(30)

    public let path: String
    public var location: String { path }
    private let lock = NSLock()
    private var opened: DatabaseQueue?

    /// A store in the file at `path`, made if it does not exist (its folder must).
    public init(path: String) {
        self.path = path
    }

    // MARK: Opening

    private func queue() throws -> DatabaseQueue {
        try lock.withLock {
            if let opened { return opened }
            let queue = try open()
            opened = queue
            return queue
        }
    }

    private func open() throws -> DatabaseQueue {
        let queue: DatabaseQueue
        do {
            queue = try WriteAheadDatabase.open(
                path: path, label: "JustOneAPI job store", busyTimeout: Self.busyTimeout, durability: .full)
        } catch {
            throw describe(error)
        }
        let path = self.path
        do {
            try queue.write { db in
                let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master WHERE type = 'table'") ?? 0
                if applicationID != Self.applicationID && tables > 0 {
                    throw JobStoreError.notAJobStore(store: path, problem: "the file is a SQLite database, but not a job store")
                }
                if version > 0 && version != Self.schemaVersion {
                    throw JobStoreError.schemaVersion(store: path, found: version, expected: Self.schemaVersion)
                }
                guard version == 0 else { return }
                try db.execute(
                    sql: """
                        CREATE TABLE job (
                            name TEXT PRIMARY KEY NOT NULL,
                            fingerprint TEXT NOT NULL,
                            input_count INTEGER NOT NULL,
                            created_at REAL NOT NULL,
                            paused_because TEXT
                        );
                        CREATE TABLE job_input (
                            job TEXT NOT NULL REFERENCES job (name),
                            position INTEGER NOT NULL,
                            input TEXT NOT NULL,
                            status TEXT NOT NULL DEFAULT 'pending',
                            next TEXT,
                            pages INTEGER NOT NULL DEFAULT 0,
                            items INTEGER NOT NULL DEFAULT 0,
                            error TEXT,
                            lease_owner TEXT,
                            lease_until REAL,
                            PRIMARY KEY (job, position)
                        );
                        CREATE TABLE job_item (
                            job TEXT NOT NULL,
                            position INTEGER NOT NULL,
                            page INTEGER NOT NULL,
                            idx INTEGER NOT NULL,
                            value TEXT NOT NULL,
                            PRIMARY KEY (job, position, page, idx)
                        );
                        PRAGMA application_id = \(Self.applicationID);
                        PRAGMA user_version = \(Self.schemaVersion);
                        """)
            }
        } catch {
            throw describe(error)
        }
        return queue
    }

    /// `error` as the store's error: one of its own as it is, SQLite's with the file's name.
    private func describe(_ error: any Error) -> JobStoreError {
        if let error = error as? JobStoreError { return error }
        guard let error = error as? DatabaseError else { return .unavailable(store: path, problem: "\(error)") }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT:
            return .notAJobStore(store: path, problem: "the file is damaged or not a SQLite database (\(error.message ?? "\(error.resultCode)"))")
        default:
            return .unavailable(store: path, problem: error.message ?? "\(error)")
        }
    }

    /// Runs `work` in a transaction, every failure described with the store's name.
    private func write<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue().write(work)
        } catch {
            throw describe(error)
        }
    }

    private func read<T: Sendable>(_ work: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do {
            return try await queue().read(work)
        } catch {
            throw describe(error)
        }
    }

    // MARK: JobStore

    public func open(_ job: String, inputs: [String]) async throws {
        let fingerprint = JobFingerprint.of(inputs)
        let path = self.path
        try await write { db in
            if let row = try Row.fetchOne(db, sql: "SELECT fingerprint, input_count FROM job WHERE name = ?", arguments: [job]) {
                let stored: String = row["fingerprint"]
                if stored != fingerprint {
                    throw JobStoreError.otherInputs(store: path, job: job, stored: row["input_count"], given: inputs.count)
                }
                return
            }
            try db.execute(
                sql: "INSERT INTO job (name, fingerprint, input_count, created_at) VALUES (?, ?, ?, ?)",
                arguments: [job, fingerprint, inputs.count, Date().timeIntervalSince1970])
            let insert = try db.cachedStatement(sql: "INSERT INTO job_input (job, position, input) VALUES (?, ?, ?)")
            for (position, input) in inputs.enumerated() {
                try insert.execute(arguments: [job, position, input])
            }
        }
    }

    public func claim(_ job: String, worker: String, count: Int, lease: Duration) async throws -> [JobClaim] {
        guard count > 0 else { return [] }
        let now = Date().timeIntervalSince1970
        let until = now + lease.timeInterval
        return try await write { db in
            if try String.fetchOne(db, sql: "SELECT paused_because FROM job WHERE name = ?", arguments: [job]) != nil { return [] }
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT position, input, next, pages FROM job_input
                    WHERE job = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)
                    ORDER BY position LIMIT ?
                    """,
                arguments: [job, now, count])
            let update = try db.cachedStatement(
                sql: "UPDATE job_input SET lease_owner = ?, lease_until = ? WHERE job = ? AND position = ?")
            return try rows.map { row in
                let position: Int = row["position"]
                try update.execute(arguments: [worker, until, job, position])
                let next: String? = row["next"]
                return JobClaim(
                    position: position, input: row["input"], next: try next.map(JobFingerprint.decodePoint),
                    pages: row["pages"])
            }
        }
    }

    public func save(_ page: JobPageRecord, worker: String, lease: Duration) async throws {
        let until = Date().timeIntervalSince1970 + lease.timeInterval
        let values = try page.items.map(JobFingerprint.encodeValue)
        let next = try page.next.map(JobFingerprint.encodePoint)
        try await write { db in
            let owner = try String.fetchOne(
                db, sql: "SELECT lease_owner FROM job_input WHERE job = ? AND position = ?",
                arguments: [page.job, page.position])
            guard owner == worker else { throw JobStoreError.leaseLost("input \(page.position) of `\(page.job)`") }
            let insert = try db.cachedStatement(
                sql: "INSERT OR REPLACE INTO job_item (job, position, page, idx, value) VALUES (?, ?, ?, ?, ?)")
            for (index, value) in values.enumerated() {
                try insert.execute(arguments: [page.job, page.position, page.page, index, value])
            }
            try db.execute(
                sql: """
                    UPDATE job_input SET next = ?, pages = ? + 1, items = items + ?, status = ?, lease_until = ?,
                        lease_owner = CASE WHEN ? THEN NULL ELSE lease_owner END
                    WHERE job = ? AND position = ?
                    """,
                arguments: [
                    next, page.page, values.count, next == nil ? "done" : "pending", next == nil ? nil : until,
                    next == nil, page.job, page.position,
                ])
        }
    }

    public func fail(_ job: String, position: Int, worker: String, error: String) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    UPDATE job_input SET status = 'failed', error = ?, lease_owner = NULL, lease_until = NULL
                    WHERE job = ? AND position = ? AND lease_owner = ?
                    """,
                arguments: [error, job, position, worker])
        }
    }

    public func release(_ job: String, position: Int, worker: String) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE job_input SET lease_owner = NULL, lease_until = NULL WHERE job = ? AND position = ? AND lease_owner = ?",
                arguments: [job, position, worker])
        }
    }

    public func releaseAll(_ job: String, worker: String) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE job_input SET lease_owner = NULL, lease_until = NULL WHERE job = ? AND lease_owner = ?",
                arguments: [job, worker])
        }
    }

    public func renew(_ job: String, worker: String, lease: Duration) async throws {
        let until = Date().timeIntervalSince1970 + lease.timeInterval
        try await write { db in
            try db.execute(
                sql: "UPDATE job_input SET lease_until = ? WHERE job = ? AND lease_owner = ? AND status = 'pending'",
                arguments: [until, job, worker])
        }
    }

    public func pause(_ job: String, reason: String) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE job SET paused_because = ? WHERE name = ? AND paused_because IS NULL", arguments: [reason, job])
        }
    }

    public func unpause(_ job: String) async throws {
        try await write { db in try db.execute(sql: "UPDATE job SET paused_because = NULL WHERE name = ?", arguments: [job]) }
    }

    public func pausedBecause(_ job: String) async throws -> String? {
        try await read { db in try String.fetchOne(db, sql: "SELECT paused_because FROM job WHERE name = ?", arguments: [job]) }
    }

    public func status(of job: String) async throws -> JobStatus? {
        try await read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT input_count, paused_because FROM job WHERE name = ?", arguments: [job])
            else { return nil }
            let counts = try Row.fetchOne(
                db,
                sql: """
                    SELECT sum(status = 'done') AS done, sum(status = 'failed') AS failed,
                        sum(status = 'pending' AND pages > 0) AS progress, sum(pages) AS pages, sum(items) AS items
                    FROM job_input WHERE job = ?
                    """,
                arguments: [job])
            return JobStatus(
                name: job, inputs: row["input_count"], done: counts?["done"] ?? 0, failed: counts?["failed"] ?? 0,
                inProgress: counts?["progress"] ?? 0, pages: counts?["pages"] ?? 0, items: counts?["items"] ?? 0,
                pausedBecause: row["paused_because"])
        }
    }

    public func jobs() async throws -> [String] {
        try await read { db in try String.fetchAll(db, sql: "SELECT name FROM job ORDER BY created_at, name") }
    }

    public func items(of job: String, after cursor: JobItemCursor?, limit: Int) async throws -> [JobItem] {
        let rows: [(Int, String, Int, Int, String)] = try await read { db in
            let after = cursor ?? JobItemCursor(position: -1, page: 0, index: 0)
            return try Row.fetchAll(
                db,
                sql: """
                    SELECT i.position, n.input, i.page, i.idx, i.value FROM job_item i
                    JOIN job_input n ON n.job = i.job AND n.position = i.position
                    WHERE i.job = ? AND (i.position, i.page, i.idx) > (?, ?, ?)
                    ORDER BY i.position, i.page, i.idx LIMIT ?
                    """,
                arguments: [job, after.position, after.page, after.index, limit]
            ).map { ($0[0], $0[1], $0[2], $0[3], $0[4]) }
        }
        return try rows.map { position, input, page, index, text in
            JobItem(input: input, position: position, page: page, index: index, value: try JSONValue.parse(Data(text.utf8)))
        }
    }

    public func failures(of job: String) async throws -> [(input: String, error: String)] {
        let rows: [(String, String)] = try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT input, error FROM job_input WHERE job = ? AND status = 'failed' ORDER BY position",
                arguments: [job]
            ).map { ($0[0], $0[1] ?? "") }
        }
        return rows.map { (input: $0.0, error: $0.1) }
    }

    public func retryFailed(_ job: String) async throws -> Int {
        try await write { db in
            try db.execute(sql: "UPDATE job_input SET status = 'pending', error = NULL WHERE job = ? AND status = 'failed'", arguments: [job])
            return db.changesCount
        }
    }
}
