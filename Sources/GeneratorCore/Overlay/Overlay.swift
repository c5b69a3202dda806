import Foundation

/// An OpenAPI Overlay 1.0 document: actions that change the input documents before they are
/// translated, so that a user can patch documents they do not own (a wrong default, a missing
/// enum value, a model for an untyped `data`) and keep the patch across `fetch`.
///
/// Each action's `target` is an RFC 9535 JSONPath; `update` merges an object into each
/// selected object (members of the update win; objects inside merge in turn; anything else is
/// replaced) or appends to each selected array; `remove: true` removes each selected node.
/// Actions run in order, each on the result of the ones before.
struct Overlay: Sendable {
    struct Action: Sendable {
        /// Its place in the overlay file, `/actions/N`.
        let pointer: String
        let target: JSONPath
        let update: JSONTree?
        let remove: Bool
    }

    /// The overlay file, as the user named it.
    let file: String
    /// The document it is written for (`extends`): only documents with that file name get it;
    /// every document when absent.
    let extends: String?
    let actions: [Action]

    /// Reads and checks an overlay; problems are located errors.
    static func load(_ source: SourceFile, diagnostics: DiagnosticCollector) -> Overlay? {
        guard let root = DocumentReader.tree(of: source, diagnostics: diagnostics) else { return nil }
        let file = source.path
        func error(_ message: String, at pointer: String, hint: String) -> Overlay? {
            diagnostics.error(message, at: SourceLocation(file: file, pointer: pointer), hint: hint)
            return nil
        }
        guard root.members != nil else {
            return error("not an overlay: the top level is not an object", at: "", hint: "an overlay starts with `overlay: 1.0.0`")
        }
        guard let version = root["overlay"].flatMap({ $0.stringValue ?? String(decoding: $0.bytes, as: UTF8.self) }) else {
            return error(
                "not an overlay: there is no `overlay` version field", at: "",
                hint: "an overlay starts with `overlay: 1.0.0`, then `info` and `actions`")
        }
        guard version.hasPrefix("1.") else {
            return error("unsupported overlay version `\(version)`; this generator reads Overlay 1.x", at: "/overlay", hint: "write `overlay: 1.0.0`")
        }
        guard let actionList = root["actions"], case .array(let entries) = actionList, !entries.isEmpty else {
            return error("the overlay has no `actions` list", at: "", hint: "add `actions:` with at least one `target`")
        }
        var actions: [Action] = []
        var valid = true
        for (index, entry) in entries.enumerated() {
            let pointer = "/actions/\(index)"
            guard entry.members != nil else {
                _ = error("an action must be an object with `target` and `update` or `remove`", at: pointer, hint: "see the Overlay specification")
                valid = false
                continue
            }
            guard let targetText = entry["target"]?.stringValue else {
                _ = error("the action has no `target` JSONPath", at: pointer, hint: "add `target: $.paths['/a'].get`, for example")
                valid = false
                continue
            }
            let target: JSONPath
            do {
                target = try JSONPath(targetText)
            } catch let syntax {
                _ = error(
                    "invalid JSONPath `\(targetText)`: \(syntax.message) (at character \(syntax.offset + 1))",
                    at: pointer + "/target",
                    hint: "write an RFC 9535 JSONPath, such as `$.paths['/pets'].get` or `$.components.schemas.Pet`")
                valid = false
                continue
            }
            let remove = entry["remove"].map { $0 == .scalar(ArraySlice("true".utf8)) } ?? false
            let update = entry["update"]
            if update == nil && !remove {
                _ = error("the action has neither `update` nor `remove: true`", at: pointer, hint: "say what to do with the target")
                valid = false
                continue
            }
            actions.append(Action(pointer: pointer, target: target, update: update, remove: remove))
        }
        guard valid else { return nil }
        let extends = root["extends"]?.stringValue.flatMap { $0.split(separator: "/").last.map(String.init) }
        return Overlay(file: file, extends: extends, actions: actions)
    }

    /// Whether the overlay is meant for the document at `path`.
    func applies(to path: String) -> Bool {
        guard let extends else { return true }
        return (path as NSString).lastPathComponent == extends
    }

    /// `tree` with the actions applied; `matched[i]` counts the nodes action `i` selected.
    func apply(to tree: JSONTree, matched: inout [Int]) -> JSONTree {
        var tree = tree
        for (number, action) in actions.enumerated() {
            var places = action.target.select(in: tree)
            matched[number] += places.count
            if action.remove {
                // Later places first, so that removing one does not move the next.
                places.sort { Self.comesAfter($0, $1) }
                for place in places { tree = Self.modify(tree, at: place[...]) { _ in nil } }
            } else if let update = action.update {
                for place in places {
                    tree = Self.modify(tree, at: place[...]) { node in node.map { Self.merge(update, into: $0) } }
                }
            }
        }
        return tree
    }

    /// Whether the place `lhs` comes after `rhs` in document order (a node after its parent).
    private static func comesAfter(_ lhs: [JSONPath.Step], _ rhs: [JSONPath.Step]) -> Bool {
        for (a, b) in zip(lhs, rhs) where a != b {
            if case .index(let x) = a, case .index(let y) = b { return x > y }
            return false
        }
        return lhs.count > rhs.count
    }

    /// The tree with the node at `steps` replaced by `change(node)` (removed when `nil`).
    private static func modify(
        _ tree: JSONTree, at steps: ArraySlice<JSONPath.Step>, _ change: (JSONTree?) -> JSONTree?
    ) -> JSONTree {
        guard let step = steps.first else { return change(tree) ?? tree }
        let rest = steps.dropFirst()
        switch (step, tree) {
        case (.key(let key), .object(var members)):
            guard let index = members.firstIndex(where: { $0.key == key }) else { return tree }
            if rest.isEmpty, change(members[index].value) == nil {
                members.remove(at: index)
            } else {
                members[index].value = modify(members[index].value, at: rest, change)
            }
            return .object(members)
        case (.index(let index), .array(var elements)) where elements.indices.contains(index):
            if rest.isEmpty, change(elements[index]) == nil {
                elements.remove(at: index)
            } else {
                elements[index] = modify(elements[index], at: rest, change)
            }
            return .array(elements)
        default:
            return tree
        }
    }

    /// Overlay 1.0's update: an object merges into an object (``JSONTree/merging(_:)``), a
    /// value is appended to an array, anything else replaces the node.
    static func merge(_ update: JSONTree, into node: JSONTree) -> JSONTree {
        if case .array(let elements) = node { return .array(elements + [update]) }
        return node.merging(update)
    }
}
