import OpenAPIKit

/// Turns JSON schemas into Swift types, declaring structs and enums where a schema needs one.
///
/// - Component schemas become module-level types named after their keys.
/// - Inline objects, enums and one-ofs become types nested in the container that uses them,
///   named after the property or parameter (`Platform`, `BaseResp`, `TagsItem`).
/// - `$ref`s stay references by name, so recursive schemas are fine; the few properties that
///   would make a struct contain itself are found afterwards by ``ReferenceCycles``.
struct SchemaTranslator {
    let index: SpecIndex
    let diagnostics: DiagnosticCollector
    /// Swift type names of component schemas, by component key (``ModuleNames`` decides them).
    let componentTypeNames: [String: String]
    /// The schema that is the response envelope; it has no Swift type of its own.
    let envelopeSchemaName: String?
    /// Names nested types must not take, so that they never hide a module-level type.
    let nestedReservedNames: Set<String>
    /// For finding reference cycles: each struct or one-of with the types it stores inline.
    private(set) var valueEdges: [ReferenceCycles.Edge] = []
    /// For finding reference cycles: each alias with the types it stands for.
    private(set) var aliases: [String: [String]] = [:]
    /// Each alias of the components with the type it stands for.
    private(set) var aliasTypes: [String: SwiftType] = [:]
    /// The module's type names, for types an alias needs beside it (`typealias Pets = [PetsItem]`).
    private(set) var moduleNames: NameScope
    /// Module-level types declared for aliases.
    private(set) var aliasSupportDeclarations: [TypeDeclaration] = []
    /// How many arrays and dictionaries enclose the schema being translated, and how many
    /// schemas in all: bounded by ``GeneratorLimits`` so that no generated type stalls the
    /// compiler and no recursion runs away.
    private var collectionDepth = 0
    private var schemaDepth = 0
    /// The component schemas whose properties are being copied into the struct being
    /// translated (an `allOf` that adds to them), outermost first: an `allOf` inside them that
    /// refers back to one of them would copy it again, without end.
    private var mergingComponents: [String] = []
    /// What the value being typed is for (`the `status` property of `Pet``), while a property
    /// or a parameter is typed: what a type declared for it says when its schema has no
    /// description.
    private var purpose: String?

    init(index: SpecIndex, diagnostics: DiagnosticCollector, envelopeSchemaName: String?, moduleNames: ModuleNames) {
        self.index = index
        self.diagnostics = diagnostics
        self.envelopeSchemaName = envelopeSchemaName
        componentTypeNames = moduleNames.componentTypes
        self.moduleNames = moduleNames.types
        nestedReservedNames = moduleNames.namespaceTypes.union(componentTypeNames.values).union(ReservedNames.nestedTypes)
    }

    /// Adds the reference edges that another copy of this translator recorded (a namespace
    /// translated on its own thread), in their order.
    mutating func addValueEdges(_ edges: some Sequence<ReferenceCycles.Edge>) {
        valueEdges.append(contentsOf: edges)
    }

    /// A new scope for the types nested in `qualifiedName`. `Output` is kept free: a request
    /// type's `Output` is its `APIOperation` payload type.
    func scope(for qualifiedName: String, ownName: String) -> TypeScope {
        TypeScope(qualifiedName: qualifiedName, sharing: nestedReservedNames, reserved: ReservedNames.requestNestedTypes.union([ownName]))
    }

    // MARK: Components

    /// The module-level declarations of all component schemas, sorted by name.
    mutating func componentDeclarations() -> [TypeDeclaration] {
        var result: [TypeDeclaration] = []
        for key in index.schemaNames where key != envelopeSchemaName {
            guard let located = index.schemas[key], let name = componentTypeNames[key] else { continue }
            mergingComponents = [key]
            defer { mergingComponents = [] }
            var declaration =
                index.inferredSchemas.contains(key)
                ? inferredModel(named: name, for: located.value)
                : declaration(named: name, qualifiedName: name, for: located.value, at: located.location, valueDocs: [:])
            declaration.fileName = GeneratedFileNames.swiftFile(name)
            declaration.sourceFile = located.location.file
            declaration.componentKey = key
            declaration.sourceLocation = located.location
            result.append(declaration)
        }
        breakAliasCycles(in: &result)
        return result.sorted { $0.name < $1.name }
    }

    /// Component aliases that refer to each other and to nothing else are typed `JSONValue`,
    /// one per cycle, with a warning (see ``AliasCycles``).
    private mutating func breakAliasCycles(in declarations: inout [TypeDeclaration]) {
        var componentAliases: [String: SwiftType] = [:]
        for declaration in declarations {
            if case .alias(let type) = declaration.kind { componentAliases[declaration.qualifiedName] = type }
        }
        let breaks = AliasCycles.breaks(componentAliases)
        guard !breaks.isEmpty else { return }
        let broken = Dictionary(breaks.map { ($0.alias, $0.cycle) }, uniquingKeysWith: { first, _ in first })
        for index in declarations.indices {
            let declaration = declarations[index]
            guard let cycle = broken[declaration.qualifiedName] else { continue }
            let path = cycle.map { "`\($0)`" }.joined(separator: " → ")
            diagnostics.warning(
                "the schema `\(declaration.componentKey ?? declaration.name)` defines no type: it and the schemas it refers to only refer to one another (\(path)); `\(declaration.name)` is typed `JSONValue`",
                at: declaration.sourceLocation,
                hint: "give one schema of the cycle a type of its own: properties, items or a `type`")
            declarations[index].kind = .alias(.jsonValue)
            aliases[declaration.qualifiedName] = []
            aliasTypes[declaration.qualifiedName] = .jsonValue
        }
    }

    /// A declaration named `name` for `schema`: a struct, an enum, a one-of, or an alias for
    /// schemas that need no type of their own (`typealias PetID = String`).
    private mutating func declaration(
        named name: String, qualifiedName: String, for schema: JSONSchema, at location: SourceLocation,
        valueDocs: [String: String]
    ) -> TypeDeclaration {
        let docLines = Self.documentation(schema.description ?? schema.title, fallback: "The `\(name)` schema.")
        if let declaration = declarationIfNeeded(
            named: name, qualifiedName: qualifiedName, for: schema, at: location, valueDocs: valueDocs)
        {
            return declaration
        }
        // An alias cannot hold nested types: what it needs is declared beside it.
        var scope = TypeScope(moduleNames: moduleNames)
        let type = swiftType(for: schema, suggestedName: name, in: &scope, at: location)
        moduleNames = scope.names
        aliasSupportDeclarations += scope.declarations.map { declaration in
            var declaration = declaration
            declaration.fileName = GeneratedFileNames.swiftFile(declaration.name)
            return declaration
        }
        aliases[qualifiedName] = type.inlineTypeNames(container: qualifiedName)
        aliasTypes[qualifiedName] = type
        return TypeDeclaration(
            name: name, qualifiedName: qualifiedName, docLines: docLines, kind: .alias(type))
    }

    /// The declaration `schema` needs, or `nil` when a standard or referenced type expresses it.
    private mutating func declarationIfNeeded(
        named name: String, qualifiedName: String, for schema: JSONSchema, at location: SourceLocation,
        valueDocs: [String: String]
    ) -> TypeDeclaration? {
        var declaration = newDeclaration(
            named: name, qualifiedName: qualifiedName, for: schema, at: location, valueDocs: valueDocs)
        declaration?.isUndescribed = (schema.description ?? schema.title) == nil
        return declaration
    }

    private mutating func newDeclaration(
        named name: String, qualifiedName: String, for schema: JSONSchema, at location: SourceLocation,
        valueDocs: [String: String]
    ) -> TypeDeclaration? {
        let enumValues = EnumValues(schema.allowedValues).flatMap { !$0.isEmpty && isEnumCapable(schema) ? $0 : nil }
        let fallback = undescribed(name: name, isEnum: enumValues != nil)
        let docLines = Self.documentation(schema.description ?? schema.title, fallback: fallback)
        if let values = enumValues {
            for renamed in values.renamedCases() {
                diagnostics.warning(
                    "the enum value `\(renamed.value)` of `\(name)` is the case `\(renamed.name)`: its name is taken by the value `\(renamed.holder)`, which differs only in case or punctuation",
                    at: location, hint: "the first value keeps the plain name; both still decode and encode as written")
            }
            return TypeDeclaration(
                name: name, qualifiedName: qualifiedName, docLines: docLines,
                kind: .valueEnum(values.model(valueDocs: valueDocs)))
        }
        switch schema.value {
        case .object(_, let object) where !object.properties.isEmpty:
            return structure(
                named: name, qualifiedName: qualifiedName, docLines: docLines,
                properties: index.inDocumentOrder(object.properties), required: Set(object.requiredProperties),
                at: location)
        case .all(of: let parts, core: _):
            // `allOf` of one reference, the other parts adding no properties (a description,
            // `type: object`): the referenced type itself, not a copy of it.
            if Self.soleReference(in: parts) != nil { return nil }
            var flattened = FlattenedObject()
            flatten(parts, into: &flattened, visited: [])
            guard !flattened.properties.isEmpty, !refersBack(flattened, name: name, at: location) else { return nil }
            let hasOwnDescription = (schema.description ?? schema.title) != nil
            mergingComponents += flattened.expanded
            defer { mergingComponents.removeLast(flattened.expanded.count) }
            return structure(
                named: name, qualifiedName: qualifiedName,
                docLines: hasOwnDescription ? docLines : Self.documentation(flattened.description, fallback: fallback),
                properties: flattened.properties, required: flattened.required, at: location)
        case .one(of: let variants, core: let core), .any(of: let variants, core: let core):
            let nonNull = variants.filter { !$0.isNullOnly }
            guard nonNull.count > 1 else { return nil }
            return oneOf(
                named: name, qualifiedName: qualifiedName, docLines: docLines, variants: nonNull,
                discriminator: core.discriminator, at: location)
        default:
            return nil
        }
    }

    private func isEnumCapable(_ schema: JSONSchema) -> Bool {
        switch schema.value {
        case .string, .integer, .fragment: true
        default: false
        }
    }

    // MARK: Types

    /// The Swift type of `schema`, the value of `purpose` (`the `platform` query parameter`):
    /// a type declared for it without a description of its own says so.
    mutating func swiftType(
        for schema: JSONSchema, suggestedName: String, in scope: inout TypeScope, at location: SourceLocation,
        valueDocs: [String: String] = [:], purpose: String
    ) -> SwiftType {
        let outer = self.purpose
        self.purpose = purpose
        defer { self.purpose = outer }
        return swiftType(for: schema, suggestedName: suggestedName, in: &scope, at: location, valueDocs: valueDocs)
    }

    /// The Swift type of `schema`; types it needs are declared in `scope`.
    mutating func swiftType(
        for schema: JSONSchema, suggestedName: String, in scope: inout TypeScope, at location: SourceLocation,
        valueDocs: [String: String] = [:]
    ) -> SwiftType {
        guard schemaDepth < GeneratorLimits.schemaNesting else {
            diagnostics.warning(
                "schemas nest more than \(GeneratorLimits.schemaNesting) levels deep here; the value at that depth is typed `JSONValue`",
                at: location, hint: "give nested levels names under components/schemas to type them")
            return .jsonValue
        }
        schemaDepth += 1
        defer { schemaDepth -= 1 }
        let base = nonOptionalType(
            for: schema, suggestedName: suggestedName, in: &scope, at: location, valueDocs: valueDocs)
        return schema.nullable ? base.optional : base
    }

    private mutating func nonOptionalType(
        for schema: JSONSchema, suggestedName: String, in scope: inout TypeScope, at location: SourceLocation,
        valueDocs: [String: String]
    ) -> SwiftType {
        switch schema.value {
        case .reference(let reference, _):
            return referencedType(reference, at: location)
        case .boolean:
            return .named("Bool")
        case .null, .not:
            return .jsonValue
        case .integer(let core, _):
            if declaresEnum(schema) { break }
            return .named(core.formatString == "int64" ? "Int64" : "Int")
        case .number(let core, _):
            return .named(core.formatString == "float" ? "Float" : "Double")
        case .string(let core, _):
            if declaresEnum(schema) { break }
            switch core.formatString {
            case "date-time": return .named("Date")
            case "byte": return .named("Data")
            default: return .named("String")
            }
        case .array(_, let array):
            guard let items = array.items else { return .array(.jsonValue) }
            guard let element = collectionElement(items, suggestedName: suggestedName + "Item", in: &scope, at: location)
            else { return .jsonValue }
            return .array(element)
        case .object(_, let object):
            if !object.properties.isEmpty { break }
            switch object.additionalProperties {
            case .b(let valueSchema):
                guard let value = collectionElement(valueSchema, suggestedName: suggestedName + "Value", in: &scope, at: location)
                else { return .jsonValue }
                return .dictionary(value)
            default:
                return .dictionary(.jsonValue)
            }
        case .all(of: let parts, core: _):
            if let reference = Self.soleReference(in: parts) {
                return referencedType(reference, at: location)
            }
            var flattened = FlattenedObject()
            flatten(parts, into: &flattened, visited: [])
            if flattened.properties.isEmpty {
                if flattened.others.count == 1 {
                    return swiftType(for: flattened.others[0], suggestedName: suggestedName, in: &scope, at: location)
                }
                if flattened.others.isEmpty, let reference = flattened.references.first, flattened.references.count == 1 {
                    return referencedType(reference, at: location)
                }
                // One scalar and constraints on it (Cloudflare's `{allOf: [identifier, {type:
                // string, readOnly: true}]}`): that scalar, named as the one part that names it.
                if let part = constrainedScalar(flattened.others) {
                    if flattened.references.count == 1, let reference = flattened.references.first {
                        return referencedType(reference, at: location)
                    }
                    if !declaresEnum(part) {
                        return swiftType(for: part, suggestedName: suggestedName, in: &scope, at: location)
                    }
                }
                return .jsonValue
            }
        case .one(of: let variants, core: _), .any(of: let variants, core: _):
            let nonNull = variants.filter { !$0.isNullOnly }
            if nonNull.isEmpty { return .jsonValue }
            if nonNull.count == 1 {
                let type = swiftType(for: nonNull[0], suggestedName: suggestedName, in: &scope, at: location)
                return nonNull.count < variants.count ? type.optional : type
            }
        case .fragment:
            if declaresEnum(schema) { break }
            return .jsonValue
        }
        let name = scope.names.claim(suggestedName)
        guard
            let declaration = declarationIfNeeded(
                named: name, qualifiedName: scope.qualify(name), for: schema, at: location, valueDocs: valueDocs)
        else { return .jsonValue }
        scope.declarations.append(declaration)
        return scope.reference(to: name)
    }

    /// The element type of an array or dictionary, or `nil` when collections already nest
    /// ``GeneratorLimits/collectionNesting`` deep (reported; the collection becomes `JSONValue`).
    private mutating func collectionElement(
        _ schema: JSONSchema, suggestedName: String, in scope: inout TypeScope, at location: SourceLocation
    ) -> SwiftType? {
        guard collectionDepth < GeneratorLimits.collectionNesting else {
            diagnostics.warning(
                "arrays and maps nest more than \(GeneratorLimits.collectionNesting) levels deep here; "
                    + "the value is typed `JSONValue`, since so deep a Swift type slows the compiler down",
                at: location, hint: "give nested levels names under components/schemas to type them")
            return nil
        }
        collectionDepth += 1
        defer { collectionDepth -= 1 }
        return swiftType(for: schema, suggestedName: suggestedName, in: &scope, at: location)
    }

    /// The part of an `allOf` without properties that gives its type, when every part is a
    /// scalar of one JSON type and at most one format: the part with the format (`date-time`),
    /// else one that declares no enum, else the first.
    private func constrainedScalar(_ parts: [JSONSchema]) -> JSONSchema? {
        func kind(_ schema: JSONSchema) -> JSONType? {
            switch schema.value {
            case .string: .string
            case .integer: .integer
            case .number: .number
            case .boolean: .boolean
            default: nil
            }
        }
        guard let first = parts.first, let firstKind = kind(first), parts.allSatisfy({ kind($0) == firstKind }) else {
            return nil
        }
        func format(_ schema: JSONSchema) -> String? { schema.formatString.flatMap { $0.isEmpty ? nil : $0 } }
        guard Set(parts.compactMap(format)).count <= 1 else { return nil }
        return parts.first { format($0) != nil } ?? parts.first { !declaresEnum($0) } ?? first
    }

    private func declaresEnum(_ schema: JSONSchema) -> Bool {
        guard let values = EnumValues(schema.allowedValues) else { return false }
        return !values.isEmpty
    }

    /// The type a `$ref` names; `JSONValue` for one that names no schema.
    private func referencedType(_ reference: JSONReference<JSONSchema>, at location: SourceLocation) -> SwiftType {
        guard let key = ComponentReference.key(of: reference, kind: "schemas") else {
            diagnostics.error(
                "unsupported $ref `\(reference.absoluteString)`", at: location,
                hint: "refer to schemas under #/components/schemas")
            return .jsonValue
        }
        if key == envelopeSchemaName { return .jsonValue }
        // A schema no document defines was reported where the reference is (SpecIndex): untyped.
        guard let name = componentTypeNames[key] else { return .jsonValue }
        return .named(name)
    }

    /// The component schema a reference names, when it resolves.
    func resolve(_ reference: JSONReference<JSONSchema>) -> (key: String, schema: JSONSchema)? {
        Self.resolve(reference, in: index)
    }

    static func resolve(_ reference: JSONReference<JSONSchema>, in index: SpecIndex) -> (key: String, schema: JSONSchema)? {
        guard let key = ComponentReference.key(of: reference, kind: "schemas"), let schema = index.schemas[key]?.value
        else { return nil }
        return (key, schema)
    }

    /// The type `type` stands for once the components' aliases it names are followed
    /// (`APIShieldSchemasIdentifier` → `JSONValue`), optionals unwrapped.
    func followingAliases(_ type: SwiftType) -> SwiftType {
        var type = type.unwrapped
        var seen: Set<String> = []
        while case .named(let name) = type, let target = aliasTypes[name], seen.insert(name).inserted {
            type = target.unwrapped
        }
        return type
    }

    /// The type an alias of an optional type stands for (`typealias Tags = [Tag]?`: `[Tag]?`),
    /// any other type as it is.
    func expandingOptionalAlias(_ type: SwiftType) -> SwiftType {
        var type = type
        var seen: Set<String> = []
        while case .named(let name) = type, let target = aliasTypes[name], target.isOptional, seen.insert(name).inserted {
            type = target
        }
        return type
    }

    /// `schema`, or what it stands for: the component a `$ref` names, or the one an `allOf` of
    /// a single reference names (``soleReference(in:)``), followed until a schema of its own.
    func resolvingReference(_ schema: JSONSchema) -> JSONSchema {
        var schema = schema
        var seen: Set<String> = []
        while true {
            let reference: JSONReference<JSONSchema>
            switch schema.value {
            case .reference(let found, _): reference = found
            case .all(of: let parts, core: _):
                guard let found = Self.soleReference(in: parts) else { return schema }
                reference = found
            default: return schema
            }
            guard let target = resolve(reference), seen.insert(target.key).inserted else { return schema }
            schema = target.schema
        }
    }

    /// What a declared type without a description of its own says: what its values are for,
    /// when a property or parameter is being typed, or the schema it stands for.
    private func undescribed(name: String, isEnum: Bool) -> String {
        guard let purpose else { return "The `\(name)` schema." }
        return isEnum ? "The values of \(purpose)." : "The value of \(purpose)."
    }

    // MARK: Structs

    private mutating func structure(
        named name: String, qualifiedName: String, docLines: [String], properties: [(key: String, value: JSONSchema)],
        required: Set<String>, at location: SourceLocation
    ) -> TypeDeclaration {
        var scope = self.scope(for: qualifiedName, ownName: name)
        var members = NameScope()
        var models: [PropertyModel] = []
        var inlineTargets: [(member: String, targets: [String])] = []
        for (key, schema) in properties {
            let base = SwiftName.lowerIdentifier(key, digitPrefix: "field") ?? "field"
            let identifier = members.claim(base)
            var type = swiftType(
                for: schema, suggestedName: SwiftName.nestedTypeName(key, digitPrefix: "Field"),
                in: &scope, at: location, purpose: "the `\(key)` property of `\(qualifiedName)`")
            if !required.contains(key) { type = type.optional }
            var docs = SwiftText.documentationLines(schema.description ?? referencedDescription(schema))
            if docs.isEmpty { docs = ["The `\(key)` field."] }
            if schema.deprecated { docs += ["", "Deprecated."] }
            models.append(
                PropertyModel(
                    jsonKey: key, identifier: SwiftName.escaped(identifier), label: identifier, valueType: type,
                    isIndirect: false, docLines: docs))
            inlineTargets.append((identifier, type.inlineTypeNames(container: qualifiedName)))
        }
        valueEdges.append(
            contentsOf: inlineTargets.flatMap { member, targets in
                targets.map { ReferenceCycles.Edge(from: qualifiedName, to: $0, member: member) }
            })
        let needsCodingKeys = zip(properties, models).contains { property, model in
            model.label != property.key
        }
        return TypeDeclaration(
            name: name, qualifiedName: qualifiedName, docLines: docLines,
            kind: .structure(
                StructureModel(properties: models, needsCodingKeys: needsCodingKeys, nestedTypes: scope.declarations)))
    }

    private func referencedDescription(_ schema: JSONSchema) -> String? {
        guard case .reference(let reference, _) = schema.value, let target = resolve(reference)?.schema else { return nil }
        return target.description
    }

    /// Whether an `allOf` refers back to a component whose properties are being copied around
    /// it (reported: the value is typed `JSONValue`).
    private func refersBack(_ flattened: FlattenedObject, name: String, at location: SourceLocation) -> Bool {
        guard let key = flattened.expanded.first(where: mergingComponents.contains) else { return false }
        diagnostics.warning(
            "`\(name)` adds to the schema `\(key)` inside a copy of `\(key)` itself (an `allOf` that refers back to it); the value is typed `JSONValue`",
            at: location, hint: "give the added properties a schema of their own under components/schemas")
        return true
    }

    /// The one reference of an `allOf` whose other parts add nothing to the type (a
    /// description, `type: object`, `nullable`): the `{"description": …, "allOf": [{"$ref": …}]}`
    /// that documents write to describe a use of a schema. `nil` when the parts add properties,
    /// constrain another type, or refer to more than one schema.
    static func soleReference(in parts: [JSONSchema]) -> JSONReference<JSONSchema>? {
        var found: JSONReference<JSONSchema>?
        for part in parts {
            switch part.value {
            case .reference(let reference, _):
                guard found == nil else { return nil }
                found = reference
            case .object(_, let object) where object.properties.isEmpty && object.additionalProperties == nil:
                continue
            case .fragment:
                continue
            default:
                return nil
            }
        }
        return found
    }

    /// The properties of an `allOf`, merged from its parts (following `$ref`s).
    struct FlattenedObject {
        var properties: [(key: String, value: JSONSchema)] = []
        var required: Set<String> = []
        var others: [JSONSchema] = []
        var references: [JSONReference<JSONSchema>] = []
        var description: String?
        /// The components whose properties were copied in.
        var expanded: [String] = []
    }

    private func flatten(_ parts: [JSONSchema], into result: inout FlattenedObject, visited: Set<String>) {
        for part in parts {
            switch part.value {
            case .reference(let reference, _):
                result.references.append(reference)
                guard let (key, schema) = resolve(reference), !visited.contains(key) else { continue }
                result.expanded.append(key)
                result.description = result.description ?? schema.description
                flatten([schema], into: &result, visited: visited.union([key]))
            case .object(_, let object):
                for (key, value) in index.inDocumentOrder(object.properties) {
                    if let existing = result.properties.firstIndex(where: { $0.key == key }) {
                        result.properties[existing] = (key, value)
                    } else {
                        result.properties.append((key, value))
                    }
                }
                result.required.formUnion(object.requiredProperties)
            case .all(of: let nested, core: _):
                flatten(nested, into: &result, visited: visited)
            case .fragment:
                continue
            default:
                result.others.append(part)
            }
        }
        // Parts that only constrain (a referenced object plus an inline description) leave
        // `others` empty; a primitive part next to object parts cannot be expressed and is dropped.
        if !result.properties.isEmpty { result.others.removeAll() }
    }

    // MARK: One-ofs

    private mutating func oneOf(
        named name: String, qualifiedName: String, docLines: [String], variants: [JSONSchema],
        discriminator: OpenAPI.Discriminator?, at location: SourceLocation
    ) -> TypeDeclaration {
        var scope = self.scope(for: qualifiedName, ownName: name)
        var caseNames = NameScope(reserved: ReservedNames.oneOfMembers, foldsCase: true)
        var cases: [OneOfCaseModel] = []
        var inlineTargets: [String] = []
        for variant in variants {
            let suggested: String
            var discriminatorValues: [String] = []
            if case .reference(let reference, _) = variant.value, let key = ComponentReference.key(of: reference, kind: "schemas") {
                suggested = componentTypeNames[key] ?? "Variant"
                if let discriminator {
                    let explicit = (discriminator.mapping ?? [:]).filter { value in
                        value.value == reference.absoluteString || value.value == key
                            || value.value.hasSuffix("/" + key)
                    }.map(\.key).sorted()
                    discriminatorValues = explicit.isEmpty ? [key] : explicit
                }
            } else {
                suggested = variant.title.map { SwiftName.nestedTypeName($0, digitPrefix: "Variant") }
                    ?? Self.variantName(for: variant)
            }
            let type = swiftType(for: variant, suggestedName: suggested, in: &scope, at: location)
            // An alternative that is the union itself (`RecursivePet: anyOf: [$ref: RecursivePet, …]`)
            // adds no value it could match and would decode by calling itself forever.
            if type == .named(qualifiedName) {
                diagnostics.warning(
                    "an alternative of `\(name)` is `\(name)` itself; it is left out",
                    at: location, hint: "a value matches the union only through its other alternatives")
                continue
            }
            let caseBase = Self.caseName(for: type)
            cases.append(
                OneOfCaseModel(
                    name: SwiftName.escaped(caseNames.claim(caseBase)), payload: type,
                    discriminatorValues: discriminatorValues))
            inlineTargets.append(contentsOf: type.inlineTypeNames(container: qualifiedName))
        }
        // A mapping entry that names no alternative (a schema the union does not list, or none
        // at all) would be dropped in silence: such a value decodes as `undocumented`.
        if let mapping = discriminator?.mapping {
            let mapped = Set(cases.flatMap(\.discriminatorValues))
            for (value, target) in mapping.sorted(by: { $0.key < $1.key }) where !mapped.contains(value) {
                diagnostics.warning(
                    "the discriminator value `\(value)` of `\(name)` maps to `\(target)`, which is not one of its alternatives; such a value decodes as `undocumented`",
                    at: location, hint: "list the schema in the `oneOf`, or correct the mapping")
            }
        }
        valueEdges.append(
            contentsOf: inlineTargets.map { ReferenceCycles.Edge(from: qualifiedName, to: $0, member: nil) })
        let model = OneOfModel(
            cases: cases, discriminatorKey: discriminator?.propertyName,
            isIndirect: false, nestedTypes: scope.declarations)
        return TypeDeclaration(name: name, qualifiedName: qualifiedName, docLines: docLines, kind: .oneOf(model))
    }

    private static func variantName(for schema: JSONSchema) -> String {
        switch schema.value {
        case .object, .all: "Object"
        case .array: "List"
        case .string: "Text"
        case .integer: "Integer"
        case .number: "Number"
        case .boolean: "Flag"
        default: "Value"
        }
    }

    /// The case name for a payload type: `Pet` → `pet`, `String` → `string`, `[Pet]` → `petArray`.
    private static func caseName(for type: SwiftType) -> String {
        switch type {
        case .named(let name), .nested(let name):
            return SwiftName.lowerIdentifier(name, digitPrefix: "case") ?? "value"
        case .array(let element):
            return caseName(for: element) + "Array"
        case .dictionary(let value):
            return caseName(for: value) + "Dictionary"
        case .optional(let wrapped):
            return caseName(for: wrapped)
        }
    }
}

extension SchemaTranslator {
    /// `text` as `///` lines, or `fallback` when there is no text.
    static func documentation(_ text: String?, fallback: String) -> [String] {
        let lines = SwiftText.documentationLines(text)
        return lines.isEmpty ? SwiftText.documentationLines(fallback) : lines
    }
}

extension JSONSchema {
    /// Whether the schema allows only `null`.
    var isNullOnly: Bool {
        if case .null = value { return true }
        return false
    }
}
