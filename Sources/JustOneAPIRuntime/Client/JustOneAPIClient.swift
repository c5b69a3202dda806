import CoreMetrics
import Foundation
import Logging

/// Sends requests built by generated code and returns their decoded responses.
///
/// ```swift
/// let client = JustOneAPIClient(token: token)            // the document's default server
/// let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345")
/// ```
///
/// The client is `Sendable` and meant to be shared: create one and use it from every task. It
/// retries what is worth retrying, keeps at most ``ClientConfiguration/maxConcurrentRequests``
/// requests in flight, honours cancellation at once, and keeps the token out of its
/// description, of errors and of logs. It counts what it sends (``usage``), keeps to a
/// ``RequestBudget``, and stops sending when a response says the account cannot go on
/// (``accountStop``, ``resume()``).
public final class JustOneAPIClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// The server requests go to.
    public let server: Server
    /// The timeout of a request that sets none of its own.
    public let timeout: Duration
    /// The transport that carries requests.
    public let transport: any ClientTransport
    /// Retries, limits, middleware and logging.
    public let configuration: ClientConfiguration
    let credential: Credential
    let redactor: Redactor
    private let limiter: ConcurrencyLimiter
    private let rateLimiter: RateLimiter?
    private let meter = UsageMeter()
    private let ledger: BudgetLedger?
    private let accountGuard: AccountGuard
    private let metrics: ClientMetrics?

    /// Creates a client.
    /// - Parameters:
    ///   - token: The API token; it is sent where each operation's document says (for Just One
    ///     API the `token` query parameter or form field) and never logged.
    ///   - server: The server to call.
    ///   - timeout: How long one attempt may take; the API's documentation advises 60 seconds.
    ///   - transport: What carries the requests; URLSession by default.
    ///   - configuration: Retries, limits, middleware and logging.
    public init(
        token: String,
        server: Server,
        timeout: Duration = .seconds(60),
        transport: any ClientTransport = URLSessionTransport(),
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        self.credential = Credential(token: token)
        self.redactor = Redactor(secrets: [token])
        self.server = server
        self.timeout = timeout
        self.transport = transport
        self.configuration = configuration
        self.limiter = ConcurrencyLimiter(limit: configuration.maxConcurrentRequests)
        self.rateLimiter = configuration.requestsPerSecond.map(RateLimiter.init(perSecond:))
        self.ledger = configuration.budget.map(BudgetLedger.init)
        self.accountGuard = AccountGuard(policy: configuration.accountStops)
        self.metrics = ClientMetrics(
            factory: configuration.metricsFactory ?? MetricsSystem.factory, prefix: configuration.metricsLabelPrefix)
    }

    /// How many calls are waiting for a slot under ``ClientConfiguration/maxConcurrentRequests``
    /// at this moment: a queue depth for metrics and back-pressure decisions.
    public var callsWaitingForASlot: Int { limiter.waitingCount }

    public var description: String { "JustOneAPIClient(server: \(server), token: \(credential))" }

    /// What `dump` and debuggers show: no token.
    public var customMirror: Mirror {
        Mirror(self, children: ["server": server, "timeout": timeout, "token": credential], displayStyle: .class)
    }

    /// Sends `request` and returns its decoded response, retrying as the retry policy says.
    /// - Parameters:
    ///   - request: A request built by generated code (or by hand).
    ///   - timeout: A timeout for each attempt of this call; otherwise the request's, then the client's.
    /// - Throws: ``JustOneAPIError`` for every failure of the call (after the last attempt), or
    ///   `CancellationError` when the calling task is cancelled.
    public func send<Output>(_ request: Request<Output>, timeout: Duration? = nil) async throws -> APIResponse<Output> {
        try await exchange(request, timeout: timeout).response
    }

    /// What the client has sent and received so far, per operation and in total, with what is
    /// left of its budget: exact under any concurrency.
    public var usage: Usage {
        let (total, byOperation) = meter.snapshot()
        let left = ledger?.left
        return Usage(
            total: total, byOperation: byOperation, budgetRemaining: left?.client,
            budgetRemainingByOperation: left?.byOperation ?? [:])
    }

    /// Whether the client records metrics: `false` when its metrics factory is swift-metrics'
    /// no-op one (no backend was bootstrapped before the client was created).
    public var recordsMetrics: Bool { metrics != nil }

    /// The account stop in force, if a response said the account cannot go on (see
    /// ``AccountStop``); `nil` while calls go through.
    public var accountStop: AccountStop? { accountGuard.current }

    /// Lets calls through again after an account stop: call it once the account is in order
    /// (a new token, the balance topped up, the next day's quota). Returns whether the client
    /// was stopped.
    @discardableResult
    public func resume() -> Bool {
        let resumed = accountGuard.resume()
        if resumed { configuration.logger.notice("the client was resumed: calls are sent again") }
        return resumed
    }

    /// Sends `request` as `send(_:timeout:)` does, and also returns the last attempt's HTTP
    /// response, whose body paging reads its next value from.
    func exchange<Output>(
        _ request: Request<Output>, timeout: Duration? = nil
    ) async throws -> (response: APIResponse<Output>, http: HTTPResponse) {
        let timeout = timeout ?? request.timeout ?? self.timeout
        let redactor = redactor(for: request)
        let operationID = request.operationID
        let usage = meter.slot(for: operationID)
        let httpRequest: HTTPRequest
        do {
            httpRequest = try request.httpRequest(server: server, credential: credential)
        } catch {
            meter.record(usage) { $0.calls += 1 }
            throw error.redacted(by: redactor)
        }
        let policy = configuration.retryPolicy
        let started = ContinuousClock.now
        var attempt = 0
        var previousFailure: JustOneAPIError?
        // The call is counted in the first record made for it, so that a plain call costs two
        // updates of the usage figures: its request sent, and its outcome.
        var counted = false
        func uncounted() -> Int {
            defer { counted = true }
            return counted ? 0 : 1
        }
        while true {
            attempt += 1
            if Task.isCancelled {
                if !counted { meter.record(usage) { $0.calls += 1 } }
                throw CancellationError()
            }
            var retryAfterHeader: String?
            var sentAt: ContinuousClock.Instant?
            let outcome: Result<(APIResponse<Output>, HTTPResponse), JustOneAPIError>
            do {
                let (response, sent) = try await perform(
                    httpRequest, of: request, attempt: attempt, timeout: timeout, redactor: redactor,
                    previousFailure: previousFailure, usage: usage, countsCall: !counted)
                sentAt = sent
                if sent != nil { counted = true }
                outcome = Result { () throws(JustOneAPIError) in (try request.decode(response, redactor: redactor), response) }
                if case .failure = outcome { retryAfterHeader = response.headerFields["Retry-After"] }
            } catch let error as AttemptFailure {
                sentAt = error.sentAt
                if error.sentAt != nil { counted = true }
                outcome = .failure(error.error)
            } catch let error as JustOneAPIError where error.isRefusedByClient {
                let calls = uncounted()
                meter.record(usage) {
                    $0.calls += calls
                    if case .budgetExhausted = error.reason { $0.refusedByBudget += 1 } else { $0.refusedByAccountStop += 1 }
                }
                metrics?.refused(operationID, error.reason)
                throw error.with(attempts: attempt - 1)
            } catch {
                if !counted { meter.record(usage) { $0.calls += 1 } }
                throw error
            }
            let duration = sentAt.map { ContinuousClock.now - $0 }
            let calls = uncounted()
            switch outcome {
            case .success(let (response, http)):
                meter.record(usage) {
                    $0.calls += calls
                    $0.successes += 1
                }
                metrics?.succeeded(operationID, after: duration ?? .zero)
                logAttempt(request, attempt: attempt, status: response.status, code: response.code, outcome: "ok", duration: duration ?? .zero)
                return (response, http)
            case .failure(let error):
                meter.record(usage) {
                    $0.calls += calls
                    $0.recordFailure(error)
                }
                metrics?.failed(operationID, error, after: duration)
                logAttempt(
                    request, attempt: attempt, status: error.status, code: error.businessFailure?.code,
                    outcome: Self.summary(error), duration: duration ?? .zero)
                if let failure = error.businessFailure, let stop = accountGuard.stop(for: failure, operationID: operationID) {
                    stopSending(stop)
                }
                guard
                    let delay = policy.delay(
                        after: attempt, error: error, retryAfter: RetryAfter.parse(retryAfterHeader),
                        elapsed: ContinuousClock.now - started)
                else {
                    throw error.with(attempts: attempt)
                }
                let unprocessed = error.isCertainlyUnprocessed
                meter.record(usage) {
                    $0.retries += 1
                    if unprocessed { $0.retriesAfterUnprocessedFailures += 1 } else { $0.retriesAfterPossiblyBilledFailures += 1 }
                }
                metrics?.retried(operationID, unprocessed: unprocessed)
                configuration.logger.warning(
                    "\(request.method) \(request.path): \(Self.summary(error)); retrying in \(delay.formattedSeconds) (attempt \(attempt + 1) of \(policy.maxAttempts))",
                    metadata: ["operation": .string(operationID), "attempt": .stringConvertible(attempt)])
                try await Task.sleep(for: delay)
                previousFailure = error
            }
        }
    }

    /// A failed attempt, with when it was handed to the transport (`nil` if it never was).
    private struct AttemptFailure: Error {
        let error: JustOneAPIError
        let sentAt: ContinuousClock.Instant?
    }

    /// Thrown to the callers waiting for a slot when the client stops.
    private struct StopSignal: Error {}

    /// One attempt: the account's state and the budget, a slot under the concurrency limit, a
    /// start under the rate limit, the middleware chain, the transport. Returns the response
    /// and when the request was handed to the transport.
    ///
    /// Throws a refusal (``JustOneAPIError/isRefusedByClient``) when the request is not sent,
    /// an ``AttemptFailure`` when it failed, or `CancellationError`.
    private func perform<Output>(
        _ httpRequest: HTTPRequest, of request: Request<Output>, attempt: Int, timeout: Duration, redactor: Redactor,
        previousFailure: JustOneAPIError?, usage: UsageMeter.Slot, countsCall: Bool
    ) async throws -> (HTTPResponse, ContinuousClock.Instant?) {
        let operationID = request.operationID
        try refuseIfStopped(request, previousFailure: previousFailure)
        let share = try takeBudgetShare(request, previousFailure: previousFailure)
        // A share that was not used by the time the attempt ends goes back to the budget.
        defer { share?.giveBackUnlessUsed() }
        while true {
            do {
                // A call that waited for its slot looks again: the client may have stopped meanwhile.
                // Refused, it hands the slot on, or the calls queued behind it would wait for ever.
                if try await limiter.acquire() {
                    do {
                        try refuseIfStopped(request, previousFailure: previousFailure)
                    } catch {
                        limiter.release()
                        throw error
                    }
                }
                break
            } catch is StopSignal {
                // The client stopped while this call waited; if it was resumed since, wait again.
                try refuseIfStopped(request, previousFailure: previousFailure)
            }
        }
        defer { limiter.release() }
        if let rateLimiter, try await rateLimiter.wait() {
            try refuseIfStopped(request, previousFailure: previousFailure)
        }
        let transport = self.transport
        let middlewares = configuration.middlewares
        if middlewares.isEmpty {
            let sentAt = ContinuousClock.now
            share?.use()
            meter.record(usage) {
                if countsCall { $0.calls += 1 }
                $0.requestsSent += 1
            }
            metrics?.sent(operationID)
            do {
                return (try await transport.send(httpRequest, timeout: timeout), sentAt)
            } catch {
                throw translate(error, of: request, sentAt: sentAt, redactor: redactor, previousFailure: previousFailure)
            }
        }
        let sending = Sending(share: share, meter: meter, usage: usage, metrics: metrics, operationID: operationID, countsCall: countsCall)
        do {
            let context = MiddlewareContext(operationID: operationID, path: request.path, attempt: attempt, timeout: timeout)
            var next: @Sendable (HTTPRequest) async throws -> HTTPResponse = {
                try sending.begin()
                return try await transport.send($0, timeout: timeout)
            }
            for middleware in middlewares.reversed() {
                let inner = next
                next = { try await middleware.intercept($0, context: context, next: inner) }
            }
            let response = try await next(httpRequest)
            return (response, sending.startedAt)
        } catch {
            throw translate(error, of: request, sentAt: sending.startedAt, redactor: redactor, previousFailure: previousFailure)
        }
    }

    /// What an attempt's error becomes: a refusal stays one, cancellation stays cancellation,
    /// anything else is the attempt's failure.
    private func translate<Output>(
        _ error: any Error, of request: Request<Output>, sentAt: ContinuousClock.Instant?, redactor: Redactor,
        previousFailure: JustOneAPIError?
    ) -> any Error {
        switch error {
        case let exhaustion as BudgetExhaustion:
            // A middleware sent a second request of this attempt, and the budget had no room.
            return request.failure(.budgetExhausted(exhaustion), underlyingError: previousFailure)
        case let failure as TransportFailure:
            return AttemptFailure(error: request.failure(.transport(redactor.redact(failure))), sentAt: sentAt)
        case let error as JustOneAPIError:
            return error.isRefusedByClient ? error : AttemptFailure(error: error, sentAt: sentAt)
        case is CancellationError:
            return CancellationError()
        default:
            if Task.isCancelled { return CancellationError() }
            let underlying: any Error & Sendable =
                (error as? any RedactionSafeError) ?? RedactedError("\(error)", redactor: redactor)
            return AttemptFailure(
                error: request.failure(.transport(.other(reason: redactor.redact("\(error)"))), underlyingError: underlying),
                sentAt: sentAt)
        }
    }

    /// Throws the refusal of a stopped client, if it is stopped.
    private func refuseIfStopped<Output>(_ request: Request<Output>, previousFailure: JustOneAPIError?) throws {
        guard let stop = accountGuard.current else { return }
        throw request.failure(.accountStopped(stop), underlyingError: previousFailure)
    }

    /// Takes this attempt's share of the budget, or throws the refusal; `nil` without a budget.
    private func takeBudgetShare<Output>(_ request: Request<Output>, previousFailure: JustOneAPIError?) throws -> BudgetShare? {
        guard let ledger else { return nil }
        let operationID = request.operationID
        switch ledger.take(operationID) {
        case .success(let remaining):
            metrics?.budget(remaining: remaining, operationID: operationID, operationRemaining: ledger.left(for: operationID))
            return BudgetShare(ledger: ledger, operationID: operationID, metrics: metrics)
        case .failure(let exhaustion):
            throw request.failure(.budgetExhausted(exhaustion), underlyingError: previousFailure)
        }
    }

    /// Puts a stop in force: the callers waiting for a slot are refused at once.
    private func stopSending(_ stop: AccountStop) {
        metrics?.stopped(by: stop.failure)
        configuration.logger.error(
            "\(stop); every call is refused until then",
            metadata: ["operation": .string(stop.operationID), "code": .stringConvertible(stop.failure.code)])
        limiter.rejectWaiters(with: StopSignal())
    }

    /// The client's redactor, plus the values of this request's secret parameters.
    private func redactor<Output>(for request: Request<Output>) -> Redactor {
        let names = configuration.secretParameterNames
        guard !names.isEmpty else { return redactor }
        var values: [String] = []
        for item in request.query where names.contains(item.name) { values.append(item.value) }
        for item in request.body?.formFields ?? [] where names.contains(item.name) { values.append(item.value) }
        return values.isEmpty ? redactor : redactor.adding(values)
    }

    private func logAttempt<Output>(
        _ request: Request<Output>, attempt: Int, status: Int?, code: Int?, outcome: String, duration: Duration
    ) {
        configuration.logger.debug(
            "\(request.method) \(request.path) → \(status.map(String.init) ?? "no response"), code \(code.map(String.init) ?? "-"): \(outcome)",
            metadata: [
                "operation": .string(request.operationID),
                "attempt": .stringConvertible(attempt),
                "duration_ms": .stringConvertible(duration.milliseconds),
            ])
    }

    /// A short account of an error for log lines (already redacted).
    private static func summary(_ error: JustOneAPIError) -> String {
        switch error.reason {
        case .business(let failure): failure.description
        case .httpStatus(let status): "HTTP status \(status)"
        case .transport(let failure): failure.description
        case .undecodableBody: "undecodable body"
        case .invalidRequest(let problem): problem
        case .budgetExhausted(let exhaustion): exhaustion.description
        case .accountStopped(let stop): stop.description
        }
    }
}

/// One attempt's way to the transport through middleware: its budget share is used, and the
/// request counted as sent, when the transport is handed the request (a middleware that
/// answers by itself sends nothing; one that calls the transport twice sends twice).
private final class Sending: @unchecked Sendable {
    private let lock = NSLock()
    private let share: BudgetShare?
    private let meter: UsageMeter
    private let usage: UsageMeter.Slot
    private let metrics: ClientMetrics?
    private let operationID: String
    private let countsCall: Bool
    private var started: ContinuousClock.Instant?

    init(
        share: BudgetShare?, meter: UsageMeter, usage: UsageMeter.Slot, metrics: ClientMetrics?, operationID: String,
        countsCall: Bool
    ) {
        self.share = share
        self.meter = meter
        self.usage = usage
        self.metrics = metrics
        self.operationID = operationID
        self.countsCall = countsCall
    }

    /// When the first request was handed to the transport.
    var startedAt: ContinuousClock.Instant? { lock.withLock { started } }

    /// Counts a request handed to the transport, using the attempt's share of the budget (or,
    /// for a second request of the same attempt, throwing when the budget has none left).
    func begin() throws {
        let first: Bool = lock.withLock {
            if started == nil {
                started = ContinuousClock.now
                return true
            }
            return false
        }
        if first {
            share?.use()
        } else if let share, let exhaustion = share.another() {
            throw exhaustion
        }
        let countsCall = first && self.countsCall
        meter.record(usage) {
            if countsCall { $0.calls += 1 }
            $0.requestsSent += 1
        }
        metrics?.sent(operationID)
    }
}

/// One request's share of a ``RequestBudget``: used when the request is sent, given back if
/// it never is.
final class BudgetShare: @unchecked Sendable {
    private let lock = NSLock()
    private let ledger: BudgetLedger
    private let operationID: String
    private let metrics: ClientMetrics?
    private var used = false
    private var settled = false

    init(ledger: BudgetLedger, operationID: String, metrics: ClientMetrics?) {
        self.ledger = ledger
        self.operationID = operationID
        self.metrics = metrics
    }

    func use() { lock.withLock { used = true; settled = true } }

    /// Takes one more share for a second request of the same attempt; the cap reached if none is left.
    func another() -> BudgetExhaustion? {
        switch ledger.take(operationID) {
        case .success: nil
        case .failure(let exhaustion): exhaustion
        }
    }

    /// Gives the share back if the request was never sent (once).
    func giveBackUnlessUsed() {
        let giveBack = lock.withLock {
            defer { settled = true }
            return !settled && !used
        }
        guard giveBack else { return }
        let remaining = ledger.giveBack(operationID)
        metrics?.budget(remaining: remaining, operationID: operationID, operationRemaining: ledger.left(for: operationID))
    }
}

extension Redactor {
    func redact(_ failure: TransportFailure) -> TransportFailure {
        switch failure {
        case .timedOut: failure
        case .cannotConnect(let reason): .cannotConnect(reason: redact(reason))
        case .connectionLost(let reason): .connectionLost(reason: redact(reason))
        case .other(let reason): .other(reason: redact(reason))
        }
    }
}

extension JustOneAPIError {
    func redacted(by redactor: Redactor) -> JustOneAPIError {
        guard case .invalidRequest(let problem) = reason else { return self }
        return JustOneAPIError(
            reason: .invalidRequest(redactor.redact(problem)), operationID: operationID, method: method, path: path,
            status: status, bodySnippet: bodySnippet.map(redactor.redact), attempts: attempts,
            underlyingError: underlyingError)
    }
}

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
