import Foundation
import JustOneAPIRuntime

/// What a ``StubTransport`` answers one request with: a response, or a failure of the transport.
///
/// ```swift
/// .success(["nickname": "Ann"])              // {"code": 0, "data": {...}}
/// .businessFailure(601, message: "余额不足")    // {"code": 601, "message": "余额不足", "data": null}
/// .status(503)                               // HTTP 503, empty body
/// .failure(.timedOut(after: .seconds(60)))   // no response at all
/// ```
public struct StubReply: Sendable {
    enum Kind: Sendable {
        case response(HTTPResponse)
        case failure(TransportFailure)
    }

    let kind: Kind
    /// How long the transport waits before answering (cancellation ends the wait).
    public var delay: Duration

    /// A response with this status, these headers and this body.
    public init(status: Int = 200, headerFields: HTTPFields = ["Content-Type": "application/json"], body: Data, delay: Duration = .zero) {
        kind = .response(HTTPResponse(status: status, headerFields: headerFields, body: body))
        self.delay = delay
    }

    private init(kind: Kind, delay: Duration = .zero) {
        self.kind = kind
        self.delay = delay
    }

    /// A success envelope, `{"code": 0, "message": "success", "data": …, "requestId": …}`.
    public static func success(_ data: JSONValue, requestID: String = "stub-request") -> StubReply {
        envelope(code: 0, data: data, message: "success", requestID: requestID)
    }

    /// A failure envelope with this business code (HTTP 200, as the API sends them).
    public static func businessFailure(_ code: Int, message: String? = nil, requestID: String = "stub-request") -> StubReply {
        envelope(code: code, data: .null, message: message, requestID: requestID)
    }

    /// An envelope with any code, payload and message.
    public static func envelope(
        code: Int, data: JSONValue, message: String? = nil, requestID: String = "stub-request", status: Int = 200
    ) -> StubReply {
        var object: [String: JSONValue] = [
            "code": .integer(Int64(code)), "data": data, "recordTime": "2026-01-01T00:00:00Z",
            "requestId": .string(requestID),
        ]
        if let message { object["message"] = .string(message) }
        return json(JSONValue.object(object).description, status: status)
    }

    /// A JSON body given as text.
    public static func json(_ text: String, status: Int = 200) -> StubReply {
        StubReply(status: status, body: Data(text.utf8))
    }

    /// A response with this HTTP status and a text body (empty by default).
    public static func status(_ status: Int, body: String = "", headerFields: HTTPFields = ["Content-Type": "text/plain"]) -> StubReply {
        StubReply(status: status, headerFields: headerFields, body: Data(body.utf8))
    }

    /// No response: the transport fails as a real one would.
    public static func failure(_ failure: TransportFailure) -> StubReply {
        StubReply(kind: .failure(failure))
    }

    /// The same reply, sent after `delay`.
    public func delayed(by delay: Duration) -> StubReply {
        var reply = self
        reply.delay = delay
        return reply
    }
}

/// A request as a stub or replay transport received it, for assertions.
public struct RecordedRequest: Sendable {
    /// The operation's `operationId`.
    public let operationID: String
    public let method: HTTPMethod
    /// The path, without the query.
    public let path: String
    /// The query items, percent-decoded, in order (the credential among them, as sent).
    public let query: [QueryItem]
    public let headerFields: HTTPFields
    public let body: Data?
    /// The whole request as the client handed it over.
    public let httpRequest: HTTPRequest

    init(_ request: HTTPRequest) {
        httpRequest = request
        operationID = request.operationID
        method = request.method
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        path = components?.percentEncodedPath.removingPercentEncoding ?? request.url.path
        query = Self.decodeForm(components?.percentEncodedQuery ?? "")
        headerFields = request.headerFields
        body = request.body
    }

    /// The value of the first query item called `name`.
    public func queryValue(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// The body's `application/x-www-form-urlencoded` fields, percent-decoded, in order.
    public var formFields: [QueryItem] { Self.decodeForm(body.map { String(decoding: $0, as: UTF8.self) } ?? "") }

    /// The value of the first form field called `name`.
    public func formValue(_ name: String) -> String? { formFields.first { $0.name == name }?.value }

    /// The value of the parameter called `name`, from the query or else the form body.
    public func parameter(_ name: String) -> String? { queryValue(name) ?? formValue(name) }

    static func decodeForm(_ text: String) -> [QueryItem] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                let text = part.replacingOccurrences(of: "+", with: " ")
                return text.removingPercentEncoding ?? text
            }
            return QueryItem(name: decode(parts[0]), value: parts.count > 1 ? decode(parts[1]) : "")
        }
    }
}
