/// The names inside one namespace: each operation's method (`getAuthorConvertAbility`) and
/// request type (`GetAuthorConvertAbility`).
///
/// Visible operations are named first, then hidden ones, so that including hidden operations
/// never renames a visible one. A method that cannot have the name it asks for gets a longer
/// form (``OperationNaming``), with a warning at the operation's place.
struct NamespaceMemberNames {
    /// In the order of the operations given.
    let methods: [String]
    /// In the order of the operations given.
    let requestTypes: [String]

    init(
        _ operations: [IndexedOperation], namespaceKey: String, namespaceType: String, naming: OperationNaming,
        isHidden: (IndexedOperation) -> Bool, topLevelNames: Set<String>, diagnostics: DiagnosticCollector
    ) {
        let forms = operations.map { operation in
            naming.nameForms(
                for: OperationNaming.Candidate(
                    path: PathTemplate.request(operation.path).path, method: operation.method.rawValue, operationID: operation.operation.operationId,
                    namespaceKey: namespaceKey))
        }
        var taken = NameScope(reserved: ReservedNames.namespaceMembers, foldsCase: true)
        var methods = Array(repeating: "", count: operations.count)
        for tier in [false, true] {
            let indices = operations.indices.filter { isHidden(operations[$0]) == tier }
            let names = OperationNaming.assign(indices.map { forms[$0] }, avoiding: &taken) { position, wanted, name, holder in
                let operation = operations[indices[position]]
                let reason = holder == wanted ? "another operation of the namespace has it" : "`\(holder)` differs from it only in case"
                diagnostics.warning(
                    "\(operation.method.rawValue) \(operation.path) is generated as `\(name)`: `\(wanted)` is taken (\(reason))",
                    at: operation.location,
                    hint: "give the operation an operationId, with `methodNames: operationId` in generator.yaml, to choose its name")
            }
            for (index, name) in zip(indices, names) { methods[index] = name }
        }
        self.methods = methods
        // Request types are nested in the namespace's type, beside the module's types and the
        // methods: a name without case (`列表`) is the same as a method and a type, so the type
        // gets a suffix (`列表Operation`).
        var requestTypes = NameScope(sharing: topLevelNames, reserved: [namespaceType], foldsCase: true)
        let avoiding = topLevelNames.union(methods)
        self.requestTypes = methods.map { method in
            requestTypes.claim(
                SwiftName.typeIdentifier(method, digitPrefix: "Operation", takenSuffix: "Operation", avoiding: avoiding)
                    ?? "Operation")
        }
    }
}
