/// How one operation pages, as the generator decided it: from its `x-pagination` description,
/// or detected from its parameters' names and descriptions.
struct PagingPlan: Sendable, Hashable {
    enum Kind: String, Sendable {
        case page, offset, cursor
    }

    /// Where a cursor's or carried value's next value comes from.
    enum Source: String, Sendable {
        /// An `x-pagination` description.
        case described
        /// The parameter's own description names the response field.
        case parameterDescription
    }

    struct Input: Sendable, Hashable {
        enum Role: Sendable, Hashable {
            case page(first: Int)
            case offset(first: Int)
            case cursor
            case carried
        }

        enum Location: String, Sendable {
            case query, formField
        }

        let name: String
        let location: Location
        let role: Role
        var from: ResponsePathSyntax?
        var fromSource: Source?
    }

    var kind: Kind
    var inputs: [Input]
    var items: ResponsePathSyntax?
    var hasMore: ResponsePathSyntax?
    var totalPages: ResponsePathSyntax?
    /// The extension that described it (`x-pagination`), or `nil` when it was detected.
    var describedBy: String?

    /// How the report and the doc comment name the response side.
    var responseSide: String {
        var described: [String] = []
        if let items { described.append("items at \(items)") }
        if let hasMore { described.append("has-more at \(hasMore)") }
        if let totalPages { described.append("page count at \(totalPages)") }
        for input in inputs {
            guard let from = input.from else { continue }
            let origin = input.fromSource == .parameterDescription ? " (named in its description)" : ""
            described.append("\(input.name) from \(from)\(origin)")
        }
        if described.isEmpty { return "default rules" }
        let defaults = items == nil || hasMore == nil ? "; otherwise the default rules" : ""
        return described.joined(separator: ", ") + defaults
    }

    /// The doc comment of the request type's `paging`: each parameter's role, then where the
    /// items and the "has more" signal come from.
    var documentationLines: [String] {
        let origin = describedBy.map { "as its `\($0)` describes it" } ?? "as its parameters' names and descriptions say"
        var lines = ["How the operation pages for `client.pages(_:)`, \(origin):"]
        for input in inputs {
            let place = input.location == .formField ? " (a form field)" : ""
            let from = input.from.map { "`\($0)`" + (input.fromSource == .parameterDescription ? ", named in its description" : "") }
            switch input.role {
            case .page(let first): lines.append("- `\(input.name)`\(place): the page number, from \(first)")
            case .offset(let first): lines.append("- `\(input.name)`\(place): the offset, from \(first), advanced by the number of items")
            case .cursor: lines.append("- `\(input.name)`\(place): the cursor, from \(from ?? "?")")
            case .carried: lines.append("- `\(input.name)`\(place): carried from \(from ?? "?")")
            }
        }
        lines.append("- Items: " + (items.map { "`\($0)`" } ?? "the largest array in the payload (the default rule)"))
        lines.append("- Has more: " + (hasMore.map { "`\($0)`" } ?? "the default names (`has_more`, `hasMore` …), and an empty or repeated page"))
        if let totalPages { lines.append("- Pages in all: `\(totalPages)`") }
        return lines
    }

    /// The inputs as the model keeps them.
    var inputModels: [PagingInputModel] {
        inputs.map { input in
            let role: PagingInputModel.Role =
                switch input.role {
                case .page: .page
                case .offset: .offset
                case .cursor: .cursor
                case .carried: .carried
                }
            return PagingInputModel(
                name: input.name, role: role, isFormField: input.location == .formField, from: input.from?.description)
        }
    }

    /// `page (from 1), searchId (carried)`.
    var parameterSummary: String {
        inputs.map { input in
            let place = input.location == .formField ? ", form field" : ""
            switch input.role {
            case .page(let first): return "\(input.name) (page from \(first)\(place))"
            case .offset(let first): return "\(input.name) (offset from \(first)\(place))"
            case .cursor: return "\(input.name) (cursor\(place))"
            case .carried: return "\(input.name) (carried\(place))"
            }
        }.joined(separator: ", ")
    }
}
