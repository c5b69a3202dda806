/// The `header` partial's keys, which every file's context offers at its own level.
struct HeaderContext: TemplateContext {
    /// The inputs as the user named them, comma-separated.
    let inputs: String
    /// The documents the file comes from, relative to the inputs.
    let sourceFiles: [String]

    static let fields = TemplateFields<Self>(
        "a file header", [("inputs", .text(\.inputs)), ("sourceFiles", .lines(\.sourceFiles))])
}

/// A piece of Swift rendered and indented already: a nested type, a model, a request type.
struct CodeContext: TemplateContext {
    let code: String

    static let fields = TemplateFields<Self>("a piece of code", [("code", .text(\.code))])
}

/// An enum a namespace's operations share, rendered already (`isFirst` for the blank line
/// between them).
struct SharedTypeContext: TemplateContext {
    let code: String
    let isFirst: Bool

    static let fields = TemplateFields<Self>(
        "a type the namespace's operations share", [("code", .text(\.code)), ("isFirst", .flag(\.isFirst))])
}

/// A namespace's declaration, for the `namespaceDeclaration` partial.
struct NamespaceDeclarationContext: TemplateContext {
    let namespace: NamespaceModel
    let sharedTypes: [SharedTypeContext]

    /// `sharedTypesCode` is the enums the namespace's operations share, rendered and indented.
    init(_ namespace: NamespaceModel, sharedTypesCode: [String]) {
        self.namespace = namespace
        self.sharedTypes = sharedTypesCode.enumerated().map { SharedTypeContext(code: $1, isFirst: $0 == 0) }
    }

    static let fields = TemplateFields<Self>(
        "a namespace",
        [
            ("typeName", .text(\.namespace.typeName)),
            ("propertyName", .text(\.namespace.propertyIdentifier)),
            ("docLines", .docComment(\.namespace.docLines)),
            ("hasSharedTypes", .flag { !$0.sharedTypes.isEmpty }),
            ("sharedTypes", .list(\.sharedTypes)),
        ])
}

/// An operation in a namespace's file: its method and request type, rendered and indented.
struct NamespaceOperationContext: TemplateContext {
    let namespaceTypeName: String
    let methodCode: String
    /// Empty when the request types are in files of their own.
    let requestCode: String
    let hasRequestCode: Bool

    static let fields = TemplateFields<Self>(
        "an operation of the file",
        [
            ("namespaceTypeName", .text(\.namespaceTypeName)),
            ("methodCode", .text(\.methodCode)),
            ("requestCode", .text(\.requestCode)),
            ("hasRequestCode", .flag(\.hasRequestCode)),
        ])
}

/// `Namespace.swift`: a namespace's declaration and its operations. When the request types are
/// in files of their own (`NamespaceRequests.swift`), each operation's `requestCode` is empty
/// and `hasRequestCode` false.
struct NamespaceFileContext: TemplateContext {
    let header: HeaderContext
    let declaration: NamespaceDeclarationContext
    let operations: [NamespaceOperationContext]

    init(
        header: HeaderContext, declaration: NamespaceDeclarationContext,
        operations: [(methodCode: String, requestCode: String)], requestsInOwnFiles: Bool
    ) {
        self.header = header
        self.declaration = declaration
        self.operations = operations.map {
            NamespaceOperationContext(
                namespaceTypeName: declaration.namespace.typeName, methodCode: $0.methodCode,
                requestCode: requestsInOwnFiles ? "" : $0.requestCode, hasRequestCode: !requestsInOwnFiles)
        }
    }

    static let fields = TemplateFields<Self>(
        "a namespace file",
        HeaderContext.fields.lifted(\.header) + NamespaceDeclarationContext.fields.lifted(\.declaration)
            + [("operations", .list(\.operations))])
}

/// A request type in a file of a large namespace's request types.
struct NamespaceRequestContext: TemplateContext {
    let namespaceTypeName: String
    let requestCode: String

    static let fields = TemplateFields<Self>(
        "a request type of the file",
        [("namespaceTypeName", .text(\.namespaceTypeName)), ("requestCode", .text(\.requestCode))])
}

/// `NamespaceRequests.swift`: some of a large namespace's request types.
struct NamespaceRequestsFileContext: TemplateContext {
    let header: HeaderContext
    let requests: [NamespaceRequestContext]

    static let fields = TemplateFields<Self>(
        "a file of request types", HeaderContext.fields.lifted(\.header) + [("requests", .list(\.requests))])
}

/// An operation in an input document's file (the `documents` layout).
struct DocumentOperationContext: TemplateContext {
    let namespaceTypeName: String
    let methodCode: String
    let requestCode: String

    static let fields = TemplateFields<Self>(
        "an operation of the document",
        [
            ("namespaceTypeName", .text(\.namespaceTypeName)),
            ("methodCode", .text(\.methodCode)),
            ("requestCode", .text(\.requestCode)),
        ])
}

/// `Document.swift`: one input document's operations, each in an extension of its namespace.
struct DocumentFileContext: TemplateContext {
    let header: HeaderContext
    let operations: [DocumentOperationContext]

    static let fields = TemplateFields<Self>(
        "a document's file", HeaderContext.fields.lifted(\.header) + [("operations", .list(\.operations))])
}

/// `Namespaces.swift`: every namespace's declaration (the `documents` layout).
struct NamespacesFileContext: TemplateContext {
    let header: HeaderContext
    let namespaces: [NamespaceDeclarationContext]

    static let fields = TemplateFields<Self>(
        "the namespaces file", HeaderContext.fields.lifted(\.header) + [("namespaces", .list(\.namespaces))])
}

/// `Model.swift`: one top-level model, rendered already.
struct ModelFileContext: TemplateContext {
    let header: HeaderContext
    let code: String

    static let fields = TemplateFields<Self>("a model file", HeaderContext.fields.lifted(\.header) + [("code", .text(\.code))])
}

/// `Models.swift`: every top-level model (the `documents` layout).
struct ModelsFileContext: TemplateContext {
    let header: HeaderContext
    let models: [CodeContext]

    static let fields = TemplateFields<Self>(
        "the models file", HeaderContext.fields.lifted(\.header) + [("models", .list(\.models))])
}

/// A server, a static member of `Server`.
struct ServerContext: TemplateContext {
    let server: ServerModel
    let isLast: Bool

    static let fields = TemplateFields<Self>(
        "a server",
        [
            ("name", .text(\.server.name)),
            ("identifier", .text(\.server.identifier)),
            ("urlLiteral", .text { SwiftText.literal($0.server.url) }),
            ("summaryLiteral", .text { SwiftText.literal($0.server.summary) }),
            ("docLines", .docComment(\.server.docLines)),
            ("isLast", .flag(\.isLast)),
        ])
}

/// The default server, for the client's convenience initializer.
struct DefaultServerContext: TemplateContext {
    let server: ServerModel
    let timeoutSeconds: Int

    static let fields = TemplateFields<Self>(
        "the default server",
        [
            ("name", .text(\.server.name)),
            ("identifier", .text(\.server.identifier)),
            ("timeoutSeconds", .number(\.timeoutSeconds)),
        ])
}

/// `Servers.swift`.
struct ServersFileContext: TemplateContext {
    let header: HeaderContext
    let servers: [ServerContext]
    let defaultServer: DefaultServerContext?

    init(_ model: APIModel, header: HeaderContext) {
        self.header = header
        self.servers = model.servers.enumerated().map { ServerContext(server: $1, isLast: $0 == model.servers.count - 1) }
        self.defaultServer = model.defaultServer.map { DefaultServerContext(server: $0, timeoutSeconds: model.defaultTimeoutSeconds) }
    }

    static let fields = TemplateFields<Self>(
        "the servers file",
        HeaderContext.fields.lifted(\.header) + [
            ("servers", .list(\.servers)),
            ("defaultServer", .optional(\.defaultServer)),
        ])
}

/// A business code, a case of `BusinessCode`.
struct BusinessCodeContext: TemplateContext {
    let code: BusinessCodeModel

    static let fields = TemplateFields<Self>(
        "a business code",
        [
            ("code", .number(\.code.code)),
            ("caseName", .text(\.code.caseName)),
            ("nameLiteral", .text { SwiftText.literal($0.code.name) }),
            ("meaningLiteral", .text { SwiftText.literal($0.code.meaning) }),
            ("docLines", .docComment(\.code.docLines)),
            ("isRetryable", .flag(\.code.isRetryable)),
            ("stopsClient", .flag(\.code.stopsClient)),
        ])
}

/// `BusinessCodes.swift`: the envelope's format and its business codes.
struct BusinessCodesFileContext: TemplateContext {
    let header: HeaderContext
    let envelope: EnvelopeModel
    let codes: [BusinessCodeContext]

    init(_ envelope: EnvelopeModel, header: HeaderContext) {
        self.header = header
        self.envelope = envelope
        self.codes = envelope.codes.map(BusinessCodeContext.init)
    }

    /// `.a, .b, .c`: the cases of `codes`, for a `case` pattern or an array.
    private static func casesList(_ codes: [BusinessCodeModel]) -> String {
        codes.map { "." + $0.caseName }.joined(separator: ", ")
    }

    static let fields = TemplateFields<Self>(
        "the business codes file",
        HeaderContext.fields.lifted(\.header) + [
            ("formatName", .text(\.envelope.formatName)),
            ("codeKeyLiteral", .text { SwiftText.literal($0.envelope.codeKey) }),
            ("dataKeyLiteral", .text { SwiftText.literal($0.envelope.dataKey) }),
            ("messageKeyLiteral", .text { SwiftText.literal($0.envelope.messageKey) }),
            ("recordTimeKeyLiteral", .text { SwiftText.literal($0.envelope.recordTimeKey) }),
            ("requestIDKeyLiteral", .text { SwiftText.literal($0.envelope.requestIDKey) }),
            ("successCodesLiteral", .text { "[" + $0.envelope.successCodes.map(String.init).joined(separator: ", ") + "]" }),
            ("codes", .list(\.codes)),
            ("allCasesList", .text { casesList($0.envelope.codes) }),
            ("hasRetryableCodes", .flag { $0.envelope.codes.contains(where: \.isRetryable) }),
            ("retryableCasesList", .text { casesList($0.envelope.codes.filter(\.isRetryable)) }),
            ("hasStoppingCodes", .flag { $0.envelope.codes.contains(where: \.stopsClient) }),
            ("stoppingCasesList", .text { casesList($0.envelope.codes.filter(\.stopsClient)) }),
        ])
}
