/// The repairs the parse stage makes to a document's tree when the decoder stops at something
/// that does not shape the generated code (``DocumentParser``).
extension JSONTree {
    /// The keys of the object that `tokens` names; `nil` when it is not an object.
    func memberKeys(at tokens: [String]) -> [String]? {
        value(at: tokens)?.members?.map(\.key)
    }

    /// The tree without the object member that `tokens` names (its last token is the key);
    /// `nil` when there is no such member.
    func removingMember(at tokens: [String]) -> JSONTree? {
        guard let key = tokens.last, value(at: tokens.dropLast())?.members?.contains(where: { $0.key == key }) == true
        else { return nil }
        return updating(at: tokens) { _ in nil }
    }

    /// The tree with the scalar at `tokens` (a number, `true` or `false`) written as a string
    /// of its text, and, when it is an array's element, every such scalar of that array. When
    /// `tokens` names an array (YAML's `type: [array, null]`), its scalars, `null` among them,
    /// become strings. `nil` when there is nothing to quote there.
    func quotingScalars(at tokens: [String]) -> JSONTree? {
        guard let node = value(at: tokens) else { return nil }
        if case .array(let elements) = node {
            guard elements.contains(where: { $0.isQuotable(orNull: true) }) else { return nil }
            return updating(at: tokens) { _ in .array(elements.map { $0.quoted(orNull: true) }) }
        }
        guard node.isQuotable(orNull: false) else { return nil }
        if let last = tokens.last, Int(last) != nil, case .array(let siblings)? = value(at: tokens.dropLast()) {
            return updating(at: tokens.dropLast()) { _ in .array(siblings.map { $0.quoted(orNull: false) }) }
        }
        return updating(at: tokens) { $0.quoted(orNull: false) }
    }

    /// The tree with a `default` for the server variable at `tokens`, which has none (OpenAPI
    /// requires one): its first `enum` value, or the empty text when it has no `enum`. `nil`
    /// when `tokens` names no object without a `default`.
    func givingServerVariableDefault(at tokens: [String]) -> (tree: JSONTree, value: String)? {
        guard let variable = value(at: tokens), let members = variable.members, variable["default"] == nil else { return nil }
        let first: String? =
            if case .array(let values)? = variable["enum"], case .scalar(let text)? = values.first {
                values.first?.stringValue ?? String(decoding: text, as: UTF8.self)
            } else {
                nil
            }
        let value = first ?? ""
        guard let tree = updating(at: tokens, { _ in .object(members + [Member(key: "default", value: .string(value))]) }) else {
            return nil
        }
        return (tree, value)
    }

    /// The tree with `required: true` on the path parameter at `tokens` or the closest object
    /// around it that is one (OpenAPI requires path parameters to say so), with that object's
    /// tokens; `nil` when there is none.
    func requiringPathParameter(near tokens: [String]) -> (tree: JSONTree, at: [String])? {
        for length in stride(from: tokens.count, through: 1, by: -1) {
            let prefix = Array(tokens.prefix(length))
            guard let parameter = value(at: prefix), let members = parameter.members, parameter["in"]?.stringValue == "path"
            else { continue }
            let required = Member(key: "required", value: .scalar(ArraySlice("true".utf8)))
            let updated = members.contains { $0.key == "required" }
                ? members.map { $0.key == "required" ? required : $0 } : members + [required]
            return updating(at: prefix) { _ in .object(updated) }.map { ($0, prefix) }
        }
        return nil
    }

    /// Whether this is a number or a boolean (or `null`, when `orNull`).
    private func isQuotable(orNull: Bool) -> Bool {
        guard case .scalar(let text) = self, let first = text.first else { return false }
        return first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
            || first == UInt8(ascii: "t") || first == UInt8(ascii: "f") || (orNull && first == UInt8(ascii: "n"))
    }

    /// A quotable scalar as the string of its text; anything else as it is.
    private func quoted(orNull: Bool) -> JSONTree {
        guard isQuotable(orNull: orNull), case .scalar(let text) = self else { return self }
        return .string(String(decoding: text, as: UTF8.self))
    }
}
