/// Reads an operation's `x-pagination` (or Speakeasy's `x-speakeasy-pagination`, whose shape
/// it follows) into a ``PagingPlan``:
///
/// ```yaml
/// x-pagination:
///   type: cursor                    # page, offset or cursor (Speakeasy's offsetLimit too)
///   inputs:
///     - name: lastCursor            # a query parameter or form field of the operation
///       in: parameters              # or requestBody (form fields); optional
///       type: cursor                # page, offset, limit, cursor, or carried (ours)
///       from: $.data.cursor         # ours: where the next value is (cursor, carried)
///       first: 1                    # ours: the first page's number or offset
///   outputs:
///     nextCursor: $.data.cursor     # where the cursor input's next value is
///     results: $.data.comments      # the page's items
///     hasMore: $.data.has_more      # ours: whether more follow
///     numPages: $.data.total_page   # the number of pages
/// ```
///
/// Paths are JSONPath from the response body's root (``ResponsePathSyntax``). A description
/// that cannot be read is an error at its place; a valid one this generator cannot page
/// (`type: url`) is a warning, and the operation is generated without paging.
struct PagingDescription {
    let key: String
    let tree: JSONTree
    /// The operation's parameters that can page: query parameters and form fields.
    let parameters: [PendingParameter]
    /// The extension's place.
    let location: SourceLocation
    let diagnostics: DiagnosticCollector

    private func at(_ tokens: [String]) -> SourceLocation {
        SourceLocation(file: location.file, pointer: (location.pointer ?? "") + JSONPointer.pointer([key] + tokens))
    }

    /// The plan, or `nil` after reporting why there is none.
    func read() -> PagingPlan? {
        guard case .object = tree else {
            diagnostics.error("`\(key)` must be an object with `inputs` and `outputs`", at: at([]), hint: Self.hint)
            return nil
        }
        let type = tree["type"]?.stringValue
        if type == "url" {
            diagnostics.warning(
                "`\(key)` of type `url` (the next page's address in the response) is not supported; the operation is generated without paging",
                at: at(["type"]), hint: "describe its paging with page, offset or cursor inputs instead")
            return nil
        }
        if let type, !["page", "offset", "cursor", "offsetLimit"].contains(type) {
            diagnostics.error(
                "unknown paging type `\(type)`", at: at(["type"]), hint: "use page, offset or cursor (or Speakeasy's offsetLimit)")
            return nil
        }
        var valid = true
        let outputs = tree["outputs"]
        func path(_ tokens: [String], _ node: JSONTree?) -> ResponsePathSyntax? {
            guard let node else { return nil }
            guard let text = node.stringValue else {
                diagnostics.error("expected a JSONPath as text", at: at(tokens), hint: "such as `$.data.cursor`")
                valid = false
                return nil
            }
            switch ResponsePathSyntax.parse(text) {
            case .success(let path): return path
            case .failure(let error):
                diagnostics.error(
                    "`\(text)` is not a path this generator reads: \(error.reason)", at: at(tokens),
                    hint: "use member names and indexes from the body's root, such as `$.data.list` or `$.data.items[-1].id`, or `$..name` for a member at any depth")
                valid = false
                return nil
            }
        }
        let nextCursor = path(["outputs", "nextCursor"], outputs?["nextCursor"])
        let items = path(["outputs", "results"], outputs?["results"])
        let hasMore = path(["outputs", "hasMore"], outputs?["hasMore"])
        let totalPages = path(["outputs", "numPages"], outputs?["numPages"])
        for member in outputs?.members ?? [] where !["nextCursor", "results", "hasMore", "numPages"].contains(member.key) {
            diagnostics.warning(
                "unknown paging output `\(member.key)`; it is ignored", at: at(["outputs", member.key]),
                hint: "known outputs: nextCursor, results, hasMore, numPages")
        }

        guard case .array(let inputNodes)? = tree["inputs"], !inputNodes.isEmpty else {
            diagnostics.error(
                "`\(key)` has no `inputs`: which request parameter goes to the next page", at: at([]), hint: Self.hint)
            return nil
        }
        var inputs: [PagingPlan.Input] = []
        for (index, node) in inputNodes.enumerated() {
            let place = ["inputs", String(index)]
            guard let name = node["name"]?.stringValue else {
                diagnostics.error("a paging input needs the `name` of a request parameter", at: at(place), hint: Self.hint)
                valid = false
                continue
            }
            let location: PagingPlan.Input.Location
            switch parameters.first(where: { $0.wireName == name })?.location {
            case .query?: location = .query
            case .formField?: location = .formField
            default:
                diagnostics.error(
                    "paging input `\(name)` is not a query parameter or form field of this operation", at: at(place + ["name"]),
                    hint: "name one of: \(parameters.map(\.wireName).joined(separator: ", "))")
                valid = false
                continue
            }
            if let place = node["in"]?.stringValue, !["parameters", "requestBody"].contains(place) {
                diagnostics.warning(
                    "paging input `\(name)` has `in: \(place)`; the parameter's own place is used", at: at(["inputs", String(index), "in"]),
                    hint: "use parameters or requestBody")
            }
            let first = node["first"].flatMap { Int($0.scalarText ?? "") }
            let from = path(place + ["from"], node["from"])
            switch node["type"]?.stringValue {
            case "page":
                inputs.append(PagingPlan.Input(name: name, location: location, role: .page(first: first ?? 1)))
            case "offset":
                inputs.append(PagingPlan.Input(name: name, location: location, role: .offset(first: first ?? 0)))
            case "limit":
                continue  // the page size: sent as the caller set it
            case "cursor":
                guard let next = from ?? nextCursor else {
                    diagnostics.error(
                        "cursor input `\(name)` does not say where a response carries the next cursor", at: at(place),
                        hint: "add `from: $.data.…` to the input, or `outputs.nextCursor`")
                    valid = false
                    continue
                }
                inputs.append(PagingPlan.Input(name: name, location: location, role: .cursor, from: next, fromSource: .described))
            case "carried":
                guard let from else {
                    diagnostics.error(
                        "carried input `\(name)` does not say where a response carries its next value", at: at(place),
                        hint: "add `from: $.data.…`")
                    valid = false
                    continue
                }
                inputs.append(PagingPlan.Input(name: name, location: location, role: .carried, from: from, fromSource: .described))
            case let other:
                diagnostics.error(
                    other.map { "unknown paging input type `\($0)`" } ?? "paging input `\(name)` has no `type`",
                    at: at(place + ["type"]), hint: "use page, offset, limit, cursor or carried")
                valid = false
            }
        }
        guard valid else { return nil }
        let advancing = inputs.first { if case .carried = $0.role { false } else { true } }
        guard let advancing else {
            diagnostics.error(
                "`\(key)` has no page, offset or cursor input: nothing goes to the next page", at: at(["inputs"]), hint: Self.hint)
            return nil
        }
        let kind: PagingPlan.Kind =
            switch advancing.role {
            case .page: .page
            case .offset: .offset
            default: .cursor
            }
        return PagingPlan(
            kind: kind, inputs: inputs, items: items, hasMore: hasMore, totalPages: totalPages, describedBy: key)
    }

    static let hint =
        "see \"Paging\" in README.md: `x-pagination: {inputs: [{name: page, type: page}], outputs: {results: $.data.list}}`"
}

extension JSONTree {
    /// A scalar's text without quotes: `12` for `12`, `abc` for `"abc"`.
    var scalarText: String? {
        if let string = stringValue { return string }
        guard case .scalar(let bytes) = self else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }
}
