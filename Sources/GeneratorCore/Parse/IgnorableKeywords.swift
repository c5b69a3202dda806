/// Keywords that do not shape the generated code: validation limits, examples and other
/// documentation. When OpenAPIKit cannot read one of them (a value of the wrong kind, an
/// integer limit beyond `Int`), the keyword is dropped with a warning instead of stopping
/// generation.
enum IgnorableKeywords {
    static let names: Set<String> = [
        // Validation that the generated types do not check.
        "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "maxLength", "minLength",
        "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "maxContains",
        "minContains", "contentEncoding", "contentMediaType", "format",
        // Documentation.
        "example", "examples", "externalDocs", "xml", "$comment", "readOnly", "writeOnly", "deprecated",
        // Parts of a document that are not generated.
        "links", "callbacks", "webhooks",
    ]

    /// Keywords whose value must be a number (in 3.0, `exclusiveMinimum` and
    /// `exclusiveMaximum` are booleans instead).
    static let numericLimits: Set<String> = [
        "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "maxLength", "minLength",
        "maxItems", "minItems", "maxProperties", "minProperties",
    ]

    /// The limits the decoder is known to refuse, with the reason, found before decoding so that
    /// a document with many of them is decoded once: booleans where 3.1 wants numbers (and
    /// numbers where 3.0 wants booleans), text, and numbers beyond a 64-bit integer.
    static func knownUnreadable(
        _ limits: [(tokens: [String], value: String)], openAPI31: Bool
    ) -> [(tokens: [String], reason: String)] {
        limits.compactMap { tokens, value in
            guard let key = tokens.last, isKeywordPosition(tokens, tokens.count - 1) else { return nil }
            let version = openAPI31 ? "OpenAPI 3.1" : "OpenAPI 3.0"
            let isBoolean = value == "true" || value == "false"
            if key == "exclusiveMinimum" || key == "exclusiveMaximum" {
                if openAPI31 && isBoolean { return (tokens, "\(version) wants a number here, not `\(value)` (a 3.0 form)") }
                if !openAPI31 && !isBoolean { return (tokens, "\(version) wants `true` or `false` here, not `\(value)` (a 3.1 form)") }
                return nil
            }
            if isBoolean || value.hasPrefix("\"") || value == "null" {
                return (tokens, "\(version) wants a number here, not `\(value)`")
            }
            if let number = Double(value), abs(number) >= 9.2e18 {
                return (tokens, "`\(value)` is beyond the range of a 64-bit integer")
            }
            return nil
        }
    }

    /// The path of the keyword to drop for a decoding error at `path` whose message is
    /// `message`, or `nil` when the error is about something that matters.
    ///
    /// The keyword is the innermost ignorable one on the error's path (`…/examples/x/value`), or
    /// else one that the message names and the object at the path holds (OpenAPIKit reports
    /// "Problem encountered when parsing `maximum`" at the schema that holds it). A key under
    /// `properties` is a property's name, never a keyword.
    static func culprit(path: [String], message: String, in tree: JSONTree) -> [String]? {
        for index in path.indices.reversed() where names.contains(path[index]) && isKeywordPosition(path, index) {
            return Array(path[...index])
        }
        guard let keys = tree.memberKeys(at: path) else { return nil }
        for key in keys where names.contains(key) && message.contains("`\(key)`") {
            return path + [key]
        }
        return nil
    }

    /// Whether `path[index]` is a keyword rather than the name of a property, a path, a
    /// component or a media type.
    private static func isKeywordPosition(_ path: [String], _ index: Int) -> Bool {
        guard index > 0 else { return true }
        return !namedEntryContainers.contains(path[index - 1])
    }

    /// Objects whose keys are names chosen by the document's author, not keywords.
    private static let namedEntryContainers: Set<String> = [
        "properties", "patternProperties", "paths", "schemas", "parameters", "responses", "examples",
        "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems", "content", "variables",
        "mapping", "webhooks", "encoding", "dependentSchemas", "$defs", "definitions",
    ]
}
