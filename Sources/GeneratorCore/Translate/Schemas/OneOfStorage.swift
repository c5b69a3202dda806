/// One-of enums with a case that carries a model (a struct or another one-of) are declared
/// `indirect`, so that each case holds a pointer rather than the model itself.
///
/// Without it, an enum over a large model (Stripe's `anyOf: [string, Customer]`, written a
/// thousand times over) is laid out by the compiler from the spare bits of every byte of every
/// payload, which is most of the time of compiling such a client (measured: `swift build` of
/// Stripe's spent 81 % of its time in `EnumPayload::emitGatherSpareBits`). A boxed case costs
/// one allocation when a value is decoded; scalars, value enums, arrays and dictionaries (which
/// are pointers already) stay inline.
enum OneOfStorage {
    /// The qualified names of the one-of enums to declare `indirect`.
    static func enumsCarryingModels(_ models: [TypeDeclaration], _ namespaces: [NamespaceModel]) -> Set<String> {
        var valueEnums: Set<String> = []
        var oneOfs: [(qualifiedName: String, model: OneOfModel)] = []
        DeclarationTree.forEach(models, namespaces, includingSharedTypes: true) { declaration, _ in
            switch declaration.kind {
            case .valueEnum: valueEnums.insert(declaration.qualifiedName)
            case .oneOf(let oneOf): oneOfs.append((declaration.qualifiedName, oneOf))
            case .structure, .alias, .inferredModel: break
            }
        }
        var result: Set<String> = []
        for (qualifiedName, oneOf) in oneOfs {
            let carriesModel = oneOf.cases.contains { enumCase in
                var type = enumCase.payload
                while case .optional(let wrapped) = type { type = wrapped }
                switch type {
                case .array, .dictionary, .optional:
                    return false
                case .named(let name), .nested(let name):
                    return !inlineScalars.contains(name) && !valueEnums.contains(name)
                        && !valueEnums.contains(qualifiedName + "." + name)
                }
            }
            if carriesModel { result.insert(qualifiedName) }
        }
        return result
    }

    /// Types small enough to stay inline in an enum's case.
    static let inlineScalars: Set<String> = [
        "String", "Int", "Int8", "Int16", "Int32", "Int64", "UInt", "UInt8", "UInt16", "UInt32", "UInt64", "Double",
        "Float", "Bool", "Decimal", "Date", "Data", "URL", "UUID", "JSONValue",
    ]
}
