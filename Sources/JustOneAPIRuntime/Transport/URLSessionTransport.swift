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
        do {
            let (data, response) = try await session.data(for: urlRequest)
            guard let http = response as? HTTPURLResponse else {
                throw TransportFailure.other(reason: "the response is not an HTTP response")
            }
            var fields = HTTPFields()
            for (name, value) in http.allHeaderFields {
                fields.append(name: "\(name)", value: "\(value)")
            }
            return HTTPResponse(status: http.statusCode, headerFields: fields, body: data)
        } catch let error as URLError {
            if Task.isCancelled || error.code == .cancelled { throw CancellationError() }
            throw Self.failure(for: error, timeout: timeout)
        }
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
            return .other(reason: reason)
        }
    }
}
