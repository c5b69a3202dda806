/// What kind of OpenAPI object a place in a document holds, as far as `$ref`s care: a
/// reference in a schema's place names a schema, in a parameter's place a parameter, and so on.
///
/// Only places that may hold references are walked; an example's value is opaque (a `$ref`
/// key inside it is data).
enum OpenAPISlot: Sendable, Hashable {
    /// The keys of a path item that hold operations.
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]

    case document, components, pathItem, operation, callback
    case parameter, header, requestBody, response, mediaType, schema
    /// An example object: the object may be a `$ref`; its value is data.
    case example
    /// A description; some documents keep long texts in other files (`description: {$ref: …}`).
    case text
    /// An object whose only reference may be in its description (`info`, a tag).
    case described
    case link, securityScheme
    case opaque

    /// How a member's value relates to its parent.
    enum Child {
        /// The value is one object of the kind.
        case one(OpenAPISlot)
        /// The value maps names to objects of the kind.
        case map(OpenAPISlot)
        /// The value lists objects of the kind.
        case list(OpenAPISlot)
        /// One object, or a list of them (`items` in older JSON Schema).
        case oneOrList(OpenAPISlot)
    }

    /// Whether objects of this kind only document the API: one that a `$ref` cannot reach is
    /// left out with a warning rather than stopping generation.
    var isDocumentation: Bool {
        self == .example || self == .text || self == .link
    }

    /// The name of this kind under `components`, for kinds whose references may be kept as
    /// `#/components/KIND/NAME`.
    var componentsKey: String? {
        switch self {
        case .schema: "schemas"
        case .parameter: "parameters"
        case .header: "headers"
        case .requestBody: "requestBodies"
        case .response: "responses"
        case .pathItem: "pathItems"
        case .callback: "callbacks"
        case .example: "examples"
        case .link: "links"
        case .securityScheme: "securitySchemes"
        default: nil
        }
    }

    private static let componentKinds: [String: OpenAPISlot] = [
        "schemas": .schema, "parameters": .parameter, "headers": .header, "requestBodies": .requestBody,
        "responses": .response, "pathItems": .pathItem, "callbacks": .callback, "examples": .example,
        "links": .link, "securitySchemes": .securityScheme,
    ]

    private static let schemaMaps: Set<String> = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas"]
    private static let schemaLists: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]
    private static let schemaSingles: Set<String> = [
        "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedItems",
        "unevaluatedProperties", "additionalItems", "contentSchema",
    ]

    /// What the member `key` of an object of this kind holds; `nil` for members that hold no
    /// OpenAPI objects (descriptions, examples, vendor extensions).
    func child(_ key: String) -> Child? {
        if key == "description", self != .example, self != .text, self != .opaque { return .one(.text) }
        switch self {
        case .document:
            switch key {
            case "paths", "webhooks": return .map(.pathItem)
            case "components": return .one(.components)
            case "info": return .one(.described)
            case "tags": return .list(.described)
            default: return nil
            }
        case .components:
            return Self.componentKinds[key].map(Child.map)
        case .pathItem:
            if key == "parameters" { return .list(.parameter) }
            return Self.methods.contains(key) ? .one(.operation) : nil
        case .operation:
            switch key {
            case "parameters": return .list(.parameter)
            case "requestBody": return .one(.requestBody)
            case "responses": return .map(.response)
            case "callbacks": return .map(.callback)
            default: return nil
            }
        case .callback:
            return key.hasPrefix("x-") ? nil : .one(.pathItem)
        case .parameter, .header:
            switch key {
            case "schema": return .one(.schema)
            case "content": return .map(.mediaType)
            case "examples": return .map(.example)
            default: return nil
            }
        case .requestBody:
            return key == "content" ? .map(.mediaType) : nil
        case .response:
            switch key {
            case "headers": return .map(.header)
            case "content": return .map(.mediaType)
            case "links": return .map(.link)
            default: return nil
            }
        case .mediaType:
            switch key {
            case "schema": return .one(.schema)
            case "examples": return .map(.example)
            default: return nil
            }
        case .schema:
            if Self.schemaMaps.contains(key) { return .map(.schema) }
            if Self.schemaLists.contains(key) { return .list(.schema) }
            if Self.schemaSingles.contains(key) { return .one(.schema) }
            // `example` is data, whatever it holds: a `$ref` in it is never resolved or fetched.
            return key == "items" ? .oneOrList(.schema) : nil
        case .example, .text, .described, .link, .securityScheme, .opaque:
            return nil
        }
    }
}
