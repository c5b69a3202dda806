import Foundation

/// The one thing a transport does: send a fully built HTTP request and return the whole response.
///
/// Everything else in the runtime (authentication, encoding, envelope decoding, errors, retries)
/// is built on top of this protocol, so a transport stays small: ``URLSessionTransport`` is the
/// dependency-free default, and tests or server-side users can bring their own.
///
/// A transport reports failures it can classify as ``TransportFailure`` and lets
/// `CancellationError` through when the calling task is cancelled.
public protocol ClientTransport: Sendable {
    /// Sends `request` and returns the response with its complete body.
    /// - Parameters:
    ///   - request: The request, with its absolute URL, headers and body.
    ///   - timeout: How long the whole exchange may take before it fails with
    ///     ``TransportFailure/timedOut(after:)``.
    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse
}

/// An HTTP method such as `GET` or `POST`.
public struct HTTPMethod: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }

    public static let get = HTTPMethod(rawValue: "GET")
    public static let put = HTTPMethod(rawValue: "PUT")
    public static let post = HTTPMethod(rawValue: "POST")
    public static let delete = HTTPMethod(rawValue: "DELETE")
    public static let options = HTTPMethod(rawValue: "OPTIONS")
    public static let head = HTTPMethod(rawValue: "HEAD")
    public static let patch = HTTPMethod(rawValue: "PATCH")
    public static let trace = HTTPMethod(rawValue: "TRACE")

    /// Whether HTTP says the method only reads: GET, HEAD, OPTIONS.
    var onlyReads: Bool { self == .get || self == .head || self == .options }
}

/// One HTTP header field.
public struct HTTPField: Sendable, Hashable {
    public var name: String
    public var value: String
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

/// An ordered list of header fields with case-insensitive lookup.
public struct HTTPFields: Sendable, Hashable, ExpressibleByDictionaryLiteral, Sequence {
    public private(set) var fields: [HTTPField]

    public init(_ fields: [HTTPField] = []) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { HTTPField(name: $0.0, value: $0.1) }
    }

    /// The first value of the field called `name`, compared without regard to case.
    public subscript(name: String) -> String? {
        get { fields.first { Self.sameName($0.name, name) }?.value }
        set {
            fields.removeAll { Self.sameName($0.name, name) }
            if let newValue { fields.append(HTTPField(name: name, value: newValue)) }
        }
    }

    /// Header names are ASCII; comparing their bytes case-insensitively is all it takes.
    static func sameName(_ lhs: String, _ rhs: String) -> Bool {
        var left = lhs.utf8.makeIterator()
        var right = rhs.utf8.makeIterator()
        while true {
            switch (left.next(), right.next()) {
            case (nil, nil): return true
            case let (a?, b?) where a == b || (a | 0x20 == b | 0x20 && (a | 0x20) >= 0x61 && (a | 0x20) <= 0x7A): continue
            default: return false
            }
        }
    }

    public mutating func append(name: String, value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    public var isEmpty: Bool { fields.isEmpty }
    public func makeIterator() -> IndexingIterator<[HTTPField]> { fields.makeIterator() }
}

/// A request as a transport sees it: absolute URL, headers and an optional body.
public struct HTTPRequest: Sendable {
    public var method: HTTPMethod
    public var url: URL
    public var headerFields: HTTPFields
    public var body: Data?
    /// The `operationId` of the operation the request is for (empty when unknown), for
    /// transports that route or record by operation, such as the test kit's stubs.
    public var operationID: String

    public init(method: HTTPMethod, url: URL, headerFields: HTTPFields = [:], body: Data? = nil, operationID: String = "") {
        self.method = method
        self.url = url
        self.headerFields = headerFields
        self.body = body
        self.operationID = operationID
    }
}

/// A response as a transport returns it: status, headers and the complete body.
public struct HTTPResponse: Sendable {
    public var status: Int
    public var headerFields: HTTPFields
    public var body: Data

    public init(status: Int, headerFields: HTTPFields = [:], body: Data = Data()) {
        self.status = status
        self.headerFields = headerFields
        self.body = body
    }
}
