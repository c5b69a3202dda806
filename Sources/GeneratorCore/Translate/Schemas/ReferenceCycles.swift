/// Finds the properties that would make a struct contain itself, and the one-of enums that must
/// be `indirect`, so that recursive schemas (`Node.next: Node?`) compile.
///
/// Values stored behind an array or dictionary are on the heap already; only types stored inline
/// form cycles. A depth-first search in sorted order removes each back edge it meets: a struct
/// property becomes `@Indirect`, a one-of enum becomes `indirect`. What remains has no cycle.
enum ReferenceCycles {
    struct Edge: Hashable, Sendable {
        /// The qualified name of the struct or enum that stores the value.
        let from: String
        /// The qualified name of the stored type (aliases resolved by ``breaks(edges:aliases:)``).
        let to: String
        /// The struct property that stores it; `nil` for an enum's payload.
        let member: String?
    }

    struct Breaks: Equatable {
        /// `qualifiedName.member` of each property to store `@Indirect`.
        var indirectProperties: Set<String> = []
        /// Qualified names of one-of enums to declare `indirect`.
        var indirectEnums: Set<String> = []
    }

    static func breaks(edges: [Edge], aliases: [String: [String]]) -> Breaks {
        var adjacency: [String: [Edge]] = [:]
        for edge in edges {
            for target in resolve(edge.to, aliases: aliases, seen: []) {
                adjacency[edge.from, default: []].append(Edge(from: edge.from, to: target, member: edge.member))
            }
        }
        var result = Breaks()
        var state: [String: Bool] = [:]  // false: on the stack, true: done
        func visit(_ node: String) {
            state[node] = false
            for edge in (adjacency[node] ?? []).sorted(by: { ($0.to, $0.member ?? "") < ($1.to, $1.member ?? "") }) {
                switch state[edge.to] {
                case .some(false):
                    if let member = edge.member {
                        result.indirectProperties.insert(edge.from + "." + member)
                    } else {
                        result.indirectEnums.insert(edge.from)
                    }
                case .some(true):
                    continue
                case nil:
                    if adjacency[edge.to] != nil { visit(edge.to) }
                }
            }
            state[node] = true
        }
        for node in adjacency.keys.sorted() where state[node] == nil {
            visit(node)
        }
        return result
    }

    /// The types `name` stands for: itself, or what its aliases name, followed to the end.
    static func resolve(_ name: String, aliases: [String: [String]], seen: Set<String> = []) -> [String] {
        guard let targets = aliases[name], !seen.contains(name) else { return [name] }
        return targets.flatMap { resolve($0, aliases: aliases, seen: seen.union([name])) }
    }
}
