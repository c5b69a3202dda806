/// A template the renderer renders, tied to the context it is given: the renderer cannot hand
/// a template another context, and ``all`` is what ``TemplateKeyCheck`` checks templates
/// against.
struct RenderedTemplate<Context: TemplateContext>: Sendable {
    /// The template's name: its file name without `.mustache`.
    let name: String
}

extension RenderedTemplate where Context == HeaderContext {
    /// Also the whole of `Servers.swift` and `BusinessCodes.swift` when there is nothing to put in them.
    static var header: Self { Self(name: "header") }
}

extension RenderedTemplate where Context == NamespaceFileContext {
    static var namespaceFile: Self { Self(name: "Namespace.swift") }
}

extension RenderedTemplate where Context == NamespaceRequestsFileContext {
    static var namespaceRequestsFile: Self { Self(name: "NamespaceRequests.swift") }
}

extension RenderedTemplate where Context == DocumentFileContext {
    static var documentFile: Self { Self(name: "Document.swift") }
}

extension RenderedTemplate where Context == NamespacesFileContext {
    static var namespacesFile: Self { Self(name: "Namespaces.swift") }
}

extension RenderedTemplate where Context == ModelFileContext {
    static var modelFile: Self { Self(name: "Model.swift") }
}

extension RenderedTemplate where Context == ModelsFileContext {
    static var modelsFile: Self { Self(name: "Models.swift") }
}

extension RenderedTemplate where Context == ServersFileContext {
    static var serversFile: Self { Self(name: "Servers.swift") }
}

extension RenderedTemplate where Context == BusinessCodesFileContext {
    static var businessCodesFile: Self { Self(name: "BusinessCodes.swift") }
}

extension RenderedTemplate where Context == OperationContext {
    static var operationMethod: Self { Self(name: "operationMethod") }
    static var requestType: Self { Self(name: "requestType") }
}

extension RenderedTemplate where Context == StructureContext {
    static var structure: Self { Self(name: "structure") }
}

extension RenderedTemplate where Context == ValueEnumContext {
    static var valueEnum: Self { Self(name: "valueEnum") }
}

extension RenderedTemplate where Context == OneOfContext {
    static var oneOf: Self { Self(name: "oneOf") }
}

extension RenderedTemplate where Context == AliasContext {
    static var alias: Self { Self(name: "alias") }
}

extension RenderedTemplate where Context == InferredModelContext {
    static var inferredModel: Self { Self(name: "inferredModel") }
}

/// Every template the renderer renders, by name, with the keys its context has.
enum RenderedTemplates {
    static let shapes: [String: TemplateShape] = {
        func entry<Context>(_ template: RenderedTemplate<Context>) -> (String, TemplateShape) {
            (template.name, Context.shape)
        }
        return Dictionary(
            uniqueKeysWithValues: [
                entry(.header), entry(.namespaceFile), entry(.namespaceRequestsFile), entry(.documentFile),
                entry(.namespacesFile), entry(.modelFile), entry(.modelsFile), entry(.serversFile),
                entry(.businessCodesFile), entry(.operationMethod), entry(.requestType), entry(.structure),
                entry(.valueEnum), entry(.oneOf), entry(.alias), entry(.inferredModel),
            ])
    }()
}
