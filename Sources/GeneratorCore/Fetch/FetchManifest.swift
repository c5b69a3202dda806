import Foundation
import Yams

/// `specs/sources.yaml`: where each document in `specs/` is published, for
/// `swift run generate fetch specs/`.
///
/// ```yaml
/// baseURL: https://docs.justoneapi.com/openapi/
/// documents:
///   - file: douyin-creator-marketplace-xingtu/conversion-analysis-v1-en.json
///   - file: local-name.json
///     url: https://example.com/elsewhere.json
/// ```
public struct FetchManifest: Sendable, Codable, Equatable {
    public static let fileName = "sources.yaml"
    public static let defaultBaseURL = "https://docs.justoneapi.com/openapi/"

    /// Where documents without their own `url` are published: `baseURL` + `file`.
    public var baseURL: String?
    public var documents: [Entry]

    public struct Entry: Sendable, Codable, Equatable {
        /// The document's path relative to the specs directory.
        public var file: String
        /// Where it is published, when not `baseURL` + `file`.
        public var url: String?

        public init(file: String, url: String? = nil) {
            self.file = file
            self.url = url
        }
    }

    public init(baseURL: String? = nil, documents: [Entry] = []) {
        self.baseURL = baseURL
        self.documents = documents
    }

    /// The URL `entry` is downloaded from.
    public func url(of entry: Entry) -> String {
        if let url = entry.url { return url }
        var base = baseURL ?? Self.defaultBaseURL
        if !base.hasSuffix("/") { base += "/" }
        return base + entry.file
    }

    /// Reads the manifest at `path`.
    public static func load(from path: String) throws -> FetchManifest {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        do {
            return try YAMLDecoder().decode(FetchManifest.self, from: text)
        } catch {
            throw ManifestError(description: "\(path): error: invalid manifest: \(error)")
        }
    }

    /// The manifest as YAML, documents sorted by file.
    public func yaml() -> String {
        var text = """
            # The published documents behind this directory. `swift run generate fetch` downloads each
            # one from `baseURL` + `file` (or its own `url`); `--discover` adds the endpoints of a tag.

            """
        text += "baseURL: \(baseURL ?? Self.defaultBaseURL)\n"
        text += "documents:\n"
        for entry in documents.sorted(by: { $0.file < $1.file }) {
            text += "  - file: \(entry.file)\n"
            if let url = entry.url { text += "    url: \(url)\n" }
        }
        return text
    }

    public struct ManifestError: Error, CustomStringConvertible {
        public let description: String
    }
}

/// `specs/sources.lock.json`: what each document's last download said about it, so the next
/// fetch can ask "has it changed?" (ETag, Last-Modified).
public struct FetchLock: Sendable, Codable, Equatable {
    public static let fileName = "sources.lock.json"

    public var documents: [String: Record]

    public struct Record: Sendable, Codable, Equatable {
        public var url: String
        public var etag: String?
        public var lastModified: String?

        public init(url: String, etag: String?, lastModified: String?) {
            self.url = url
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    public init(documents: [String: Record] = [:]) {
        self.documents = documents
    }

    public static func load(from path: String) -> FetchLock {
        guard let data = FileManager.default.contents(atPath: path),
            let lock = try? JSONDecoder().decode(FetchLock.self, from: data)
        else { return FetchLock() }
        return lock
    }

    /// The lock file's text: sorted keys, so that it diffs well.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(UInt8(ascii: "\n"))
        return data
    }
}
