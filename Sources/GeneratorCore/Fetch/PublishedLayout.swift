import Foundation

/// Where the docs site publishes each endpoint's document: `<tag>/<summary>-<version>-en.json`,
/// with the tag and summary in lowercase words joined by hyphens, and the version from
/// `x-api-version` (`v1` when absent). Holds for every document of the published catalog.
public enum PublishedLayout {
    /// One operation of a catalog, with the file its own document is published as.
    public struct Endpoint: Sendable, Equatable {
        public let method: String
        public let path: String
        public let file: String
    }

    /// The operations tagged `tag` (by name or `x-platform-id`) in the catalog's JSON, except
    /// those hidden from the docs, which have no document of their own.
    public static func endpoints(inCatalog data: Data, tag: String) throws -> [Endpoint] {
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
            let paths = root["paths"] as? [String: Any]
        else { throw LayoutError(description: "the catalog is not an OpenAPI document with paths") }
        let tags = (root["tags"] as? [[String: Any]]) ?? []
        let wanted = tags.first { ($0["name"] as? String) == tag || ($0["x-platform-id"] as? String) == tag }
        let tagName = (wanted?["name"] as? String) ?? tag
        var result: [Endpoint] = []
        for (path, item) in paths {
            guard let item = item as? [String: Any] else { continue }
            for (method, value) in item {
                guard let operation = value as? [String: Any],
                    let operationTags = operation["tags"] as? [String], operationTags.first == tagName,
                    (operation["x-docs-hidden"] as? Bool) != true,
                    let summary = operation["summary"] as? String
                else { continue }
                let version = (operation["x-api-version"] as? String) ?? "v1"
                let file = "\(slug(tagName))/\(slug(summary))-\(version)-en.json"
                result.append(Endpoint(method: method.uppercased(), path: path, file: file))
            }
        }
        return result.sorted { $0.file < $1.file }
    }

    /// `Douyin Creator Marketplace (Xingtu)` → `douyin-creator-marketplace-xingtu`.
    public static func slug(_ text: String) -> String {
        var result = ""
        var pendingHyphen = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingHyphen && !result.isEmpty { result.append("-") }
                result.append(character)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    public struct LayoutError: Error, CustomStringConvertible {
        public let description: String
    }
}
