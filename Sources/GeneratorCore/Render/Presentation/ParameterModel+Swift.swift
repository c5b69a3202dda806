/// A parameter as Swift source: what the templates write.
extension ParameterModel {
    /// The type as written inside the request type: `Platform?`, `[String]?`.
    public var type: String { valueType.code }

    /// The type as written in the namespace's method, outside the request type
    /// `requestTypeName`: `GetAuthorConvertAbility.Platform?`.
    func signatureType(requestTypeName: String) -> String { valueType.code(nestedPrefix: requestTypeName) }

    /// `= .shortVideo`, `= nil`, or `nil` for none.
    public var defaultClause: String? {
        switch defaultValue {
        case .none: nil
        case .notSent: "= nil"
        case .value(let value): "= \(value.literal)"
        }
    }

    // MARK: Sending

    private var isOptional: Bool { valueType.isOptional }

    /// The path segment's text: `PercentEncoding.encode(self.id.parameterValue)`, or written in
    /// the parameter's style (`label`, `matrix`, a list).
    func pathValue(access: String) -> String {
        let style = sending.style == .label || sending.style == .matrix ? sending.style.rawValue : "simple"
        let name = SwiftText.literal(wireName)
        if sending.encoding == .array {
            return "ParameterStyle.\(style).pathSegment(\(name), \(access), explode: \(sending.explode))"
        }
        if sending.encoding == .structured {
            return "ParameterStyle.\(style).pathSegment(\(name), \(value(access)))"
        }
        if style == "simple" { return "PercentEncoding.encode(\(value(access)).parameterValue)" }
        return "ParameterStyle.\(style).pathSegment(\(name), \(value(access)))"
    }

    private func value(_ access: String) -> String {
        switch sending.encoding {
        case .scalar, .array, .deepObject, .file: access
        case .json: isOptional ? "\(access).map(JSONParameter.init)" : "JSONParameter(\(access))"
        case .structured:
            switch (isOptional, sending.explode) {
            case (true, false): "\(access).map(StructuredParameter.init)"
            case (true, true): "\(access).map(StructuredParameter.exploded)"
            case (false, false): "StructuredParameter(\(access))"
            case (false, true): "StructuredParameter.exploded(\(access))"
            }
        }
    }

    /// `query.append("name", value: self.name)`, for query parameters and form fields.
    func appendStatement(to collection: String, access: String) -> String {
        let name = SwiftText.literal(wireName)
        if sending.encoding == .array {
            switch sending.style {
            case .spaceDelimited: return "\(collection).append(\(name), values: \(access), separator: \" \")"
            case .pipeDelimited: return "\(collection).append(\(name), values: \(access), separator: \"|\")"
            default: return "\(collection).append(\(name), values: \(access)\(sending.explode ? "" : ", explode: false"))"
            }
        }
        if sending.encoding == .deepObject { return "\(collection).append(\(name), deepObject: \(access))" }
        if sending.encoding == .structured {
            return "\(collection).append(\(name), form: \(access)\(sending.explode ? "" : ", explode: false"))"
        }
        return "\(collection).append(\(name), value: \(value(access)))"
    }

    /// `parts.append("name", file: self.name)`: a part of a multipart body, as text, files
    /// or JSON, with the part's media type where the document gives one.
    func partStatement(access: String) -> String {
        let name = SwiftText.literal(wireName)
        let contentType = sending.contentType.map { ", contentType: " + SwiftText.literal($0) } ?? ""
        switch sending.encoding {
        case .file:
            let isList = if case .array = valueType.unwrapped { true } else { false }
            return "parts.append(\(name), \(isList ? "files" : "file"): \(access)\(contentType))"
        case .array: return "parts.append(\(name), values: \(access)\(contentType))"
        case .json, .deepObject, .structured: return "parts.append(\(name), json: \(access)\(contentType))"
        case .scalar: return "parts.append(\(name), value: \(access)\(contentType))"
        }
    }

    /// `headerFields["Name"] = self.name?.parameterValue`.
    func headerStatement(access: String) -> String {
        let name = SwiftText.literal(wireName)
        let unwrap = isOptional ? "?" : ""
        if sending.encoding == .array {
            return "headerFields[\(name)] = \(access)\(unwrap).map(\\.parameterValue).joined(separator: \",\")"
        }
        return "headerFields[\(name)] = \(value(access))\(unwrap).parameterValue"
    }

    /// Appends `Cookie: name=value`.
    func cookieStatement(access: String) -> String {
        if sending.encoding == .structured {
            return "headerFields.appendCookie(\(SwiftText.literal(wireName)), structured: \(value(access)))"
        }
        if sending.encoding == .array {
            return "headerFields.appendCookie(\(SwiftText.literal(wireName)), values: \(access), explode: \(sending.explode))"
        }
        let prefix = SwiftText.literal(wireName + "=")
        if isOptional {
            return "if let value = \(value(access)) { headerFields.append(name: \"Cookie\", value: \(prefix) + PercentEncoding.encode(value.parameterValue)) }"
        }
        return "headerFields.append(name: \"Cookie\", value: \(prefix) + PercentEncoding.encode(\(value(access)).parameterValue))"
    }

    /// The `RequestBody?` expression for a body parameter.
    func bodyExpression(access: String) -> String {
        let make: (String) -> String
        switch sending.contentType {
        case nil:
            make = { ".json(\($0))" }
        case let type? where type.hasPrefix("text/"):
            make = { ".data(Data(\($0).utf8), contentType: \(SwiftText.literal(type)))" }
        case let type?:
            make = { ".data(\($0), contentType: \(SwiftText.literal(type)))" }
        }
        return isOptional ? "\(access).map { \(make("$0")) }" : make(access)
    }
}

extension ParameterValue {
    /// The value as a Swift literal: `.shortVideo`, `"ALL"`, `20`, `0.5`, `true`.
    public var literal: String {
        switch self {
        case .enumCase(let name): "." + name
        case .string(let string): SwiftText.literal(string)
        case .integer(let integer): String(integer)
        case .number(let number): String(number)
        case .boolean(let flag): flag ? "true" : "false"
        }
    }
}
