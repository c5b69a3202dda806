/// JSON Schema's `type: [string, integer]` (OpenAPI 3.1) as an `anyOf` of one schema per type,
/// which the generator types as a union. OpenAPIKit reads such a schema as its first type alone,
/// so a response holding another of its types would not decode.
enum MultiTypeSchemas {
    /// The keywords that apply to one type only: they go into that type's alternative.
    private static let keywordsByType: [String: Set<String>] = [
        "string": ["format", "pattern", "minLength", "maxLength", "contentEncoding", "contentMediaType", "contentSchema"],
        "integer": ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        "number": ["format", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"],
        "array": ["items", "prefixItems", "minItems", "maxItems", "uniqueItems", "contains", "minContains", "maxContains"],
        "object": [
            "properties", "required", "additionalProperties", "patternProperties", "propertyNames", "minProperties",
            "maxProperties", "dependentRequired", "dependentSchemas", "discriminator",
        ],
    ]

    /// `schema` with its `type` list replaced by `anyOf: [{type: A, …A's keywords}, …]`; its
    /// `enum` and `const` values go to the alternatives of their JSON types. `nil` (no change)
    /// for anything else.
    static func anyOf(splitting schema: JSONTree) -> JSONTree? {
        guard case .object(let members) = schema, case .array(let types)? = schema["type"] else { return nil }
        let names = types.compactMap(\.stringValue)
        let specific = Set(names.flatMap { keywordsByType[$0] ?? [] })
        var alternatives: [JSONTree] = []
        for name in names {
            var alternative: [JSONTree.Member] = [.init(key: "type", value: .string(name))]
            for member in members where keywordsByType[name]?.contains(member.key) == true {
                alternative.append(member)
            }
            for key in ["enum", "const"] {
                guard let values = schema[key] else { continue }
                let candidates: [JSONTree] = if key == "enum", case .array(let elements) = values { elements } else { [values] }
                let kept = candidates.filter { Self.value($0, isOf: name) }
                if key == "enum", !kept.isEmpty { alternative.append(.init(key: "enum", value: .array(kept))) }
                if key == "const", let value = kept.first { alternative.append(.init(key: "const", value: value)) }
            }
            // An `enum` none of whose values is of this type leaves the type out: no value of it
            // is allowed.
            if schema["enum"] != nil, !alternative.contains(where: { $0.key == "enum" }) { continue }
            alternatives.append(.object(alternative))
        }
        let shared = members.filter { $0.key != "type" && $0.key != "enum" && $0.key != "const" && !specific.contains($0.key) }
        return .object(shared + [.init(key: "anyOf", value: .array(alternatives))])
    }

    /// Whether a JSON value is of the JSON Schema type `name`.
    private static func value(_ value: JSONTree, isOf name: String) -> Bool {
        switch (value, name) {
        case (.object, "object"), (.array, "array"): return true
        case (.scalar(let text), _):
            let first = text.first
            switch name {
            case "string": return first == UInt8(ascii: "\"")
            case "boolean": return text.elementsEqual("true".utf8) || text.elementsEqual("false".utf8)
            case "null": return text.elementsEqual("null".utf8)
            case "number": return first.map { $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) } ?? false
            case "integer":
                return (first.map { $0 == UInt8(ascii: "-") || ($0 >= 48 && $0 <= 57) } ?? false)
                    && !text.contains(UInt8(ascii: ".")) && !text.contains(UInt8(ascii: "e")) && !text.contains(UInt8(ascii: "E"))
            default: return false
            }
        default: return false
        }
    }
}
