import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat

/// The parse stage: a document's tree (read once by ``DocumentReader``, changed by overlays and
/// the bundler) decoded into OpenAPIKit's model of it, with what the decoder does not keep
/// (``DocumentStructure``) read from the same tree.
///
/// What the decoder cannot read but does not matter to the generated code is repaired in the
/// tree first (boolean schemas, limits of the wrong kind) or, when the decoder finds it, removed
/// and decoding starts again; every repair is a located warning, anything else a located error.
struct DocumentParser {
    let file: SourceFile
    let diagnostics: DiagnosticCollector

    /// The parsed document, or `nil` when it has errors (reported). `parts` are the other files
    /// of a multi-file document that the bundler put in place.
    func parse(_ tree: JSONTree, version: DocumentReader.OpenAPIVersion, parts: Set<String> = []) -> ParsedDocument? {
        var tree = tree
        let structure = DocumentStructure(of: tree)
        if !structure.booleanSchemas.isEmpty {
            tree = rewritingBooleanSchemas(structure.booleanSchemas, in: tree)
        }
        // Deepest first, so that a rewrite does not move a schema still to be rewritten.
        for tokens in structure.multiTypeSchemas.reversed() {
            tree = tree.updating(at: tokens) { MultiTypeSchemas.anyOf(splitting: $0) } ?? tree
        }
        // OpenAPI 3.0 ignores what stands beside a `$ref`, but `{$ref: Owner, nullable: true,
        // description: …}` is common and meant: as `allOf` of the reference, both are kept
        // (3.1 keeps them as they are).
        if version == .v30 {
            for tokens in structure.referencesWithSiblings.reversed() {
                tree = tree.updating(at: tokens) { Self.wrappingReference($0) } ?? tree
            }
        }
        for tokens in structure.nullInEnums.reversed() {
            tree = allowingNull(at: tokens, in: tree)
        }
        guard let (document, decodedTree) = decode(tree, version: version, structure: structure) else { return nil }
        return ParsedDocument(
            source: file, document: document, components: decodedTree["components"], version: version,
            references: structure.references.map { ParsedDocument.Reference(pointer: $0.pointer, target: $0.target) },
            propertyOrders: structure.propertyOrders, operationFlags: structure.operationFlags,
            pagingDescriptions: structure.pagingDescriptions,
            inferredSchemas: structure.inferredSchemas, parts: parts)
    }

    /// `{$ref: X, nullable: true, …}` as `{allOf: [{$ref: X}], nullable: true, …}`.
    static func wrappingReference(_ schema: JSONTree) -> JSONTree? {
        guard case .object(let members) = schema, let reference = members.first(where: { $0.key == "$ref" }) else { return nil }
        return .object(
            members.filter { $0.key != "$ref" } + [.init(key: "allOf", value: .array([.object([reference])]))])
    }

    /// A schema with `null` among its `enum` values that does not allow null (neither
    /// `nullable: true` nor `null` in its `type` list) made nullable, with a warning: what its
    /// author meant, and what OpenAPIKit needs to read it (it refuses the whole document).
    private func allowingNull(at tokens: [String], in tree: JSONTree) -> JSONTree {
        guard let schema = tree.value(at: tokens), case .object(let members) = schema else { return tree }
        if case .scalar(let text)? = schema["nullable"], text.elementsEqual("true".utf8) { return tree }
        if case .array(let types)? = schema["type"], types.contains(where: { $0.stringValue == "null" }) { return tree }
        if schema["type"]?.stringValue == "null" { return tree }
        let nullable = JSONTree.Member(key: "nullable", value: .scalar(ArraySlice("true".utf8)))
        guard let repaired = tree.updating(at: tokens, { _ in .object(members.filter { $0.key != "nullable" } + [nullable]) })
        else { return tree }
        diagnostics.warning(
            "`null` is among the enum values, but the schema does not allow null; the value is generated as optional",
            at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(tokens + ["enum"])),
            hint: "add `nullable: true` (OpenAPI 3.0), or `\"null\"` to a list of types (3.1)")
        return repaired
    }

    /// JSON Schema's boolean schemas as the objects OpenAPIKit reads: `true` (anything) as `{}`,
    /// `false` (nothing) as `{"not": {}}`, with a warning where `false` stands.
    private func rewritingBooleanSchemas(_ schemas: [(tokens: [String], value: Bool)], in tree: JSONTree) -> JSONTree {
        var tree = tree
        for schema in schemas {
            let replacement: JSONTree = schema.value ? .object([]) : .object([.init(key: "not", value: .object([]))])
            tree = tree.updating(at: schema.tokens) { _ in replacement } ?? tree
            if !schema.value {
                diagnostics.warning(
                    "the schema `false` accepts no value; what stands here is generated as an untyped value that no valid response or request has",
                    at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(schema.tokens)),
                    hint: "remove the property or operation it describes, or give it the schema it has")
            }
        }
        return tree
    }

    /// How many unreadable keywords one document may have dropped before decoding gives up.
    static let maximumIgnoredKeywords = 100
    /// How many places of a YAML document may have their plain scalars read as text.
    static let maximumQuotedScalars = 1_000

    /// Decodes the document's JSON text. A keyword that OpenAPIKit cannot read but that does not
    /// shape the generated code (``IgnorableKeywords``, such as `maximum: 9223372036854776000` on
    /// an integer, or a 3.0-style `exclusiveMinimum: true` in 3.1) is removed with a located
    /// warning, and decoding starts again; anything else is a located error.
    /// The key an OpenAPIKit message names (`Expected `name` value to be …`), for errors whose
    /// coding path ends at the object (a parameter) rather than at its member.
    static func namedKey(in message: String) -> String? {
        guard let range = message.range(of: "Expected `"), let close = message[range.upperBound...].firstIndex(of: "`")
        else { return nil }
        return String(message[range.upperBound..<close])
    }

    private func decode(
        _ tree: JSONTree, version: DocumentReader.OpenAPIVersion, structure: DocumentStructure
    ) -> (document: OpenAPIKit.OpenAPI.Document, tree: JSONTree)? {
        var tree = tree
        var ignored = 0
        var quoted = 0
        var decodesInPieces = true
        /// Removes the member at `path` and warns at its place; `false` when there is none.
        func drop(_ path: [String], warning: String, at pointer: [String], hint: String) -> Bool {
            guard let repaired = tree.removingMember(at: path) else { return false }
            ignored += 1
            tree = repaired
            diagnostics.warning(
                warning, at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(pointer)), hint: hint)
            return true
        }
        func ignore(_ keyword: [String], because reason: String) -> Bool {
            drop(
                keyword, warning: "`\(keyword.last!)` cannot be read and is ignored: \(reason)", at: keyword,
                hint: "it does not change the generated code; correct it so that other tools read it too")
        }
        // Removed from the end backwards, so that earlier paths stay valid.
        for (keyword, reason) in IgnorableKeywords.knownUnreadable(structure.numericLimits, openAPI31: version == .v31).reversed() {
            _ = ignore(keyword, because: reason)
        }
        while true {
            // A large document in pieces on all cores, until a piece cannot be read: the whole
            // document's decoding then finds the error, and repairs run without pieces.
            if decodesInPieces {
                if let document = PathShards.decode(tree, version: version) { return (document, tree) }
                decodesInPieces = false
            }
            do {
                return (try DocumentDecoding.decode(tree, version: version), tree)
            } catch {
                let openAPIError = OpenAPIKit.OpenAPI.Error(from: error)
                let path = openAPIError.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
                let message = openAPIError.localizedDescription
                let mayDropMore = ignored < Self.maximumIgnoredKeywords
                // YAML's plain `443` or `true` where OpenAPI wants text (a server variable's
                // `enum` and `default`, `version: 1.0`): its text, as YAML decoders read it.
                if file.format == .yaml, quoted < Self.maximumQuotedScalars, message.contains("parsable as String"),
                    let repaired = tree.quotingScalars(at: path) ?? Self.namedKey(in: message).flatMap({ tree.quotingScalars(at: path + [$0]) })
                {
                    quoted += 1
                    tree = repaired
                    continue
                }
                // A server variable without the `default` OpenAPI requires: its first value.
                if mayDropMore, path.count >= 4, path[path.count - 4] == "servers", path[path.count - 2] == "variables",
                    message.contains("`default`"), let (repaired, value) = tree.givingServerVariableDefault(at: path)
                {
                    ignored += 1
                    tree = repaired
                    diagnostics.warning(
                        "the server variable `\(path.last!)` has no `default`, which OpenAPI requires; `\(value)` is used"
                            + (value.isEmpty ? " (it has no `enum` either)" : ", the first of its `enum`"),
                        at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(path)),
                        hint: "give it a `default`")
                    continue
                }
                // A path parameter that does not say `required: true` (or says `false`): a path
                // has no place without it, so it is required.
                if mayDropMore, message.contains("path parameters must be explicitly set to required"),
                    let (repaired, at) = tree.requiringPathParameter(near: path)
                {
                    ignored += 1
                    tree = repaired
                    diagnostics.warning(
                        "a path parameter must be required, which this one does not say; it is generated as required",
                        at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(at)),
                        hint: "add `required: true`")
                    continue
                }
                // A schema's `default` that cannot be read (`1e400`, beyond a double): without
                // it, a parameter sends no value and the server applies its own default.
                if mayDropMore, message.contains("`default`"),
                    let keyword = path.last == "default" ? path : tree.memberKeys(at: path)?.contains("default") == true ? path + ["default"] : nil,
                    drop(
                        keyword, warning: "`default` cannot be read and is left out: \(message)", at: keyword,
                        hint: "a parameter without it sends no value, so that the server applies its own default; correct the value")
                {
                    continue
                }
                if mayDropMore, let keyword = IgnorableKeywords.culprit(path: path, message: message, in: tree),
                    ignore(keyword, because: message)
                {
                    continue
                }
                // An operation that cannot be read is left out; the rest of the API is generated.
                if mayDropMore, path.count >= 3, path[0] == "paths", DocumentStructure.methods.contains(path[2]),
                    drop(
                        Array(path[0..<3]), warning: "\(path[2].uppercased()) \(path[1]) is left out: it cannot be read: \(message)",
                        at: path, hint: "the rest of the API is generated; correct the operation to include it")
                {
                    continue
                }
                // A component that cannot be read and that nothing refers to is left out: it
                // would not be generated anyway. One that is used stays an error, here.
                if mayDropMore, path.count >= 3, path[0] == "components",
                    !structure.refersTo(kind: path[1], name: path[2]),
                    drop(
                        Array(path[0..<3]),
                        warning: "the component `\(path[1])/\(path[2])` is left out: it cannot be read, and nothing refers to it: \(message)",
                        at: path, hint: "correct it, or remove it")
                {
                    continue
                }
                diagnostics.error(
                    "invalid OpenAPI document: \(message)",
                    at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(path)),
                    hint: "correct the document so that it follows the OpenAPI specification")
                return nil
            }
        }
    }
}
