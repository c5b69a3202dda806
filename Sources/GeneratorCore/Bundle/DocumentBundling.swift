/// The bundle stage for one document: its tree as it is when every `$ref` in it names one of
/// its own components, or else with the other files and places it refers to put in place by
/// ``ReferenceBundler``.
struct DocumentBundling {
    /// Input files by normalized path, so that a multi-file document's parts are read from them
    /// rather than from disk again; others are opened through `resolver`.
    let inputs: [String: SourceFile]
    let resolver: PathResolver

    init(inputs: [SourceFile], resolver: PathResolver) {
        self.inputs = Dictionary(inputs.map { (FilePaths.normalized($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        self.resolver = resolver
    }

    enum Outcome {
        /// The document's tree, and the other files put in place (normalized paths).
        case bundled(JSONTree, parts: Set<String>)
        /// Errors, reported; `parts` are the other files read as far as bundling went.
        case failed(parts: Set<String>)
    }

    func bundle(_ tree: JSONTree, of file: SourceFile, diagnostics: DiagnosticCollector) -> Outcome {
        guard Self.needsBundling(tree) else { return .bundled(tree, parts: []) }
        let store = FragmentStore(inputs: inputs, resolver: resolver, diagnostics: diagnostics)
        guard let bundled = ReferenceBundler(root: file.path, tree: tree, store: store, diagnostics: diagnostics).bundle()
        else { return .failed(parts: store.loadedPaths) }
        diagnostics.register(bundled.redirects, for: file.path)
        if bundled.tree.nests(deeperThan: GeneratorLimits.documentNesting) {
            diagnostics.error(
                "with the files it refers to put in place, the document nests more than \(GeneratorLimits.documentNesting) levels deep",
                at: SourceLocation(file: file.path), hint: DocumentReader.nestingHint)
            return .failed(parts: store.loadedPaths)
        }
        return .bundled(bundled.tree, parts: store.loadedPaths)
    }

    /// Members whose value is a map or list of OpenAPI objects, which a document may give as a
    /// `$ref` to one written elsewhere.
    static let containerKeys: Set<String> = [
        "content", "properties", "headers", "responses", "parameters", "links", "callbacks", "patternProperties",
    ]

    /// Whether any `$ref` in `tree` needs bundling (``ReferenceBundler/needsBundling(_:)``).
    static func needsBundling(_ tree: JSONTree) -> Bool {
        // Each node with whether it is a `properties` map, whose keys are names, not keywords.
        var stack: [(node: JSONTree, namesProperties: Bool)] = [(tree, false)]
        while let (node, namesProperties) = stack.popLast() {
            switch node {
            case .object(let members):
                for member in members {
                    if member.key == "$ref", let target = member.value.stringValue {
                        if ReferenceBundler.needsBundling(target) { return true }
                    } else if !namesProperties, Self.containerKeys.contains(member.key), member.value.members?.count == 1,
                        member.value["$ref"] != nil
                    {
                        // A map given by reference (`content: {$ref: …}`): put in place.
                        return true
                    } else {
                        stack.append((member.value, !namesProperties && member.key == "properties"))
                    }
                }
            case .array(let elements):
                stack += elements.map { ($0, false) }
            case .scalar:
                break
            }
        }
        return false
    }
}
