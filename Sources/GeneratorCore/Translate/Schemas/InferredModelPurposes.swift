/// What each model inferred from samples is for, read from what refers to it: the payload of
/// an operation (`DouyinXingtuAPI.getAuthorConvertAbility(oAuthorId:)`'s `data`) or a field of
/// another inferred model. `generate infer` writes no description into the schemas it infers,
/// so the doc comment of such a model says this instead of its name alone.
enum InferredModelPurposes {
    /// `models` with the doc comment of each undescribed inferred model saying what it is for.
    static func describe(_ models: [TypeDeclaration], namespaces: [NamespaceModel], dataKey: String?) -> [TypeDeclaration] {
        let undescribed = Set(
            models.lazy.filter { declaration in
                guard case .inferredModel = declaration.kind else { return false }
                return declaration.isUndescribed
            }.map(\.name))
        guard !undescribed.isEmpty else { return models }

        var purposes: [String: [String]] = [:]
        func add(_ type: String, isElement: Bool, _ place: String) {
            guard undescribed.contains(type) else { return }
            let purpose = isElement ? "an element of \(place)" : place
            if purposes[type]?.contains(purpose) != true { purposes[type, default: []].append(purpose) }
        }
        for namespace in namespaces {
            for operation in namespace.operations {
                guard let (type, isElement) = target(of: operation.output) else { continue }
                let method = "`\(namespace.typeName).\(operation.signature)`"
                switch operation.responseFormat {
                case .envelope: add(type, isElement: isElement, "the response's `\(dataKey ?? "data")` of \(method)")
                case .json: add(type, isElement: isElement, "the response body of \(method)")
                case .text, .binary, .empty: break
                }
            }
        }
        for model in models {
            guard case .inferredModel(let inferred) = model.kind else { continue }
            for property in inferred.properties {
                guard let (type, isElement) = target(of: property.reading) else { continue }
                add(type, isElement: isElement, "the `\(property.jsonKey)` field of `\(model.name)`")
            }
        }
        return models.map { model in
            guard let found = purposes[model.name], let first = found.first else { return model }
            let text =
                switch found.count {
                case 1: first
                case 2: "\(first), and \(found[1])"
                default: "\(first), and \(found.count - 1) other values"
                }
            var described = model
            described.docLines = SchemaTranslator.inferredModelDocumentation(
                summary: text.prefix(1).uppercased() + text.dropFirst() + ", as response samples showed it.")
            return described
        }
    }

    /// The model a payload of type `type` is, or holds a list of.
    private static func target(of type: SwiftType) -> (name: String, isElement: Bool)? {
        switch type.unwrapped {
        case .named(let name): (name, false)
        case .array(let element): element.unwrapped.declaredName.map { ($0, true) }
        default: nil
        }
    }

    /// The inferred model a property reads, or reads a list of.
    private static func target(of reading: LenientReading) -> (name: String, isElement: Bool)? {
        switch reading {
        case .inferredModel(let name): (name, false)
        case .array(of: .inferredModel(let name)): (name, true)
        default: nil
        }
    }
}
