import Foundation
import OpenAPIKit

/// Something from one of the documents, with the place it came from.
struct Located<Value: Sendable>: Sendable {
    let value: Value
    let location: SourceLocation
}

/// One operation of the merged documents.
struct IndexedOperation: Sendable {
    let path: String
    let method: OpenAPI.HttpMethod
    var operation: OpenAPI.Operation
    /// Parameters declared on the path item, shared by its operations.
    let pathItemParameters: OpenAPI.Parameter.Array
    /// The servers the operation's own `servers` (or its path item's) name, when it has them.
    let servers: [OpenAPI.Server]
    /// The security requirements in effect: the operation's own, or its document's.
    let security: [OpenAPI.SecurityRequirement]
    let location: SourceLocation
    /// The file the operation came from.
    let file: String
    /// Vendor extensions set to `true` on the operation, such as `x-docs-hidden`.
    let flags: Set<String>
    /// The operation's paging description (`x-pagination`, or else `x-speakeasy-pagination`),
    /// with the extension's name.
    var pagingDescription: (key: String, tree: JSONTree)? = nil
}

/// The documents merged into one: components by name, operations sorted by path and method,
/// servers and tags in order of first appearance.
///
/// Identical components from different documents (such as the `Result` schema every Just One
/// API endpoint document repeats) merge into one; where one only widens the other (more
/// properties or enum values, ``ComponentUnion``) their union is used with a warning; other
/// differences are errors, as are duplicate operations and operation IDs.
struct SpecIndex: Sendable {
    var schemas: [String: Located<JSONSchema>] = [:]
    var parameters: [String: Located<OpenAPI.Parameter>] = [:]
    var responses: [String: Located<OpenAPI.Response>] = [:]
    var requestBodies: [String: Located<OpenAPI.Request>] = [:]
    var securitySchemes: [String: Located<OpenAPI.SecurityScheme>] = [:]
    var pathItems: [String: Located<OpenAPI.PathItem>] = [:]
    var operations: [IndexedOperation] = []
    /// Where each operation is in ``operations``, by `METHOD path`, for finding duplicates.
    private var operationPositions: [String: Int] = [:]
    var servers: [Located<OpenAPI.Server>] = []
    var tags: [String: OpenAPI.Tag] = [:]
    /// The names of every kind of component, for checking references.
    var componentNames: [String: Set<String>] = [:]
    /// Component schemas inferred from samples (`x-sample-inferred`), generated as lenient models.
    var inferredSchemas: Set<String> = []
    /// The order in which the documents list each set of property names (decoders lose it).
    var propertyOrders: [Set<String>: [String]] = [:]
    /// The tree of each component kept so far, by `KIND/NAME`, with its document's version:
    /// a later document's component with the same content is the same component, found
    /// without encoding either.
    private var componentTrees: [String: (tree: JSONTree, version: DocumentReader.OpenAPIVersion)] = [:]

    /// The value, or the component a reference names in `components` (of `kind`, such as
    /// `parameters`); `nil`, reported at `location`, when the reference names nothing.
    func resolve<T: Sendable>(
        _ either: Either<OpenAPI.Reference<T>, T>, kind: String, in components: [String: Located<T>],
        at location: SourceLocation, diagnostics: DiagnosticCollector
    ) -> T? {
        switch either {
        case .b(let value):
            return value
        case .a(let reference):
            let key = ComponentReference.key(of: reference.jsonReference, kind: kind)
            guard let key, let value = components[key]?.value else {
                if let key, componentNames[kind]?.contains(key) == true {
                    diagnostics.error(
                        "$ref `\(reference.absoluteString)` names a component that cannot be used", at: location,
                        hint: "correct components/\(kind)/\(key): the message at it says why")
                } else {
                    diagnostics.error(
                        "unresolvable $ref `\(reference.absoluteString)`", at: location,
                        hint: "define it under components/\(kind)")
                }
                return nil
            }
            return value
        }
    }

    /// `properties` in the order the documents write them; alphabetical where unknown.
    func inDocumentOrder(_ properties: OrderedDictionary<String, JSONSchema>) -> [(key: String, value: JSONSchema)] {
        let keys = Set(properties.keysInOrder)
        let order = propertyOrders[keys] ?? keys.sorted()
        return order.compactMap { key in properties[key].map { (key, $0) } }
    }

    /// The component schema names, sorted.
    var schemaNames: [String] { schemas.keys.sorted() }

    init(documents: [ParsedDocument], diagnostics: DiagnosticCollector) {
        for parsed in documents.sorted(by: { $0.source.path < $1.source.path }) {
            add(parsed, diagnostics: diagnostics)
        }
        operations.sort { lhs, rhs in
            lhs.path != rhs.path ? lhs.path < rhs.path : Self.methodOrder(lhs.method) < Self.methodOrder(rhs.method)
        }
        checkOperationIDs(diagnostics: diagnostics)
        checkReferences(documents, diagnostics: diagnostics)
    }

    /// Reports every `$ref` that names no component of any document. References must have
    /// the form `#/components/KIND/NAME` (or `FILE#/components/KIND/NAME`, resolved by name).
    private func checkReferences(_ documents: [ParsedDocument], diagnostics: DiagnosticCollector) {
        // Most references repeat a few targets: each is read once.
        var targets: [String: [String]] = [:]
        for parsed in documents {
            for reference in parsed.references {
                var location: SourceLocation { SourceLocation(file: parsed.source.path, pointer: reference.pointer + "/$ref") }
                guard let hash = reference.target.firstIndex(of: "#") else {
                    diagnostics.error(
                        "unsupported $ref `\(reference.target)`: references to whole files are not supported",
                        at: location, hint: "refer to a component: `#/components/schemas/Name`")
                    continue
                }
                let tokens = targets[reference.target] ?? {
                    let tokens = JSONPointer.tokens(of: String(reference.target[reference.target.index(after: hash)...]))
                    targets[reference.target] = tokens
                    return tokens
                }()
                guard tokens.count == 3, tokens[0] == "components" else {
                    diagnostics.error(
                        "unsupported $ref `\(reference.target)`: only references to components are supported",
                        at: location, hint: "move the referenced object under components and refer to it there")
                    continue
                }
                let name = tokens[2].utf8.contains(UInt8(ascii: "%")) ? tokens[2].removingPercentEncoding ?? tokens[2] : tokens[2]
                if componentNames[tokens[1]]?.contains(name) != true {
                    if tokens[1] == "schemas" {
                        // One missing schema need not cost the whole API: the value is untyped.
                        diagnostics.warning(
                            "unresolvable $ref `\(reference.target)`: no document defines components/schemas/\(name); the value is typed `JSONValue`",
                            at: location, hint: "define the schema, or correct the reference")
                        continue
                    }
                    diagnostics.error(
                        "unresolvable $ref `\(reference.target)`: no document defines components/\(tokens[1])/\(name)",
                        at: location, hint: "define the component, or correct the reference")
                }
            }
        }
    }

    private static func methodOrder(_ method: OpenAPI.HttpMethod) -> String {
        let order = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE", "QUERY"]
        return order.firstIndex(of: method.rawValue).map { String($0) } ?? method.rawValue
    }

    private mutating func add(_ parsed: ParsedDocument, diagnostics: DiagnosticCollector) {
        let document = parsed.document
        let components = document.components
        inferredSchemas.formUnion(parsed.inferredSchemas)
        for order in parsed.propertyOrders where propertyOrders[Set(order)] == nil {
            propertyOrders[Set(order)] = order
        }
        func names<T>(_ dictionary: OrderedDictionary<OpenAPI.ComponentKey, T>) -> [String] { dictionary.keysInOrder.map(\.rawValue) }
        for (kind, keys) in [
            ("schemas", names(components.schemas)), ("responses", names(components.responses)),
            ("parameters", names(components.parameters)), ("examples", names(components.examples)),
            ("requestBodies", names(components.requestBodies)), ("headers", names(components.headers)),
            ("securitySchemes", names(components.securitySchemes)), ("links", names(components.links)),
            ("callbacks", names(components.callbacks)), ("pathItems", names(components.pathItems)),
            ("mediaTypes", names(components.mediaTypes)),
        ] {
            componentNames[kind, default: []].formUnion(keys)
        }
        let orders = propertyOrders
        func merge<T: Codable & Sendable>(
            _ components: OpenAPI.ComponentDictionary<T>, into target: inout [String: Located<T>], kind: String
        ) -> [[String]] {
            Self.merge(components, into: &target, trees: &componentTrees, kind: kind, parsed, orders, diagnostics)
        }
        var unionOrders = merge(components.schemas, into: &schemas, kind: "schemas")
        func merge<T: Codable & Sendable>(
            _ components: OpenAPI.ComponentReferenceDictionary<T>, into target: inout [String: Located<T>], kind: String
        ) -> [[String]] {
            merge(Self.followingChains(components, kind: kind, in: parsed, diagnostics: diagnostics), into: &target, kind: kind)
        }
        unionOrders += merge(components.parameters, into: &parameters, kind: "parameters")
        unionOrders += merge(components.responses, into: &responses, kind: "responses")
        unionOrders += merge(components.requestBodies, into: &requestBodies, kind: "requestBodies")
        unionOrders += merge(components.securitySchemes, into: &securitySchemes, kind: "securitySchemes")
        unionOrders += merge(components.pathItems, into: &pathItems, kind: "pathItems")
        for order in unionOrders where propertyOrders[Set(order)] == nil {
            propertyOrders[Set(order)] = order
        }

        for server in document.servers where !servers.contains(where: { $0.value.urlTemplate == server.urlTemplate }) {
            servers.append(Located(value: server, location: parsed.location("/servers")))
        }
        for tag in document.tags ?? [] where tags[tag.name] == nil {
            tags[tag.name] = tag
        }

        for (path, item) in document.paths {
            let pointer = JSONPointer.pointer(["paths", path.rawValue])
            let pathItem: OpenAPI.PathItem
            switch item {
            case .b(let value):
                pathItem = value
            case .a(let reference):
                guard let name = reference.name, let referenced = pathItems[name]?.value,
                    reference.absoluteString.hasPrefix("#/components/pathItems/")
                else {
                    diagnostics.error(
                        "unresolvable path item reference `\(reference.absoluteString)`", at: parsed.location(pointer),
                        hint: "define it under components/pathItems")
                    continue
                }
                pathItem = referenced
            }
            for endpoint in pathItem.endpoints {
                let operationPointer = pointer + "/" + endpoint.method.rawValue.lowercased()
                let operationKey = DocumentStructure.operationKey(method: endpoint.method.rawValue, path: path.rawValue)
                let pagingTexts = parsed.pagingDescriptions[operationKey] ?? [:]
                let pagingKey = pagingTexts["x-pagination"] != nil ? "x-pagination" : pagingTexts.keys.first
                var indexed = IndexedOperation(
                    path: path.rawValue, method: endpoint.method, operation: endpoint.operation,
                    pathItemParameters: pathItem.parameters, servers: endpoint.operation.servers ?? pathItem.servers ?? [],
                    security: endpoint.operation.security ?? document.security,
                    location: parsed.location(operationPointer), file: parsed.source.path,
                    flags: parsed.operationFlags[operationKey] ?? [])
                if let pagingKey, let tree = pagingTexts[pagingKey] {
                    indexed.pagingDescription = (pagingKey, tree)
                }
                let key = indexed.method.rawValue + " " + indexed.path
                if let existing = operationPositions[key] {
                    let other = operations[existing]
                    if Self.sameEncoding(other.operation, indexed.operation)
                        && Self.sameEncoding(other.pathItemParameters, indexed.pathItemParameters)
                    {
                        continue
                    }
                    diagnostics.error(
                        "operation \(endpoint.method.rawValue) \(path.rawValue) is also defined, differently, in \(other.file)",
                        at: indexed.location, hint: "keep one definition of each operation")
                    continue
                }
                operationPositions[key] = operations.count
                operations.append(indexed)
            }
        }
    }

    /// The components of `kind`, each one that is a reference to another of the same document
    /// (`a: {$ref: '#/components/parameters/b'}`) replaced by what the chain of references ends
    /// in. The components of a chain that comes back to where it was are left out, with a
    /// warning once per cycle (a component nobody uses never fails a document; a use of one is
    /// an error there); a chain that ends outside the document's components is left out too.
    private static func followingChains<T>(
        _ dictionary: OpenAPI.ComponentReferenceDictionary<T>, kind: String, in parsed: ParsedDocument,
        diagnostics: DiagnosticCollector
    ) -> OpenAPI.ComponentDictionary<T> {
        var result = OpenAPI.ComponentDictionary<T>()
        for (key, value) in dictionary {
            var current = value
            var chain = [key.rawValue]
            while case .a(let reference) = current {
                guard let target = ComponentReference.key(of: reference.jsonReference, kind: kind),
                    let componentKey = OpenAPI.ComponentKey(rawValue: target), let next = dictionary[componentKey]
                else { break }
                if let start = chain.firstIndex(of: target) {
                    let cycle = Array(chain[start...])
                    if cycle.min() == key.rawValue {
                        let path = (cycle + [target]).map { "`\($0)`" }.joined(separator: " → ")
                        diagnostics.warning(
                            "the components/\(kind) \(path) are left out: they refer to one another in a cycle, and none of them is a \(Self.singular(kind))",
                            at: parsed.location(JSONPointer.pointer(["components", kind, key.rawValue])),
                            hint: "make one of them the \(Self.singular(kind)) the others refer to")
                    }
                    break
                }
                chain.append(target)
                current = next
            }
            if case .b(let component) = current { result[key] = component }
        }
        return result
    }

    /// `parameters` → "parameter", for messages.
    static func singular(_ kind: String) -> String {
        switch kind {
        case "parameters": "parameter"
        case "responses": "response"
        case "requestBodies": "request body"
        case "securitySchemes": "security scheme"
        default: kind
        }
    }

    /// Whether two values say the same thing: equal JSON once keys are sorted and `required`
    /// lists are put in order. (OpenAPIKit's `==` and encoding both depend on the order in
    /// which `required` was read, so neither can decide alone.)
    static func sameEncoding<T: Encodable>(_ lhs: T, _ rhs: T) -> Bool {
        guard let left = canonicalJSON(lhs), let right = canonicalJSON(rhs) else { return false }
        return left == right
    }

    static func canonicalJSON<T: Encodable>(_ value: T) -> Data? {
        guard let object = canonicalObject(value) else { return nil }
        return try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .fragmentsAllowed])
    }

    /// The value as JSON objects (`JSONSerialization`'s), `required` lists in order.
    static func canonicalObject<T: Encodable>(_ value: T) -> Any? {
        guard let data = try? JSONEncoder().encode(value),
            let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        func normalize(_ value: Any, key: String?) -> Any {
            if let dictionary = value as? [String: Any] {
                return dictionary.reduce(into: [String: Any]()) { $0[$1.key] = normalize($1.value, key: $1.key) }
            }
            if let array = value as? [Any] {
                if key == "required", let strings = array as? [String] { return strings.sorted() }
                return array.map { normalize($0, key: nil) }
            }
            return value
        }
        return normalize(object, key: nil)
    }

    /// Adds `components` to `target`; returns the property orders of unions made.
    private static func merge<T: Codable & Sendable>(
        _ components: OpenAPI.ComponentDictionary<T>, into target: inout [String: Located<T>],
        trees componentTrees: inout [String: (tree: JSONTree, version: DocumentReader.OpenAPIVersion)], kind: String,
        _ parsed: ParsedDocument, _ propertyOrders: [Set<String>: [String]], _ diagnostics: DiagnosticCollector
    ) -> [[String]] {
        var orders: [[String]] = []
        // Each component's tree by name, found once: a lookup per component in the list of
        // members was quadratic (Cloudflare has thousands of schemas).
        var trees: [String: JSONTree] = [:]
        for member in parsed.components?[kind]?.members ?? [] where trees[member.key] == nil {
            trees[member.key] = member.value
        }
        for (key, value) in components {
            let name = key.rawValue
            let location = parsed.location(JSONPointer.pointer(["components", kind, name]))
            let tree = trees[name]
            guard let existing = target[name] else {
                target[name] = Located(value: value, location: location)
                if let tree { componentTrees[kind + "/" + name] = (tree, parsed.version) }
                continue
            }
            if let tree, let kept = componentTrees[kind + "/" + name], kept.version == parsed.version,
                kept.tree.hasSameContent(as: tree)
            {
                continue
            }
            if Self.sameEncoding(existing.value, value) { continue }
            let elsewhere = "the one with the same name in \(existing.location.file)"
            guard let (union, changes, unionOrders) = Self.union(existing.value, value, propertyOrders: propertyOrders) else {
                diagnostics.error(
                    "component `\(kind)/\(name)` differs from \(elsewhere)", at: location,
                    hint: "give one of them another name, or make them identical")
                continue
            }
            target[name] = Located(value: union, location: existing.location)
            componentTrees[kind + "/" + name] = nil
            orders += unionOrders
            diagnostics.warning(
                "component `\(kind)/\(name)` differs from \(elsewhere) (at \(existing.location.pointer ?? "")); "
                    + "neither contradicts the other, so their union is used (\(changes.joined(separator: "; ")))",
                at: location, hint: "fetch the documents again so that they agree")
        }
        return orders
    }

    /// The union of two versions of a component (``ComponentUnion``) and what it widened;
    /// `nil` when they conflict. Also the key order of each merged `properties` object.
    private static func union<T: Codable>(
        _ first: T, _ second: T, propertyOrders orders: [Set<String>: [String]]
    ) -> (T, [String], [[String]])? {
        guard let left = canonicalObject(first), let right = canonicalObject(second) else { return nil }
        var merger = ComponentUnion { keys in orders[keys] ?? keys.sorted() }
        guard let merged = merger.union(left, right),
            let data = try? JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys, .fragmentsAllowed]),
            let value = try? JSONDecoder().decode(T.self, from: data)
        else { return nil }
        return (value, merger.changes.isEmpty ? ["descriptions"] : merger.changes, merger.mergedPropertyOrders)
    }

    /// Gives an operation whose operationId another one already has a distinct one (the
    /// next free number after it), with a warning that names both places.
    private mutating func checkOperationIDs(diagnostics: DiagnosticCollector) {
        var taken = Set(operations.compactMap(\.operation.operationId))
        var seen: [String: IndexedOperation] = [:]
        for position in operations.indices {
            let indexed = operations[position]
            guard let id = indexed.operation.operationId else { continue }
            guard let first = seen[id] else {
                seen[id] = indexed
                continue
            }
            var number = 2
            while taken.contains(id + String(number)) { number += 1 }
            let unique = id + String(number)
            taken.insert(unique)
            operations[position].operation.operationId = unique
            diagnostics.warning(
                "duplicate operationId `\(id)`: \(first.method.rawValue) \(first.path) (\(diagnostics.resolved(first.location))) has it too; this operation is generated with the operationId `\(unique)`",
                at: SourceLocation(file: indexed.location.file, pointer: (indexed.location.pointer ?? "") + "/operationId"),
                hint: "operation IDs must be unique across all documents; rename one (an overlay can)")
        }
    }
}
