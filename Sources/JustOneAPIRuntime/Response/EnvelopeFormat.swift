import Foundation

/// The shape of a JSON envelope such as Just One API's `{code, message, data, recordTime, requestId}`:
/// which keys hold what, which codes mean success, and what every known code means.
///
/// Generated code creates one instance per document from the configuration and the schema's
/// code enum; requests refer to it.
public final class EnvelopeFormat: Sendable {
    public let codeKey: String
    public let dataKey: String
    public let messageKey: String?
    public let recordTimeKey: String?
    public let requestIDKey: String?
    public let successCodes: Set<Int>
    /// Every documented business code with its meaning and whether it is worth retrying.
    public let codes: [Int: BusinessCodeInfo]
    /// A decoder that knows this layout, so an envelope is read in one pass.
    let decoder: JSONDecoder
    /// The keys and success codes, for reading envelopes without a decoder.
    let layout: EnvelopeLayout

    public init(
        codeKey: String = "code",
        dataKey: String = "data",
        messageKey: String? = "message",
        recordTimeKey: String? = "recordTime",
        requestIDKey: String? = "requestId",
        successCodes: Set<Int> = [0],
        codes: [BusinessCodeInfo] = []
    ) {
        self.codeKey = codeKey
        self.dataKey = dataKey
        self.messageKey = messageKey
        self.recordTimeKey = recordTimeKey
        self.requestIDKey = requestIDKey
        self.successCodes = successCodes
        self.codes = Dictionary(codes.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let layout = EnvelopeLayout(
            codeKey: codeKey, dataKey: dataKey, messageKey: messageKey, recordTimeKey: recordTimeKey,
            requestIDKey: requestIDKey, successCodes: successCodes)
        let decoder = JSONCoding.makeDecoder()
        decoder.userInfo[EnvelopeLayout.userInfoKey] = layout
        self.decoder = decoder
        self.layout = layout
    }

    /// What is known about `code`, if it is documented.
    public func info(for code: Int) -> BusinessCodeInfo? { codes[code] }

    /// Whether a response with `code` is worth sending again.
    public func isRetryable(_ code: Int) -> Bool { codes[code]?.isRetryable ?? false }

    /// Whether a response with `code` stops the client (the account cannot go on).
    public func stopsClient(_ code: Int) -> Bool { codes[code]?.stopsClient ?? false }
}

/// One documented business code.
public struct BusinessCodeInfo: Sendable, Hashable {
    public let code: Int
    /// The Swift name of its case in the generated `BusinessCode` enum.
    public let name: String
    /// What the code means, in words.
    public let meaning: String
    /// Whether the same request may succeed when sent again (collection failed, rate limit).
    public let isRetryable: Bool
    /// Whether the code says the account cannot go on, so that the client stops sending
    /// (invalid token, daily quota exceeded, insufficient balance, spend cap reached).
    public let stopsClient: Bool

    public init(code: Int, name: String, meaning: String, isRetryable: Bool, stopsClient: Bool = false) {
        self.code = code
        self.name = name
        self.meaning = meaning
        self.isRetryable = isRetryable
        self.stopsClient = stopsClient
    }
}

/// An envelope as read from a body: its code and metadata, and its payload when the code is a success.
struct DecodedEnvelope<Payload: Decodable>: Decodable {
    let code: Int
    let message: String?
    let recordTime: String?
    let requestID: String?
    let payload: Payload?

    init(from decoder: any Decoder) throws {
        guard let format = decoder.userInfo[EnvelopeLayout.userInfoKey] as? EnvelopeLayout else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no envelope format"))
        }
        let container = try decoder.container(keyedBy: EnvelopeKey.self)
        code = try container.decode(Int.self, forKey: EnvelopeKey(format.codeKey))
        message = container.lenientString(format.messageKey)
        recordTime = container.lenientString(format.recordTimeKey)
        requestID = container.lenientString(format.requestIDKey)
        guard format.successCodes.contains(code) else {
            payload = nil
            return
        }
        let dataKey = EnvelopeKey(format.dataKey)
        if let value = try container.decodeIfPresent(Payload.self, forKey: dataKey) {
            payload = value
        } else if let nullable = Payload.self as? any NullRepresentable.Type, let null = nullable.null as? Payload {
            payload = null
        } else {
            throw DecodingError.valueNotFound(
                Payload.self,
                .init(codingPath: [dataKey], debugDescription: "`\(format.dataKey)` is missing or null"))
        }
    }
}

extension DecodedEnvelope {
    private init(code: Int, message: String?, recordTime: String?, requestID: String?, payload: Payload?) {
        self.code = code
        self.message = message
        self.recordTime = recordTime
        self.requestID = requestID
        self.payload = payload
    }

    /// The same envelope with its payload turned into another type.
    func mapPayload<Other>(_ transform: (Payload) -> Other?) -> DecodedEnvelope<Other> {
        DecodedEnvelope<Other>(
            code: code, message: message, recordTime: recordTime, requestID: requestID, payload: payload.flatMap(transform))
    }

    /// Reads an envelope whose payload is a `JSONValue`, with ``JSONValue/parse(_:)``.
    init(parsing body: Data, layout: EnvelopeLayout) throws {
        guard case .object(let object) = try JSONValue.parse(body) else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self, .init(codingPath: [], debugDescription: "the body is not a JSON object"))
        }
        guard let code = object[layout.codeKey]?.intValue else {
            throw DecodingError.keyNotFound(
                EnvelopeKey(layout.codeKey), .init(codingPath: [], debugDescription: "no integer `\(layout.codeKey)`"))
        }
        func text(_ key: String?) -> String? {
            switch key.flatMap({ object[$0] }) {
            case .string(let value)?: value
            case .integer(let value)?: String(value)
            case .double(let value)?: String(value)
            default: nil
            }
        }
        self.code = code
        message = text(layout.messageKey)
        recordTime = text(layout.recordTimeKey)
        requestID = text(layout.requestIDKey)
        payload = layout.successCodes.contains(code) ? (object[layout.dataKey] ?? .null) as? Payload : nil
    }
}

/// The keys and success codes of an envelope, handed to the decoder through `userInfo`.
struct EnvelopeLayout: Sendable {
    static let userInfoKey = CodingUserInfoKey(rawValue: "JustOneAPI.EnvelopeLayout")!
    let codeKey: String
    let dataKey: String
    let messageKey: String?
    let recordTimeKey: String?
    let requestIDKey: String?
    let successCodes: Set<Int>
}

/// A type with a value that stands for JSON `null`, so a missing or null payload still decodes.
protocol NullRepresentable {
    static var null: Self { get }
}

struct EnvelopeKey: CodingKey {
    let stringValue: String
    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    var intValue: Int? { nil }
    init?(intValue: Int) { nil }
}

extension KeyedDecodingContainer where Key == EnvelopeKey {
    /// A string field that may be missing, null, a number or a string; anything else reads as `nil`.
    func lenientString(_ key: String?) -> String? {
        guard let key else { return nil }
        let codingKey = EnvelopeKey(key)
        if let string = try? decodeIfPresent(String.self, forKey: codingKey) { return string }
        if let integer = try? decodeIfPresent(Int64.self, forKey: codingKey) { return String(integer) }
        if let number = try? decodeIfPresent(Double.self, forKey: codingKey) { return String(number) }
        return nil
    }
}

/// An optional payload decodes a missing or null `data` as `nil`.
extension Optional: NullRepresentable {
    static var null: Optional<Wrapped> { nil }
}
