/// What `generate infer` proposes for a paged operation's response side, from its samples: the
/// field that carries each cursor's (or companion's) next value, a "has more" field, the items
/// and the page count, each with what the samples showed, as an `x-pagination` overlay action
/// a person reviews.
///
/// A field is proposed for a cursor when a sample's value of it was sent by the next sample's
/// request (the recorder writes `N.request.json` beside `N.json`), or else when a scalar field
/// is named like the parameter (`lastCursor` → `cursor`, `last_cursor`) or like a cursor
/// (`next_cursor`, `search_id`, `pagination_token`, `buffer` …). "Has more" is a boolean, 0/1
/// or "true"/"false" field named `has_more`, `hasMore`, `has_next`, `hasNext` and the like;
/// the items, the largest array every sample has at the same place.
struct PagingProposal {
    struct Sample {
        let payload: JSONTree
        /// The request's parameters (query and form), when the recorder kept them.
        let parameters: [String: String]?
    }

    let operationID: String
    let path: String
    let httpMethod: String
    let paging: PagingModel
    let samples: [Sample]
    /// The envelope's data member, which paths start with (`$.data.…`); `nil` without one.
    let dataKey: String?

    /// The overlay action, or `nil` when the samples show nothing to propose.
    func action() -> JSONTree? {
        guard !samples.isEmpty else { return nil }
        var seen: [String] = []
        var inputs: [JSONTree] = []
        var described = false
        for input in paging.inputs {
            var members = [member("name", .string(input.name))]
            if input.isFormField { members.append(member("in", .string("requestBody"))) }
            members.append(member("type", .string(input.role.rawValue)))
            switch input.role {
            case .cursor, .carried:
                if let (place, evidence) = nextValue(of: input) {
                    members.append(member("from", .string(place)))
                    seen.append("`\(input.name)` from \(place): \(evidence)")
                    described = true
                } else if let from = input.from {
                    members.append(member("from", .string(from)))
                    seen.append("`\(input.name)` from \(from), as before (no field of the samples carries it)")
                } else {
                    seen.append("`\(input.name)`: no field of the samples carries its next value; describe it by hand")
                    continue
                }
            case .page, .offset:
                break
            }
            inputs.append(.object(members))
        }
        var outputs: [JSONTree.Member] = []
        if let (place, evidence) = hasMore() {
            outputs.append(member("hasMore", .string(place)))
            seen.append("has more at \(place): \(evidence)")
            described = true
        }
        if let (place, evidence) = items() {
            outputs.append(member("results", .string(place)))
            seen.append("items at \(place): \(evidence)")
            described = true
        }
        if paging.inputs.contains(where: { $0.role == .page }), let (place, evidence) = totalPages() {
            outputs.append(member("numPages", .string(place)))
            seen.append("page count at \(place): \(evidence)")
            described = true
        }
        guard described, !inputs.isEmpty else { return nil }
        var description: [JSONTree.Member] = [member("inputs", .array(inputs))]
        if !outputs.isEmpty { description.append(member("outputs", .object(outputs))) }
        let count = "\(samples.count) sample\(samples.count == 1 ? "" : "s")"
        return .object([
            member("target", .string("$.paths[\(InferredOverlay.quoted(path))].\(httpMethod.lowercased())")),
            member("description", .string("\(operationID): paging as \(count) showed it (review before use): " + seen.joined(separator: "; "))),
            member("update", .object([member("x-pagination", .object(description))])),
        ])
    }

    // MARK: What the samples show

    /// The place of `input`'s next value and what showed it.
    private func nextValue(of input: PagingInputModel) -> (String, String)? {
        // A value of one page that the next page's request sent back.
        var sentBack: [String: Int] = [:]
        for (sample, next) in zip(samples, samples.dropFirst()) {
            guard let value = next.parameters?[input.name], !value.isEmpty else { continue }
            for leaf in Self.leaves(of: sample.payload) where leaf.text == value {
                sentBack[place(leaf.steps), default: 0] += 1
            }
        }
        if let (place, count) = sentBack.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) {
            return (place, "its value in \(count) sample\(count == 1 ? "" : "s") was what the next sample's request sent")
        }
        // A scalar named like the parameter, or like a cursor.
        let wanted = Self.normalizedNames(for: input.name)
        var named: [String: (rank: Int, values: [String])] = [:]
        for sample in samples {
            for leaf in Self.leaves(of: sample.payload) where !leaf.insideArray {
                guard let key = leaf.steps.last.flatMap({ if case .key(let key) = $0 { key } else { nil } }) else { continue }
                let normalized = Self.normalize(key)
                guard let rank = wanted.firstIndex(of: normalized), leaf.isString || leaf.isNumber else { continue }
                named[place(leaf.steps), default: (rank, [])].values.append(leaf.text ?? "")
            }
        }
        guard let (place, found) = named.min(by: { ($0.value.rank, $0.key) < ($1.value.rank, $1.key) }) else { return nil }
        let values = found.values.prefix(3).map { "`\($0)`" }.joined(separator: ", ")
        return (place, "a field named like it in \(found.values.count) of \(samples.count) samples (\(values)); no request showed it sent back")
    }

    private func hasMore() -> (String, String)? {
        let names = ["hasmore", "hasnext", "hasnextpage", "more", "hasmorepage"]
        var found: [String: (rank: Int, values: [String])] = [:]
        for sample in samples {
            for leaf in Self.leaves(of: sample.payload) where !leaf.insideArray && leaf.isFlag {
                guard case .key(let key)? = leaf.steps.last, let rank = names.firstIndex(of: Self.normalize(key)) else { continue }
                found[place(leaf.steps), default: (rank, [])].values.append(leaf.text ?? "")
            }
        }
        guard let (place, flag) = found.min(by: { ($0.value.rank, $0.key) < ($1.value.rank, $1.key) }) else { return nil }
        return (place, "\(flag.values.joined(separator: ", ")) in \(flag.values.count) of \(samples.count) samples")
    }

    private func items() -> (String, String)? {
        var lengths: [String: [Int]] = [:]
        for sample in samples {
            for (steps, count) in Self.arrays(in: sample.payload) { lengths[place(steps), default: []].append(count) }
        }
        let everywhere = lengths.filter { $0.value.count == samples.count }
        guard let (place, counts) = everywhere.max(by: { ($0.value.reduce(0, +), $1.key) < ($1.value.reduce(0, +), $0.key) }) else {
            return nil
        }
        return (place, "an array in every sample, of \(counts.map(String.init).joined(separator: ", ")) elements")
    }

    private func totalPages() -> (String, String)? {
        let names = ["totalpage", "totalpages", "pagecount", "pages"]
        for sample in samples {
            for leaf in Self.leaves(of: sample.payload) where !leaf.insideArray && leaf.isNumber {
                guard case .key(let key)? = leaf.steps.last, names.contains(Self.normalize(key)) else { continue }
                return (place(leaf.steps), "a number named like a page count (`\(leaf.text ?? "")`)")
            }
        }
        return nil
    }

    // MARK: The payload's fields

    /// A scalar of a payload and the way to it.
    struct Leaf {
        let steps: [ResponsePathSyntax.Step]
        let value: JSONTree
        let insideArray: Bool

        var isString: Bool { value.stringValue != nil }
        var isNumber: Bool { text.flatMap(Double.init) != nil && !isString }
        var isFlag: Bool { ["true", "false", "0", "1"].contains(text ?? "") }
        var text: String? {
            if let string = value.stringValue { return string }
            guard case .scalar(let bytes) = value else { return nil }
            let text = String(decoding: bytes, as: UTF8.self)
            return text == "null" ? nil : text
        }
    }

    /// Every scalar at most six levels down; in arrays, the first and the last element only
    /// (named `[0]` and `[-1]`), which is where cursors sit.
    static func leaves(of tree: JSONTree) -> [Leaf] {
        var result: [Leaf] = []
        func visit(_ node: JSONTree, _ steps: [ResponsePathSyntax.Step], _ insideArray: Bool) {
            guard steps.count <= 6 else { return }
            switch node {
            case .object(let members):
                for member in members { visit(member.value, steps + [.key(member.key)], insideArray) }
            case .array(let elements):
                if let first = elements.first { visit(first, steps + [.index(0)], true) }
                if elements.count > 1, let last = elements.last { visit(last, steps + [.index(-1)], true) }
            case .scalar:
                result.append(Leaf(steps: steps, value: node, insideArray: insideArray))
            }
        }
        visit(tree, [], false)
        return result
    }

    /// Every array among the payload's objects, three levels deep, with its length.
    static func arrays(in tree: JSONTree) -> [([ResponsePathSyntax.Step], Int)] {
        if case .array(let elements) = tree { return [([], elements.count)] }
        var result: [([ResponsePathSyntax.Step], Int)] = []
        func visit(_ node: JSONTree, _ steps: [ResponsePathSyntax.Step]) {
            guard steps.count < 3, case .object(let members) = node else { return }
            for member in members {
                if case .array(let elements) = member.value {
                    result.append((steps + [.key(member.key)], elements.count))
                } else {
                    visit(member.value, steps + [.key(member.key)])
                }
            }
        }
        visit(tree, [])
        return result
    }

    /// The JSONPath of a place in the payload, from the body's root.
    private func place(_ steps: [ResponsePathSyntax.Step]) -> String {
        ResponsePathSyntax(steps: (dataKey.map { [.key($0)] } ?? []) + steps).description
    }

    /// `next_Cursor` → `nextcursor`.
    static func normalize(_ name: String) -> String {
        name.lowercased().filter { $0 != "_" && $0 != "-" }
    }

    /// The names a field carrying `parameter`'s next value may have, best first.
    static func normalizedNames(for parameter: String) -> [String] {
        let own = normalize(parameter)
        var names = [own]
        for prefix in ["last", "max", "min", "next", "end"] where own.hasPrefix(prefix) && own.count > prefix.count {
            names.append(String(own.dropFirst(prefix.count)))
        }
        names += ["next" + own, "nextcursor", "cursor", "maxcursor", "pcursor", "searchid", "nextpagetoken", "paginationtoken",
            "pagetoken", "continuationtoken", "endcursor", "lastbuffer", "buffer", "cookiesbuffer"]
        var seen: Set<String> = []
        return names.filter { seen.insert($0).inserted }
    }

    private func member(_ key: String, _ value: JSONTree) -> JSONTree.Member {
        JSONTree.Member(key: key, value: value)
    }
}
