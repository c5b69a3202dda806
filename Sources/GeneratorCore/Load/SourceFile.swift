import Foundation

/// One input document: its bytes and where it came from.
public struct SourceFile: Sendable, Hashable {
    public enum Format: String, Sendable, Hashable {
        case json, yaml
    }

    /// The path as shown in diagnostics and in the generated files' headers.
    public let path: String
    public let format: Format
    /// The file's text, kept once: the tree's scalars and the diagnostics' locator share it.
    /// A UTF-8 byte order mark at the start (as some Windows editors write) is not part of it.
    public let bytes: [UInt8]

    public init(path: String, format: Format, bytes: [UInt8]) {
        self.path = path
        self.format = format
        self.bytes = bytes.starts(with: Self.byteOrderMark) ? Array(bytes.dropFirst(Self.byteOrderMark.count)) : bytes
    }

    /// The UTF-8 byte order mark.
    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    public init(path: String, format: Format, data: Data) {
        self.init(path: path, format: format, bytes: [UInt8](data))
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
