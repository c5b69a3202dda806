/// Declares once, on the namespace, the enums of values that several of its operations declare
/// alike.
///
/// The Xingtu documents give 15 operations the same `platform` parameter; a careful person would
/// not write its enum 15 times, and the compiler should not compile it 15 times. An enum that two
/// or more request types of a namespace declare identically (name, documentation, cases, case
/// documentation) moves to the namespace (`DouyinXingtuAPI.Platform`), and each request type keeps
/// its name for it as a typealias, so `GetAuthorConvertAbility.Platform` and `.shortVideo` work
/// as before. Where operations declare different enums under one name, the one most operations
/// share moves (the first in method order on a tie) and the others stay in their request types.
/// A name that a top-level type or a request type already has stays where it is, so that no
/// namespace member hides it.
enum SharedParameterEnums {
    /// The namespace with its shared enums moved up, and each request type's copy replaced by an alias.
    static func hoist(in namespace: NamespaceModel, reservedNames: Set<String>) -> NamespaceModel {
        var namespace = namespace
        let taken = reservedNames.union(namespace.operations.map(\.requestTypeName)).union([namespace.typeName])

        // How many request types declare each enum, in the order they first appear.
        var counts: [Shape: Int] = [:]
        var order: [Shape] = []
        for operation in namespace.operations {
            for declaration in operation.nestedTypes {
                guard let shape = Shape(declaration) else { continue }
                if counts[shape] == nil { order.append(shape) }
                counts[shape, default: 0] += 1
            }
        }
        var chosen: [String: Shape] = [:]
        for shape in order where counts[shape, default: 0] >= 2 && !taken.contains(shape.name) {
            if let current = chosen[shape.name], counts[current, default: 0] >= counts[shape, default: 0] { continue }
            chosen[shape.name] = shape
        }
        guard !chosen.isEmpty else { return namespace }

        for index in namespace.operations.indices {
            namespace.operations[index].nestedTypes = namespace.operations[index].nestedTypes.map { declaration in
                guard let shape = Shape(declaration), chosen[shape.name] == shape else { return declaration }
                let target = namespace.typeName + "." + shape.name
                return TypeDeclaration(
                    name: declaration.name, qualifiedName: declaration.qualifiedName,
                    docLines: SwiftText.docComment(["The same as `\(target)`, which other operations of the namespace take too."]),
                    kind: .alias(target))
            }
        }
        namespace.sharedTypes = order.filter { chosen[$0.name] == $0 }.map { shape in
            TypeDeclaration(
                name: shape.name, qualifiedName: namespace.typeName + "." + shape.name, docLines: shape.docLines,
                kind: .valueEnum(shape.valueEnum))
        }
        return namespace
    }

    /// An enum of values as written, apart from where it is nested.
    private struct Shape: Hashable {
        let name: String
        let docLines: [String]
        let valueEnum: ValueEnumModel

        init?(_ declaration: TypeDeclaration) {
            guard case .valueEnum(let valueEnum) = declaration.kind else { return nil }
            self.name = declaration.name
            self.docLines = declaration.docLines
            self.valueEnum = valueEnum
        }
    }
}
