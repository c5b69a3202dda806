import Foundation
import OpenAPIKit

/// Translates the parsed documents into the ``APIModel`` the templates render.
///
/// Order of work, each step deterministic: merge the documents; name namespaces, then component
/// types, then methods (visible operations before hidden ones, so adding hidden ones renames
/// nothing); translate operations, a namespace per core at a time, their results joined in the
/// namespaces' order; break reference cycles; move enums that several operations of a namespace
/// take up to it; add business codes and servers.
public struct Translator: Sendable {
    public let config: GeneratorConfig
    /// The configuration file, for diagnostics about it.
    public let configPath: String?
    public let includeHidden: Bool

    public init(config: GeneratorConfig, configPath: String? = nil, includeHidden: Bool = false) {
        self.config = config
        self.configPath = configPath
        self.includeHidden = includeHidden
    }

    /// All documents as one model. What the index and the translation held is handed back to
    /// the system before the model is returned (a large document's index is hundreds of MB).
    public func translate(_ documents: [ParsedDocument], diagnostics: DiagnosticCollector) -> APIModel? {
        let model = buildModel(documents, diagnostics: diagnostics)
        ProcessMemory.returnFreedMemory()
        return model
    }

    private func buildModel(_ documents: [ParsedDocument], diagnostics: DiagnosticCollector) -> APIModel? {
        let index = SpecIndex(documents: documents, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        let envelope = EnvelopePlan(config: config.envelope, index: index, diagnostics: diagnostics, configPath: configPath)

        let hiddenKey = config.hiddenExtension ?? "x-docs-hidden"
        let isHidden: (IndexedOperation) -> Bool = { $0.flags.contains(hiddenKey) }
        let included = index.operations.filter { includeHidden || !isHidden($0) }
        let hiddenCount = index.operations.count - included.count
        // Nothing at all, or webhooks only, would otherwise generate nothing (or models only)
        // in silence; component schemas alone are a document of models, said nothing of.
        let webhooks = documents.reduce(0) { $0 + $1.document.webhooks.count }
        if index.operations.isEmpty, webhooks > 0 || index.schemas.isEmpty, let first = documents.first {
            let why =
                webhooks > 0
                ? "; its \(webhooks) webhook\(webhooks == 1 ? " is a request" : "s are requests") the API sends, which a client does not call"
                : ""
            diagnostics.warning(
                "no operation to generate: `paths` is empty in \(documents.count == 1 ? "the document" : "every document")\(why)",
                at: first.location(""),
                hint: "a client is generated from `paths`; component schemas alone generate models only")
        }

        let naming = OperationNaming(config: config)
        var groups: [String: [IndexedOperation]] = [:]
        for operation in included {
            groups[naming.namespaceKey(path: PathTemplate.request(operation.path).path, tags: operation.operation.tags), default: []]
                .append(operation)
        }
        let keys = groups.keys.sorted {
            (naming.namespacePropertyName(for: $0), $0) < (naming.namespacePropertyName(for: $1), $1)
        }
        let moduleNames = ModuleNames(
            namespaceKeys: keys, firstOperation: { groups[$0]?.first?.location }, naming: naming,
            index: index, envelopeSchemaName: envelope?.schemaName, diagnostics: diagnostics)
        let namespaceNames = moduleNames.namespaces

        var schemas = SchemaTranslator(
            index: index, diagnostics: diagnostics, envelopeSchemaName: envelope?.schemaName, moduleNames: moduleNames)
        var models = schemas.componentDeclarations()

        let operations = OperationTranslator(
            index: index,
            authentication: AuthenticationPlan(
                parameterName: config.authentication?.parameter, securitySchemes: index.securitySchemes),
            envelope: envelope, readOnly: config.readOnly, diagnostics: diagnostics)
        operations.authentication.reportUnsendableSchemes(requiredBy: included, diagnostics: diagnostics)
        let topLevelNames = Set(models.map(\.name)).union(ReservedNames.nestedTypes)
        // The namespaces side by side, on all cores. Each reads the index and the component
        // types and writes only its own model and, in its own copy of the schema translator,
        // the reference edges its types add; the edges are put together in the namespaces'
        // order, as one loop through them would have added them. Larger namespaces start first,
        // so that no core is left with a large one at the end.
        let shared = ReadOnlyShared(value: (schemas: schemas, operations: operations, groups: groups, isHidden: isHidden))
        let results = ParallelResults<(namespace: NamespaceModel, edges: ArraySlice<ReferenceCycles.Edge>)>(count: keys.count)
        let names = namespaceNames
        let order = keys.indices.sorted { (groups[keys[$0]]!.count, $1) > (groups[keys[$1]]!.count, $0) }
        LargeStack.concurrentPerform(iterations: order.count) { [self] step in
            let position = order[step]
            let key = keys[position]
            var schemas = shared.value.schemas
            let edgesBefore = schemas.valueEdges.count
            let namespace = translateNamespace(
                shared.value.groups[key]!, key: key, names: names[key]!, naming: naming,
                isHidden: shared.value.isHidden, topLevelNames: topLevelNames, operations: shared.value.operations,
                schemas: &schemas, diagnostics: diagnostics)
            results[position] = (namespace, schemas.valueEdges[edgesBefore...])
        }
        var namespaces: [NamespaceModel] = []
        for result in results.values {
            namespaces.append(result.namespace)
            schemas.addValueEdges(result.edges)
        }
        models += schemas.aliasSupportDeclarations
        guard !diagnostics.hasErrors else { return nil }

        var breaks = ReferenceCycles.breaks(edges: schemas.valueEdges, aliases: schemas.aliases)
        breaks.indirectEnums.formUnion(OneOfStorage.enumsCarryingModels(models, namespaces))
        breaks.indirectProperties.formUnion(
            LargeValueStorage.boxedProperties(
                models, namespaces, edges: schemas.valueEdges, aliases: schemas.aliases, breaks: breaks))
        (models, namespaces) = DeclarationTree.map(models, namespaces) { Self.apply(breaks, to: $0) }
        // Enums that several operations take move to their namespace.
        let moduleTypeNames = Set(models.map(\.name)).union(ReservedNames.nestedTypes)
        namespaces = namespaces.map { SharedParameterEnums.hoist(in: $0, reservedNames: moduleTypeNames) }
        (models, namespaces) = DuplicateModelEnums.merge(models, namespaces)
        (models, namespaces) = DuplicateModelStructs.merge(models, namespaces)
        models = InferredModelPurposes.describe(models, namespaces: namespaces, dataKey: envelope?.dataKey)

        let servers = translateServers(index, diagnostics: diagnostics)
        return APIModel(
            sourceFiles: documents.map(\.source.path).sorted(),
            servers: servers.all, defaultServer: servers.default,
            defaultTimeoutSeconds: config.timeoutSeconds ?? 60,
            namespaces: namespaces,
            models: models.sorted { $0.name < $1.name },
            envelope: envelope.map(envelopeModel),
            hiddenOperationCount: hiddenCount)
    }

    // MARK: Namespaces

    /// The model of one namespace: its operations (`members`) named and translated.
    private func translateNamespace(
        _ members: [IndexedOperation], key: String, names: ModuleNames.Namespace, naming: OperationNaming,
        isHidden: (IndexedOperation) -> Bool, topLevelNames: Set<String>, operations: OperationTranslator,
        schemas: inout SchemaTranslator, diagnostics: DiagnosticCollector
    ) -> NamespaceModel {
        let memberNames = NamespaceMemberNames(
            members, namespaceKey: key, namespaceType: names.type, naming: naming, isHidden: isHidden,
            topLevelNames: topLevelNames, diagnostics: diagnostics)
        var translated: [OperationModel] = []
        for (position, operation) in members.enumerated() {
            let names = OperationTranslator.Names(
                namespaceType: names.type, method: memberNames.methods[position],
                requestType: memberNames.requestTypes[position],
                replacement: replacement(for: operation, among: members, methodNames: memberNames.methods))
            if let model = operations.translate(operation, names: names, schemas: &schemas) {
                translated.append(model)
            }
        }
        return NamespaceModel(
            typeName: names.type, propertyName: names.property,
            docLines: namespaceDocumentation(members, index: operations.index, key: key),
            operations: translated.sorted { $0.methodName < $1.methodName }, fileName: GeneratedFileNames.swiftFile(names.type))
    }

    /// For a deprecated operation, the method of the newest current version of the same endpoint.
    private func replacement(
        for operation: IndexedOperation, among operations: [IndexedOperation], methodNames: [String]
    ) -> String? {
        guard operation.operation.deprecated else { return nil }
        func unversioned(_ path: String) -> (String, Int)? {
            guard let last = path.split(separator: "/").last, OperationNaming.isVersion(last),
                let number = Int(last.dropFirst())
            else { return nil }
            return (String(path.dropLast(last.count)), number)
        }
        guard let (base, _) = unversioned(operation.path) else { return nil }
        let newer = zip(operations, methodNames).compactMap { candidate, name -> (Int, String)? in
            guard !candidate.operation.deprecated, candidate.method == operation.method,
                let (candidateBase, version) = unversioned(candidate.path), candidateBase == base
            else { return nil }
            return (version, name)
        }
        return newer.max { $0.0 < $1.0 }.map(\.1)
    }

    private func namespaceDocumentation(_ operations: [IndexedOperation], index: SpecIndex, key: String) -> [String] {
        let tags = Set(operations.compactMap { $0.operation.tags?.first })
        if tags.count == 1, let name = tags.first {
            let description = index.tags[name]?.description
            return SwiftText.documentationLines(name) + (description.map { [""] + SwiftText.documentationLines($0) } ?? [])
        }
        return ["Operations under `\(key)`."]
    }

    // MARK: Cycles

    /// `declaration` with its boxed properties marked, or as an `indirect` enum (the types
    /// declared inside it are ``DeclarationTree``'s to visit).
    private static func apply(_ breaks: ReferenceCycles.Breaks, to declaration: TypeDeclaration) -> TypeDeclaration {
        var declaration = declaration
        switch declaration.kind {
        case .structure(var structure):
            for index in structure.properties.indices
            where breaks.indirectProperties.contains(declaration.qualifiedName + "." + structure.properties[index].label) {
                structure.properties[index].isIndirect = true
            }
            declaration.kind = .structure(structure)
        case .oneOf(var oneOf):
            oneOf.isIndirect = breaks.indirectEnums.contains(declaration.qualifiedName)
            declaration.kind = .oneOf(oneOf)
        case .valueEnum, .alias, .inferredModel:
            // (An inferred model stores only the value as received: it cannot contain itself.)
            break
        }
        return declaration
    }

    // MARK: Envelope and servers

    private func envelopeModel(_ plan: EnvelopePlan) -> EnvelopeModel {
        let configured = Dictionary(
            (config.businessCodes ?? []).map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let codes = Set(plan.documentedCodes).union(configured.keys).union(plan.successCodes).sorted()
        var names = NameScope(reserved: ReservedNames.businessCodeMembers)
        let models = codes.map { code -> BusinessCodeModel in
            let entry = configured[code]
            let name = names.claim(
                entry?.name ?? ConstantNaming.businessCodeName(code, isFirstSuccessCode: code == plan.successCodes.first))
            let meaning = entry?.meaning
                ?? (plan.successCodes.contains(code) ? "Success" : "Listed in the API's schema without a documented meaning")
            let retryable = entry?.retryable ?? false
            var doc = SwiftText.documentationLines(meaning)
            doc[doc.count - 1] += " (`\(code)`)."
            let stopsClient = entry?.stopsClient ?? false
            if retryable { doc += ["", "Worth retrying: the same request may succeed when sent again."] }
            if stopsClient {
                doc += ["", "Stops the client: no other call can succeed until the account is in order (see `JustOneAPIClient.resume()`)."]
            }
            return BusinessCodeModel(
                code: code, name: name, meaning: meaning,
                docLines: doc, isRetryable: retryable, stopsClient: stopsClient)
        }
        return EnvelopeModel(
            formatName: EnvelopeNaming.formatName,
            codeKey: plan.codeKey, dataKey: plan.dataKey, messageKey: plan.messageKey,
            recordTimeKey: plan.recordTimeKey, requestIDKey: plan.requestIDKey, successCodes: plan.successCodes,
            codes: models)
    }

    /// A server's URL with each variable at its default.
    static func url(of server: OpenAPI.Server) -> String {
        var url = server.urlTemplate.rawValue
        for (name, variable) in server.variables {
            url = url.replacingOccurrences(of: "{\(name)}", with: variable.default)
        }
        return url
    }

    /// `text` as an absolute http(s) URL, which a `Server` needs.
    static func absoluteURL(_ text: String) -> URL? {
        guard let parsed = URL(string: text), let scheme = parsed.scheme?.lowercased(),
            scheme == "http" || scheme == "https", parsed.host != nil
        else { return nil }
        return parsed
    }

    private func translateServers(_ index: SpecIndex, diagnostics: DiagnosticCollector) -> (all: [ServerModel], default: ServerModel?) {
        let configured = config.servers ?? []
        var names = NameScope(reserved: ReservedNames.serverMembers)
        var result: [ServerModel] = []
        var defaultServer: ServerModel?
        for located in index.servers {
            let server = located.value
            let url = Self.url(of: server)
            guard let parsed = Self.absoluteURL(url) else {
                diagnostics.warning(
                    "server `\(url)` is not an absolute http(s) URL; it gets no `Server` member",
                    at: located.location, hint: "pass the server to JustOneAPIClient(token:server:) yourself")
                continue
            }
            let entry = configured.first { $0.url == url || $0.url == server.urlTemplate.rawValue }
            let description = server.description ?? server.name
            let name = names.claim(entry?.name ?? ConstantNaming.serverName(description: description, host: parsed.host!))
            let model = ServerModel(
                name: name, url: url, summary: description ?? "",
                docLines: SwiftText.documentationLines(description) + (description == nil ? [] : [""]) + ["`\(url)`"])
            result.append(model)
            if entry?.default == true { defaultServer = model }
        }
        return (result, defaultServer ?? result.first)
    }
}
