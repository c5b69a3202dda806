/// Struct properties whose value would be laid out inline with more than
/// ``maximumInlineFields`` stored fields are kept behind `@Indirect`, a pointer, instead.
///
/// A struct holds the structs of its properties inline, and theirs, all the way down. The
/// compiler writes the copy, assignment and destruction of a struct (its value witnesses) one
/// stored field at a time, so when large models nest (Elasticsearch's search request holds a
/// query, which holds aggregations, each of which holds a hundred optional aggregation structs)
/// every enclosing struct repeats the work of every model inside it: measured, one value witness
/// of one request type was 320 KB of machine code, and the four compiler jobs that held such
/// types took 114 of the client's 282 s. Boxing a large value caps what each struct inlines;
/// it costs one allocation when such a value is decoded or set.
///
/// The properties of a reference cycle (``ReferenceCycles``) are boxed already; this runs after
/// them, so what it walks has no cycle.
enum LargeValueStorage {
    /// The largest number of stored fields a property's value may bring into its struct inline.
    static let maximumInlineFields = 64

    /// `qualifiedName.member` of each property to store `@Indirect` because its value is large.
    static func boxedProperties(
        _ models: [TypeDeclaration], _ namespaces: [NamespaceModel], edges: [ReferenceCycles.Edge],
        aliases: [String: [String]], breaks: ReferenceCycles.Breaks
    ) -> Set<String> {
        var declarations: [String: TypeDeclaration.Kind] = [:]
        DeclarationTree.forEach(models, namespaces, includingSharedTypes: true) { declaration, _ in
            declarations[declaration.qualifiedName] = declaration.kind
        }
        // The inline types each property (or, for an enum, each payload) stores, aliases resolved.
        var stored: [String: [String?: [String]]] = [:]
        for edge in edges {
            stored[edge.from, default: [:]][edge.member, default: []] += ReferenceCycles.resolve(edge.to, aliases: aliases)
        }

        var boxed: Set<String> = []
        var fields: [String: Int] = [:]
        var inProgress: Set<String> = []
        /// The stored fields of a value of type `name` laid out inline.
        func inlineFields(_ name: String) -> Int {
            if let known = fields[name] { return known }
            guard let kind = declarations[name], !inProgress.contains(name) else { return 1 }
            inProgress.insert(name)
            defer { inProgress.remove(name) }
            var total: Int
            switch kind {
            case .structure(let structure):
                total = 0
                for property in structure.properties {
                    let key = name + "." + property.label
                    guard !property.isIndirect, !breaks.indirectProperties.contains(key),
                        let targets = stored[name]?[property.label], !targets.isEmpty
                    else {
                        total += 1
                        continue
                    }
                    let value = targets.reduce(0) { $0 + inlineFields($1) }
                    if value > maximumInlineFields {
                        boxed.insert(key)
                        total += 1
                    } else {
                        total += max(value, 1)
                    }
                }
            case .oneOf(let oneOf):
                // An indirect enum is one pointer; another holds the largest of its payloads.
                let isIndirect = oneOf.isIndirect || breaks.indirectEnums.contains(name)
                total = isIndirect ? 1 : 1 + ((stored[name]?[nil] ?? []).map(inlineFields).max() ?? 0)
            case .valueEnum, .alias, .inferredModel:
                total = 1
            }
            fields[name] = max(total, 1)
            return fields[name]!
        }
        for name in declarations.keys.sorted() { _ = inlineFields(name) }
        return boxed
    }
}
