import CoreMetrics
import Logging

/// How a client behaves beyond where it sends requests: retries, limits, budgets, account stops,
/// middleware, logging and metrics.
///
/// The defaults suit bulk jobs against Just One API: three attempts with backoff for the codes
/// the API calls retryable, at most eight requests in flight, no rate limit, no budget, a stop
/// of the whole client when a response says the account cannot go on, identical read-only
/// calls in flight shared, and no response cache.
public struct ClientConfiguration: Sendable {
    /// When and how often a failed request is sent again.
    public var retryPolicy: RetryPolicy
    /// At most this many requests are in flight at once, across all tasks using the client;
    /// callers beyond it wait, and are served in the order they came.
    public var maxConcurrentRequests: Int
    /// When set, requests start at most this many times per second, evenly spaced.
    public var requestsPerSecond: Double?
    /// Interceptors run around each attempt, the first outermost.
    public var middlewares: [any ClientMiddleware]
    /// Query and form parameters whose values are removed from logs and errors, like the token.
    public var secretParameterNames: Set<String>
    /// Where the client logs: a debug line per attempt, a warning per retry. No token, ever.
    public var logger: Logger
    /// A cap on the requests sent, client-wide and per operation; `nil` for none.
    public var budget: RequestBudget?
    /// What a business code that stops the client (an invalid token, no balance …) does.
    public var accountStops: AccountStopPolicy
    /// Where metrics go; `nil` for swift-metrics' global factory as the client finds it when it
    /// is created (so bootstrap `MetricsSystem` first). Nothing is recorded when that is the
    /// no-op factory.
    public var metricsFactory: (any MetricsFactory)?
    /// The start of every metric's label: `justoneapi_requests_sent_total` by default.
    public var metricsLabelPrefix: String
    /// Successful responses kept and served again without a call; `nil` (the default) keeps none.
    public var cache: ResponseCache?
    /// Whether identical calls in flight share one outcome: on for read-only requests by default.
    public var inFlightSharing: InFlightSharing

    public init(
        retryPolicy: RetryPolicy = RetryPolicy(),
        maxConcurrentRequests: Int = 8,
        requestsPerSecond: Double? = nil,
        middlewares: [any ClientMiddleware] = [],
        secretParameterNames: Set<String> = ["password", "secret", "apiKey", "api_key", "access_token"],
        logger: Logger = Logger(label: "JustOneAPI"),
        budget: RequestBudget? = nil,
        accountStops: AccountStopPolicy = .untilResumed,
        metricsFactory: (any MetricsFactory)? = nil,
        metricsLabelPrefix: String = "justoneapi",
        cache: ResponseCache? = nil,
        inFlightSharing: InFlightSharing = .readOnlyRequests
    ) {
        self.retryPolicy = retryPolicy
        self.maxConcurrentRequests = max(1, maxConcurrentRequests)
        self.requestsPerSecond = requestsPerSecond
        self.middlewares = middlewares
        self.secretParameterNames = secretParameterNames
        self.logger = logger
        self.budget = budget
        self.accountStops = accountStops
        self.metricsFactory = metricsFactory
        self.metricsLabelPrefix = metricsLabelPrefix
        self.cache = cache
        self.inFlightSharing = inFlightSharing
    }
}
