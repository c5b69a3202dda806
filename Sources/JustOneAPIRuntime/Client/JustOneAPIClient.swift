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
/// ``RequestBudget``, stops sending when a response says the account cannot go on
/// (``accountStop``, ``resume()``), shares identical calls in flight (``InFlightSharing``) and,
/// when given one, answers from a ``ResponseCache``.
public final class JustOneAPIClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// The server requests go to.
    public let server: Server
    /// The timeout of a request that sets none of its own.
    public let timeout: Duration
    /// The transport that carries requests.
    public let transport: any ClientTransport
    /// Retries, limits, caching, middleware and logging.
    public let configuration: ClientConfiguration
    let credential: Credential
    let redactor: Redactor
    private let meter = UsageMeter()
    private let events: CallEvents
    private let limiter: ConcurrencyLimiter
    private let ledger: BudgetLedger?
    private let gate: AccountGate
    private let sharing: InFlightSharingLayer
    private let stack: CallStack

    /// Creates a client.
    /// - Parameters:
    ///   - token: The API token; it is sent where each operation's document says (for Just One
    ///     API the `token` query parameter or form field) and never logged.
    ///   - server: The server to call.
    ///   - timeout: How long one attempt may take; the API's documentation advises 60 seconds.
    ///   - transport: What carries the requests; URLSession by default.
    ///   - configuration: Retries, limits, caching, middleware and logging.
    public init(
        token: String,
        server: Server,
        timeout: Duration = .seconds(60),
        transport: any ClientTransport = URLSessionTransport(),
        configuration: ClientConfiguration = ClientConfiguration()
    ) {
        credential = Credential(token: token)
        redactor = Redactor(secrets: [token])
        self.server = server
        self.timeout = timeout
        self.transport = transport
        self.configuration = configuration
        let events = CallEvents(
            meter: meter,
            metrics: ClientMetrics(
                factory: configuration.metricsFactory ?? MetricsSystem.factory, prefix: configuration.metricsLabelPrefix),
            logger: configuration.logger)
        let limiter = ConcurrencyLimiter(limit: configuration.maxConcurrentRequests)
        let ledger = configuration.budget.map(BudgetLedger.init)
        let gate = AccountGate(policy: configuration.accountStops, events: events, limiter: limiter)
        let sharing = InFlightSharingLayer(configuration.inFlightSharing)
        (self.events, self.limiter, self.ledger, self.gate, self.sharing) = (events, limiter, ledger, gate, sharing)

        // Every step a call takes, in the order it takes them. The request is encoded (with
        // the credential) when the call starts; the user's middlewares and the transport are
        // the decode layer's HTTP end.
        stack = CallStack([
            sharing,  // identical calls in flight wait for one
            configuration.cache.map {  // a fresh stored success answers; a new one is stored
                ResponseCacheLayer(cache: $0, events: events, credential: Data(token.utf8))
            },
            RetryLayer(policy: configuration.retryPolicy, events: events),  // failed attempts sent again
            AccountGateLayer(gate: gate),  // refused while the account is stopped
            ledger.map { BudgetLayer(ledger: $0, events: events) },  // refused when a cap is reached
            ConcurrencyLimitLayer(limiter: limiter, gate: gate),  // a slot among maxConcurrentRequests
            configuration.requestsPerSecond.map {  // a start time under the rate limit
                RateLimitLayer(limiter: RateLimiter(perSecond: $0), gate: gate)
            },
            DecodeLayer(  // middlewares, transport, then the body read; an account stop put in force
                http: HTTPChain(middlewares: configuration.middlewares, transport: transport, events: events),
                gate: gate, events: events),
        ])
    }

    /// How many calls are waiting for a slot under ``ClientConfiguration/maxConcurrentRequests``
    /// at this moment: a queue depth for metrics and back-pressure decisions.
    public var callsWaitingForASlot: Int { limiter.waitingCount }

    /// How many calls wait for an identical call in flight (the first callers not counted).
    var callsWaitingForSharedCalls: Int { sharing.waitingCount }

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
    public var recordsMetrics: Bool { events.metrics != nil }

    /// The account stop in force, if a response said the account cannot go on (see
    /// ``AccountStop``); `nil` while calls go through.
    public var accountStop: AccountStop? { gate.guardState.current }

    /// Lets calls through again after an account stop: call it once the account is in order
    /// (a new token, the balance topped up, the next day's quota). Returns whether the client
    /// was stopped.
    @discardableResult
    public func resume() -> Bool {
        let resumed = gate.guardState.resume()
        if resumed { events.resumed() }
        return resumed
    }

    /// Sends `request` as `send(_:timeout:)` does, and also returns the HTTP response the
    /// answer came from, whose body paging reads its next value from.
    func exchange<Output>(
        _ request: Request<Output>, timeout: Duration? = nil
    ) async throws -> (response: APIResponse<Output>, http: HTTPResponse) {
        let redactor = redactor(for: request)
        let httpRequest: HTTPRequest
        let usage = meter.slot(for: request.operationID)
        do {
            httpRequest = try request.httpRequest(server: request.server ?? server, credential: credential)
        } catch {
            events.couldNotEncode(usage)
            throw error.redacted(by: redactor)
        }
        let call = Call(
            request: request, httpRequest: httpRequest, server: request.server ?? server,
            timeout: timeout ?? request.timeout ?? self.timeout, redactor: redactor, usage: usage,
            // Only the cache layer reads the policy: without a cache, no task-local lookup.
            cachePolicy: request.cachePolicy ?? (configuration.cache == nil ? nil : ResponseCache.currentPolicy) ?? .useCache)
        do {
            let exchange = try await stack.send(call)
            events.record(.completed(exchange.response.origin), call)
            return (exchange.response, exchange.http)
        } catch {
            events.record(.threw(error), call)
            throw error
        }
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
