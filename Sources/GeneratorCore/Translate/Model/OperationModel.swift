/// One operation: a method on its namespace and a request type that builds its `Request`.
public struct OperationModel: Sendable, Hashable {
    public var operationID: String
    public var operationIDLiteral: String
    /// The document the operation comes from.
    public var sourceFile: String
    /// The method on the namespace, such as `getAuthorConvertAbility`.
    public var methodName: String
    /// ``methodName`` as declared: in backticks where it is a keyword (`` `in` ``).
    public var methodIdentifier: String { SwiftName.escaped(methodName) }
    /// The request type nested in the namespace, such as `GetAuthorConvertAbility`.
    public var requestTypeName: String
    /// `GET`, for documentation.
    public var httpMethod: String
    /// `.get`, as Swift source.
    public var httpMethodExpression: String
    /// The path template as documented, for documentation.
    public var pathTemplate: String
    /// A Swift expression of type `String` that builds the path from the request's properties.
    public var pathExpression: String
    /// Doc comment lines of the method (summary, description, parameters, remark).
    public var methodDocLines: [String]
    /// Doc comment lines of the request type.
    public var requestDocLines: [String]
    /// `@available(*, deprecated, message: …)`, when the operation is deprecated.
    public var deprecationAttribute: String?
    /// All parameters, in signature order: required first, then optional, each in document order.
    public var parameters: [ParameterModel]
    /// Statements that fill `query`, `headerFields` and `formFields`, one per parameter.
    public var encodingStatements: [String]
    /// How many of ``encodingStatements`` append to `query`: the capacity the request reserves.
    public var queryItemCount: Int
    public var usesQuery: Bool { queryItemCount > 0 }
    public var usesHeaders: Bool
    public var usesFormFields: Bool
    /// A Swift expression of type `RequestBody?`, or `nil` for none.
    public var bodyExpression: String?
    /// Whether the request says it only reads although its method does not (a POST of form
    /// fields that only reads, as configured by `readOnly`).
    public var marksReadOnly: Bool
    /// `.query(name: "token")`, as Swift source.
    public var authenticationExpression: String
    /// `.envelope(.result)`, as Swift source.
    public var responseFormatExpression: String
    /// The type of the response's payload, such as `JSONValue`, as written in the namespace.
    public var outputType: String
    /// The same type as written inside the request type.
    public var requestOutputType: String
    /// Types declared inside the request type: parameter enums, inline bodies and responses.
    public var nestedTypes: [TypeDeclaration]
    /// The JSON response the payload comes from, when it is JSON: where `generate infer` puts
    /// a model inferred from samples.
    public var jsonResponse: JSONResponseModel?
    /// How the operation pages, when its parameters or a description say it does.
    public var paging: PagingModel?

    /// The protocol the request type conforms to: `PagedOperation` when it pages.
    public var conformance: String { paging?.declarationLines != nil ? "PagedOperation" : "APIOperation" }
}

/// An operation's paging: what `--report-paging` lists, and the request type's `paging`.
public struct PagingModel: Sendable, Hashable {
    /// `page`, `offset` or `cursor`.
    public var kind: String
    /// The parameters that page, with their roles.
    public var parameters: String
    /// Where the response's next values, items and "has more" come from.
    public var responseSide: String
    /// `x-pagination` (or `x-speakeasy-pagination`) when described, `detected` otherwise.
    public var origin: String
    /// The doc comment and `public static let paging = Paging(…)`, or `nil` when the operation
    /// is generated without paging (a cursor without a known next place).
    public var declarationLines: [String]?
    /// The paging parameters, for `generate infer` to propose where their next values are.
    public var inputs: [PagingInputModel]
}

/// A request parameter that paging changes.
public struct PagingInputModel: Sendable, Hashable {
    public enum Role: String, Sendable {
        case page, offset, cursor, carried
    }

    public var name: String
    public var role: Role
    /// Whether it is a form field rather than a query parameter.
    public var isFormField: Bool
    /// Where its next value comes from, when known (`$.data.cursor`).
    public var from: String?
}

/// A parameter of an operation: a property of the request type and an argument of the method.
/// Data only: Render writes its type and default as Swift (``ParameterModel/type`` …).
public struct ParameterModel: Sendable, Hashable {
    /// The name on the wire.
    public var wireName: String
    /// The Swift identifier, escaped where it is a keyword.
    public var identifier: String
    /// The argument label (keywords need no escaping there, except a few).
    public var label: String
    /// The type, optional when the parameter may be left out; `.nested` names are declared in
    /// the request type.
    var valueType: SwiftType
    /// What the parameter is when the caller leaves it out.
    public var defaultValue: ParameterDefault
    /// Doc comment lines for the request type's property.
    public var docLines: [String]
    /// The first line of the description, for the method's `- Parameters:` list.
    public var summary: String

    /// Whether a caller must pass a value.
    public var isRequired: Bool { defaultValue == .none }
}

/// What a parameter is when the caller leaves it out.
public enum ParameterDefault: Sendable, Hashable {
    /// Nothing: the caller must pass a value.
    case none
    /// `nil`: the parameter is not sent (the server applies its own default, if it has one).
    case notSent
    /// A value the generated code sends, as Swift source: `.shortVideo`, `20`, `"ALL"`.
    case value(String)
}

/// Where a JSON response sits in its document: its status (`200`) and media type.
public struct JSONResponseModel: Sendable, Hashable {
    public var status: String
    public var mediaType: String
}
