import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The default transport, on Foundation's `URLSession` (libcurl on Linux).
///
/// It needs no dependency beyond Foundation. Server-side code that makes many calls per second
/// is better served by a transport on AsyncHTTPClient.
public struct URLSessionTransport: ClientTransport {
    /// The session that carries the requests.
    public let session: URLSession

    /// Creates a transport with its own session: no cookies, no cache, up to
    /// `maximumConnectionsPerHost` connections to one server.
    public init(maximumConnectionsPerHost: Int = 32) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maximumConnectionsPerHost
        configuration.httpCookieStorage = nil
        configuration.httpShouldSetCookies = false
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        self.session = URLSession(configuration: configuration)
    }

    /// Creates a transport on an existing session.
    public init(session: URLSession) {
        self.session = session
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        var urlRequest = URLRequest(url: request.url)
        urlRequest.httpMethod = request.method.rawValue
        urlRequest.timeoutInterval = timeout.timeInterval
        for field in request.headerFields {
            urlRequest.addValue(field.value, forHTTPHeaderField: field.name)
        }
        urlRequest.httpBody = request.body
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await session.data(for: urlRequest)
        } catch {
            throw Self.translate(error, timeout: timeout)
        }
        guard let http = response as? HTTPURLResponse else {
            throw TransportFailure.other(reason: "the response is not an HTTP response")
        }
        var fields = HTTPFields()
        for (name, value) in http.allHeaderFields {
            // Names and values are strings; a cast costs far less than `String(describing:)`.
            fields.append(name: name.base as? String ?? "\(name)", value: value as? String ?? "\(value)")
        }
        return HTTPResponse(status: http.statusCode, headerFields: fields, body: data)
    }

    /// A cancelled task's request ends with `CancellationError`; URL errors become ``TransportFailure``s.
    private static func translate(_ error: any Error, timeout: Duration) -> any Error {
        if error is CancellationError || Task.isCancelled { return CancellationError() }
        guard let error = error as? URLError else { return TransportFailure.other(reason: error.localizedDescription) }
        if error.code == .cancelled { return CancellationError() }
        return failure(for: error, timeout: timeout)
    }

    static func failure(for error: URLError, timeout: Duration) -> TransportFailure {
        let reason = "\(error.code.rawValue) \(error.localizedDescription)"
        switch error.code {
        case .timedOut:
            return .timedOut(after: timeout)
        case .cannotConnectToHost, .cannotFindHost, .dnsLookupFailed, .notConnectedToInternet,
            .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
            .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
            return .cannotConnect(reason: reason)
        case .networkConnectionLost, .badServerResponse, .cannotParseResponse, .zeroByteResource,
            .cannotDecodeRawData, .cannotDecodeContentData:
            return .connectionLost(reason: reason)
        default:
            // libcurl reports a body cut short ("transfer closed with N bytes remaining") or a
            // reset connection without a specific code.
            let text = error.localizedDescription.lowercased()
            if text.contains("transfer closed") || text.contains("connection reset") || text.contains("recv failure") {
                return .connectionLost(reason: reason)
            }
            return .other(reason: reason)
        }
    }
}
