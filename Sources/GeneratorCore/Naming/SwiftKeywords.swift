/// Words that Swift reserves, and names generated code must not shadow.
enum SwiftKeywords {
    /// Keywords that need backticks to be used as identifiers.
    static let reserved: Set<String> = [
        "associatedtype", "borrowing", "class", "consuming", "deinit", "enum", "extension", "fileprivate",
        "func", "import", "init", "inout", "internal", "let", "nonisolated", "open", "operator", "private",
        "precedencegroup", "protocol", "public", "rethrows", "static", "struct", "subscript", "typealias",
        "var", "break", "case", "catch", "continue", "default", "defer", "do", "else", "fallthrough", "for",
        "guard", "if", "in", "repeat", "return", "throw", "switch", "where", "while", "Any", "as", "await",
        "false", "is", "nil", "self", "Self", "super", "throws", "true", "try", "_",
    ]

    /// Identifiers that cannot be used even with backticks in every position generated code
    /// uses them (`x.self`, `T.Type`, `init`), so they get a suffix instead.
    static let unusable: Set<String> = ["self", "Self", "init", "deinit", "subscript", "Type", "Protocol", "_", "super"]

    /// Every public type of JustOneAPIRuntime, which generated code imports: a generated type
    /// of the same name would hide it (a schema called `Paging` breaks every paged operation).
    /// A test reads the runtime's sources and fails when a public type is missing here.
    static let runtimeTypeNames: Set<String> = [
        "APIOperation", "APIResponse", "AccountStop", "AccountStopPolicy", "Authentication", "BudgetExhaustion",
        "BusinessCode", "BusinessCodeInfo", "BusinessFailure", "CacheKey", "CachePolicy", "CachedResponse",
        "ClientConfiguration", "ClientMiddleware", "ClientTransport", "EnvelopeFormat", "FileUpload", "HTTPField", "HTTPFields",
        "HTTPMethod", "HTTPRequest", "HTTPResponse", "ISO8601Coding", "InFlightSharing", "Indirect", "JSONCoding",
        "JSONParameter", "JSONParseError", "JSONValue", "JustOneAPIClient", "JustOneAPIError", "Lenient",
        "MemoryResponseCacheStore", "MiddlewareContext", "MultipartPart", "NoContent", "OperationUsage", "PageItems",
        "PageLimitBehavior", "PageResumePoint", "PageSequence", "PagedOperation", "Paging", "PagingError", "ParameterStyle",
        "ParameterValue", "PercentEncoding", "QueryItem", "RedactedError", "RedactionSafeError", "Request",
        "RequestBody", "RequestBudget", "ResponseCache", "ResponseCacheStore", "ResponseFormat", "ResponseOrigin",
        "ResponsePath", "RetryPolicy", "SampleInferred", "SampleRecorder", "Server", "StructuredParameter",
        "TransportFailure", "URLSessionTransport", "Usage",
    ]

    /// Type names that generated declarations must not take, because generated code (or code
    /// that imports the module) refers to the standard, Foundation or runtime type of that name.
    static let takenTypeNames: Set<String> = runtimeTypeNames.union([
        "Any", "AnyObject", "Array", "Bool", "Character", "Codable", "CodingKey", "CodingKeys", "Data", "Date",
        "Decimal", "Decodable", "Decoder", "Dictionary", "Double", "Encodable", "Encoder", "Equatable", "Error",
        "Float", "Hashable", "Int", "Int8", "Int16", "Int32", "Int64", "Never", "Optional", "Protocol", "Range",
        "Result", "Self", "Sendable", "Sequence", "Set", "String", "Substring", "Type", "UInt", "UInt8",
        "UInt16", "UInt32", "UInt64", "URL", "UUID", "Void", "Collection", "Identifiable", "RawRepresentable",
        "CaseIterable", "Duration", "Task", "Actor",
    ])

    /// Type names that generated code refers to inside the types it declares; a nested type
    /// with one of these names would hide the real one there. A test reads the generated
    /// fixtures and fails when they use a type name that is neither declared nor listed here.
    static let generatedCodeTypeNames: Set<String> = runtimeTypeNames.union([
        "String", "Int", "Int64", "Double", "Float", "Bool", "Date", "Data", "Codable", "Decodable", "Encodable",
        "Hashable", "Equatable", "Sendable", "CaseIterable", "RawRepresentable", "CustomStringConvertible",
        "Decoder", "Encoder", "CodingKey", "CodingKeys", "DecodingError", "EncodingError", "Never", "Any", "Self",
        "Type", "Protocol", "Optional", "Error", "URL", "Duration", "Swift", "Foundation", "JustOneAPIRuntime",
        "Dictionary", "Array", "Set",
    ])
}
