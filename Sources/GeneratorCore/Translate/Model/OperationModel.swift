/// One operation: a method on its namespace and a request type that builds its `Request`.
/// Data only: Render writes the request's Swift from it (`Render/Presentation`).
public struct OperationModel: Sendable, Hashable {
    public var operationID: String
    /// The document the operation comes from.
    public var sourceFile: String
    /// The method on the namespace, such as `getAuthorConvertAbility`.
    public var methodName: String
    /// ``methodName`` as declared: in backticks where it is a keyword (`` `in` ``).
    public var methodIdentifier: String { SwiftName.escaped(methodName) }
    /// The method's name with its argument labels, such as `getPet(id:)`.
    public var signature: String { Self.signature(methodName, labels: parameters.map(\.label)) }
    /// The request type nested in the namespace, such as `GetAuthorConvertAbility`.
    public var requestTypeName: String
    /// `GET`.
    public var httpMethod: String
    /// The path template as documented: `/api/users/{id}`.
    public var pathTemplate: String
    /// The path template the request goes to: ``pathTemplate`` without a query part or a
    /// fragment (`/responses?beta=true` → `/responses`).
    public var requestPath: String
    /// The query pairs written into the documented path (`beta=true`), sent before the
    /// parameters.
    public var fixedQuery: [FixedQueryItem]
    /// The URL of the server the operation's own `servers` name when it is not one of the API's
    /// (Stripe's `https://files.stripe.com/`), with variables at their defaults.
    public var server: String?
    /// Doc comment lines of the method (summary, description, parameters, remark).
    public var methodDocLines: [String]
    /// Doc comment lines of the request type.
    public var requestDocLines: [String]
    /// Whether and how the operation is deprecated.
    public var deprecation: Deprecation?
    /// All parameters, in signature order: required first, then optional, each in document order.
    public var parameters: [ParameterModel]
    /// Whether the request says it only reads although its method does not (a POST of form
    /// fields that only reads, as configured by `readOnly`).
    public var marksReadOnly: Bool
    /// Where the client puts the credential.
    var authentication: AuthenticationPlan.Placement
    /// How the response's body is read.
    public var responseFormat: ResponseFormat
    /// The type of the response's payload; `.nested` names are declared in the request type.
    var output: SwiftType
    /// Types declared inside the request type: parameter enums, inline bodies and responses.
    public var nestedTypes: [TypeDeclaration]
    /// The JSON response the payload comes from, when it is JSON: where `generate infer` puts
    /// a model inferred from samples.
    public var jsonResponse: JSONResponseModel?
    /// How the operation pages, when its parameters or a description say it does.
    public var paging: PagingModel?
}

extension OperationModel {
    /// `name(first:second:)`.
    static func signature(_ name: String, labels: [String]) -> String {
        name + "(" + labels.map { $0 + ":" }.joined() + ")"
    }
}

/// A query pair a documented path carries (`/responses?beta=true`).
public struct FixedQueryItem: Sendable, Hashable {
    public var name: String
    public var value: String
}

/// That an operation is deprecated, and what to use instead when the documents say.
public struct Deprecation: Sendable, Hashable {
    /// The name of the method to use instead, such as `getUserV2`.
    public var replacement: String?
}

/// How a response's body is read.
public enum ResponseFormat: Sendable, Hashable {
    /// JSON, decoded as the output type.
    case json
    /// The envelope's `data`, decoded as the output type; the envelope format's static name.
    case envelope(String)
    /// Text.
    case text
    /// Bytes.
    case binary
    /// No body.
    case empty
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
    /// The plan the request type's `paging` is written from, or `nil` when the operation is
    /// generated without paging (a cursor without a known next place).
    var plan: PagingPlan?
    /// Whether the request type pages (`client.pages(_:)` takes it).
    public var isPaged: Bool { plan != nil }
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
    /// Where and how the parameter travels.
    var sending: ParameterSending

    /// Whether a caller must pass a value.
    public var isRequired: Bool { defaultValue == .none }
}

/// Where a parameter travels and how its value becomes text.
struct ParameterSending: Sendable, Hashable {
    enum Encoding: Sendable, Hashable {
        /// As it is (`parameterValue`).
        case scalar
        /// Element by element, in the parameter's style.
        case array
        /// As JSON text (a structured value outside a body).
        case json
        /// An object in a query, one `name[property]=value` pair per property (`style: deepObject`).
        case deepObject
        /// A file (or a list of files) in a multipart body: `FileUpload`.
        case file
        /// A value whose shape is known only when it is sent, outside a body: a union of
        /// scalars and lists of scalars (`oneOf: [string, array of string]`), an object, a list
        /// of untyped values. Written after the shape it holds, as OpenAPI's style table says:
        /// `[QueryItem].append(_:form:explode:)` in a query or form field, `StructuredParameter`
        /// in a path, a header or a cookie.
        case structured
    }

    var location: PendingParameter.Location
    var encoding: Encoding
    var style: PendingParameter.Style
    /// For arrays: one pair per element, or one comma-separated value.
    var explode: Bool
    /// For a body: its media type when it is sent as it is (text or bytes), `nil` for JSON.
    /// For a multipart field: the part's media type the document gives, `nil` for the
    /// runtime's (a file's own type or `application/octet-stream`, `application/json`, text).
    var contentType: String?
}

/// What a parameter is when the caller leaves it out.
public enum ParameterDefault: Sendable, Hashable {
    /// Nothing: the caller must pass a value.
    case none
    /// `nil`: the parameter is not sent (the server applies its own default, if it has one).
    case notSent
    /// A value the generated code sends: `.shortVideo`, `20`, `"ALL"`.
    case value(ParameterValue)
}

/// A value of a parameter the document gives (its default).
public enum ParameterValue: Sendable, Hashable {
    /// A case of the parameter's enum, by its Swift name.
    case enumCase(String)
    case string(String)
    case integer(Int)
    case number(Double)
    case boolean(Bool)
}

/// Where a JSON response sits in its document: its status (`200`) and media type.
public struct JSONResponseModel: Sendable, Hashable {
    public var status: String
    public var mediaType: String
}
