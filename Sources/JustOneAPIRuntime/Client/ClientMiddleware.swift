/// An interceptor the client runs around each attempt: add a header, trace, log, record, or
/// answer without calling the server.
///
/// ```swift
/// struct Tracing: ClientMiddleware {
///     func intercept(_ request: HTTPRequest, context: MiddlewareContext,
///                    next: @Sendable (HTTPRequest) async throws -> HTTPResponse) async throws -> HTTPResponse {
///         var request = request
///         request.headerFields["X-Trace-ID"] = UUID().uuidString
///         return try await next(request)
///     }
/// }
/// ```
/// The request's URL holds the credential: do not log it; use `context.path`.
public protocol ClientMiddleware: Sendable {
    func intercept(
        _ request: HTTPRequest, context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse
}

/// What a middleware knows about the attempt it wraps.
public struct MiddlewareContext: Sendable {
    /// The operation's `operationId`.
    public let operationID: String
    /// The request path, without the query (and so without the credential).
    public let path: String
    /// 1 for the first attempt, 2 for the first retry, and so on.
    public let attempt: Int
    /// The attempt's timeout.
    public let timeout: Duration
}
