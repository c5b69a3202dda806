import OpenAPIKit

/// Models for schemas inferred from response samples (`x-sample-inferred`): every property
/// optional and read leniently from the value as received, so that a response that differs
/// from the samples still decodes (`SampleInferred` in the runtime).
extension SchemaTranslator {
    /// The declaration of the inferred component schema `schema`, named `name`.
    func inferredModel(named name: String, for schema: JSONSchema) -> TypeDeclaration {
        var members = NameScope(reserved: ["jsonValue", "init"])
        var properties: [InferredPropertyModel] = []
        if case .object(_, let object) = schema.value {
            for (key, propertySchema) in index.inDocumentOrder(object.properties) {
                let base = SwiftName.lowerIdentifier(key, digitPrefix: "field") ?? "field"
                let identifier = members.claim(base)
                let reading = reader(for: propertySchema)
                var docs = SwiftText.documentationLines(propertySchema.description)
                if docs.isEmpty { docs = ["The `\(key)` field, when the response has one of the type the samples showed."] }
                properties.append(
                    InferredPropertyModel(
                        identifier: SwiftName.escaped(identifier), type: reading.type,
                        reader: reading.read("jsonValue[\(SwiftText.literal(key))]"), docLines: docs))
            }
        }
        let summary = schema.description ?? schema.title ?? "A `\(name)` value, as response samples showed it."
        let docLines = Self.documentation(
            summary + "\n\nInferred from response samples: every property is `nil` when the response lacks it or "
                + "has a value of another type; `jsonValue` holds the whole value as received.",
            fallback: "")
        return TypeDeclaration(name: name, qualifiedName: name, docLines: docLines, kind: .inferredModel(InferredModel(properties: properties)))
    }

    /// A property's Swift type (without `?`) and how to read it from a `JSONValue?` expression.
    private func reader(for schema: JSONSchema) -> (type: String, read: (String) -> String) {
        switch schema.value {
        case .reference(let reference, _):
            guard let key = ComponentReference.key(of: reference, kind: "schemas"), let name = componentTypeNames[key] else {
                return ("JSONValue", { $0 })
            }
            if index.inferredSchemas.contains(key) {
                return (name, { "Lenient.object(\($0), as: \(name).self)" })
            }
            return (name, { "Lenient.decoded(\($0), as: \(name).self)" })
        case .string:
            return ("String", { "Lenient.string(\($0))" })
        case .integer:
            return ("Int", { "Lenient.int(\($0))" })
        case .number:
            return ("Double", { "Lenient.double(\($0))" })
        case .boolean:
            return ("Bool", { "Lenient.bool(\($0))" })
        case .array(_, let array):
            guard let items = array.items else { return ("[JSONValue]", { "\($0)?.arrayValue" }) }
            let element = reader(for: items)
            return ("[\(element.type)]", { "Lenient.array(\($0)) { \(element.read("$0")) }" })
        default:
            return ("JSONValue", { $0 })
        }
    }
}
