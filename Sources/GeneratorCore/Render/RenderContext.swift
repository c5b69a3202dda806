/// The model as the templates see it: dictionaries of strings, booleans and lists.
///
/// Only presentation is decided here (which flags a template switches on, list separators);
/// names, types, literals and doc lines come from the model as they are.
enum RenderContext {
    static func header(inputs: String, sourceFiles: [String]) -> [String: Any] {
        ["inputs": inputs, "sourceFiles": sourceFiles]
    }

    /// The namespace file; `operations` holds each operation's method and request type, and
    /// `sharedTypesCode` the enums its operations share, rendered and indented already. When
    /// the request types are in files of their own (`requestsInOwnFiles`), an operation's
    /// `requestCode` is empty and `hasRequestCode` false.
    static func namespace(
        _ namespace: NamespaceModel, operations: [(methodCode: String, requestCode: String)], requestsInOwnFiles: Bool,
        sharedTypesCode: [String], header: [String: Any]
    ) -> [String: Any] {
        header.merging(
            [
                "typeName": namespace.typeName,
                "propertyName": namespace.propertyIdentifier,
                "docLines": namespace.docLines,
                "hasSharedTypes": !sharedTypesCode.isEmpty,
                "sharedTypes": sharedTypesCode.enumerated().map { ["code": $1, "isFirst": $0 == 0] },
                "operations": operations.map {
                    [
                        "namespaceTypeName": namespace.typeName, "methodCode": $0.methodCode,
                        "requestCode": requestsInOwnFiles ? "" : $0.requestCode, "hasRequestCode": !requestsInOwnFiles,
                    ]
                },
            ], uniquingKeysWith: { _, new in new })
    }

    /// A file of a large namespace's request types (`NamespaceRequests.swift`).
    static func namespaceRequests(_ namespace: NamespaceModel, requestsCode: [String], header: [String: Any]) -> [String: Any] {
        header.merging(
            ["requests": requestsCode.map { ["namespaceTypeName": namespace.typeName, "requestCode": $0] }],
            uniquingKeysWith: { _, new in new })
    }

    /// One input document's operations (the `documents` layout): each in an extension of its
    /// namespace.
    static func document(
        _ operations: [(namespace: NamespaceModel, code: (methodCode: String, requestCode: String))], header: [String: Any]
    ) -> [String: Any] {
        header.merging(
            [
                "operations": operations.map {
                    ["namespaceTypeName": $0.namespace.typeName, "methodCode": $0.code.methodCode, "requestCode": $0.code.requestCode]
                }
            ], uniquingKeysWith: { _, new in new })
    }

    /// An operation, for the `operationMethod` and `requestType` templates; `nestedTypesCode`
    /// holds its nested declarations, rendered and indented already.
    static func operation(_ operation: OperationModel, nestedTypesCode: [String]) -> [String: Any] {
        let parameters = operation.parameters.enumerated().map { index, parameter in
            var context: [String: Any] = [
                "identifier": parameter.identifier,
                "label": parameter.label,
                "type": parameter.type,
                "signatureType": parameter.signatureType,
                "docLines": parameter.docLines,
                "isLast": index == operation.parameters.count - 1,
            ]
            context["defaultClause"] = parameter.defaultClause
            return context
        }
        var context: [String: Any] = [
            "methodName": operation.methodIdentifier,
            "requestTypeName": operation.requestTypeName,
            "methodDocLines": operation.methodDocLines,
            "requestDocLines": operation.requestDocLines,
            "hasParameters": !operation.parameters.isEmpty,
            "parameters": parameters,
            "argumentList": operation.parameters.map { "\($0.label): \($0.identifier)" }.joined(separator: ", "),
            "outputType": operation.outputType,
            "requestOutputType": operation.requestOutputType,
            "operationIDLiteral": operation.operationIDLiteral,
            "httpMethodExpression": operation.httpMethodExpression,
            "pathExpression": operation.pathExpression,
            "usesQuery": operation.usesQuery,
            "queryCapacity": operation.encodingStatements.filter { $0.hasPrefix("query.") }.count,
            "usesHeaders": operation.usesHeaders,
            "usesFormFields": operation.usesFormFields,
            "encodingStatements": operation.encodingStatements,
            "authenticationExpression": operation.authenticationExpression,
            "marksReadOnly": operation.marksReadOnly,
            "responseFormatExpression": operation.responseFormatExpression,
            "nestedTypes": nestedTypesCode.map { ["code": $0] },
            "conformance": operation.conformance,
            "hasPaging": operation.paging?.declarationLines != nil,
            "pagingLines": operation.paging?.declarationLines ?? [],
        ]
        context["deprecationAttribute"] = operation.deprecationAttribute
        context["bodyExpression"] = operation.bodyExpression
        return context
    }

    /// The template that renders `declaration`.
    static func templateName(for declaration: TypeDeclaration) -> String {
        switch declaration.kind {
        case .structure: "structure"
        case .valueEnum: "valueEnum"
        case .oneOf: "oneOf"
        case .alias: "alias"
        case .inferredModel: "inferredModel"
        }
    }

    /// A declaration, for its template; `nestedTypesCode` holds its nested declarations,
    /// rendered and indented already.
    static func declaration(_ declaration: TypeDeclaration, nestedTypesCode: [String]) -> [String: Any] {
        var context: [String: Any] = [
            "name": declaration.name,
            "docLines": declaration.docLines,
            "nestedTypes": nestedTypesCode.map { ["code": $0] },
        ]
        switch declaration.kind {
        case .structure(let structure):
            context["needsCodingKeys"] = structure.needsCodingKeys
            context["properties"] = structure.properties.enumerated().map { index, property in
                [
                    "identifier": property.identifier,
                    "type": property.type,
                    "jsonKeyLiteral": property.jsonKeyLiteral,
                    "isOptional": property.isOptional,
                    "isIndirect": property.isIndirect,
                    "docLines": property.docLines,
                    "isLast": index == structure.properties.count - 1,
                ] as [String: Any]
            }
        case .valueEnum(let valueEnum):
            context["rawType"] = valueEnum.rawType
            context["conformances"] = valueEnum.conformances
            context["undocumentedCaseName"] = valueEnum.undocumentedCaseName
            context["cases"] = valueEnum.cases.map { ["name": $0.name, "rawLiteral": $0.rawLiteral, "docLines": $0.docLines] }
            context["allCasesList"] = valueEnum.cases.map { "." + $0.name }.joined(separator: ", ")
        case .oneOf(let oneOf):
            context["isIndirect"] = oneOf.isIndirect
            context["hasDiscriminator"] = oneOf.discriminatorKeyLiteral != nil
            context["discriminatorKeyLiteral"] = oneOf.discriminatorKeyLiteral
            context["cases"] = oneOf.cases.map { ["name": $0.name, "payloadType": $0.payloadType] }
            context["discriminatedCases"] = oneOf.cases.filter { !$0.discriminatorValueLiterals.isEmpty }.map {
                ["name": $0.name, "payloadType": $0.payloadType,
                 "valuesList": $0.discriminatorValueLiterals.joined(separator: ", ")]
            }
        case .alias(let target):
            context["target"] = target
        case .inferredModel(let model):
            context["properties"] = model.properties.map { property in
                ["identifier": property.identifier, "type": property.type, "reader": property.reader, "docLines": property.docLines]
                    as [String: Any]
            }
        }
        return context
    }

    static func model(code: String, header: [String: Any]) -> [String: Any] {
        header.merging(["code": code], uniquingKeysWith: { _, new in new })
    }

    static func servers(_ model: APIModel, header: [String: Any]) -> [String: Any] {
        let servers = model.servers.enumerated().map { index, server in
            [
                "name": server.name, "identifier": server.identifier, "urlLiteral": server.urlLiteral, "summaryLiteral": server.summaryLiteral,
                "docLines": server.docLines, "isLast": index == model.servers.count - 1,
            ] as [String: Any]
        }
        var context = header.merging(["servers": servers], uniquingKeysWith: { _, new in new })
        if let server = model.defaultServer {
            context["defaultServer"] = ["name": server.name, "identifier": server.identifier, "timeoutSeconds": model.defaultTimeoutSeconds] as [String: Any]
        }
        return context
    }

    static func businessCodes(_ envelope: EnvelopeModel, header: [String: Any]) -> [String: Any] {
        let retryable = envelope.codes.filter(\.isRetryable)
        let stopping = envelope.codes.filter(\.stopsClient)
        return header.merging(
            [
                "formatName": envelope.formatName,
                "codeKeyLiteral": envelope.codeKeyLiteral,
                "dataKeyLiteral": envelope.dataKeyLiteral,
                "messageKeyLiteral": envelope.messageKeyLiteral,
                "recordTimeKeyLiteral": envelope.recordTimeKeyLiteral,
                "requestIDKeyLiteral": envelope.requestIDKeyLiteral,
                "successCodesLiteral": envelope.successCodesLiteral,
                "codes": envelope.codes.map {
                    [
                        "code": $0.code, "caseName": $0.caseName, "nameLiteral": SwiftText.literal($0.caseName.trimmingBackticks),
                        "meaningLiteral": $0.meaningLiteral, "docLines": $0.docLines, "isRetryable": $0.isRetryable,
                        "stopsClient": $0.stopsClient,
                    ] as [String: Any]
                },
                "allCasesList": envelope.codes.map { "." + $0.caseName }.joined(separator: ", "),
                "hasRetryableCodes": !retryable.isEmpty,
                "retryableCasesList": retryable.map { "." + $0.caseName }.joined(separator: ", "),
                "hasStoppingCodes": !stopping.isEmpty,
                "stoppingCasesList": stopping.map { "." + $0.caseName }.joined(separator: ", "),
            ], uniquingKeysWith: { _, new in new })
    }
}

extension String {
    var trimmingBackticks: String { filter { $0 != "`" } }
}
