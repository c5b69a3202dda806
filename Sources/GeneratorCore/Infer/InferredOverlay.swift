import Foundation

/// Turns the samples of each operation into an OpenAPI Overlay that types its response: the
/// reviewable artifact `generate infer` writes.
///
/// Each sampled operation's JSON response gets a schema (for an API with an envelope, the
/// envelope with its data typed), and every object the samples showed becomes a component
/// schema marked `x-sample-inferred`, which the generator turns into a lenient model. The
/// components go into the document that has the operation (its `components.schemas`, which
/// must exist: the envelope's schema is there).
/// Component names come from the operation's method name and the keys on the way
/// (`GetAuthorConvertAbilityData`, `GetAuthorConvertAbilityDataBaseResp`), so they stay the
/// same when more samples arrive.
public struct InferredOverlay {
    /// Where an operation's response is, and what to call its models.
    public struct Operation: Sendable {
        public var operationID: String
        /// The Swift method name, the base of the model names.
        public var methodName: String
        /// The namespace's type name, to tell apart operations with the same method name.
        public var namespace: String
        public var path: String
        public var httpMethod: String
        public var status: String
        public var mediaType: String

        public init(
            operationID: String, methodName: String, namespace: String, path: String, httpMethod: String, status: String,
            mediaType: String
        ) {
            self.operationID = operationID
            self.methodName = methodName
            self.namespace = namespace
            self.path = path
            self.httpMethod = httpMethod
            self.status = status
            self.mediaType = mediaType
        }
    }

    /// The envelope around payloads: the schema to keep, and the member whose schema is inferred.
    public struct Envelope: Sendable {
        public var schema: String
        public var dataKey: String
        public init(schema: String, dataKey: String) {
            self.schema = schema
            self.dataKey = dataKey
        }
    }

    let envelope: Envelope?
    /// Component names taken: the documents' own, then those given here.
    private var usedNames: NameScope
    private var components: [JSONTree.Member] = []

    /// `takenNames`: component names the documents use already.
    init(envelope: Envelope?, takenNames: Set<String>) {
        self.envelope = envelope
        usedNames = NameScope(reserved: takenNames)
    }

    /// The overlay for `sampled` operations, in the order given.
    mutating func overlay(for sampled: [(operation: Operation, shape: SampleShape)]) -> JSONTree {
        var actions: [JSONTree] = []
        let baseNames = Self.baseNames(sampled.map(\.operation))
        for ((operation, shape), base) in zip(sampled, baseNames) {
            components = []
            let payload = schema(for: shape, name: base)
            let responseSchema: JSONTree
            if let envelope {
                responseSchema = .object([
                    member(
                        "allOf",
                        .array([
                            .object([member("$ref", .string("#/components/schemas/" + JSONPointer.escape(envelope.schema)))]),
                            .object([
                                member("type", .string("object")),
                                member("properties", .object([member(envelope.dataKey, payload)])),
                            ]),
                        ]))
                ])
            } else {
                responseSchema = payload
            }
            let media = "$.paths[\(Self.quoted(operation.path))].\(operation.httpMethod.lowercased())"
                + ".responses[\(Self.quoted(operation.status))].content[\(Self.quoted(operation.mediaType))]"
            actions.append(
                .object([
                    member("target", .string(media + ".schema")),
                    member("description", .string("\(operation.operationID): the response schema is replaced (next action)")),
                    member("remove", .scalar(ArraySlice("true".utf8))),
                ]))
            actions.append(
                .object([
                    member("target", .string(media)),
                    member(
                        "description",
                        .string("\(operation.operationID): the response as \(shape.count) sample\(shape.count == 1 ? "" : "s") showed it")),
                    member("update", .object([member("schema", responseSchema)])),
                ]))
            if !components.isEmpty {
                // Only into the document that has the operation: the `components` object
                // (the member of the root with `schemas`) of a document with that path.
                actions.append(
                    .object([
                        member("target", .string("$[?$.paths[\(Self.quoted(operation.path))] && @.schemas]")),
                        member("description", .string("\(operation.operationID): the models of its response")),
                        member("update", .object([member("schemas", .object(components))])),
                    ]))
            }
        }
        return .object([
            member("overlay", .string("1.0.0")),
            member(
                "info",
                .object([
                    member("title", .string("Response models inferred from samples")),
                    member("version", .string("1.0.0")),
                ])),
            member("actions", .array(actions)),
        ])
    }

    /// The schema the samples in `shape` show; objects become components named `name`.
    private mutating func schema(for shape: SampleShape, name: String, arrayDepth: Int = 0) -> JSONTree {
        if shape.truncated {
            return .object([member("description", .string("Nested deeper than inference follows; untyped."))])
        }
        if let kinds = shape.conflicting {
            return .object([
                member("description", .string("The samples disagree: \(kinds.map(\.rawValue).joined(separator: ", ")); untyped."))
            ])
        }
        guard let kind = shape.kind else { return .object([]) }
        let nullable = shape.nullCount > 0
        func typed(_ type: String) -> JSONTree {
            .object([member("type", nullable ? .array([.string(type), .string("null")]) : .string(type))])
        }
        switch kind {
        case .boolean: return typed("boolean")
        case .integer: return typed("integer")
        case .number: return typed("number")
        case .string: return typed("string")
        case .array:
            guard arrayDepth < GeneratorLimits.collectionNesting else {
                return .object([member("description", .string("Arrays nested deeper than a model is useful; untyped."))])
            }
            let items = shape.items.map { schema(for: $0, name: name + "Item", arrayDepth: arrayDepth + 1) } ?? .object([])
            guard case .object(var members) = typed("array") else { return .object([]) }
            members.append(member("items", items))
            return .object(members)
        case .object:
            let componentName = usedNames.claim(name)
            // The parent before the models of its members, in the order written.
            let slot = components.count
            components.append(member(componentName, .object([])))
            var properties: [JSONTree.Member] = []
            var required: [JSONTree] = []
            for (key, property) in shape.properties {
                properties.append(member(key, schema(for: property, name: componentName + Self.typeName(key))))
                if shape.alwaysHas(key) { required.append(.string(key)) }
            }
            var members = [member("type", .string("object"))]
            if !required.isEmpty { members.append(member("required", .array(required))) }
            members.append(member("properties", .object(properties)))
            members.append(member(DocumentStructure.sampleInferredKey, .scalar(ArraySlice("true".utf8))))
            components[slot] = member(componentName, .object(members))
            return .object([member("$ref", .string("#/components/schemas/" + JSONPointer.escape(componentName)))])
        }
    }

    /// `GetAuthorConvertAbilityData` for each operation; operations whose method names clash
    /// get their namespace in front.
    private static func baseNames(_ operations: [Operation]) -> [String] {
        let names = operations.map { typeName($0.methodName) }
        var counts: [String: Int] = [:]
        for name in names { counts[name, default: 0] += 1 }
        return zip(operations, names).map { operation, name in
            (counts[name]! > 1 ? typeName(operation.namespace) : "") + name + "Data"
        }
    }

    /// A component-key-safe type name for `key` (`base_resp` → `BaseResp`).
    static func typeName(_ key: String) -> String {
        let name = SwiftName.nestedTypeName(key, digitPrefix: "Field")
        let safe = String(name.unicodeScalars.filter { $0.isASCII && CharacterSet.alphanumerics.contains($0) }.map(Character.init))
        return safe.isEmpty ? "Field" : safe
    }

    /// A JSONPath name selector: `'…'` with `'` and `\` escaped.
    static func quoted(_ name: String) -> String {
        "'" + name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    private func member(_ key: String, _ value: JSONTree) -> JSONTree.Member {
        JSONTree.Member(key: key, value: value)
    }
}
