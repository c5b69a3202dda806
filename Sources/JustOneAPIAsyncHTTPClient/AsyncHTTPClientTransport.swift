import AsyncHTTPClient
import Foundation
import JustOneAPIRuntime
import NIOCore
import NIOHTTP1

/// A transport on swift-server's AsyncHTTPClient: pooled connections on SwiftNIO, for
/// server-side code that makes many calls per second.
///
/// ```swift
/// let client = JustOneAPIClient(token: token, transport: AsyncHTTPClientTransport())
/// ```
public struct AsyncHTTPClientTransport: ClientTransport {
    /// The HTTP client that carries the requests.
    public let client: HTTPClient
    /// Responses with a larger body fail instead of filling memory.
    public let maximumBodySize: Int

    /// Creates a transport on `client`; by default ``sharedClient``.
    public init(client: HTTPClient = AsyncHTTPClientTransport.sharedClient, maximumBodySize: Int = 256 * 1024 * 1024) {
        self.client = client
        self.maximumBodySize = maximumBodySize
    }

    /// A process-wide client that lives as long as the process (so it needs no shutdown): up to
    /// 64 pooled connections per host, and connection failures reported at once, so that the
    /// `JustOneAPIClient`'s retry policy decides about them as it does for every transport.
    ///
    /// A call's timeout bounds the wait for the response head (AsyncHTTPClient's deadline ends
    /// there); a body that arrives later still fails as timed out, and one that stops arriving
    /// fails after 5 minutes without a byte, the client's read timeout. Calls with a longer
    /// timeout need a client of their own with a longer read timeout.
    public static let sharedClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = 64
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        configuration.timeout.read = .minutes(5)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }()

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var outgoing = HTTPClientRequest(url: request.url.absoluteString)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for field in request.headerFields {
            outgoing.headers.add(name: field.name, value: field.value)
        }
        if let body = request.body {
            outgoing.body = .bytes(ByteBuffer(bytes: body))
        }
        let started = ContinuousClock.now
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
            + Int64(timeout.components.attoseconds / 1_000_000_000))
        do {
            let response = try await client.execute(outgoing, deadline: deadline)
            let body = try await response.body.collect(upTo: maximumBodySize)
            // AsyncHTTPClient's deadline covers the response head only; the timeout covers the
            // whole exchange, body included, so a response that took longer counts as none.
            if ContinuousClock.now - started > timeout {
                throw TransportFailure.timedOut(after: timeout)
            }
            var fields = HTTPFields()
            for (name, value) in response.headers {
                fields.append(name: name, value: value)
            }
            return HTTPResponse(status: Int(response.status.code), headerFields: fields, body: Data(body.readableBytesView))
        } catch let failure as TransportFailure {
            throw failure
        } catch {
            throw Self.translate(error, timeout: timeout)
        }
    }

    static func translate(_ error: any Error, timeout: Duration) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout:
                return TransportFailure.timedOut(after: timeout)
            case .connectTimeout, .getConnectionFromPoolTimeout:
                return TransportFailure.cannotConnect(reason: "\(error)")
            case .remoteConnectionClosed, .bodyLengthMismatch:
                return TransportFailure.connectionLost(reason: "\(error)")
            case .cancelled:
                return CancellationError()
            default:
                return TransportFailure.other(reason: "\(error)")
            }
        }
        if error is HTTPParserError {
            return TransportFailure.connectionLost(reason: "\(error)")
        }
        if error is NIOTooManyBytesError {
            return TransportFailure.other(reason: "the response body is larger than the transport's maximum")
        }
        let text = "\(error)"
        if let error = error as? IOError, error.errnoCode == ECONNREFUSED || error.errnoCode == EHOSTUNREACH {
            return TransportFailure.cannotConnect(reason: text)
        }
        if text.lowercased().contains("connection refused") || text.contains("NIOConnectionError") {
            return TransportFailure.cannotConnect(reason: text)
        }
        if error is ChannelError || error is IOError {
            return TransportFailure.connectionLost(reason: text)
        }
        return TransportFailure.other(reason: text)
    }
}
