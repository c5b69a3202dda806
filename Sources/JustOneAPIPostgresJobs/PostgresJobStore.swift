import Foundation
import JustOneAPIJobs
import JustOneAPIRuntime
import Logging
import PostgresNIO

/// A ``JobStore`` in a PostgreSQL database, for many workers on many machines.
///
/// - Workers claim inputs with leases (`SELECT … FOR UPDATE SKIP LOCKED`), timed by the
///   server's clock; a lease its worker stops renewing (killed, disconnected) expires, and
///   another worker goes on with that input from its saved page.
/// - Every page is saved with its items in one transaction, as on SQLite.
/// - A pause (a budget used up, an account stop) seen by one worker is in the database: every
///   worker reads it after each page and stops.
/// - ``sharedBudget(for:maxRequests:)`` is one request counter in the database for every
///   worker of a job, never exceeded.
///
/// The tables live in a schema of the database (`public` unless told), named `justoneapi_job…`;
/// `justoneapi_job_store` carries their version.
public final class PostgresJobStore: JobStore, Sendable {
    /// The version of the store's tables.
    public static let schemaVersion = 1

    public let location: String
    /// The schema that holds the tables.
    public let schema: String
    /// How long an operation may wait for the server before it fails with
    /// ``JobStoreError/unavailable(store:problem:)``.
    public let operationTimeout: Duration
    private let client: PostgresClient
    private let running: Task<Void, Never>
    private let readiness = Readiness()
    private let logger = Logger(label: "JustOneAPI.PostgresJobStore")

    /// A store on the server that `configuration` names; its connections are made as they are
    /// needed (nothing is checked before the first operation).
    public init(
        configuration: PostgresClient.Configuration, schema: String = "public", operationTimeout: Duration = .seconds(30)
    ) throws {
        guard schema.range(of: "^[a-z_][a-z0-9_]{0,62}$", options: .regularExpression) != nil else {
            throw JobStoreError.unavailable(
                store: "schema \(schema)", problem: "a schema name is lowercase letters, digits and underscores")
        }
        let host = configuration.host ?? configuration.unixSocketPath ?? "?"
        location = "postgres://\(configuration.username)@\(host)\(configuration.port.map { ":\($0)" } ?? "")/\(configuration.database ?? configuration.username) (schema \(schema))"
        self.schema = schema
        self.operationTimeout = operationTimeout
        let client = PostgresClient(configuration: configuration)
        self.client = client
        running = Task { await client.run() }
    }

    /// A store at `url`: `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]`, without
    /// TLS (a server on the same network); for TLS, pass a configuration.
    public convenience init(url: String, operationTimeout: Duration = .seconds(30)) throws {
        guard let components = URLComponents(string: url), ["postgres", "postgresql"].contains(components.scheme ?? ""),
            let host = components.host, let user = components.user
        else {
            throw JobStoreError.unavailable(
                store: url, problem: "expected postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME]")
        }
        let database = components.path.split(separator: "/").first.map(String.init)
        var configuration = PostgresClient.Configuration(
            host: host, port: components.port ?? 5432, username: user, password: components.password, database: database,
            tls: .disable)
        configuration.options.maximumConnections = 8
        let schema = components.queryItems?.first { $0.name == "schema" }?.value ?? "public"
        try self.init(configuration: configuration, schema: schema, operationTimeout: operationTimeout)
    }

    deinit { running.cancel() }

    /// Closes the store's connections.
    public func close() { running.cancel() }

    // MARK: Tables

    private func table(_ name: String) -> String { "\(schema).justoneapi_\(name)" }

    /// Makes the tables the first time, or checks their version; once per store.
    private func ready() async throws {
        try await readiness.once { try await self.prepareTables() }
    }

    private func prepareTables() async throws {
        let schema = self.schema
        let store = table("job_store"), job = table("job"), input = table("job_input"), item = table("job_item")
        let location = self.location
        try await client.withTransaction(logger: logger) { connection in
            // One worker makes the tables; the others wait here and find them made.
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(schema)))", logger: self.logger)
            try await connection.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: schema)", logger: self.logger)
            let found = try await connection.query(
                "SELECT to_regclass(\(store))::text, to_regclass(\(job))::text", logger: self.logger
            ).collect().first?.decode((String?, String?).self)
            if found?.0 != nil {
                let version = try await connection.query("SELECT version FROM \(unescaped: store)", logger: self.logger)
                    .collect().first?.decode(Int.self)
                guard let version else {
                    throw JobStoreError.notAJobStore(store: location, problem: "\(store) holds no version")
                }
                if version != Self.schemaVersion {
                    throw JobStoreError.schemaVersion(store: location, found: version, expected: Self.schemaVersion)
                }
                return
            }
            if found?.1 != nil {
                throw JobStoreError.notAJobStore(
                    store: location, problem: "the table \(job) exists, but was not made by a job store")
            }
            let statements: [String] = [
                "CREATE TABLE \(store) (version integer NOT NULL)",
                "INSERT INTO \(store) (version) VALUES (\(Self.schemaVersion))",
                """
                CREATE TABLE \(job) (
                    name text PRIMARY KEY,
                    fingerprint text NOT NULL,
                    input_count bigint NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
                    paused_because text,
                    requests_sent bigint NOT NULL DEFAULT 0
                )
                """,
                """
                CREATE TABLE \(input) (
                    job text NOT NULL REFERENCES \(job) (name),
                    position bigint NOT NULL,
                    input text NOT NULL,
                    status text NOT NULL DEFAULT 'pending',
                    next text,
                    pages bigint NOT NULL DEFAULT 0,
                    items bigint NOT NULL DEFAULT 0,
                    error text,
                    lease_owner text,
                    lease_until timestamptz,
                    PRIMARY KEY (job, position)
                )
                """,
                """
                CREATE TABLE \(item) (
                    job text NOT NULL,
                    position bigint NOT NULL,
                    page bigint NOT NULL,
                    idx bigint NOT NULL,
                    value text NOT NULL,
                    PRIMARY KEY (job, position, page, idx)
                )
                """,
            ]
            for statement in statements {
                try await connection.query(PostgresQuery(unsafeSQL: statement), logger: self.logger)
            }
        }
    }

    // MARK: Running operations

    /// Runs `work` once the tables are ready, within ``operationTimeout``, every failure
    /// described with the store's location. A server that does not answer fails the operation
    /// when the time is up, whether or not the driver gives up waiting for it then.
    private func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let timeout = operationTimeout
        let location = self.location
        let outcome = FirstOutcome<T>()
        do {
            return try await withTaskCancellationHandler {
                try await withCheckedThrowingContinuation { continuation in
                    outcome.start(continuation)
                    let worker = Task {
                        do {
                            try await self.ready()
                            outcome.finish(.success(try await work()))
                        } catch {
                            outcome.finish(.failure(error))
                        }
                    }
                    let timer = Task {
                        try? await Task.sleep(for: timeout)
                        outcome.finish(
                            .failure(
                                JobStoreError.unavailable(
                                    store: location,
                                    problem: "the server did not answer within \(timeout) (is it running, and reachable?)")))
                    }
                    outcome.whenFinished {
                        worker.cancel()
                        timer.cancel()
                    }
                }
            } onCancel: {
                outcome.finish(.failure(CancellationError()))
            }
        } catch let error as JobStoreError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw describe(error)
        }
    }

    private func describe(_ error: any Error) -> JobStoreError {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] {
                return .unavailable(store: location, problem: "the server says: \(message)")
            }
            let underlying = error.underlying.map { ": \($0)" } ?? ""
            return .unavailable(store: location, problem: "\(error.code)\(underlying)")
        }
        return .unavailable(store: location, problem: "\(error)")
    }

    private func transaction<T: Sendable>(_ work: @escaping @Sendable (PostgresConnection) async throws -> T) async throws -> T {
        try await run { [client, logger] in
            try await client.withTransaction(logger: logger) { connection in try await work(connection) }
        }
    }

    private func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await run { [client, logger] in try await client.query(query, logger: logger).collect() }
    }

    // MARK: JobStore

    public func open(_ job: String, inputs: [String]) async throws {
        let fingerprint = JobFingerprint.of(inputs)
        let location = self.location
        let jobs = table("job"), inputTable = table("job_input")
        try await transaction { [logger] connection in
            try await connection.query("SELECT pg_advisory_xact_lock(hashtext(\(job)))", logger: logger)
            let stored = try await connection.query(
                "SELECT fingerprint, input_count FROM \(unescaped: jobs) WHERE name = \(job)", logger: logger
            ).collect().first?.decode((String, Int).self)
            if let stored {
                if stored.0 != fingerprint {
                    throw JobStoreError.otherInputs(store: location, job: job, stored: stored.1, given: inputs.count)
                }
                return
            }
            try await connection.query(
                "INSERT INTO \(unescaped: jobs) (name, fingerprint, input_count) VALUES (\(job), \(fingerprint), \(inputs.count))",
                logger: logger)
            try await connection.query(
                """
                INSERT INTO \(unescaped: inputTable) (job, position, input)
                SELECT \(job), t.i - 1, t.v FROM unnest(\(inputs)::text[]) WITH ORDINALITY AS t(v, i)
                """,
                logger: logger)
        }
    }

    public func claim(_ job: String, worker: String, count: Int, lease: Duration) async throws -> [JobClaim] {
        guard count > 0 else { return [] }
        let jobs = table("job"), inputs = table("job_input")
        let seconds = lease.timeInterval
        let rows = try await rows(
            """
            UPDATE \(unescaped: inputs) SET lease_owner = \(worker), lease_until = clock_timestamp() + make_interval(secs => \(seconds))
            WHERE job = \(job) AND position IN (
                SELECT position FROM \(unescaped: inputs)
                WHERE job = \(job) AND status = 'pending' AND (lease_until IS NULL OR lease_until < clock_timestamp())
                ORDER BY position LIMIT \(count) FOR UPDATE SKIP LOCKED)
            AND NOT EXISTS (SELECT 1 FROM \(unescaped: jobs) WHERE name = \(job) AND paused_because IS NOT NULL)
            RETURNING position, input, next, pages
            """)
        return try Self.claims(from: rows)
    }

    public func releaseAll(_ job: String, worker: String) async throws {
        let inputs = table("job_input")
        _ = try await rows(
            "UPDATE \(unescaped: inputs) SET lease_owner = NULL, lease_until = NULL WHERE job = \(job) AND lease_owner = \(worker)")
    }

    public func save(_ page: JobPageRecord, worker: String, lease: Duration) async throws {
        let values = try page.items.map(JobFingerprint.encodeValue)
        let next = try page.next.map(JobFingerprint.encodePoint)
        let inputs = table("job_input"), items = table("job_item")
        let seconds = lease.timeInterval
        let done = next == nil
        try await transaction { [logger] connection in
            let owner = try await connection.query(
                "SELECT lease_owner FROM \(unescaped: inputs) WHERE job = \(page.job) AND position = \(page.position) FOR UPDATE",
                logger: logger
            ).collect().first?.decode(String?.self)
            guard owner == worker else { throw JobStoreError.leaseLost("input \(page.position) of `\(page.job)`") }
            try await connection.query(
                """
                INSERT INTO \(unescaped: items) (job, position, page, idx, value)
                SELECT \(page.job), \(page.position), \(page.page), t.i - 1, t.v FROM unnest(\(values)::text[]) WITH ORDINALITY AS t(v, i)
                ON CONFLICT (job, position, page, idx) DO UPDATE SET value = EXCLUDED.value
                """,
                logger: logger)
            try await connection.query(
                """
                UPDATE \(unescaped: inputs) SET next = \(next), pages = \(page.page + 1), items = items + \(values.count),
                    status = \(done ? "done" : "pending"),
                    lease_until = CASE WHEN \(done) THEN NULL ELSE clock_timestamp() + make_interval(secs => \(seconds)) END,
                    lease_owner = CASE WHEN \(done) THEN NULL ELSE lease_owner END
                WHERE job = \(page.job) AND position = \(page.position)
                """,
                logger: logger)
        }
    }

    public func fail(_ job: String, position: Int, worker: String, error: String) async throws {
        let inputs = table("job_input")
        _ = try await rows(
            """
            UPDATE \(unescaped: inputs) SET status = 'failed', error = \(error), lease_owner = NULL, lease_until = NULL
            WHERE job = \(job) AND position = \(position) AND lease_owner = \(worker)
            """)
    }

    public func release(_ job: String, position: Int, worker: String) async throws {
        let inputs = table("job_input")
        _ = try await rows(
            """
            UPDATE \(unescaped: inputs) SET lease_owner = NULL, lease_until = NULL
            WHERE job = \(job) AND position = \(position) AND lease_owner = \(worker)
            """)
    }

    public func renew(_ job: String, worker: String, lease: Duration) async throws {
        let inputs = table("job_input")
        let seconds = lease.timeInterval
        _ = try await rows(
            """
            UPDATE \(unescaped: inputs) SET lease_until = clock_timestamp() + make_interval(secs => \(seconds))
            WHERE job = \(job) AND lease_owner = \(worker) AND status = 'pending'
            """)
    }

    public func pause(_ job: String, reason: String) async throws {
        let jobs = table("job")
        _ = try await rows(
            "UPDATE \(unescaped: jobs) SET paused_because = \(reason) WHERE name = \(job) AND paused_because IS NULL")
    }

    public func unpause(_ job: String) async throws {
        let jobs = table("job")
        _ = try await rows("UPDATE \(unescaped: jobs) SET paused_because = NULL WHERE name = \(job)")
    }

    public func pausedBecause(_ job: String) async throws -> String? {
        let jobs = table("job")
        return try await rows("SELECT paused_because FROM \(unescaped: jobs) WHERE name = \(job)").first?.decode(String?.self)
    }

    public func status(of job: String) async throws -> JobStatus? {
        let jobs = table("job"), inputs = table("job_input")
        guard
            let row = try await rows(
                """
                SELECT j.input_count, j.paused_because,
                    count(*) FILTER (WHERE i.status = 'done'), count(*) FILTER (WHERE i.status = 'failed'),
                    count(*) FILTER (WHERE i.status = 'pending' AND i.pages > 0),
                    coalesce(sum(i.pages), 0)::bigint, coalesce(sum(i.items), 0)::bigint
                FROM \(unescaped: jobs) j LEFT JOIN \(unescaped: inputs) i ON i.job = j.name
                WHERE j.name = \(job) GROUP BY j.name, j.input_count, j.paused_because
                """
            ).first
        else { return nil }
        let (count, paused, done, failed, progress, pages, items) = try row.decode((Int, String?, Int, Int, Int, Int, Int).self)
        return JobStatus(
            name: job, inputs: count, done: done, failed: failed, inProgress: progress, pages: pages, items: items,
            pausedBecause: paused)
    }

    public func jobs() async throws -> [String] {
        let jobs = table("job")
        let rows = try await rows("SELECT name FROM \(unescaped: jobs) ORDER BY created_at, name")
        return try Self.names(from: rows)
    }

    public func items(of job: String, after cursor: JobItemCursor?, limit: Int) async throws -> [JobItem] {
        let items = table("job_item"), inputs = table("job_input")
        let after = cursor ?? JobItemCursor(position: -1, page: 0, index: 0)
        let rows = try await rows(
            """
            SELECT i.position, n.input, i.page, i.idx, i.value FROM \(unescaped: items) i
            JOIN \(unescaped: inputs) n ON n.job = i.job AND n.position = i.position
            WHERE i.job = \(job) AND (i.position, i.page, i.idx) > (\(after.position), \(after.page), \(after.index))
            ORDER BY i.position, i.page, i.idx LIMIT \(limit)
            """)
        return try Self.items(from: rows)
    }

    public func failures(of job: String) async throws -> [(input: String, error: String)] {
        let inputs = table("job_input")
        let rows = try await rows(
            "SELECT input, coalesce(error, '') FROM \(unescaped: inputs) WHERE job = \(job) AND status = 'failed' ORDER BY position")
        return try Self.failures(from: rows)
    }

    public func retryFailed(_ job: String) async throws -> Int {
        let inputs = table("job_input")
        return try await rows(
            "UPDATE \(unescaped: inputs) SET status = 'pending', error = NULL WHERE job = \(job) AND status = 'failed' RETURNING position"
        ).count
    }

    // MARK: Reading rows
    //
    // Outside the async functions that fetch them: a throwing closure over rows inside an async
    // function crashes Swift 6.3.1's optimizer (coroutine splitting) in release builds.

    private static func claims(from rows: [PostgresRow]) throws -> [JobClaim] {
        var claims: [JobClaim] = []
        for row in rows {
            let (position, input, next, pages) = try row.decode((Int, String, String?, Int).self)
            claims.append(JobClaim(position: position, input: input, next: try next.map(JobFingerprint.decodePoint), pages: pages))
        }
        return claims.sorted { $0.position < $1.position }
    }

    private static func names(from rows: [PostgresRow]) throws -> [String] {
        var names: [String] = []
        for row in rows { names.append(try row.decode(String.self)) }
        return names
    }

    private static func items(from rows: [PostgresRow]) throws -> [JobItem] {
        var items: [JobItem] = []
        for row in rows {
            let (position, input, page, index, text) = try row.decode((Int, String, Int, Int, String).self)
            items.append(
                JobItem(input: input, position: position, page: page, index: index, value: try JSONValue.parse(Data(text.utf8))))
        }
        return items
    }

    private static func failures(from rows: [PostgresRow]) throws -> [(input: String, error: String)] {
        var failures: [(input: String, error: String)] = []
        for row in rows {
            let (input, error) = try row.decode((String, String).self)
            failures.append((input: input, error: error))
        }
        return failures
    }

    // MARK: The shared budget

    /// Takes one request of `job`'s shared budget of `maxRequests`; `false` when it is used up.
    func takeRequest(of job: String, maxRequests: Int) async throws -> Bool {
        let jobs = table("job")
        return try await !rows(
            """
            UPDATE \(unescaped: jobs) SET requests_sent = requests_sent + 1
            WHERE name = \(job) AND requests_sent < \(maxRequests) RETURNING requests_sent
            """
        ).isEmpty
    }

    /// How many requests the workers of `job` have sent under its shared budget.
    public func requestsSent(by job: String) async throws -> Int {
        let jobs = table("job")
        return try await rows("SELECT requests_sent FROM \(unescaped: jobs) WHERE name = \(job)").first?.decode(Int.self) ?? 0
    }

    /// A middleware that counts every request the client sends against one budget of `job`,
    /// kept in the database and shared by every worker of the job: together they never send
    /// more than `maxRequests` (a job run again goes on counting). A request with no room is
    /// not sent: the call fails with ``JustOneAPIError/Reason/budgetExhausted(_:)``, which
    /// pauses the job.
    public func sharedBudget(for job: String, maxRequests: Int) -> SharedJobBudget {
        SharedJobBudget(store: self, job: job, maxRequests: maxRequests)
    }
}

/// One budget of requests for every worker of a job, counted in a ``PostgresJobStore``
/// (``PostgresJobStore/sharedBudget(for:maxRequests:)``). Give it to the client as a middleware.
public struct SharedJobBudget: ClientMiddleware {
    let store: PostgresJobStore
    public let job: String
    public let maxRequests: Int

    public func intercept(
        _ request: HTTPRequest, context: MiddlewareContext, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        guard try await store.takeRequest(of: job, maxRequests: maxRequests) else {
            throw BudgetExhaustion(scope: .shared("job `\(job)`"), limit: maxRequests)
        }
        return try await next(request)
    }
}

/// The first of an operation's outcomes (its result, its deadline, its cancellation), handed to
/// the caller once; the others are dropped.
private final class FirstOutcome<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, any Error>?
    private var early: Result<T, any Error>?
    private var cleanup: (@Sendable () -> Void)?
    private var finished = false

    func start(_ continuation: CheckedContinuation<T, any Error>) {
        let early: Result<T, any Error>? = lock.withLock {
            if let early = self.early { return early }
            self.continuation = continuation
            return nil
        }
        if let early { continuation.resume(with: early) }
    }

    func whenFinished(_ work: @escaping @Sendable () -> Void) {
        let now: Bool = lock.withLock {
            if finished { return true }
            cleanup = work
            return false
        }
        if now { work() }
    }

    func finish(_ result: Result<T, any Error>) {
        let (continuation, cleanup): (CheckedContinuation<T, any Error>?, (@Sendable () -> Void)?) = lock.withLock {
            guard !finished else { return (nil, nil) }
            finished = true
            defer {
                self.continuation = nil
                self.cleanup = nil
            }
            if self.continuation == nil { early = result }
            return (self.continuation, self.cleanup)
        }
        continuation?.resume(with: result)
        cleanup?()
    }
}

/// Runs a piece of work once; callers that come while it runs wait for it; a failure lets the
/// next caller try again.
private actor Readiness {
    private var done = false
    private var running: Task<Void, any Error>?

    func once(_ work: @escaping @Sendable () async throws -> Void) async throws {
        if done { return }
        if let running { return try await running.value }
        let task = Task { try await work() }
        running = task
        do {
            try await task.value
            done = true
            running = nil
        } catch {
            running = nil
            throw error
        }
    }
}
