import Foundation

/// Every failure of a call: which operation, what went wrong, and how many attempts were made.
///
/// The description never contains the credential: the path is shown without its query, and
/// body snippets and transport messages are redacted before they are stored.
public struct JustOneAPIError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable {
        /// The envelope carried a business code that is not a success.
        case business(BusinessFailure)
        /// The server answered with an HTTP status outside 2xx and no readable envelope.
        case httpStatus(Int)
        /// No response: timeout, refused or broken connection.
        case transport(TransportFailure)
        /// The body could not be decoded as the operation's response.
        case undecodableBody
        /// The request could not be built or sent as described (body encoding, URL).
        case invalidRequest(String)
        /// Sending the request would exceed the client's request budget
        /// (``ClientConfiguration/budget``): it was not sent.
        case budgetExhausted(BudgetExhaustion)
        /// An earlier response said the account cannot go on (an invalid token, the daily quota
        /// used up, no balance left): the client is stopped and did not send this request.
        /// ``JustOneAPIClient/resume()`` lets calls through again.
        case accountStopped(AccountStop)
        /// The call asked for a cached response only (``CachePolicy/onlyCache``) and none is
        /// stored: nothing was sent.
        case notInCache
    }

    public let reason: Reason
    /// The `operationId` of the failed operation.
    public let operationID: String
    public let method: HTTPMethod
    /// The request path, without the query (and so without the credential).
    public let path: String
    /// The HTTP status, when a response arrived.
    public let status: Int?
    /// The start of the response body, when there was one, for diagnosis.
    public let bodySnippet: String?
    /// How many times the request was sent (0 when the client refused to send it: a budget
    /// used up, or the account stopped).
    public let attempts: Int
    /// The error that caused this one, such as a `DecodingError`.
    public let underlyingError: (any Error & Sendable)?

    public init(
        reason: Reason, operationID: String, method: HTTPMethod, path: String, status: Int? = nil,
        bodySnippet: String? = nil, attempts: Int = 1, underlyingError: (any Error & Sendable)? = nil
    ) {
        self.reason = reason
        self.operationID = operationID
        self.method = method
        self.path = path
        self.status = status
        self.bodySnippet = bodySnippet
        self.attempts = attempts
        self.underlyingError = underlyingError
    }

    /// The business failure, when the reason is one; for a call refused because the account
    /// stopped, the failure that stopped it (so that `error.businessCode` is the same for every
    /// call the stop ended).
    public var businessFailure: BusinessFailure? {
        switch reason {
        case .business(let failure): failure
        case .accountStopped(let stop): stop.failure
        default: nil
        }
    }

    /// Whether the client refused to send the request (a budget used up, the account stopped,
    /// a cached response asked for and none stored), rather than the request failing.
    public var isRefusedByClient: Bool {
        switch reason {
        case .budgetExhausted, .accountStopped, .notInCache: true
        default: false
        }
    }

    /// Whether the server certainly did not process the failed request, and so cannot have
    /// billed it: no connection was made, HTTP 429, or the API's own answer that it did not do
    /// the work (a business code marked retryable: 301 collection failed, 302 rate limit).
    ///
    /// A timeout or a connection lost after the request was sent, an HTTP 5xx or an unreadable
    /// body may come from a request the server processed, and perhaps billed.
    public var isCertainlyUnprocessed: Bool {
        switch reason {
        case .business(let failure): failure.isRetryable && !failure.stopsClient
        case .httpStatus(let status): status == 429
        case .transport(.cannotConnect): true
        case .transport: false
        case .undecodableBody: false
        case .invalidRequest, .budgetExhausted, .accountStopped, .notInCache: true
        }
    }

    /// The transport failure, when the reason is one.
    public var transportFailure: TransportFailure? {
        if case .transport(let failure) = reason { return failure }
        return nil
    }

    /// The same error, counting `attempts` attempts.
    public func with(attempts: Int) -> JustOneAPIError {
        JustOneAPIError(
            reason: reason, operationID: operationID, method: method, path: path, status: status,
            bodySnippet: bodySnippet, attempts: attempts, underlyingError: underlyingError)
    }

    public var description: String {
        var text = "\(operationID) (\(method) \(path)) failed: "
        switch reason {
        case .business(let failure):
            text += failure.description
        case .httpStatus(let status):
            text += "HTTP status \(status)"
        case .transport(let failure):
            text += failure.description
        case .undecodableBody:
            text += "the response body could not be decoded"
            if let status { text += " (HTTP \(status))" }
            if let underlyingError { text += ": \(Self.summary(of: underlyingError))" }
        case .invalidRequest(let problem):
            text += "the request could not be sent: \(problem)"
        case .budgetExhausted(let exhaustion):
            text += "not sent: \(exhaustion)"
        case .accountStopped(let stop):
            text += "not sent: \(stop)"
        case .notInCache:
            text += "not sent: only a cached response was asked for, and none is stored"
        }
        if attempts > 1 { text += "; gave up after \(attempts) attempts" }
        if let bodySnippet, !bodySnippet.isEmpty { text += "; body starts: \(bodySnippet)" }
        return text
    }

    static func summary(of error: any Error) -> String {
        guard let decodingError = error as? DecodingError else { return "\(error)" }
        let (context, what): (DecodingError.Context?, String) =
            switch decodingError {
            case .typeMismatch(let type, let context): (context, "expected \(type)")
            case .valueNotFound(let type, let context): (context, "missing \(type)")
            case .keyNotFound(let key, let context): (context, "missing key `\(key.stringValue)`")
            case .dataCorrupted(let context): (context, "invalid data")
            @unknown default: (nil, "\(decodingError)")
            }
        guard let context else { return what }
        let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        return "\(what) at `\(path.isEmpty ? "(root)" : path)`: \(context.debugDescription)"
    }
}

/// A business failure read from an envelope.
public struct BusinessFailure: Sendable, Hashable, CustomStringConvertible {
    /// The business code, such as 302.
    public let code: Int
    /// What the documentation says the code means, when it is documented.
    public let meaning: String?
    /// The Swift name of the code's case in the generated `BusinessCode` enum, when documented.
    public let name: String?
    /// The envelope's `message`.
    public let message: String?
    /// The envelope's `requestId`.
    public let requestID: String?
    /// The envelope's `recordTime`.
    public let recordTime: String?
    /// Whether the same request may succeed when sent again.
    public let isRetryable: Bool
    /// Whether the code says the account cannot go on (an invalid token, the daily quota, no
    /// balance, a spend cap), so that no other call can succeed either: the client stops.
    public let stopsClient: Bool

    public init(
        code: Int, meaning: String?, name: String?, message: String?, requestID: String?, recordTime: String?,
        isRetryable: Bool, stopsClient: Bool = false
    ) {
        self.code = code
        self.meaning = meaning
        self.name = name
        self.message = message
        self.requestID = requestID
        self.recordTime = recordTime
        self.isRetryable = isRetryable
        self.stopsClient = stopsClient
    }

    public var description: String {
        var text = "business code \(code)"
        if let meaning { text += " (\(meaning))" } else { text += " (undocumented)" }
        if let message, !message.isEmpty { text += ", message \"\(message)\"" }
        if let requestID { text += ", requestId \(requestID)" }
        return text
    }
}
