/// An operation's request as Swift source: what the `requestType` and `operationMethod`
/// templates write. Everything here follows from the model's data.
extension OperationModel {
    /// `"getPet"`.
    var operationIDLiteral: String { SwiftText.literal(operationID) }

    /// `.get`, or `HTTPMethod(rawValue: "PURGE")` for a method without a name of its own.
    var httpMethodExpression: String {
        switch httpMethod {
        case "GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE": "." + httpMethod.lowercased()
        default: "HTTPMethod(rawValue: \(SwiftText.literal(httpMethod)))"
        }
    }

    /// `Server(url: URL(string: "https://files.stripe.com/")!)`, when the operation has a server
    /// of its own (the URL was checked when the documents were read).
    var serverExpression: String? {
        server.map { "Server(url: URL(string: \(SwiftText.literal($0)))!)" }
    }

    /// `@available(*, deprecated, message: …)`, when the operation is deprecated.
    var deprecationAttribute: String? {
        guard let deprecation else { return nil }
        let message = deprecation.replacement.map { "Deprecated in the API documentation; use `\($0)` instead." }
            ?? "Deprecated in the API documentation."
        return "@available(*, deprecated, message: \(SwiftText.literal(message)))"
    }

    /// The payload's type as written in the namespace: `GetPet.Response`.
    public var outputType: String { output.code(nestedPrefix: requestTypeName) }

    /// The payload's type as written inside the request type: `Response`.
    var requestOutputType: String { output.code }

    /// The protocol the request type conforms to: `PagedOperation` when it pages.
    var conformance: String { paging?.isPaged == true ? "PagedOperation" : "APIOperation" }

    /// How many parameters go into the query: the capacity the request reserves.
    var queryItemCount: Int { fixedQuery.count + parameters.count { $0.sending.location == .query } }
    var usesQuery: Bool { queryItemCount > 0 }
    var usesHeaders: Bool { parameters.contains { $0.sending.location == .header || $0.sending.location == .cookie } }
    var usesFormFields: Bool { parameters.contains { $0.sending.location == .formField } }
    var usesMultipartParts: Bool { parameters.contains { $0.sending.location == .multipartPart } }

    /// The statements that fill `query`, `headerFields`, `formFields` and `parts`: the pairs
    /// the documented path carries, then one per parameter, in signature order.
    var encodingStatements: [String] {
        fixedQuery.map { "query.append(\(SwiftText.literal($0.name)), value: \(SwiftText.literal($0.value)))" }
            + parameters.compactMap { parameter in
            let access = "self." + parameter.identifier
            switch parameter.sending.location {
            case .query: return parameter.appendStatement(to: "query", access: access)
            case .formField: return parameter.appendStatement(to: "formFields", access: access)
            case .multipartPart: return parameter.partStatement(access: access)
            case .header: return parameter.headerStatement(access: access)
            case .cookie: return parameter.cookieStatement(access: access)
            case .path, .body: return nil
            }
        }
    }

    /// A Swift expression of type `String` that builds the path from the request's properties:
    /// the template as a string literal with each `{name}` interpolated.
    var pathExpression: String {
        var values: [String: String] = [:]
        for parameter in parameters where parameter.sending.location == .path {
            values[parameter.wireName] = parameter.pathValue(access: "self." + parameter.identifier)
        }
        var result = "\""
        var rest = Substring(requestPath)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += SwiftText.literal(String(rest[..<open])).dropFirst().dropLast()
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                result += "\\(\(value))"
            } else {
                result += SwiftText.literal(String(rest[open...close])).dropFirst().dropLast()
            }
            rest = rest[rest.index(after: close)...]
        }
        result += SwiftText.literal(String(rest)).dropFirst().dropLast()
        return result + "\""
    }

    /// A Swift expression of type `RequestBody?`, or `nil` for none: the form fields, the body
    /// parameter, or an empty form when the credential is the form's only field.
    var bodyExpression: String? {
        if usesFormFields { return ".form(formFields)" }
        if usesMultipartParts { return ".multipart(parts)" }
        if case .formField = authentication { return ".form([])" }
        var body: String?
        for parameter in parameters where parameter.sending.location == .body {
            body = parameter.bodyExpression(access: "self." + parameter.identifier)
        }
        return body
    }

    /// `.query(name: "token")`.
    var authenticationExpression: String {
        switch authentication {
        case .none: ".none"
        case .query(let name): ".query(name: \(SwiftText.literal(name)))"
        case .header(let name, let prefix) where prefix.isEmpty: ".header(name: \(SwiftText.literal(name)))"
        case .header(let name, let prefix): ".header(name: \(SwiftText.literal(name)), prefix: \(SwiftText.literal(prefix)))"
        case .formField(let name): ".formField(name: \(SwiftText.literal(name)))"
        }
    }

    /// `.envelope(.documented)`.
    var responseFormatExpression: String {
        switch responseFormat {
        case .json: ".json"
        case .envelope(let name): ".envelope(.\(name))"
        case .text: ".text"
        case .binary: ".binary"
        case .empty: ".empty"
        }
    }
}
