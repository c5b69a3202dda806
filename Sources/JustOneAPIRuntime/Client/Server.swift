import Foundation

/// A server that serves the API, such as Just One API's global or mainland-China server.
///
/// Generated code adds one static member per server listed in the OpenAPI documents.
public struct Server: Sendable, Hashable, CustomStringConvertible {
    /// The base URL; operation paths are appended to it.
    public var url: URL
    /// What the documents say about the server.
    public var summary: String

    public init(url: URL, summary: String = "") {
        self.url = url
        self.summary = summary
    }

    /// A server at `string`, or `nil` when it is not an absolute http(s) URL.
    public init?(_ string: String, summary: String = "") {
        guard let url = URL(string: string), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", url.host != nil
        else { return nil }
        self.init(url: url, summary: summary)
    }

    public var description: String { url.absoluteString }

    /// The base URL as text without a trailing slash, ready for a path to be appended.
    var baseString: String {
        var text = url.absoluteString
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
