import Foundation

/// A file sent as one part of a `multipart/form-data` body: its bytes, the file name the server
/// sees and their content type.
///
/// ```swift
/// let upload = try FileUpload(contentsOf: URL(fileURLWithPath: "report.pdf"), contentType: "application/pdf")
/// ```
public struct FileUpload: Sendable, Hashable {
    public var data: Data
    public var filename: String
    /// The file's content type; `nil` sends the type the API documents for the field, or
    /// `application/octet-stream` where it documents none.
    public var contentType: String?

    public init(data: Data, filename: String = "file", contentType: String? = nil) {
        self.data = data
        self.filename = filename
        self.contentType = contentType
    }

    /// The file at `url`, named after its last path component.
    public init(contentsOf url: URL, contentType: String? = nil) throws {
        self.init(data: try Data(contentsOf: url), filename: url.lastPathComponent, contentType: contentType)
    }
}

/// One part of a `multipart/form-data` body (RFC 7578): a named field of text, JSON or a file.
public struct MultipartPart: Sendable {
    /// What a part carries.
    public enum Content: Sendable {
        /// Bytes as they are: text or a file.
        case bytes(Data)
        /// A value encoded as JSON when the request is sent.
        case json(any Encodable & Sendable)
    }

    /// The field's name.
    public var name: String
    /// The file name, for a file.
    public var filename: String?
    /// The part's content type; `nil` for text.
    public var contentType: String?
    public var content: Content

    public init(name: String, filename: String? = nil, contentType: String? = nil, content: Content) {
        self.name = name
        self.filename = filename
        self.contentType = contentType
        self.content = content
    }

    /// A part of text or bytes.
    public init(name: String, filename: String? = nil, contentType: String? = nil, body: Data) {
        self.init(name: name, filename: filename, contentType: contentType, content: .bytes(body))
    }

    /// The part's bytes as sent (a JSON part encoded).
    public func encodedBody() throws -> Data {
        switch content {
        case .bytes(let data): data
        case .json(let value): try JSONCoding.sharedEncoder.encode(value)
        }
    }
}

extension Array where Element == MultipartPart {
    /// Appends a text part; a `nil` value is left out. `contentType` is the part's media type
    /// where the API documents one (`text/plain; charset=utf-8`); without it the part has none,
    /// which means plain text.
    public mutating func append(_ name: String, value: (some ParameterValue)?, contentType: String? = nil) {
        guard let value else { return }
        append(MultipartPart(name: name, contentType: contentType, body: Data(value.parameterValue.utf8)))
    }

    /// Appends a text part per element.
    public mutating func append(_ name: String, values: [some ParameterValue]?, contentType: String? = nil) {
        for value in values ?? [] { append(name, value: value, contentType: contentType) }
    }

    /// Appends a file part, of the file's own content type, else `contentType` (the type the
    /// API documents for the field), else `application/octet-stream`.
    public mutating func append(_ name: String, file: FileUpload?, contentType: String? = nil) {
        guard let file else { return }
        append(
            MultipartPart(
                name: name, filename: file.filename, contentType: file.contentType ?? contentType ?? "application/octet-stream",
                body: file.data))
    }

    /// Appends a file part per file, all under `name`.
    public mutating func append(_ name: String, files: [FileUpload]?, contentType: String? = nil) {
        for file in files ?? [] { append(name, file: file, contentType: contentType) }
    }

    /// Appends `value` as a JSON part (`application/json`, or the JSON type the API documents
    /// for the field), as OpenAPI sends objects in a multipart body; it is encoded when the
    /// request is sent.
    public mutating func append(_ name: String, json value: (some Encodable & Sendable)?, contentType: String = "application/json") {
        guard let value else { return }
        append(MultipartPart(name: name, contentType: contentType, content: .json(value)))
    }

    /// The parts as a `multipart/form-data` body, each JSON part encoded once, between lines of
    /// a boundary that no part's bytes contain (checked, however unlikely a clash is); throws
    /// when a JSON part cannot be encoded.
    func multipartBody() throws -> (data: Data, boundary: String) {
        let bodies = try map { try $0.encodedBody() }
        var boundary = "JustOneAPI-" + UUID().uuidString
        while bodies.contains(where: { $0.range(of: Data(boundary.utf8)) != nil }) {
            boundary = "JustOneAPI-" + UUID().uuidString + UUID().uuidString
        }
        var data = Data()
        func line(_ text: String) { data.append(contentsOf: (text + "\r\n").utf8) }
        for (part, body) in zip(self, bodies) {
            line("--" + boundary)
            var disposition = "Content-Disposition: form-data; name=\"\(Self.quoted(part.name))\""
            if let filename = part.filename { disposition += "; filename=\"\(Self.quoted(filename))\"" }
            line(disposition)
            if let contentType = part.contentType { line("Content-Type: " + contentType) }
            line("")
            data.append(body)
            line("")
        }
        line("--" + boundary + "--")
        return (data, boundary)
    }

    /// A name or file name inside a quoted header parameter: quotes and line breaks escaped as
    /// browsers do (`%22`, `%0D`, `%0A`).
    private static func quoted(_ text: String) -> String {
        guard text.contains(where: { $0 == "\"" || $0 == "\r" || $0 == "\n" }) else { return text }
        return text.replacingOccurrences(of: "\"", with: "%22").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
}
