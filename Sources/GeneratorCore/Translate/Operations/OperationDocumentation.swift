import OpenAPIKit

/// The doc comments of an operation's method and request type, from its summary, description
/// and parameters, with the method and path in a `- Remark:`.
struct OperationDocumentation {
    let methodLines: [String]
    let requestLines: [String]

    init(
        operation: OpenAPI.Operation, path: String, method: String, parameters: [ParameterModel], methodName: String,
        returns: String
    ) {
        let summary = SwiftText.documentationLines(operation.summary)
        let description = SwiftText.documentationLines(operation.description)
        var prose = summary
        if !description.isEmpty && description != summary {
            if !prose.isEmpty { prose.append("") }
            prose += description
        }
        if prose.isEmpty { prose = ["\(method) \(path)"] }

        var lines = prose
        lines.append("")
        if !parameters.isEmpty {
            lines.append("- Parameters:")
            for parameter in parameters {
                lines.append("  - \(parameter.label): \(parameter.summary)")
            }
        }
        lines.append("- Returns: \(returns)")
        lines.append("- Throws: `JustOneAPIError` when the call fails, `CancellationError` when the task is cancelled.")
        lines.append("- Remark: `\(method) \(path)`")
        methodLines = lines

        let signature = OperationModel.signature(methodName, labels: parameters.map(\.label))
        // The operation is documented once, on the method users call; the request type
        // points there.
        requestLines = [
            "The request of ``\(signature)``, where the operation is documented.",
            "",
            "Build it to inspect or adjust the request, and send it with `client.send(_:)`;",
            "the method does both.",
            "- Remark: `\(method) \(path)`",
        ]
    }
}
