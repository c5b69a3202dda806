import OpenAPIKit

/// Models for schemas inferred from response samples (`x-sample-inferred`): every property
/// optional and read leniently from the value as received, so that a response that differs
/// from the samples still decodes (`SampleInferred` in the runtime).
extension SchemaTranslator {
    /// The declaration of the inferred component schema `schema`, named `name`. Without a
    /// description, its doc comment says what it is for once the operations are translated
    /// (``InferredModelPurposes``).
    func inferredModel(named name: String, for schema: JSONSchema) -> TypeDeclaration {
        var members = NameScope(reserved: ReservedNames.inferredModelMembers)
        var properties: [InferredPropertyModel] = []
        if case .object(_, let object) = schema.value {
            for (key, propertySchema) in index.inDocumentOrder(object.properties) {
                let base = SwiftName.lowerIdentifier(key, digitPrefix: "field") ?? "field"
                let identifier = members.claim(base)
                var docs = SwiftText.documentationLines(propertySchema.description)
                if docs.isEmpty { docs = ["The `\(key)` field, when the response has one of the type the samples showed."] }
                properties.append(
                    InferredPropertyModel(
                        identifier: SwiftName.escaped(identifier), jsonKey: key, reading: reading(for: propertySchema),
                        docLines: docs))
            }
        }
        let described = schema.description ?? schema.title
        let docLines = Self.inferredModelDocumentation(
            summary: described ?? "The values of the `\(name)` schema, as response samples showed it.")
        var declaration = TypeDeclaration(
            name: name, qualifiedName: name, docLines: docLines, kind: .inferredModel(InferredModel(properties: properties)))
        declaration.isUndescribed = described == nil
        return declaration
    }

    /// The doc comment of a model inferred from samples: `summary`, and how it reads a response.
    static func inferredModelDocumentation(summary: String) -> [String] {
        documentation(
            summary + "\n\nInferred from response samples: every property is `nil` when the response lacks it or "
                + "has a value of another type; `jsonValue` holds the whole value as received.",
            fallback: "")
    }

    /// How a property of schema `schema` is read from the value as received.
    private func reading(for schema: JSONSchema) -> LenientReading {
        switch schema.value {
        case .reference(let reference, _):
            guard let key = ComponentReference.key(of: reference, kind: "schemas"), let name = componentTypeNames[key] else {
                return .asReceived
            }
            return index.inferredSchemas.contains(key) ? .inferredModel(name) : .decoded(name)
        case .string: return .string
        case .integer: return .integer
        case .number: return .number
        case .boolean: return .boolean
        case .array(_, let array):
            guard let items = array.items else { return .arrayOfValues }
            return .array(of: reading(for: items))
        default: return .asReceived
        }
    }
}
