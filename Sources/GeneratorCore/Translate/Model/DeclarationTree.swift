/// Every type the model declares, walked or rewritten in one order: the component models, then
/// for each namespace its shared types (where asked) and each operation's nested types, each
/// declaration before the types declared inside it.
enum DeclarationTree {
    /// Where a declaration stands.
    struct Place {
        /// A component model itself (not a type declared inside one).
        var isComponent: Bool
        /// Inside the request type of a deprecated operation.
        var isInDeprecatedOperation: Bool
    }

    /// Calls `body` with every declaration and where it stands.
    static func forEach(
        _ models: [TypeDeclaration], _ namespaces: [NamespaceModel], includingSharedTypes: Bool,
        _ body: (TypeDeclaration, Place) -> Void
    ) {
        func visit(_ declaration: TypeDeclaration, _ place: Place) {
            body(declaration, place)
            let inside = Place(isComponent: false, isInDeprecatedOperation: place.isInDeprecatedOperation)
            for nested in declaration.nestedDeclarations { visit(nested, inside) }
        }
        for model in models { visit(model, Place(isComponent: true, isInDeprecatedOperation: false)) }
        for namespace in namespaces {
            if includingSharedTypes {
                for shared in namespace.sharedTypes { visit(shared, Place(isComponent: false, isInDeprecatedOperation: false)) }
            }
            for operation in namespace.operations {
                let place = Place(isComponent: false, isInDeprecatedOperation: operation.deprecation != nil)
                for nested in operation.nestedTypes { visit(nested, place) }
            }
        }
    }

    /// The component models and each operation's nested types with `transform` applied to
    /// every declaration (see ``TypeDeclaration/mapped(_:)``); shared types are left as they are.
    static func map(
        _ models: [TypeDeclaration], _ namespaces: [NamespaceModel],
        _ transform: (TypeDeclaration) -> TypeDeclaration
    ) -> (models: [TypeDeclaration], namespaces: [NamespaceModel]) {
        var namespaces = namespaces
        for index in namespaces.indices {
            for operation in namespaces[index].operations.indices {
                namespaces[index].operations[operation].nestedTypes =
                    namespaces[index].operations[operation].nestedTypes.map { $0.mapped(transform) }
            }
        }
        return (models.map { $0.mapped(transform) }, namespaces)
    }
}

extension TypeDeclaration {
    /// The types declared inside this one: a struct's or a one-of's nested types.
    var nestedDeclarations: [TypeDeclaration] {
        switch kind {
        case .structure(let structure): structure.nestedTypes
        case .oneOf(let oneOf): oneOf.nestedTypes
        case .valueEnum, .alias, .inferredModel: []
        }
    }

    /// `transform` applied to this declaration and then, in what it became, to every type
    /// declared inside it.
    func mapped(_ transform: (TypeDeclaration) -> TypeDeclaration) -> TypeDeclaration {
        var result = transform(self)
        switch result.kind {
        case .structure(var structure):
            structure.nestedTypes = structure.nestedTypes.map { $0.mapped(transform) }
            result.kind = .structure(structure)
        case .oneOf(var oneOf):
            oneOf.nestedTypes = oneOf.nestedTypes.map { $0.mapped(transform) }
            result.kind = .oneOf(oneOf)
        case .valueEnum, .alias, .inferredModel:
            break
        }
        return result
    }
}
