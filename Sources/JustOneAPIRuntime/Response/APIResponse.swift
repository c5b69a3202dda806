/// A successful response: the decoded payload, with the envelope's metadata where there is one.
@dynamicMemberLookup
public struct APIResponse<Payload: Sendable>: Sendable {
    /// The payload: the envelope's `data`, or the whole body for operations without an envelope.
    public var data: Payload
    /// The envelope's business code (a success code), or `nil` without an envelope.
    public var code: Int?
    /// The envelope's `message`.
    public var message: String?
    /// The envelope's `recordTime`.
    public var recordTime: String?
    /// The envelope's `requestId`, worth quoting when you contact support.
    public var requestID: String?
    /// The HTTP status.
    public var status: Int
    /// The HTTP response headers.
    public var headerFields: HTTPFields

    public init(
        data: Payload, code: Int? = nil, message: String? = nil, recordTime: String? = nil,
        requestID: String? = nil, status: Int = 200, headerFields: HTTPFields = [:]
    ) {
        self.data = data
        self.code = code
        self.message = message
        self.recordTime = recordTime
        self.requestID = requestID
        self.status = status
        self.headerFields = headerFields
    }

    /// Reads a property of the payload directly: `response.name` for `response.data.name`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Payload, Value>) -> Value {
        data[keyPath: keyPath]
    }
}
