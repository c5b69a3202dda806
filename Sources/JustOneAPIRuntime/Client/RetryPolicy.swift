import Foundation

/// When a failed request is sent again, and how long the client waits first.
///
/// Retried: business codes the documents mark retryable (Just One API's 301 "collection failed"
/// and 302 "rate limit exceeded"), the HTTP statuses in ``retryableStatuses``, timeouts and
/// connection failures. Never retried: every other business code (100, 303, 400, 600, 601 …),
/// other statuses, bodies that cannot be decoded, and cancellation.
///
/// The wait before attempt *n + 1* is drawn uniformly from zero to
/// `min(maxBackoff, initialBackoff × multiplier^(n-1))` ("full jitter"), or is the server's
/// `Retry-After` when it sends one. No retry starts after ``maxTotalDuration``.
///
/// Some retried failures may already have been billed: a timeout or a connection lost after
/// the request was sent, and an HTTP 5xx, can come from a request the server processed. Set
/// ``retriesPossiblyBilledFailures`` to `false` to retry only failures where the request
/// certainly was not processed (``JustOneAPIError/isCertainlyUnprocessed``: no connection,
/// HTTP 429, business codes 301 and 302).
public struct RetryPolicy: Sendable {
    /// Attempts in all, the first one included; 1 turns retries off.
    public var maxAttempts: Int
    public var initialBackoff: Duration
    public var maxBackoff: Duration
    public var multiplier: Double
    /// The time from the first attempt after which no retry starts.
    public var maxTotalDuration: Duration
    public var retryableStatuses: Set<Int>
    /// Whether a `Retry-After` header decides the wait.
    public var honorsRetryAfter: Bool
    /// Whether failures that may come from a processed, and so billed, request are retried
    /// (timeouts, connections lost after sending, HTTP 5xx). With `false`, only failures where
    /// the request certainly was not processed are.
    public var retriesPossiblyBilledFailures: Bool
    /// Turns a backoff ceiling into the actual wait; by default a uniformly random duration
    /// between zero and the ceiling ("full jitter"), which keeps many clients from retrying in step.
    public var jitter: @Sendable (Duration) -> Duration

    public init(
        maxAttempts: Int = 3,
        initialBackoff: Duration = .milliseconds(500),
        maxBackoff: Duration = .seconds(20),
        multiplier: Double = 2,
        maxTotalDuration: Duration = .seconds(300),
        retryableStatuses: Set<Int> = [429, 500, 502, 503, 504],
        honorsRetryAfter: Bool = true,
        retriesPossiblyBilledFailures: Bool = true,
        jitter: @escaping @Sendable (Duration) -> Duration = RetryPolicy.fullJitter
    ) {
        self.maxAttempts = max(1, maxAttempts)
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.multiplier = multiplier
        self.maxTotalDuration = maxTotalDuration
        self.retryableStatuses = retryableStatuses
        self.honorsRetryAfter = honorsRetryAfter
        self.retriesPossiblyBilledFailures = retriesPossiblyBilledFailures
        self.jitter = jitter
    }

    /// A uniformly random duration between zero and `ceiling`.
    public static func fullJitter(_ ceiling: Duration) -> Duration {
        .seconds(Double.random(in: 0...max(0, ceiling.timeInterval)))
    }

    /// One attempt only.
    public static var none: RetryPolicy { RetryPolicy(maxAttempts: 1) }

    /// Whether `error` is worth another attempt.
    public func isRetryable(_ error: JustOneAPIError) -> Bool {
        if !retriesPossiblyBilledFailures && !error.isCertainlyUnprocessed { return false }
        switch error.reason {
        case .business(let failure):
            return failure.isRetryable && !failure.stopsClient
        case .httpStatus(let status):
            return retryableStatuses.contains(status)
        case .transport(let failure):
            switch failure {
            case .timedOut, .cannotConnect, .connectionLost: return true
            case .other: return false
            }
        case .undecodableBody, .invalidRequest, .budgetExhausted, .accountStopped, .notInCache:
            return false
        }
    }

    /// The most the client waits after attempt `attempt` (1-based) before the next one:
    /// `min(maxBackoff, initialBackoff × multiplier^(attempt - 1))`.
    public func backoffCeiling(after attempt: Int) -> Duration {
        let factor = pow(multiplier, Double(max(0, attempt - 1)))
        let seconds = min(maxBackoff.timeInterval, initialBackoff.timeInterval * factor)
        return .seconds(seconds)
    }

    /// The wait before the next attempt, or `nil` when no retry should start: attempts used
    /// up, the error not retryable, or the total time exceeded.
    func delay(after attempt: Int, error: JustOneAPIError, retryAfter: Duration?, elapsed: Duration) -> Duration? {
        guard attempt < maxAttempts, isRetryable(error) else { return nil }
        let wait: Duration
        if honorsRetryAfter, let retryAfter {
            wait = retryAfter
        } else {
            wait = jitter(backoffCeiling(after: attempt))
        }
        guard elapsed + wait < maxTotalDuration else { return nil }
        return wait
    }
}

extension RetryPolicy {
    /// The wait a `Retry-After` header asks for: seconds, or an HTTP date; `nil` if absent or unreadable.
    public static func retryAfter(_ value: String?) -> Duration? {
        RetryAfter.parse(value)
    }
}

/// Reads `Retry-After`: seconds, or an HTTP date.
enum RetryAfter {
    static func parse(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if let seconds = Double(value), seconds >= 0 { return .seconds(seconds) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        guard let date = formatter.date(from: value) else { return nil }
        return .seconds(max(0, date.timeIntervalSince(now)))
    }
}
