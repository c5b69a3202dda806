/// Everything the templates render, decided before rendering: every name, type, literal,
/// doc line and statement. Built by ``Translator`` from the parsed documents; contains no
/// OpenAPIKit types.
public struct APIModel: Sendable, Hashable {
    /// The input documents, as named in the generated files' headers.
    public var sourceFiles: [String]
    public var servers: [ServerModel]
    /// The Swift name of the server `JustOneAPIClient(token:)` uses, if any.
    public var defaultServer: ServerModel?
    public var defaultTimeoutSeconds: Int
    public var namespaces: [NamespaceModel]
    /// Types from the documents' component schemas, one file each.
    public var models: [TypeDeclaration]
    /// The envelope and its business codes, when the API wraps responses in one.
    public var envelope: EnvelopeModel?
    /// How many operations were left out because they are hidden from the docs.
    public var hiddenOperationCount: Int
}

/// A server from the documents' `servers`.
public struct ServerModel: Sendable, Hashable {
    /// The Swift name, as in `Server.global`.
    public var name: String
    /// ``name`` as declared and used: in backticks where it is a keyword (`` `default` ``).
    public var identifier: String { SwiftName.escaped(name) }
    public var url: String
    /// The server's description, or empty.
    public var summary: String
    public var docLines: [String]
}

/// A group of operations reached through one client property, such as `client.douyinXingtu`.
public struct NamespaceModel: Sendable, Hashable {
    /// The type, such as `DouyinXingtuAPI`.
    public var typeName: String
    /// The client property, such as `douyinXingtu`.
    public var propertyName: String
    /// ``propertyName`` as declared: in backticks where it is a keyword.
    public var propertyIdentifier: String { SwiftName.escaped(propertyName) }
    public var docLines: [String]
    public var operations: [OperationModel]
    /// Enums of values that several operations take, declared once on the namespace; each
    /// request type names them with an alias.
    public var sharedTypes: [TypeDeclaration] = []
    /// The generated file's name, such as `DouyinXingtuAPI.swift`.
    public var fileName: String
}

/// The envelope around response bodies, and the business codes it carries.
public struct EnvelopeModel: Sendable, Hashable {
    /// The name of the internal `EnvelopeFormat` static member, such as `result`.
    public var formatName: String
    public var codeKey: String
    public var dataKey: String
    public var messageKey: String
    public var recordTimeKey: String
    public var requestIDKey: String
    /// The codes that mean success, such as `[0]`.
    public var successCodes: [Int]
    public var codes: [BusinessCodeModel]
}

/// One business code, a case of the generated `BusinessCode` enum.
public struct BusinessCodeModel: Sendable, Hashable {
    public var code: Int
    /// The case's name as configured or derived, such as `invalidToken`.
    public var name: String
    /// ``name`` as declared: in backticks where it is a keyword.
    public var caseName: String { SwiftName.escaped(name) }
    /// What the code means, in the documentation's words.
    public var meaning: String
    public var docLines: [String]
    public var isRetryable: Bool
    /// Whether the code stops the client (the account cannot go on).
    public var stopsClient: Bool
}
