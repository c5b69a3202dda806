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
/// description, of errors and of logs.
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
        let timeout = timeout ?? request.timeout ?? self.timeout
        let redactor = redactor(for: request)
        let httpRequest: HTTPRequest
        do {
            httpRequest = try request.httpRequest(server: server, credential: credential)
        } catch {
            throw error.redacted(by: redactor)
        }
        let policy = configuration.retryPolicy
        let started = ContinuousClock.now
        var attempt = 0
        while true {
            attempt += 1
            try Task.checkCancellation()
            let attemptStarted = ContinuousClock.now
            var retryAfterHeader: String?
            let outcome: Result<APIResponse<Output>, JustOneAPIError>
            do {
                let response = try await perform(httpRequest, of: request, attempt: attempt, timeout: timeout, redactor: redactor)
                outcome = Result { () throws(JustOneAPIError) in try request.decode(response, redactor: redactor) }
                if case .failure = outcome { retryAfterHeader = response.headerFields["Retry-After"] }
            } catch let error as JustOneAPIError {
                outcome = .failure(error)
            }
            let duration = ContinuousClock.now - attemptStarted
            switch outcome {
            case .success(let response):
                logAttempt(request, attempt: attempt, status: response.status, code: response.code, outcome: "ok", duration: duration)
                return response
            case .failure(let error):
                logAttempt(request, attempt: attempt, status: error.status, code: error.businessFailure?.code, outcome: Self.summary(error), duration: duration)
                guard
                    let delay = policy.delay(
                        after: attempt, error: error, retryAfter: RetryAfter.parse(retryAfterHeader),
                        elapsed: ContinuousClock.now - started)
                else {
                    throw error.with(attempts: attempt)
                }
                configuration.logger.warning(
                    "\(request.method) \(request.path): \(Self.summary(error)); retrying in \(delay.formattedSeconds) (attempt \(attempt + 1) of \(policy.maxAttempts))",
                    metadata: ["operation": .string(request.operationID), "attempt": .stringConvertible(attempt)])
                try await Task.sleep(for: delay)
            }
        }
    }

    /// One attempt: a slot under the concurrency limit, a start under the rate limit, the
    /// middleware chain, the transport.
    private func perform<Output>(
        _ httpRequest: HTTPRequest, of request: Request<Output>, attempt: Int, timeout: Duration, redactor: Redactor
    ) async throws -> HTTPResponse {
        try await limiter.acquire()
        defer { limiter.release() }
        try await rateLimiter?.wait()
        let transport = self.transport
        do {
            let middlewares = configuration.middlewares
            if middlewares.isEmpty {
                return try await transport.send(httpRequest, timeout: timeout)
            }
            let context = MiddlewareContext(operationID: request.operationID, path: request.path, attempt: attempt, timeout: timeout)
            var next: @Sendable (HTTPRequest) async throws -> HTTPResponse = { try await transport.send($0, timeout: timeout) }
            for middleware in middlewares.reversed() {
                let inner = next
                next = { try await middleware.intercept($0, context: context, next: inner) }
            }
            return try await next(httpRequest)
        } catch let failure as TransportFailure {
            throw request.failure(.transport(redactor.redact(failure)))
        } catch let error as JustOneAPIError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            throw request.failure(
                .transport(.other(reason: redactor.redact("\(error)"))),
                underlyingError: RedactedError("\(error)", redactor: redactor))
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
        }
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
