import Logging

/// How a client behaves beyond where it sends requests: logging, and (as the runtime grows)
/// retries, limits and middleware.
public struct ClientConfiguration: Sendable {
    /// Where the client logs: one debug line per request. The token is never logged.
    public var logger: Logger

    public init(logger: Logger = Logger(label: "JustOneAPI")) {
        self.logger = logger
    }
}
