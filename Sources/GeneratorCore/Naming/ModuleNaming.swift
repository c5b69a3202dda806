/// The names at the module's top level, decided in one place and in one order: first each
/// namespace's client property (`client.douyinXingtu`) and type (`DouyinXingtuAPI`), then each
/// component schema's type (`Pet`).
///
/// Keys are taken in sorted order, whatever order the documents came in, so the key that sorts
/// first keeps a name and the others that share it (in case or punctuation) get the next number,
/// each with a warning at its own place that names the one that kept it. Type names become file
/// names, so the module's type scope folds case.
struct ModuleNames {
    /// A namespace's names: `client.<property>`, of type `<type>`.
    struct Namespace: Sendable, Hashable {
        let property: String
        let type: String
    }

    /// By namespace key (a path segment or a tag).
    private(set) var namespaces: [String: Namespace] = [:]
    /// The Swift type of each component schema, by component key.
    private(set) var componentTypes: [String: String] = [:]
    /// The module's type names taken so far; types declared beside an alias claim theirs here.
    private(set) var types = NameScope(reserved: ReservedNames.moduleTypes, foldsCase: true)

    /// The namespaces' type names.
    var namespaceTypes: Set<String> { Set(namespaces.values.map(\.type)) }

    /// Names the namespaces of `keys` (each with the place of its first operation, for a
    /// warning), then the component schemas of `index` other than `envelopeSchemaName`.
    init(
        namespaceKeys keys: [String], firstOperation: (String) -> SourceLocation?, naming: OperationNaming,
        index: SpecIndex, envelopeSchemaName: String?, diagnostics: DiagnosticCollector
    ) {
        nameNamespaces(keys, firstOperation: firstOperation, naming: naming, diagnostics: diagnostics)
        nameComponents(index: index, envelopeSchemaName: envelopeSchemaName, diagnostics: diagnostics)
    }

    /// Namespaces in the order of their property names: the first keeps a name, later ones that
    /// differ from it only in case or punctuation get the next number.
    private mutating func nameNamespaces(
        _ keys: [String], firstOperation: (String) -> SourceLocation?, naming: OperationNaming,
        diagnostics: DiagnosticCollector
    ) {
        var properties = NameScope(reserved: ReservedNames.clientMembers, foldsCase: true)
        var owners: [String: String] = [:]
        for key in keys {
            let base = naming.namespacePropertyName(for: key)
            let property = properties.claim(base)
            let typeBase = SwiftName.capitalizingFirst(property) + "API"
            let type = types.claim(typeBase)
            let owner = owners[base.lowercased()]
            owners[property.lowercased()] = key
            namespaces[key] = Namespace(property: property, type: type)
            guard property != base || type != typeBase, let location = firstOperation(key) else { continue }
            let reason = owner.map { "the operations under `\($0)` have `client.\(base)`" }
                ?? "`\(type != typeBase ? typeBase : base)` is the name of a generated type"
            diagnostics.warning(
                "the operations under `\(key)` are generated as `client.\(property)` (`\(type)`): \(reason), and names that differ only in case or punctuation would clash",
                at: location,
                hint: "name the namespace in generator.yaml (`namespaces.names`) to choose another name")
        }
    }

    /// Component schemas in the order of their keys.
    private mutating func nameComponents(index: SpecIndex, envelopeSchemaName: String?, diagnostics: DiagnosticCollector) {
        var claimants: [String: String] = [:]
        for key in index.schemaNames where key != envelopeSchemaName {
            let base = SwiftName.typeIdentifier(
                key, digitPrefix: "Schema", takenSuffix: "Model", avoiding: ReservedNames.moduleTypes) ?? "Schema"
            let holder = types.holder(of: base)
            let name = types.claim(base)
            componentTypes[key] = name
            claimants[name.lowercased()] = key
            guard name != base, let location = index.schemas[key]?.location else { continue }
            let owner: String
            if let other = holder.flatMap({ claimants[$0.lowercased()] }), let place = index.schemas[other]?.location {
                owner = "the schema `\(other)` (\(diagnostics.resolved(place))) has `\(holder!)`"
            } else {
                owner = "`\(holder ?? base)` is the name of a generated type"
            }
            diagnostics.warning(
                "the schema `\(key)` is generated as `\(name)`: \(owner), and type names that differ only in case or punctuation would be one file on macOS and Windows",
                at: location,
                hint: "the schema whose name sorts first keeps the plain name; rename a schema (an overlay can) to choose the names yourself")
        }
    }
}
