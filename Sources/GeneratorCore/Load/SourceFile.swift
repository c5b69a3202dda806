import Foundation

/// One input document: its bytes and where it came from.
public struct SourceFile: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case json, yaml
    }

    /// The path as shown in diagnostics and in the generated files' headers.
    public let path: String
    public let format: Format
    public let data: Data

    public init(path: String, format: Format, data: Data) {
        self.path = path
        self.format = format
        self.data = data
    }

    /// The format a file name implies, or `nil` when it is not an OpenAPI document's extension.
    public static func format(ofFileNamed name: String) -> Format? {
        switch (name as NSString).pathExtension.lowercased() {
        case "json": .json
        case "yaml", "yml": .yaml
        default: nil
        }
    }
}
