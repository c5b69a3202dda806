import Foundation

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
    /// Where the response came from: the network, the response cache, or a call in flight
    /// that this one shared.
    public var origin: ResponseOrigin

    public init(
        data: Payload, code: Int? = nil, message: String? = nil, recordTime: String? = nil,
        requestID: String? = nil, status: Int = 200, headerFields: HTTPFields = [:], origin: ResponseOrigin = .network
    ) {
        self.data = data
        self.code = code
        self.message = message
        self.recordTime = recordTime
        self.requestID = requestID
        self.status = status
        self.headerFields = headerFields
        self.origin = origin
    }

    /// Reads a property of the payload directly: `response.name` for `response.data.name`.
    public subscript<Value>(dynamicMember keyPath: KeyPath<Payload, Value>) -> Value {
        data[keyPath: keyPath]
    }
}

/// Where a response came from.
public enum ResponseOrigin: Sendable, Hashable {
    /// A call of its own: sent, and billed.
    case network
    /// The response cache (``ResponseCache``), stored at this time: not sent, not billed.
    case cache(storedAt: Date)
    /// An identical call in flight, which this one waited for (``InFlightSharing``): not sent.
    case sharedCall
}
