/// An operation, for the `operationMethod` and `requestType` templates.
struct OperationContext: TemplateContext {
    let operation: OperationModel
    let parameters: [ParameterContext]
    /// The request type's nested declarations, rendered and indented already.
    let nestedTypes: [CodeContext]

    init(_ operation: OperationModel, nestedTypesCode: [String]) {
        self.operation = operation
        self.parameters = operation.parameters.enumerated().map {
            ParameterContext(parameter: $1, requestTypeName: operation.requestTypeName, isLast: $0 == operation.parameters.count - 1)
        }
        self.nestedTypes = nestedTypesCode.map(CodeContext.init)
    }

    static let fields = TemplateFields<Self>(
        "an operation",
        [
            ("methodName", .text(\.operation.methodIdentifier)),
            ("requestTypeName", .text(\.operation.requestTypeName)),
            ("methodDocLines", .docComment(\.operation.methodDocLines)),
            ("requestDocLines", .docComment(\.operation.requestDocLines)),
            ("deprecationAttribute", .optionalText(\.operation.deprecationAttribute)),
            ("hasParameters", .flag { !$0.operation.parameters.isEmpty }),
            ("parameters", .list(\.parameters)),
            ("argumentList", .text { $0.operation.parameters.map { "\($0.label): \($0.identifier)" }.joined(separator: ", ") }),
            ("outputType", .text(\.operation.outputType)),
            ("requestOutputType", .text(\.operation.requestOutputType)),
            ("operationIDLiteral", .text(\.operation.operationIDLiteral)),
            ("httpMethodExpression", .text(\.operation.httpMethodExpression)),
            ("pathExpression", .text(\.operation.pathExpression)),
            ("usesQuery", .flag(\.operation.usesQuery)),
            ("queryCapacity", .number(\.operation.queryItemCount)),
            ("usesHeaders", .flag(\.operation.usesHeaders)),
            ("usesFormFields", .flag(\.operation.usesFormFields)),
            ("usesMultipartParts", .flag(\.operation.usesMultipartParts)),
            ("encodingStatements", .lines(\.operation.encodingStatements)),
            ("bodyExpression", .optionalText(\.operation.bodyExpression)),
            ("authenticationExpression", .text(\.operation.authenticationExpression)),
            ("marksReadOnly", .flag(\.operation.marksReadOnly)),
            ("responseFormatExpression", .text(\.operation.responseFormatExpression)),
            ("serverExpression", .optionalText(\.operation.serverExpression)),
            ("nestedTypes", .list(\.nestedTypes)),
            ("conformance", .text(\.operation.conformance)),
            ("hasPaging", .flag { $0.operation.paging?.isPaged == true }),
            ("pagingLines", .lines { $0.operation.paging?.declarationLines ?? [] }),
        ])
}

/// A parameter: a property of the request type and an argument of the method.
struct ParameterContext: TemplateContext {
    let parameter: ParameterModel
    /// The request type the parameter belongs to, which qualifies its nested types in the method.
    let requestTypeName: String
    let isLast: Bool

    static let fields = TemplateFields<Self>(
        "a parameter",
        [
            ("identifier", .text(\.parameter.identifier)),
            ("label", .text(\.parameter.label)),
            ("type", .text(\.parameter.type)),
            ("signatureType", .text { $0.parameter.signatureType(requestTypeName: $0.requestTypeName) }),
            ("defaultClause", .optionalText(\.parameter.defaultClause)),
            ("docLines", .docComment(\.parameter.docLines)),
            ("isLast", .flag(\.isLast)),
        ])
}
