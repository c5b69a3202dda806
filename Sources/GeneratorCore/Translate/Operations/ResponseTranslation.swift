import OpenAPIKit

/// Chooses an operation's success response and turns it into a payload type and a response format.
struct ResponseTranslation {
    let envelope: EnvelopePlan?
    let index: SpecIndex
    let diagnostics: DiagnosticCollector

    struct Result {
        let outputType: SwiftType
        /// `.envelope(.result)`, `.json`, `.text`, `.binary` or `.empty`.
        let format: ResponseFormat
        let returnsDocumentation: String
        /// The status and media type of a JSON response.
        var json: JSONResponseModel? = nil
    }

    func translate(_ indexed: IndexedOperation, scope: inout TypeScope, schemas: inout SchemaTranslator) -> Result? {
        // The lowest explicit 2xx status, then `2XX`, then `default` (sorted: decoders lose the
        // order). The statuses alone are sorted: the responses are large values to copy.
        let statuses = indexed.operation.responses.keysInOrder.sorted { $0.rawValue < $1.rawValue }
        let chosen =
            statuses.first { $0.isSuccess && $0.rawValue.count == 3 && $0.rawValue.hasPrefix("2") }
            ?? statuses.first { $0.isSuccess }
            ?? statuses.first { $0 == .default }
        guard let status = chosen, let either = indexed.operation.responses[status] else {
            return Result(outputType: .named("NoContent"), format: .empty, returnsDocumentation: "Nothing: the response has no body.")
        }
        let location = SourceLocation(
            file: indexed.file,
            pointer: (indexed.location.pointer ?? "") + "/responses/" + status.rawValue)
        guard
            let response = index.resolve(either, kind: "responses", in: index.responses, at: location, diagnostics: diagnostics)
        else { return nil }
        let media = OperationTranslator.mediaTypes(response.content)
        if let (mediaType, schema) = media.first(where: { OperationTranslator.isJSON($0.0) })
            ?? media.first(where: { Self.isWildcard($0.0) && $0.1.map { Self.isStructured($0, schemas) } == true })
        {
            let json = JSONResponseModel(
                status: status.rawValue,
                mediaType: response.content.keysInOrder.first { $0.typeAndSubtype.lowercased() == mediaType }?.rawValue ?? mediaType)
            guard let schema else {
                return Result(
                    outputType: .jsonValue, format: .json, returnsDocumentation: "The decoded response body.", json: json)
            }
            // What a type declared for the response is for, when its schema does not say.
            let owner = scope.qualifiedName.map { "`" + ($0.split(separator: ".").last.map(String.init) ?? $0) + "`" } ?? "the operation"
            if let envelope, let dataSchema = envelope.dataSchema(of: schema, resolving: schemas) {
                let type = schemas.swiftType(
                    for: dataSchema, suggestedName: "Payload", in: &scope, at: location,
                    purpose: "the response's `\(envelope.dataKey)` of \(owner)")
                return Result(
                    outputType: type, format: .envelope(EnvelopeNaming.formatName),
                    returnsDocumentation: "The response's `\(envelope.dataKey)`, with the envelope's message, record time and request ID.",
                    json: json)
            }
            // Not `Output`: that is `APIOperation`'s associated type, whatever the response is.
            let type = schemas.swiftType(
                for: schema, suggestedName: "Response", in: &scope, at: location, purpose: "the response body of \(owner)")
            return Result(outputType: type, format: .json, returnsDocumentation: "The decoded response body.", json: json)
        }
        if media.contains(where: { $0.0.hasPrefix("text/") }) {
            return Result(outputType: .named("String"), format: .text, returnsDocumentation: "The response body as text.")
        }
        if !media.isEmpty {
            return Result(outputType: .named("Data"), format: .binary, returnsDocumentation: "The response body's bytes.")
        }
        return Result(outputType: .named("NoContent"), format: .empty, returnsDocumentation: "Nothing: the response has no body.")
    }
}

extension ResponseTranslation {
    /// `*/*` or `application/*`: what springdoc (Spring Boot) writes for every response by
    /// default, whatever the server sends.
    static func isWildcard(_ mediaType: String) -> Bool {
        mediaType == "*/*" || mediaType == "application/*"
    }

    /// Whether a schema describes JSON structure (an object, a list, a union or a composition),
    /// as opposed to text or bytes: under a wildcard media type, such a response is JSON.
    static func isStructured(_ schema: JSONSchema, _ schemas: SchemaTranslator) -> Bool {
        switch schemas.resolvingReference(schema).value {
        case .object, .array, .all, .one, .any: true
        default: false
        }
    }
}

/// Names of the envelope's generated declarations.
enum EnvelopeNaming {
    /// The internal `EnvelopeFormat` static member requests refer to.
    static let formatName = "documented"
}
