/// Component schemas that are only references to each other (`A: {$ref: B}`, `B: {$ref: A}`,
/// or `A: {type: array, items: {$ref: B}}` with `B: {$ref: A}`) define no type: as Swift
/// typealiases they would not compile ("type alias 'A' references itself"). A depth-first
/// search in name order finds each cycle of aliases; the alias that closes it is typed
/// `JSONValue`, with a warning at its schema, and the other aliases of the cycle then stand for
/// it.
enum AliasCycles {
    struct Break: Equatable {
        /// The alias typed `JSONValue`.
        let alias: String
        /// The cycle it closed, from it back to it (`["A", "B", "A"]`).
        let cycle: [String]
    }

    /// The aliases to type `JSONValue`, given each alias's type by its name.
    static func breaks(_ aliasTypes: [String: SwiftType]) -> [Break] {
        var result: [Break] = []
        var state: [String: Bool] = [:]  // false: on the stack, true: done
        var stack: [String] = []
        func visit(_ alias: String) {
            state[alias] = false
            stack.append(alias)
            for target in Set(namedTypes(in: aliasTypes[alias]!)).sorted() where aliasTypes[target] != nil {
                switch state[target] {
                case .some(false):
                    // From the alias that closes the cycle, round to it again.
                    let start = stack.lastIndex(of: target)!
                    result.append(Break(alias: alias, cycle: [alias] + stack[start..<(stack.count - 1)] + [alias]))
                case .some(true):
                    continue
                case nil:
                    visit(target)
                }
            }
            stack.removeLast()
            state[alias] = true
        }
        for alias in aliasTypes.keys.sorted() where state[alias] == nil {
            visit(alias)
        }
        return result
    }

    /// Every module-level type name `type` mentions, inside arrays, dictionaries and optionals too
    /// (an alias stands for its whole type, so any mention closes a cycle).
    static func namedTypes(in type: SwiftType) -> [String] {
        switch type {
        case .named(let name): [name]
        case .nested: []
        case .array(let element), .dictionary(let element), .optional(let element): namedTypes(in: element)
        }
    }
}
