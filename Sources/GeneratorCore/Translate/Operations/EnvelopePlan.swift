import OpenAPIKit

/// The response envelope from the configuration, checked against its schema.
///
/// An operation whose response schema is the envelope (by `$ref`, or an inline object or
/// `allOf` with the envelope's code and data) returns the envelope's data as its payload.
struct EnvelopePlan {
    let schemaName: String
    let codeKey: String
    let dataKey: String
    let messageKey: String
    let recordTimeKey: String
    let requestIDKey: String
    let successCodes: [Int]
    /// The schema of the envelope's data, `{}` for Just One API.
    let dataSchema: JSONSchema
    /// The documented values of the envelope's code.
    let documentedCodes: [Int]

    init?(config: GeneratorConfig.Envelope?, index: SpecIndex, diagnostics: DiagnosticCollector, configPath: String?) {
        guard let config else { return nil }
        let codeKey = config.codeKey ?? "code"
        let dataKey = config.dataKey ?? "data"
        guard let located = index.schemas[config.schema] else {
            if !index.operations.isEmpty {
                diagnostics.warning(
                    "the envelope schema `\(config.schema)` is in no document; responses are decoded without an envelope",
                    at: configPath.map { SourceLocation(file: $0, pointer: "/envelope/schema") },
                    hint: "name a schema under components/schemas")
            }
            return nil
        }
        guard case .object(_, let object) = located.value.value, object.properties[codeKey] != nil,
            object.properties[dataKey] != nil
        else {
            diagnostics.error(
                "the envelope schema `\(config.schema)` has no `\(codeKey)` and `\(dataKey)` properties",
                at: located.location, hint: "set envelope.codeKey and envelope.dataKey in the configuration")
            return nil
        }
        schemaName = config.schema
        self.codeKey = codeKey
        self.dataKey = dataKey
        messageKey = config.messageKey ?? "message"
        recordTimeKey = config.recordTimeKey ?? "recordTime"
        requestIDKey = config.requestIdKey ?? "requestId"
        successCodes = config.successCodes ?? [0]
        dataSchema = object.properties[dataKey]!
        if let values = EnumValues(object.properties[codeKey]!.allowedValues), case .integers(let codes) = values.values {
            documentedCodes = codes
        } else {
            documentedCodes = []
        }
    }

    /// The data schema when `schema` is this envelope, else `nil`.
    func dataSchema(of schema: JSONSchema, resolving translator: SchemaTranslator) -> JSONSchema? {
        switch schema.value {
        case .reference(let reference, _):
            return ComponentReference.key(of: reference, kind: "schemas") == schemaName ? dataSchema : nil
        case .object(_, let object):
            guard object.properties[codeKey] != nil, let data = object.properties[dataKey] else { return nil }
            return data
        case .all(of: let parts, core: _):
            let refersToEnvelope = parts.contains { part in
                if case .reference(let reference, _) = part.value {
                    return ComponentReference.key(of: reference, kind: "schemas") == schemaName
                }
                return false
            }
            guard refersToEnvelope else { return nil }
            for part in parts {
                if case .object(_, let object) = part.value, let data = object.properties[dataKey] { return data }
            }
            return dataSchema
        default:
            return nil
        }
    }
}
