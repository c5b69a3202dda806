import Foundation

/// The identity of a request for the response cache and for sharing calls in flight: the
/// operation, the method, the server and path, the query items, the request's own header
/// fields and its body, in a canonical order (items sorted by name, then value). The credential
/// is never part of it: the client adds the token when it sends, after the key is made.
///
/// ``text`` holds every parameter value, secret ones included; a store that writes keys
/// anywhere lasting writes ``digest``.
public struct CacheKey: Hashable, Sendable, CustomStringConvertible {
    /// The request in its canonical form, one part per line.
    public let text: String
    /// The operation's `operationId`.
    public let operationID: String

    init<Output>(_ request: Request<Output>, server: Server) {
        operationID = request.operationID
        var text = ""
        text.reserveCapacity(request.path.utf8.count + server.baseString.utf8.count + request.query.count * 24 + 48)
        text.append(request.operationID)
        text.append("\n")
        text.append(request.method.rawValue)
        text.append(" ")
        text.append(server.baseString)
        text.append(request.path)
        Self.append(request.query, prefix: "q ", to: &text)
        if !request.headerFields.isEmpty {
            let headers = request.headerFields.map { QueryItem(name: $0.name.lowercased(), value: $0.value) }
            Self.append(headers, prefix: "h ", to: &text)
        }
        switch request.body {
        case nil:
            break
        case .form(let fields):
            Self.append(fields, prefix: "f ", to: &text)
        case .json(let value):
            text.append("\nj ")
            if let data = Self.sortedJSON(value) {
                text.append(data.base64EncodedString())
            }
        case .data(let data, let contentType):
            text.append("\nd ")
            text.append(contentType)
            text.append(" ")
            text.append(data.base64EncodedString())
        case .multipart(let parts):
            for part in parts {
                text.append("\nm ")
                text.append([part.name, part.filename ?? "", part.contentType ?? ""].map(PercentEncoding.encode).joined(separator: " "))
                text.append(" ")
                let body: Data? =
                    switch part.content {
                    case .bytes(let data): data
                    case .json(let value): Self.sortedJSON(value)
                    }
                text.append((body ?? Data()).base64EncodedString())
            }
        }
        self.text = text
    }

    /// A key made of `text` as it is, for stores and tests.
    public init(text: String, operationID: String) {
        self.text = text
        self.operationID = operationID
    }

    /// The SHA-256 of ``text``, in hexadecimal: what a lasting store keeps instead of the values.
    public var digest: String { SHA256.hex(text) }

    /// The operation and the start of the digest: no parameter value.
    public var description: String { "\(operationID) \(digest.prefix(12))" }

    public static func == (lhs: CacheKey, rhs: CacheKey) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }

    /// `value` as JSON with its keys sorted, so that two encodings of one value are one key.
    private static func sortedJSON(_ value: any Encodable) -> Data? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try? encoder.encode(value)
    }

    /// Appends `items` percent-encoded and sorted, one line each (so that no value can be
    /// mistaken for a separator).
    private static func append(_ items: [QueryItem], prefix: String, to text: inout String) {
        guard !items.isEmpty else { return }
        var encoded: [String] = []
        encoded.reserveCapacity(items.count)
        for item in items {
            var line = ""
            PercentEncoding.append(item.name, to: &line)
            line.append("=")
            PercentEncoding.append(item.value, to: &line)
            encoded.append(line)
        }
        encoded.sort()
        for line in encoded {
            text.append("\n")
            text.append(prefix)
            text.append(line)
        }
    }
}
