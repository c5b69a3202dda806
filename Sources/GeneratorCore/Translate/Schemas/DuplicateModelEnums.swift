/// Declares once the `Codable` enums of values that models and request types declare alike
/// (parameter enums, which are not `Codable`, are shared per namespace by ``SharedParameterEnums``).
///
/// Large documents repeat their enums: Stripe's description has 1,578 enums of values in its
/// models, of 316 shapes (a card's brand, a country list, an authorization control's 300
/// merchant categories, each in several models). Enums of the same shape (raw type and cases,
/// each case's value and documentation) are one: the first keeps its declaration, and each
/// other becomes a typealias of it where it was, so `IssuingCardholder.Status` still names it.
///
/// Which is first does not depend on the order of the documents: a top-level enum (a component
/// schema) before nested ones, one outside the request types of deprecated operations before
/// one inside (an alias of it would be warned about), then the one whose qualified name is
/// shortest, then first in alphabetical order.
enum DuplicateModelEnums {
    /// The models and namespaces with every repeated enum but the first made an alias of it.
    static func merge(_ models: [TypeDeclaration], _ namespaces: [NamespaceModel]) -> (models: [TypeDeclaration], namespaces: [NamespaceModel]) {
        // Every enum of values, top-level or nested, by shape.
        var byShape: [ValueEnumModel: [String]] = [:]
        /// Enums inside the request types of deprecated operations.
        var deprecated: Set<String> = []
        DeclarationTree.forEach(models, namespaces, includingSharedTypes: false) { declaration, place in
            guard case .valueEnum(let valueEnum) = declaration.kind, valueEnum.isCodable else { return }
            byShape[valueEnum, default: []].append(declaration.qualifiedName)
            if place.isInDeprecatedOperation { deprecated.insert(declaration.qualifiedName) }
        }
        let topLevel = Set(models.map(\.qualifiedName))
        var canonical: [String: String] = [:]
        for names in byShape.values where names.count > 1 {
            func rank(_ name: String) -> (Int, Int, Int, String) {
                (topLevel.contains(name) ? 0 : 1, deprecated.contains(name) ? 1 : 0, name.count, name)
            }
            let first = names.min { rank($0) < rank($1) }!
            for name in names where name != first { canonical[name] = first }
        }
        guard !canonical.isEmpty else { return (models, namespaces) }

        return DeclarationTree.map(models, namespaces) { declaration in
            guard case .valueEnum = declaration.kind, let target = canonical[declaration.qualifiedName] else {
                return declaration
            }
            var declaration = declaration
            declaration.docLines = ["The same as `\(target)`, which has the same values."]
            declaration.kind = .alias(.named(target))
            return declaration
        }
    }
}
