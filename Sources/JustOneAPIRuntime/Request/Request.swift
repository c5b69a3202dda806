import Foundation

/// A request for one operation, built by generated code and sent by ``JustOneAPIClient/send(_:timeout:)->APIResponse<Output>``.
///
/// Every part is visible and can be changed before sending: the method, the path with its
/// parameters already substituted, the query items, the headers and the body. The credential is
/// not part of the value: the client adds it where ``authentication`` says, when it sends.
public struct Request<Output: Decodable & Sendable>: Sendable {
    /// The operation's `operationId` from the OpenAPI document, for logs, errors and middleware.
    public var operationID: String
    public var method: HTTPMethod
    /// The path relative to the server URL, with path parameters substituted and percent-encoded.
    public var path: String
    /// The query items, without the credential.
    public var query: [QueryItem]
    public var headerFields: HTTPFields
    public var body: RequestBody?
    /// Where the client puts its credential.
    public var authentication: Authentication
    /// How the response body is read.
    public var responseFormat: ResponseFormat
    /// A timeout for this request only; `nil` uses the client's.
    public var timeout: Duration?
    /// Whether the request only reads, so that identical calls in flight may share one
    /// response (``InFlightSharing``) and its success may be cached (``ResponseCache``). True
    /// for GET, HEAD and OPTIONS unless said otherwise; generated code says so for every Just
    /// One API operation, POSTs of form fields included.
    public var isReadOnly: Bool
    /// What this call does with the response cache; `nil` for the policy of the enclosing
    /// ``ResponseCache/withPolicy(_:_:)``, or else ``CachePolicy/useCache``.
    public var cachePolicy: CachePolicy?
    /// The server this operation is documented on when it is not the API's (an operation's own
    /// `servers`: Stripe's `files.stripe.com` for uploads, Twilio's `messaging.twilio.com`);
    /// `nil` sends it to the client's server.
    public var server: Server?

    public init(
        operationID: String,
        method: HTTPMethod,
        path: String,
        query: [QueryItem] = [],
        headerFields: HTTPFields = [:],
        body: RequestBody? = nil,
        authentication: Authentication = .none,
        responseFormat: ResponseFormat,
        timeout: Duration? = nil,
        isReadOnly: Bool? = nil,
        cachePolicy: CachePolicy? = nil,
        server: Server? = nil
    ) {
        self.operationID = operationID
        self.method = method
        self.path = path
        self.query = query
        self.headerFields = headerFields
        self.body = body
        self.authentication = authentication
        self.responseFormat = responseFormat
        self.timeout = timeout
        self.isReadOnly = isReadOnly ?? method.onlyReads
        self.cachePolicy = cachePolicy
        self.server = server
    }

    /// The same request, with the response's payload decoded as `type` instead.
    ///
    /// Useful where the document leaves a payload untyped (`JSONValue`) and you know its shape.
    public func decoding<NewOutput: Decodable & Sendable>(as type: NewOutput.Type) -> Request<NewOutput> {
        Request<NewOutput>(
            operationID: operationID, method: method, path: path, query: query, headerFields: headerFields,
            body: body, authentication: authentication, responseFormat: responseFormat, timeout: timeout,
            isReadOnly: isReadOnly, cachePolicy: cachePolicy, server: server)
    }
}

/// A request body.
public enum RequestBody: Sendable {
    /// `application/x-www-form-urlencoded` fields.
    case form([QueryItem])
    /// A value encoded as JSON when the request is sent.
    case json(any Encodable & Sendable)
    /// Raw bytes with their content type.
    case data(Data, contentType: String)
    /// `multipart/form-data` parts: text fields, JSON and files.
    case multipart([MultipartPart])

    /// The form fields, when this is a form body.
    public var formFields: [QueryItem]? {
        if case .form(let fields) = self { return fields }
        return nil
    }
}

/// Where the client's credential goes.
public enum Authentication: Sendable, Hashable {
    /// The operation needs no credential.
    case none
    /// A query parameter, such as Just One API's `token`.
    case query(name: String)
    /// A field of the form body.
    case formField(name: String)
    /// A header, with an optional prefix such as `"Bearer "`.
    case header(name: String, prefix: String = "")
}

/// How the client reads a response body.
public enum ResponseFormat: Sendable {
    /// A JSON envelope (`{code, message, data, …}`) whose code decides success.
    case envelope(EnvelopeFormat)
    /// The body is the JSON value itself; the HTTP status decides success.
    case json
    /// The body is text (`Output` is `String`).
    case text
    /// The body is bytes (`Output` is `Data`).
    case binary
    /// The body is empty or ignored (`Output` is ``NoContent``).
    case empty
}

/// The output of an operation whose response has no body.
public struct NoContent: Decodable, Sendable, Hashable {
    public init() {}
    public init(from decoder: any Decoder) throws {}
}
