/// An operation's paging as Swift source: the request type's `paging`.
extension PagingModel {
    /// The doc comment and `public static let paging = Paging(…)`, or `nil` when the operation
    /// is generated without paging.
    var declarationLines: [String]? {
        guard let plan else { return nil }
        let expression = plan.swiftLines
        return SwiftText.docComment(plan.documentationLines)
            + ["public static let paging = " + expression[0]] + expression.dropFirst()
    }
}

extension PagingPlan {
    /// `Paging(inputs: [.page("page", first: 1)])`, as lines of Swift source: one line when
    /// it is short, otherwise an argument per line.
    var swiftLines: [String] {
        let inputs = inputs.map { input -> String in
            let name = SwiftText.literal(input.name)
            let place = input.location == .formField ? ", in: .formField" : ""
            switch input.role {
            case .page(let first): return ".page(\(name)\(place), first: \(first))"
            case .offset(let first): return ".offset(\(name)\(place), first: \(first))"
            case .cursor: return ".cursor(\(name)\(place), from: \(input.from!.swiftExpression))"
            case .carried: return ".carried(\(name)\(place), from: \(input.from!.swiftExpression))"
            }
        }
        var others: [String] = []
        if let items { others.append("items: \(items.swiftExpression)") }
        if let hasMore { others.append("hasMore: \(hasMore.swiftExpression)") }
        if let totalPages { others.append("totalPages: \(totalPages.swiftExpression)") }
        let oneLine = "Paging(" + (["inputs: [\(inputs.joined(separator: ", "))]"] + others).joined(separator: ", ") + ")"
        if oneLine.count <= 90 { return [oneLine] }
        var lines = ["Paging(", "    inputs: ["]
        lines += inputs.map { "        \($0)," }
        lines.append("    ]" + (others.isEmpty ? ")" : ","))
        for (index, other) in others.enumerated() {
            lines.append("    " + other + (index == others.count - 1 ? ")" : ","))
        }
        return lines
    }
}

extension ResponsePathSyntax {
    /// The runtime value, as Swift source: `ResponsePath([.key("data"), .key("cursor")])`.
    var swiftExpression: String {
        let steps = steps.map { step in
            switch step {
            case .key(let key): ".key(\(SwiftText.literal(key)))"
            case .index(let index): ".index(\(index))"
            case .descendant(let key): ".descendant(\(SwiftText.literal(key)))"
            }
        }
        return "ResponsePath([\(steps.joined(separator: ", "))])"
    }
}
