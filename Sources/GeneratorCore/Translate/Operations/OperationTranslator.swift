import OpenAPIKit

/// Translates one operation into its method and request type.
struct OperationTranslator {
    let index: SpecIndex
    let authentication: AuthenticationPlan
    let envelope: EnvelopePlan?
    /// The operations that only read, whatever their method; `nil`: GET, HEAD and OPTIONS.
    let readOnly: GeneratorConfig.ReadOnlyOperations?
    let diagnostics: DiagnosticCollector

    struct Names {
        let namespaceType: String
        let method: String
        let requestType: String
        /// The method to use instead, when the operation is deprecated and a newer version exists.
        let replacement: String?
    }

    /// The operation's model, or `nil` when it uses something the generator cannot express
    /// (reported as a warning: the operation is left out).
    func translate(_ indexed: IndexedOperation, names: Names, schemas: inout SchemaTranslator) -> OperationModel? {
        let operation = indexed.operation
        let qualifiedRequestType = names.namespaceType + "." + names.requestType
        var scope = schemas.scope(for: qualifiedRequestType, ownName: names.requestType)

        guard var pending = collectParameters(indexed) else { return nil }
        if let body = requestBodyParameters(indexed) {
            pending += body
        } else if operation.requestBody != nil {
            return nil
        }
        let placement = authentication.placement(security: indexed.security, parameters: pending)
        pending.removeAll { AuthenticationPlan.isCredential($0, under: placement) }

        // Signature order: path parameters in path order, then required, then optional ones.
        let pathOrder = PathTemplate.parameterNames(indexed.path)
        pending.sort { lhs, rhs in
            func rank(_ parameter: PendingParameter) -> Int {
                parameter.location == .path ? 0 : parameter.required ? 1 : 2
            }
            if rank(lhs) != rank(rhs) { return rank(lhs) < rank(rhs) }
            if lhs.location == .path {
                return (pathOrder.firstIndex(of: lhs.wireName) ?? 0) < (pathOrder.firstIndex(of: rhs.wireName) ?? 0)
            }
            return false
        }

        var members = NameScope(reserved: ReservedNames.requestMembers)
        var parameters: [ParameterModel] = []
        for parameter in pending {
            parameters.append(
                ParameterTranslation.translate(
                    parameter, requestType: names.requestType, members: &members, scope: &scope, schemas: &schemas,
                    diagnostics: diagnostics))
        }

        let paging = PagingPlanner(diagnostics: diagnostics).model(for: indexed, parameters: pending)

        guard let response = ResponseTranslation(envelope: envelope, index: index, diagnostics: diagnostics)
            .translate(indexed, scope: &scope, schemas: &schemas)
        else { return nil }

        let request = PathTemplate.request(indexed.path)
        let documentation = OperationDocumentation(
            operation: operation, path: indexed.path, method: indexed.method.rawValue, parameters: parameters,
            methodName: names.method, returns: response.returnsDocumentation)
        return OperationModel(
            operationID: operation.operationId ?? "\(indexed.method.rawValue.lowercased())\(indexed.path)",
            sourceFile: indexed.file,
            methodName: names.method,
            requestTypeName: names.requestType,
            httpMethod: indexed.method.rawValue,
            pathTemplate: indexed.path,
            requestPath: request.path,
            fixedQuery: request.query.map { FixedQueryItem(name: $0.name, value: $0.value) },
            server: ownServer(of: indexed),
            methodDocLines: documentation.methodLines,
            requestDocLines: documentation.requestLines,
            deprecation: operation.deprecated ? Deprecation(replacement: names.replacement) : nil,
            parameters: parameters,
            marksReadOnly: !["GET", "HEAD", "OPTIONS"].contains(indexed.method.rawValue)
                && readOnly?.contains(operationID: operation.operationId, method: indexed.method.rawValue) == true,
            authentication: placement,
            responseFormat: response.format,
            output: response.outputType,
            nestedTypes: scope.declarations, jsonResponse: response.json, paging: paging)
    }

    /// The first absolute server of the operation's own `servers`, unless the API's servers
    /// include one of them (then the client's server is right); a relative one is warned about.
    private func ownServer(of indexed: IndexedOperation) -> String? {
        guard !indexed.servers.isEmpty else { return nil }
        let urls = indexed.servers.map(Translator.url(of:))
        let documentURLs = Set(index.servers.map { Translator.url(of: $0.value) })
        if urls.contains(where: documentURLs.contains) { return nil }
        guard let url = urls.first(where: { Translator.absoluteURL($0) != nil }) else {
            diagnostics.warning(
                "\(indexed.method.rawValue) \(indexed.path) names its own server, `\(urls[0])`, which is not an absolute http(s) URL; it is sent to the client's server",
                at: indexed.location, hint: "give the operation's server as an absolute URL")
            return nil
        }
        return url
    }

    // MARK: Parameters

    /// Header parameters OpenAPI says to ignore, lower-cased.
    static let headersTheClientWrites: Set<String> = ["accept", "content-type", "authorization"]

    /// The path item's and the operation's parameters, references resolved; the operation's
    /// own win over the path item's of the same name and place.
    private func collectParameters(_ indexed: IndexedOperation) -> [PendingParameter]? {
        var result: [PendingParameter] = []
        let operationPointer = indexed.location.pointer ?? ""
        let sources: [(OpenAPI.Parameter.Array, String)] = [
            (indexed.pathItemParameters, String(operationPointer.split(separator: "/").dropLast().joined(separator: "/"))),
            (indexed.operation.parameters, operationPointer),
        ]
        for (parameters, pointer) in sources {
            for (position, either) in parameters.enumerated() {
                let location = SourceLocation(file: indexed.file, pointer: "/" + pointer.drop { $0 == "/" } + "/parameters/\(position)")
                guard
                    let parameter = index.resolve(
                        either, kind: "parameters", in: index.parameters, at: location, diagnostics: diagnostics)
                else { return nil }
                if case .header = parameter.context, Self.headersTheClientWrites.contains(parameter.name.lowercased()) {
                    // OpenAPI: such a parameter "SHALL be ignored". Sent, it would also replace the
                    // body's own type (a multipart body's boundary) or the credential.
                    diagnostics.warning(
                        "the header parameter `\(parameter.name)` is ignored, as OpenAPI says for `Accept`, `Content-Type` and `Authorization`: the client writes them from the body, the response and the security schemes",
                        at: location,
                        hint: "describe the credential as a security scheme, or set the header in a ClientMiddleware")
                    continue
                }
                guard let pending = pendingParameter(parameter, at: location, operation: indexed) else { return nil }
                result.removeAll { $0.wireName == pending.wireName && $0.location == pending.location }
                result.append(pending)
            }
        }
        // The path's variables decide the path parameters (the validator warned about the rest):
        // one the operation does not declare is a required text parameter, one the path does not
        // have is left out.
        let template = PathTemplate.parameterNames(indexed.path)
        result.removeAll { $0.location == .path && !template.contains($0.wireName) }
        for name in template where !result.contains(where: { $0.location == .path && $0.wireName == name }) {
            result.append(
                PendingParameter(
                    wireName: name, location: .path, required: true, schema: .string(.init(), .init()),
                    description: nil, at: indexed.location))
        }
        return result
    }

    private func pendingParameter(
        _ parameter: OpenAPI.Parameter, at location: SourceLocation, operation: IndexedOperation
    ) -> PendingParameter? {
        let place: PendingParameter.Location
        switch parameter.context {
        case .query: place = .query
        case .header: place = .header
        case .path: place = .path
        case .cookie: place = .cookie
        case .querystring:
            skip(operation, because: "its `querystring` parameter `\(parameter.name)` is not supported", at: location)
            return nil
        }
        let schema: JSONSchema
        var explode = true
        var style: PendingParameter.Style?
        var isJSONContent = false
        switch parameter.schemaOrContent {
        case .a(let context):
            schema = context.schema.flattenToJsonSchema()
            explode = context.explode
            style = PendingParameter.Style(rawValue: context.style.rawValue)
            let supported: [PendingParameter.Location: Set<PendingParameter.Style>] = [
                .query: [.form, .spaceDelimited, .pipeDelimited, .deepObject], .path: [.simple, .label, .matrix],
                .header: [.simple], .cookie: [.form],
            ]
            if let style, supported[place]?.contains(style) == false {
                diagnostics.warning(
                    "\(place.rawValue) parameter `\(parameter.name)` uses style `\(style.rawValue)`, which is sent as `\(place == .query || place == .cookie ? "form" : "simple")` style",
                    at: location)
            }
        case .b(let content):
            guard let first = content.first, case .b(let media) = first.value, let contentSchema = media.schema else {
                skip(operation, because: "parameter `\(parameter.name)` has no schema", at: location)
                return nil
            }
            schema = contentSchema
            // Written as its media type says: JSON text for JSON, text otherwise.
            let type = first.key.rawValue.lowercased()
            isJSONContent = type.hasPrefix("application/json") || type.contains("+json")
        }
        var pending = PendingParameter(
            wireName: parameter.name, location: place, required: parameter.required || place == .path,
            schema: schema, description: parameter.description, deprecated: parameter.deprecated,
            explode: explode, style: style, at: location)
        pending.isJSONContent = isJSONContent
        return pending
    }

    // MARK: Request body

    /// The body as parameters: one per form field, or one `body` for JSON and other media.
    /// `nil` when there is a body the generator cannot express (reported).
    private func requestBodyParameters(_ indexed: IndexedOperation) -> [PendingParameter]? {
        guard let either = indexed.operation.requestBody else { return [] }
        let pointer = (indexed.location.pointer ?? "") + "/requestBody"
        let location = SourceLocation(file: indexed.file, pointer: pointer)
        guard
            let body = index.resolve(
                either, kind: "requestBodies", in: index.requestBodies, at: location, diagnostics: diagnostics)
        else { return nil }
        let media = Self.mediaTypes(body.content)
        if let (_, schema) = media.first(where: { Self.isJSON($0.0) }) {
            return [
                PendingParameter(
                    wireName: "body", location: .body, required: body.required, schema: schema ?? JSONSchema.fragment(.init()),
                    description: body.description, at: location)
            ]
        }
        let fieldBodies: [(String, PendingParameter.Location)] = [
            ("application/x-www-form-urlencoded", .formField), ("multipart/form-data", .multipartPart),
        ]
        for (type, place) in fieldBodies {
            guard let (_, schema) = media.first(where: { $0.0 == type }) else { continue }
            let content = body.content.first { $0.key.typeAndSubtype.lowercased() == type }?.value
            let encodings: OrderedDictionary<String, OpenAPI.Content.Encoding>? =
                if case .b(let content)? = content { content.encodingMap } else { nil }
            return formFields(schema, encodings: encodings ?? [:], as: place, at: location, operation: indexed)
        }
        if let (type, _) = media.first(where: { $0.0.hasPrefix("text/") }) {
            return [
                PendingParameter(
                    wireName: "body", location: .body, required: body.required, schema: .string(.init(), .init()),
                    description: body.description, contentType: type, at: location)
            ]
        }
        if let (type, _) = media.first(where: { !$0.0.hasPrefix("multipart/") }) {
            return [
                PendingParameter(
                    wireName: "body", location: .body, required: body.required,
                    schema: .string(.init(), .init()), description: body.description,
                    contentType: type == "*/*" ? "application/octet-stream" : type, at: location)
            ]
        }
        skip(
            indexed,
            because: "its request body (\(media.map(\.0).joined(separator: ", "))) is not supported",
            at: location)
        return nil
    }

    /// The form body's properties as fields, each written in the style its entry of the media
    /// type's `encoding` gives (`metadata: {style: deepObject}`), or `form`.
    private func formFields(
        _ schema: JSONSchema?, encodings: OrderedDictionary<String, OpenAPI.Content.Encoding>,
        as place: PendingParameter.Location, at location: SourceLocation, operation: IndexedOperation
    ) -> [PendingParameter]? {
        var resolved = schema
        if case .reference(let reference, _)? = schema?.value {
            guard let target = SchemaTranslator.resolve(reference, in: index) else {
                diagnostics.error("unresolvable $ref `\(reference.absoluteString)`", at: location)
                return nil
            }
            resolved = target.schema
        }
        guard let resolved else { return [] }
        guard case .object(_, let object) = resolved.value else {
            skip(operation, because: "its \(place == .formField ? "form" : "multipart") body is not an object schema", at: location)
            return nil
        }
        let required = Set(object.requiredProperties)
        return index.inDocumentOrder(object.properties).map { name, property in
            PendingParameter(
                wireName: name, location: place, required: required.contains(name), schema: property,
                description: property.description, deprecated: property.deprecated,
                explode: encodings[name]?.explode ?? true,
                style: encodings[name].flatMap { PendingParameter.Style(rawValue: $0.style.rawValue) },
                contentType: place == .multipartPart ? Self.partContentType(encodings[name], schema: property) : nil,
                at: location)
        }
    }

    /// The media type a multipart field's part is sent as, when the document names one that is
    /// not a pattern: the first of its `encoding`'s `contentType` (Square's `image/jpeg`,
    /// `application/json; charset=utf-8`), else a file schema's (or its list's elements')
    /// `contentMediaType`.
    static func partContentType(_ encoding: OpenAPI.Content.Encoding?, schema: JSONSchema) -> String? {
        if let type = encoding?.contentTypes.first(where: { !$0.typeAndSubtype.contains("*") }) {
            return type.rawValue
        }
        switch schema.value {
        case .string(_, let context):
            guard let type = context.contentMediaType, !type.typeAndSubtype.contains("*") else { return nil }
            return type.rawValue
        case .array(_, let array):
            return array.items.flatMap { partContentType(nil, schema: $0) }
        default:
            return nil
        }
    }

    /// The media types of a request body's or response's content, lower-cased and sorted,
    /// with their schemas (references to content objects are left out).
    static func mediaTypes(_ content: OpenAPI.Content.Map) -> [(String, JSONSchema?)] {
        content.compactMap { entry -> (String, JSONSchema?)? in
            guard case .b(let content) = entry.value else { return nil }
            return (entry.key.typeAndSubtype.lowercased(), content.schema)
        }.sorted { $0.0 < $1.0 }
    }

    static func isJSON(_ mediaType: String) -> Bool {
        mediaType == "application/json" || mediaType.hasSuffix("+json")
    }

    // MARK: Helpers

    private func skip(_ indexed: IndexedOperation, because reason: String, at location: SourceLocation) {
        diagnostics.warning(
            "\(indexed.method.rawValue) \(indexed.path) is left out: \(reason)", at: location,
            hint: "the rest of the API is generated")
    }
}
