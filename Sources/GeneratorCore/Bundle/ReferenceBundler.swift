import Foundation

/// Turns a document whose `$ref`s reach into other files, or into the middle of its own
/// objects, into one document whose references all name components, as the later stages
/// expect.
///
/// - A schema, parameter, request body or response referred to in another file (or deep inside
///   this one) becomes a component of its own, named after the file or the place, once per
///   target: cycles across files end at the component, and a part used a hundred times is
///   written once.
/// - Anything else referred to that way (path items, headers, examples, descriptions) is put
///   in place of the reference; a chain of such references that returns to itself is an error.
/// - `FILE#/components/KIND/NAME` where FILE is one of the input documents stays as it is: it
///   is resolved by name among the inputs, as before.
///
/// Places in the result are mapped back to the file and pointer they came from
/// (``PointerRedirects``), so diagnostics name the part of the document where a problem is.
struct ReferenceBundler {
    /// The document and what became of its references.
    struct Result {
        var tree: JSONTree
        var redirects: PointerRedirects
    }

    /// Whether a document with a `$ref` to `target` needs bundling: anything but a component
    /// of this document (`#/components/KIND/NAME`).
    static func needsBundling(_ target: String) -> Bool {
        guard target.hasPrefix("#") else { return true }
        let tokens = JSONPointer.tokens(of: String(target.dropFirst()))
        return !(tokens.count == 3 && tokens[0] == "components" && !inlinedComponentKinds.contains(tokens[1]))
    }

    /// Components the decoder cannot resolve by reference (`mediaTypes`, new in OpenAPI 3.2):
    /// what refers to them is put in place, and they are removed.
    static let inlinedComponentKinds: Set<String> = ["mediaTypes"]

    /// How many references may be put in place in one document, so that references that fan
    /// out (each part referring to several others, each of those to several more) cannot grow
    /// the document without bound.
    static let maximumInlinedReferences = 200_000

    private let rootPath: String
    private let displayRoot: String
    private let root: JSONTree
    private let store: FragmentStore
    private let diagnostics: DiagnosticCollector

    /// A referenced place: a normalized file path and a pointer into it.
    private struct Target: Hashable {
        let file: String
        let tokens: [String]
    }

    /// Kinds whose referenced objects become components (referred to by every user, written
    /// once) rather than being copied into place: schemas, because they may contain themselves,
    /// and the kinds that documents share most (a response written once and used by a
    /// hundred operations).
    static let hoistedKinds: [OpenAPISlot] = [.schema, .parameter, .requestBody, .response]

    /// By kind: the component name given to each hoisted target, the names taken, and the
    /// hoisted components in order.
    private var componentNames: [OpenAPISlot: [Target: String]] = [:]
    private var usedNames: [OpenAPISlot: NameScope] = [:]
    private var hoisted: [OpenAPISlot: [JSONTree.Member]] = [:]
    private var inlining: Set<Target> = []
    private var inlined = 0
    private var redirects = PointerRedirects()
    private var failed = false

    /// `root` is the document at `path` (as the user named it).
    init(root path: String, tree: JSONTree, store: FragmentStore, diagnostics: DiagnosticCollector) {
        rootPath = FilePaths.normalized(path)
        displayRoot = path
        root = tree
        self.store = store
        self.diagnostics = diagnostics
        for kind in Self.hoistedKinds {
            usedNames[kind] = NameScope(reserved: tree.value(at: ["components", kind.componentsKey!])?.members?.map(\.key) ?? [])
        }
    }

    /// The bundled document, or `nil` when a reference could not be followed (reported).
    consuming func bundle() -> Result? {
        var tree = walk(root, slot: .document, file: rootPath, source: [], output: [])
        guard !failed else { return nil }
        for kind in Self.inlinedComponentKinds {
            // Every reference to them is in place now.
            tree = tree.removingMember(at: ["components", kind]) ?? tree
        }
        for kind in Self.hoistedKinds {
            // Appended to `components/KEY` (made when missing): the names are new there.
            if let members = hoisted[kind] {
                let schemas = JSONTree.object([.init(key: kind.componentsKey!, value: .object(members))])
                tree = tree.merging(.object([.init(key: "components", value: schemas)]))
            }
        }
        return Result(tree: tree, redirects: redirects)
    }

    // MARK: Walking

    private mutating func walk(
        _ node: JSONTree, slot: OpenAPISlot, file: String, source: [String], output: [String]
    ) -> JSONTree {
        switch node {
        case .object(var members):
            if slot != .opaque, let reference = node["$ref"]?.stringValue {
                return follow(reference, in: node, slot: slot, file: file, source: source, output: output)
            }
            // `externalDocs` given by a URL: documentation only, left out.
            if let index = members.firstIndex(where: { $0.key == "externalDocs" }),
                let reference = members[index].value["$ref"]?.stringValue, Self.isURL(reference)
            {
                diagnostics.warning(
                    "`externalDocs` is a `$ref` to a URL, `\(reference)`; it is left out (the generated code does not use it)",
                    at: location(file: file, tokens: source + ["externalDocs", "$ref"]),
                    hint: "give the documentation's address as `externalDocs.url` instead")
                members.remove(at: index)
            }
            for index in members.indices {
                guard let child = slot.child(members[index].key) else { continue }
                let key = members[index].key
                members[index].value = walk(
                    members[index].value, child: child, file: file, source: source + [key], output: output + [key])
            }
            if slot == .schema, let index = members.firstIndex(where: { $0.key == "discriminator" }) {
                members[index].value = discriminator(members[index].value, file: file, source: source + ["discriminator"])
            }
            return .object(members)
        case .array, .scalar:
            return node
        }
    }

    /// A discriminator whose `mapping` names schemas by their files
    /// (`attach: models/volume_action_post_attach.yml`, as DigitalOcean's does) with each such
    /// value the component the file became, as the `$ref`s to it are: otherwise no mapping
    /// value matches an alternative of the union.
    private mutating func discriminator(_ node: JSONTree, file: String, source: [String]) -> JSONTree {
        guard case .object(var members) = node, let index = members.firstIndex(where: { $0.key == "mapping" }),
            case .object(var mapping) = members[index].value
        else { return node }
        for entry in mapping.indices {
            guard let target = mapping[entry].value.stringValue, !target.hasPrefix("#"), target.contains("/") || target.contains("."),
                !Self.isURL(target)
            else { continue }
            let at = location(file: file, tokens: source + ["mapping", mapping[entry].key])
            switch resolve(target, from: file, at: at, wantsContent: false) {
            case .component(let pointer):
                mapping[entry].value = .string(pointer)
            case .found(let place, let content):
                mapping[entry].value = .string("#/components/schemas/" + JSONPointer.escape(component(.schema, for: place, content: content)))
            case .keep, .failed:
                continue
            }
        }
        members[index].value = .object(mapping)
        return .object(members)
    }

    private mutating func walk(
        _ node: JSONTree, child: OpenAPISlot.Child, file: String, source: [String], output: [String]
    ) -> JSONTree {
        switch child {
        case .map, .list:
            if let reference = node["$ref"]?.stringValue, node.members?.count == 1 {
                return followContainer(reference, in: node, child: child, file: file, source: source, output: output)
            }
        case .one, .oneOrList:
            break
        }
        switch (child, node) {
        case (.one(let slot), _), (.oneOrList(let slot), .object):
            return walk(node, slot: slot, file: file, source: source, output: output)
        case (.map(let slot), .object(var members)):
            if slot == .securityScheme {
                // A security scheme in another server's document: left out, and the operations
                // that require it are generated without it.
                members.removeAll { member in
                    guard let reference = member.value["$ref"]?.stringValue, Self.isURL(reference) else { return false }
                    diagnostics.warning(
                        "the security scheme `\(member.key)` is a `$ref` to a URL, `\(reference)`; it is left out, and operations that require it are generated without it",
                        at: location(file: file, tokens: source + [member.key, "$ref"]),
                        hint: "download the referenced document beside this one and refer to it by its relative path, or write the scheme here")
                    return true
                }
            }
            for index in members.indices {
                let key = members[index].key
                members[index].value = walk(
                    members[index].value, slot: slot, file: file, source: source + [key], output: output + [key])
            }
            return .object(members)
        case (.list(let slot), .array(var elements)), (.oneOrList(let slot), .array(var elements)):
            for index in elements.indices {
                let key = String(index)
                elements[index] = walk(elements[index], slot: slot, file: file, source: source + [key], output: output + [key])
            }
            return .array(elements)
        default:
            return node
        }
    }

    // MARK: References

    /// What a `$ref` leads to.
    private enum Resolution {
        /// A component of the root document: the reference to write instead.
        case component(String)
        /// A component of another input document, resolved by name among the inputs.
        case keep
        /// The place and what is there.
        case found(Target, JSONTree)
        /// The reference cannot be followed: why and what to do (`nil` when already reported).
        case failed(Reason?)
    }

    private struct Reason {
        let message: String
        let hint: String
    }

    /// Whether `reference` names another server's document.
    static func isURL(_ reference: String) -> Bool {
        reference.contains("://") || reference.hasPrefix("//")
    }

    private func resolve(_ reference: String, from file: String, at: SourceLocation, wantsContent: Bool) -> Resolution {
        if Self.isURL(reference) {
            return .failed(
                Reason(message: "`$ref` to a URL, `\(reference)`: references to remote documents are not supported",
                hint: "download the referenced document beside this one and refer to it by its relative path"))
        }
        let hash = reference.firstIndex(of: "#")
        let filePart = String(reference[..<(hash ?? reference.endIndex)])
        let fragment = hash.map { String(reference[reference.index(after: $0)...]) } ?? ""
        let path = filePart.isEmpty ? file : FilePaths.resolve(filePart.removingPercentEncoding ?? filePart, from: file)
        guard fragment.isEmpty || fragment.hasPrefix("/") else {
            return .failed(
                Reason(message: "`$ref` `\(reference)` names an anchor (`#\(fragment)`); only JSON pointers are supported",
                hint: "refer to the place with a JSON pointer, such as `#/components/schemas/Name`"))
        }
        let tokens = JSONPointer.tokens(of: fragment).map { $0.removingPercentEncoding ?? $0 }
        let namesComponent =
            tokens.count == 3 && tokens[0] == "components" && !Self.inlinedComponentKinds.contains(tokens[1])
        if path == rootPath, namesComponent, !wantsContent {
            return .component("#" + JSONPointer.pointer(tokens))
        }
        if path == rootPath, tokens.isEmpty {
            return .failed(
                Reason(message: "`$ref` `\(reference)` names the whole document",
                hint: "refer to a component, such as `#/components/schemas/Name`"))
        }
        guard let tree = path == rootPath ? root : store.tree(at: path, referrer: at) else { return .failed(nil) }
        if namesComponent, !wantsContent, store.isInputDocument(path), tree["openapi"] != nil {
            return .keep
        }
        guard let target = tree.value(at: tokens) else {
            // `#/components/…` written in a part that only the root document can resolve: the
            // author meant the root's (as tools that inline parts into the root read it).
            if filePart.isEmpty, path != rootPath, let rootTarget = root.value(at: tokens) {
                diagnostics.warning(
                    "`$ref` `\(reference)` names nothing in `\(path)`; it is resolved in the root document, `\(displayRoot)`, which has it",
                    at: at, hint: "write `\(relativeRoot(from: path))\(reference)` to say so")
                if namesComponent, !wantsContent { return .component("#" + JSONPointer.pointer(tokens)) }
                return .found(Target(file: rootPath, tokens: tokens), rootTarget)
            }
            return .failed(
                Reason(message: "`$ref` `\(reference)` names nothing: \(path == rootPath ? "this document" : "`\(path)`") has no `\(fragment)`",
                hint: "correct the pointer after `#`, or the path before it"))
        }
        return .found(Target(file: path, tokens: tokens), target)
    }

    private mutating func follow(
        _ reference: String, in node: JSONTree, slot: OpenAPISlot, file: String, source: [String], output: [String]
    ) -> JSONTree {
        let at = location(file: file, tokens: source + ["$ref"])
        switch resolve(reference, from: file, at: at, wantsContent: false) {
        case .component(let pointer):
            return replacingReference(in: node, with: pointer)
        case .keep:
            return node
        case .failed(let reason):
            if slot.isDocumentation {
                if let reason { diagnostics.warning(reason.message + "; it is left out", at: at, hint: reason.hint) }
                return slot == .text ? .string("") : .object([])
            }
            fail(reason, at: at)
            return node
        case .found(let place, let target):
            if Self.hoistedKinds.contains(slot) {
                let name = component(slot, for: place, content: target)
                return replacingReference(in: node, with: "#/components/\(slot.componentsKey!)/" + JSONPointer.escape(name))
            }
            return inline(place, content: target, replacing: node, at: at, output: output) { bundler, content in
                bundler.walk(content, slot: slot, file: place.file, source: place.tokens, output: output)
            }
        }
    }

    /// A map or list (such as `properties`) given as a `$ref` to one elsewhere: put in place.
    private mutating func followContainer(
        _ reference: String, in node: JSONTree, child: OpenAPISlot.Child, file: String, source: [String], output: [String]
    ) -> JSONTree {
        let at = location(file: file, tokens: source + ["$ref"])
        switch resolve(reference, from: file, at: at, wantsContent: true) {
        case .found(let place, let target):
            return inline(place, content: target, replacing: node, at: at, output: output) { bundler, content in
                bundler.walk(content, child: child, file: place.file, source: place.tokens, output: output)
            }
        case .failed(let reason):
            fail(reason, at: at)
            return node
        case .component, .keep:
            return node
        }
    }

    /// The component name of the object of `kind` at `place`, hoisting it (and walking it) the
    /// first time.
    private mutating func component(_ kind: OpenAPISlot, for place: Target, content: JSONTree) -> String {
        if let name = componentNames[kind]?[place] { return name }
        let key = kind.componentsKey!
        let base = Self.baseName(for: place, isRoot: place.file == rootPath)
        if place.file != rootPath, usedNames[kind, default: NameScope()].isTaken(base),
            root.value(at: ["components", key, base]) == content
        {
            componentNames[kind, default: [:]][place] = base
            return base
        }
        let name = usedNames[kind, default: NameScope()].claim(base)
        componentNames[kind, default: [:]][place] = name
        let output = ["components", key, name]
        redirects.add(JSONPointer.pointer(output), to: display(place.file), pointer: JSONPointer.pointer(place.tokens))
        let walked = walk(content, slot: kind, file: place.file, source: place.tokens, output: output)
        hoisted[kind, default: []].append(JSONTree.Member(key: name, value: walked))
        return name
    }

    private mutating func inline(
        _ place: Target, content: JSONTree, replacing node: JSONTree, at: SourceLocation, output: [String],
        walking: (inout ReferenceBundler, JSONTree) -> JSONTree
    ) -> JSONTree {
        guard !inlining.contains(place) else {
            fail(
                "`$ref` cycle: `\(JSONPointer.pointer(place.tokens))` in \(display(place.file)) refers back to itself",
                at: at, hint: "only schemas may contain themselves; break the cycle")
            return node
        }
        inlined += 1
        guard inlined <= Self.maximumInlinedReferences else {
            if inlined == Self.maximumInlinedReferences + 1 {
                fail(
                    "the document's references expand to more than \(Self.maximumInlinedReferences) copies", at: at,
                    hint: "refer to shared parts through components instead of through other files")
            }
            return node
        }
        inlining.insert(place)
        defer { inlining.remove(place) }
        redirects.add(JSONPointer.pointer(output), to: display(place.file), pointer: JSONPointer.pointer(place.tokens))
        var result = walking(&self, content)
        // `summary` and `description` beside a `$ref` override the referenced object's (3.1).
        if case .object(var members) = result, let siblings = node.members?.filter({ $0.key != "$ref" }), !siblings.isEmpty {
            for sibling in siblings {
                if let index = members.firstIndex(where: { $0.key == sibling.key }) {
                    members[index].value = sibling.value
                } else {
                    members.append(sibling)
                }
            }
            result = .object(members)
        }
        return result
    }

    private func replacingReference(in node: JSONTree, with reference: String) -> JSONTree {
        guard case .object(var members) = node, let index = members.firstIndex(where: { $0.key == "$ref" }) else { return node }
        members[index].value = .string(reference)
        return .object(members)
    }

    // MARK: Names and places

    /// Tokens that say where a schema sits rather than what it is.
    private static let structuralTokens: Set<String> = [
        "components", "schemas", "properties", "items", "definitions", "$defs", "allOf", "anyOf", "oneOf",
        "additionalProperties", "schema", "content", "parameters", "responses", "requestBody", "paths",
    ]

    /// A component name for the schema at `place`: the name it has where it is defined, or the
    /// file's name, or the last names on the way to it (`Tag_name`); only characters a
    /// component key allows.
    private static func baseName(for place: Target, isRoot: Bool) -> String {
        let tokens = place.tokens
        let stem = ((place.file as NSString).lastPathComponent as NSString).deletingPathExtension
        var parts: [String]
        if tokens.isEmpty {
            parts = [stem]
        } else if tokens.count == 1 || (tokens.count == 3 && tokens[0] == "components")
            || (tokens.count == 2 && ["definitions", "$defs"].contains(tokens[0]))
        {
            parts = [tokens.last!]
        } else {
            let meaningful = tokens.filter { !structuralTokens.contains($0) && Int($0) == nil && !$0.contains("/") }
            parts = Array(meaningful.suffix(2))
            if !isRoot { parts.insert(stem, at: 0) }
            if parts.isEmpty { parts = ["Schema"] }
        }
        let name = String(
            parts.joined(separator: "_").unicodeScalars.map { scalar in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "_"
            })
        return name.isEmpty ? "Schema" : name
    }

    /// The root document's path as a reference written in `file` would name it.
    private func relativeRoot(from file: String) -> String {
        let from = (file as NSString).deletingLastPathComponent.split(separator: "/")
        let to = rootPath.split(separator: "/")
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        let ups = Array(repeating: "..", count: from.count - common)
        return (ups + to[common...].map(String.init)).joined(separator: "/")
    }

    private func display(_ file: String) -> String {
        file == rootPath ? displayRoot : file
    }

    private func location(file: String, tokens: [String]) -> SourceLocation {
        SourceLocation(file: display(file), pointer: JSONPointer.pointer(tokens))
    }

    private mutating func fail(_ message: String, at location: SourceLocation, hint: String) {
        failed = true
        diagnostics.error(message, at: location, hint: hint)
    }

    /// Bundling fails; the reason is reported unless it was already (`nil`).
    private mutating func fail(_ reason: Reason?, at location: SourceLocation) {
        failed = true
        if let reason { diagnostics.error(reason.message, at: location, hint: reason.hint) }
    }
}
