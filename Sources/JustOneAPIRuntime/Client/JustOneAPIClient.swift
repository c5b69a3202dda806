import Foundation
import Logging

/// Sends requests built by generated code and returns their decoded responses.
///
/// ```swift
/// let client = JustOneAPIClient(token: token)            // the document's default server
/// let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345")
/// ```
///
/// The client is `Sendable` and meant to be shared: create one and use it from every task.
/// The token is kept out of its description, of errors and of logs.
public final class JustOneAPIClient: Sendable, CustomStringConvertible, CustomReflectable {
    /// The server requests go to.
    public let server: Server
    /// The timeout of a request that sets none of its own.
    public let timeout: Duration
    /// The transport that carries requests.
    public let transport: any ClientTransport
    /// Logging and the other settings of the client.
    public let configuration: ClientConfiguration
    let credential: Credential
    let redactor: Redactor

    /// Creates a client.
    /// - Parameters:
    ///   - token: The API token; it is sent where each operation's document says (for Just One
    ///     API the `token` query parameter or form field) and never logged.
    ///   - server: The server to call.
    ///   - timeout: How long one request may take; the API's documentation advises 60 seconds.
    ///   - transport: What carries the requests; URLSession by default.
    ///   - configuration: Logging and the other settings of the client.
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
    }

    public var description: String { "JustOneAPIClient(server: \(server), token: \(credential))" }

    /// What `dump` and debuggers show: no token.
    public var customMirror: Mirror {
        Mirror(self, children: ["server": server, "timeout": timeout, "token": credential], displayStyle: .class)
    }

    /// Sends `request` and returns its decoded response.
    /// - Parameters:
    ///   - request: A request built by generated code (or by hand).
    ///   - timeout: A timeout for this call; otherwise the request's, then the client's.
    /// - Throws: ``JustOneAPIError`` for every failure of the call, or `CancellationError` when
    ///   the calling task is cancelled.
    public func send<Output>(_ request: Request<Output>, timeout: Duration? = nil) async throws -> APIResponse<Output> {
        let httpRequest = try request.httpRequest(server: server, credential: credential)
        let timeout = timeout ?? request.timeout ?? self.timeout
        let start = ContinuousClock.now
        let response: HTTPResponse
        do {
            response = try await transport.send(httpRequest, timeout: timeout)
        } catch let failure as TransportFailure {
            log(request, status: nil, outcome: "\(failure)", since: start)
            throw request.failure(.transport(redactor.redact(failure)))
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            if Task.isCancelled { throw CancellationError() }
            log(request, status: nil, outcome: "transport error", since: start)
            throw request.failure(.transport(.other(reason: redactor.redact("\(error)"))))
        }
        do {
            let decoded = try request.decode(response, redactor: redactor)
            log(request, status: response.status, outcome: "code \(decoded.code.map(String.init) ?? "-")", since: start)
            return decoded
        } catch {
            log(request, status: response.status, outcome: "failed", since: start)
            throw error
        }
    }

    private func log<Output>(_ request: Request<Output>, status: Int?, outcome: String, since start: ContinuousClock.Instant) {
        configuration.logger.debug(
            "\(request.method) \(request.path) → \(status.map(String.init) ?? "no response"), \(outcome)",
            metadata: [
                "operation": .string(request.operationID),
                "duration_ms": .stringConvertible((ContinuousClock.now - start).milliseconds),
            ])
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

extension Duration {
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
