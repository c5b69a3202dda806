import Foundation

/// Declares once, on the namespace, the enums of values that several of its operations declare
/// alike, whatever each calls it.
///
/// The Xingtu documents give 15 operations the same `platform` parameter, and three of them the
/// same list of 38 industries under three names (`industryId`, `industryTag`, `industry`); a
/// careful person would write each enum once, and the compiler should compile it once. Enums of
/// the request types of a namespace with the same shape (raw type and cases, each case's value
/// and documentation, and whether it is `Codable`) are one enum: it moves to the namespace, and
/// each request type keeps its own name for it as a typealias, so
/// `GetAuthorLinkInfo.IndustryTag.all` works as before.
///
/// The shared enum's name, by a rule that does not depend on the order of the documents: of the
/// names the request types give it, the shortest, then the first in alphabetical order
/// (`Industry` before `IndustryId` and `IndustryTag`), that no top-level type, request type or
/// other shared enum has. Shapes that more request types share choose first. A shape no free name
/// is left for stays in its request types.
enum SharedParameterEnums {
    /// The namespace with its shared enums moved up, and each request type's copy replaced by an alias.
    static func hoist(in namespace: NamespaceModel, reservedNames: Set<String>) -> NamespaceModel {
        var namespace = namespace
        var taken = reservedNames.union(namespace.operations.map(\.requestTypeName)).union([namespace.typeName])

        // Each shape with the request types that declare it, in method order.
        var users: [Shape: [(operation: Int, declaration: TypeDeclaration)]] = [:]
        var order: [Shape] = []
        for (index, operation) in namespace.operations.enumerated() {
            for declaration in operation.nestedTypes {
                guard let shape = Shape(declaration) else { continue }
                if users[shape] == nil { order.append(shape) }
                users[shape, default: []].append((index, declaration))
            }
        }
        let shared = order.filter { users[$0]!.count >= 2 }.enumerated()
            .sorted { ($1.element.count(in: users), $0.offset) < ($0.element.count(in: users), $1.offset) }
            .map(\.element)
        var chosen: [Shape: String] = [:]
        for shape in shared {
            let names = Set(users[shape]!.map(\.declaration.name)).sorted { ($0.count, $0) < ($1.count, $1) }
            guard let name = names.first(where: { !taken.contains($0) }) else { continue }
            taken.insert(name)
            chosen[shape] = name
        }
        guard !chosen.isEmpty else { return namespace }

        var takersByShape: [Shape: [String]] = [:]
        var labelsByShape: [Shape: [String]] = [:]
        for (shape, name) in chosen {
            let target = namespace.typeName + "." + name
            // The parameters that take it, for the aliases' documentation, with their operation.
            let takers = users[shape]!.flatMap { use -> [(operation: Int, text: String, label: String)] in
                let operation = namespace.operations[use.operation]
                return operation.parameters.filter { $0.valueType.declaredName == use.declaration.name }
                    .map { (use.operation, "`\(operation.requestTypeName).\($0.label)`", $0.label) }
            }
            takersByShape[shape] = takers.map(\.text)
            labelsByShape[shape] = takers.map(\.label)
            var takenBy: [Int: Int] = [:]
            for taker in takers { takenBy[taker.operation, default: 0] += 1 }
            for use in users[shape]! {
                // Those of other operations: how many, and the first three (in linear time: a
                // shape that 2,000 operations take must not cost 2,000 × 2,000 comparisons).
                let count = takers.count - (takenBy[use.operation] ?? 0)
                var others: [String] = []
                for taker in takers where taker.operation != use.operation {
                    others.append(taker.text)
                    if others.count == 3 { break }
                }
                let note =
                    count == 0
                    ? "" : count <= 3
                        ? ", which \(Self.list(others)) take\(count == 1 ? "s" : "") too"
                        : ", which \(count) other parameters take too (\(others.prefix(2).joined(separator: ", ")) …)"
                namespace.operations[use.operation].nestedTypes = namespace.operations[use.operation].nestedTypes.map {
                    declaration in
                    guard declaration.qualifiedName == use.declaration.qualifiedName else { return declaration }
                    return TypeDeclaration(
                        name: declaration.name, qualifiedName: declaration.qualifiedName,
                        docLines: ["The same as `\(target)`\(note)."],
                        kind: .alias(.named(target)))
                }
            }
        }
        namespace.sharedTypes = order.compactMap { shape in
            guard let name = chosen[shape] else { return nil }
            let first = users[shape]!.first { $0.declaration.name == name } ?? users[shape]![0]
            let takers = takersByShape[shape] ?? []
            let usedBy =
                takers.count <= 4
                ? "Taken by \(Self.list(takers))."
                : "Taken by \(takers.prefix(2).joined(separator: ", ")) and \(takers.count - 2) other parameters."
            // Said of one request type's parameter, the documentation of an undescribed enum
            // would be wrong for the others.
            let docLines =
                first.declaration.name == name && !first.declaration.isUndescribed
                ? first.declaration.docLines
                : [Self.purpose(labels: labelsByShape[shape] ?? [])]
            return TypeDeclaration(
                name: name, qualifiedName: namespace.typeName + "." + name,
                docLines: takers.isEmpty ? docLines : docLines + ["", usedBy],
                kind: .valueEnum(shape.valueEnum))
        }.sorted { $0.name < $1.name }
        return namespace
    }

    /// What a shared enum without a description of its own is for: the values of the
    /// parameters that take it, by name.
    static func purpose(labels: [String]) -> String {
        var distinct: [String] = []
        for label in labels where !distinct.contains(label) { distinct.append(label) }
        switch distinct.count {
        case 0: return "The values of parameters of several operations."
        case 1: return "The values of the `\(distinct[0])` parameter of several operations."
        default: return "The values of the \(list(distinct.map { "`\($0)`" })) parameters of several operations."
        }
    }

    /// `a`, `a and b`, `a, b and c`.
    private static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + items.last!
    }

    /// An enum of values apart from its name and where it is nested: its raw type and cases
    /// (names, values and documentation) and whether it is `Codable`.
    private struct Shape: Hashable {
        let valueEnum: ValueEnumModel

        init?(_ declaration: TypeDeclaration) {
            guard case .valueEnum(let valueEnum) = declaration.kind else { return nil }
            self.valueEnum = valueEnum
        }

        func count(in users: [Shape: [(operation: Int, declaration: TypeDeclaration)]]) -> Int {
            users[self]?.count ?? 0
        }
    }
}
