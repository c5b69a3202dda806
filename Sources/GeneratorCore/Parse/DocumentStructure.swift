import Foundation

/// What the generator reads from a document's tree besides what the OpenAPI decoder gives:
/// every `$ref` (with the pointer to the object that holds it), the key order of every
/// `properties` object (which decoders do not keep), the vendor extensions set to `true` on
/// each operation and its paging description (the decoder skips vendor extensions, which would
/// cost most of its time), boolean schemas and numeric limits to repair before decoding.
/// Found in one walk over the tree (``init(of:)``).
struct DocumentStructure: Sendable {
    /// The keys of a path item that hold operations.
    static let methods = OpenAPISlot.methods

    var references: [(pointer: String, target: String)] = []
    var propertyOrders: [[String]] = []
    /// Vendor extensions set to `true`, by ``operationKey(method:path:)``.
    var operationFlags: [String: Set<String>] = [:]
    /// Each operation's paging description (``pagingKeys``), by ``operationKey(method:path:)``
    /// and extension name.
    var pagingDescriptions: [String: [String: JSONTree]] = [:]

    /// The vendor extensions that describe an operation's paging: ours, and Speakeasy's,
    /// whose shape ours follows (ours wins where an operation has both).
    static let pagingKeys: Set<String> = ["x-pagination", "x-speakeasy-pagination"]
    /// Component schemas marked as inferred from samples (``sampleInferredKey``): their models
    /// read leniently (``SampleInferred`` in the runtime).
    var inferredSchemas: Set<String> = []

    /// The vendor extension `generate infer` puts on the schemas it writes.
    static let sampleInferredKey = "x-sample-inferred"
    /// Boolean schemas (`true`, `false` where a schema stands), with their place, for rewriting
    /// as the objects OpenAPIKit reads (`{}` and `{"not": {}}`).
    var booleanSchemas: [(tokens: [String], value: Bool)] = []

    /// Schemas whose `type` lists several types besides `null` (`type: [string, integer]`), which
    /// OpenAPIKit reads as their first: rewritten as an `anyOf` of one schema per type.
    var multiTypeSchemas: [[String]] = []

    /// Schemas with `null` among their `enum` values, which OpenAPIKit refuses unless the schema
    /// allows null: made nullable before decoding, where they do not say so.
    var nullInEnums: [[String]] = []

    /// Schema references with keywords beside them that say something of the value
    /// (``referenceSiblings``): OpenAPI 3.0 ignores them, and OpenAPIKit drops them.
    var referencesWithSiblings: [[String]] = []

    /// Keywords beside a schema `$ref` that its authors mean: that the value may be null, and
    /// what it is.
    static let referenceSiblings: Set<String> = ["nullable", "description", "title", "deprecated"]

    /// Keywords whose value is a schema (besides `properties` and the other maps of schemas);
    /// `additionalProperties` is left out, since a boolean there is read as it is.
    static let schemaKeywords: Set<String> = [
        "items", "not", "additionalItems", "contains", "if", "then", "else", "propertyNames", "contentSchema", "schema",
    ]
    /// Keywords whose value maps names to schemas.
    static let schemaMapKeywords: Set<String> = ["patternProperties", "$defs", "definitions", "dependentSchemas"]
    /// Keywords whose value lists schemas.
    static let schemaListKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Members whose values are data, not schemas, whatever keys they hold.
    static let instanceKeys: Set<String> = ["example", "examples", "default", "enum", "const"]

    /// Whether a `$ref` of the document names the component `kind/name`.
    func refersTo(kind: String, name: String) -> Bool {
        let suffix = "#" + JSONPointer.pointer(["components", kind, name])
        return references.contains { $0.target.hasSuffix(suffix) }
    }

    /// Whether the member `key` of the object at `tokens` (not a property map) holds data that
    /// no part of the generator reads as OpenAPI: an example (`example`, a schema's `examples`
    /// list, an example object's `value`), a default, an enum or a constant, or a vendor
    /// extension. A `$ref` in there is data too, and is never resolved or fetched.
    static func holdsData(_ key: String, value: JSONTree, at tokens: [String]) -> Bool {
        // In a map of named things (`components/schemas`, `responses`, `$defs` …) a key is a
        // name: a schema may be called `example`, a response is `default`.
        if let last = tokens.last, nameMaps.contains(last) || schemaMapKeywords.contains(last)
            || (tokens.count == 2 && tokens[0] == "components")
        {
            return false
        }
        switch key {
        case "example", "default", "enum", "const":
            return true
        case "examples":
            // A schema's list of examples is data; a map of example objects may hold `$ref`s.
            if case .array = value { return true }
            return false
        case "value":
            return tokens.count >= 2 && tokens[tokens.count - 2] == "examples"
        default:
            // Vendor extensions, but not path keys (`paths` maps templates, which never start with `x-`).
            return key.hasPrefix("x-")
        }
    }

    /// Objects whose keys are names the document chose, not keywords.
    static let nameMaps: Set<String> = [
        "paths", "webhooks", "responses", "headers", "content", "callbacks", "links", "encoding", "variables",
        "examples", "mapping", "scopes",
    ]

    /// Whether the value at `tokens` stands where a schema does.
    static func isSchemaPosition(_ tokens: [String]) -> Bool {
        guard let last = tokens.last, !tokens.contains(where: { instanceKeys.contains($0) || $0.hasPrefix("x-") })
        else { return false }
        if tokens.count == 3, tokens[0] == "components", tokens[1] == "schemas" { return true }
        let parent = Array(tokens.dropLast())
        if isPropertyMap(at: parent) { return true }
        if schemaKeywords.contains(last) { return true }
        guard let container = parent.last else { return false }
        if schemaMapKeywords.contains(container) { return true }
        return schemaListKeywords.contains(container) && Int(last) != nil
    }

    /// Numeric validation keywords (``IgnorableKeywords/numericLimits``) with their value's
    /// text, for dropping those the decoder would refuse before it runs.
    var numericLimits: [(tokens: [String], value: String)] = []

    /// The key of an operation's flags: `get /path`.
    static func operationKey(method: String, path: String) -> String {
        method.lowercased() + " " + path
    }

    /// The operation key of the object at `tokens`, when it is an operation (`paths` → path → method).
    static func operationKey(at tokens: [String]) -> String? {
        guard tokens.count == 3, tokens[0] == "paths", methods.contains(tokens[2]) else { return nil }
        return operationKey(method: tokens[2], path: tokens[1])
    }

    /// Whether the object at `tokens` maps property names to schemas: a `properties` object,
    /// unless `properties` is itself a property's name (in a run of `properties` tokens, the
    /// odd ones are maps).
    static func isPropertyMap(at tokens: [String]) -> Bool {
        tokens.reversed().prefix { $0 == "properties" }.count % 2 == 1
    }

    init() {}

    /// The structure of `tree`, a whole document.
    init(of tree: JSONTree) {
        var tokens: [String] = []
        walk(tree, tokens: &tokens)
    }

    private static let trueText = ArraySlice("true".utf8)
    private static let falseText = ArraySlice("false".utf8)
    private static let nullText = ArraySlice("null".utf8)

    private mutating func walk(_ node: JSONTree, tokens: inout [String]) {
        switch node {
        case .object(let members):
            let operation = Self.operationKey(at: tokens)
            let isPropertyMap = Self.isPropertyMap(at: tokens)
            for member in members {
                let key = member.key
                let value = member.value
                if key == "$ref", let target = value.stringValue {
                    references.append((JSONPointer.pointer(tokens), target))
                } else if key == Self.sampleInferredKey, tokens.count == 3, tokens[0] == "components", tokens[1] == "schemas" {
                    if case .scalar(let text) = value, text == Self.trueText { inferredSchemas.insert(tokens[2]) }
                } else if let operation, key.hasPrefix("x-") {
                    if case .scalar(let text) = value, text == Self.trueText {
                        operationFlags[operation, default: []].insert(key)
                    } else if Self.pagingKeys.contains(key) {
                        pagingDescriptions[operation, default: [:]][key] = value
                    }
                } else if !isPropertyMap, key == "enum", case .array(let values) = value,
                    values.contains(where: { if case .scalar(let text) = $0 { text.elementsEqual(Self.nullText) } else { false } })
                {
                    nullInEnums.append(tokens)
                } else if !isPropertyMap, key == "type", case .array(let types) = value,
                    types.count(where: { $0.stringValue != "null" }) > 1
                {
                    multiTypeSchemas.append(tokens)
                } else if !isPropertyMap, IgnorableKeywords.numericLimits.contains(key), case .scalar(let text) = value {
                    numericLimits.append((tokens + [key], String(decoding: text, as: UTF8.self)))
                } else if !isPropertyMap, Self.holdsData(key, value: value, at: tokens) {
                    // Data, not OpenAPI: a `$ref` in it is not a reference, and nothing in it is walked.
                    continue
                } else {
                    tokens.append(key)
                    walk(value, tokens: &tokens)
                    tokens.removeLast()
                }
            }
            if isPropertyMap, !members.isEmpty { propertyOrders.append(members.map(\.key)) }
            if !isPropertyMap, members.count > 1, members.contains(where: { Self.referenceSiblings.contains($0.key) }),
                let target = node["$ref"]?.stringValue, target.hasPrefix("#/components/schemas/")
            {
                referencesWithSiblings.append(tokens)
            }
        case .array(let elements):
            for (position, element) in elements.enumerated() {
                tokens.append(String(position))
                walk(element, tokens: &tokens)
                tokens.removeLast()
            }
        case .scalar(let text):
            // JSON Schema's boolean schemas (3.1): `true` accepts anything, `false` nothing.
            let isTrue = text == Self.trueText
            if isTrue || text == Self.falseText, Self.isSchemaPosition(tokens) {
                booleanSchemas.append((tokens, isTrue))
            }
        }
    }
}
