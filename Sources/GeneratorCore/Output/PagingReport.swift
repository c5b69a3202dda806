/// The `--report-paging` listing: every operation that pages, its kind and parameters, and
/// where its response side comes from.
public struct PagingReport: Sendable {
    public struct Row: Sendable, Hashable {
        public let kind: String
        public let operation: String
        public let operationID: String
        public let parameters: String
        public let responseSide: String
        public let isPaged: Bool
    }

    public let rows: [Row]

    public init(model: APIModel) {
        rows = model.namespaces.flatMap { namespace in
            namespace.operations.compactMap { operation in
                operation.paging.map {
                    Row(
                        kind: $0.kind, operation: "\(operation.httpMethod) \(operation.pathTemplate)",
                        operationID: operation.operationID, parameters: $0.parameters, responseSide: $0.responseSide,
                        isPaged: $0.isPaged)
                }
            }
        }.sorted { ($0.operation, $0.operationID) < ($1.operation, $1.operationID) }
    }

    /// The listing as text: a summary line, then one line per operation in path order.
    public var text: String {
        let paged = rows.filter(\.isPaged).count
        var byKind: [String: Int] = [:]
        for row in rows where row.isPaged { byKind[row.kind, default: 0] += 1 }
        let kinds = ["page", "offset", "cursor"].compactMap { kind in byKind[kind].map { "\($0) by \(kind)" } }
        var text = "\(rows.count) operation\(rows.count == 1 ? "" : "s") page: \(paged) generated with paging"
        if !kinds.isEmpty { text += " (\(kinds.joined(separator: ", ")))" }
        text += ", \(rows.count - paged) without (their next value has no known place; see the warnings).\n"
        let kindWidth = 7
        let operationWidth = min(72, rows.map(\.operation.count).max() ?? 0)
        let parametersWidth = min(48, rows.map(\.parameters.count).max() ?? 0)
        for row in rows {
            text += pad(row.kind, kindWidth) + "  " + pad(row.operation, operationWidth) + "  " + pad(row.parameters, parametersWidth)
                + "  " + row.responseSide + "\n"
        }
        return text
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
