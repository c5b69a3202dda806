import Foundation

/// A JSON value that keeps its members in the order they were written and its scalars as
/// their exact text, so that a document rewritten by the bundler reads like the original.
///
/// Compact, because a large document's tree lives through several stages: no node is boxed (the
/// containers' arrays are the only allocations), and a scalar read from a file is a slice of
/// the file's bytes, not a copy.
enum JSONTree: Sendable, Equatable {
    case object([Member])
    case array([JSONTree])
    /// A string, number, boolean or null, as JSON text (`"a"`, `12.50`, `true`).
    case scalar(ArraySlice<UInt8>)

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONTree
    }

    /// Reads JSON text, checking its syntax as it goes: one pass from bytes to tree. Errors
    /// have the byte offset where the text goes wrong; values nested deeper than
    /// `nestingLimit` levels are refused (the reader recurses once per level).
    static func parse(
        _ bytes: [UInt8], nestingLimit: Int = GeneratorLimits.documentNesting
    ) throws(JSONScanner.SyntaxError) -> JSONTree {
        var duplicates: [DuplicateKey] = []
        return try parse(bytes, nestingLimit: nestingLimit, duplicates: &duplicates)
    }

    /// A member name that an object has more than once (JSON says names should be unique):
    /// the tree keeps the last member of that name, as JavaScript and most readers do.
    struct DuplicateKey: Equatable, Sendable {
        let key: String
        /// The byte offset of the later occurrence's name.
        let offset: Int
    }

    /// ``parse(_:nestingLimit:)``, with each name an object repeats in `duplicates`.
    static func parse(
        _ bytes: [UInt8], nestingLimit: Int = GeneratorLimits.documentNesting, duplicates: inout [DuplicateKey]
    ) throws(JSONScanner.SyntaxError) -> JSONTree {
        var scanner = JSONScanner(bytes)
        scanner.nestingLimit = nestingLimit
        var index = 0
        do {
            scanner.skipWhitespace(&index)
            guard index < bytes.count else {
                throw JSONScanner.SyntaxError(offset: index, message: "the file has no JSON value")
            }
            var scratch = Scratch()
            defer { duplicates = scratch.duplicates }
            let tree = try read(scanner, &index, depth: 0, scratch: &scratch)
            scanner.skipWhitespace(&index)
            if index < bytes.count {
                throw JSONScanner.SyntaxError(
                    offset: index, message: "unexpected \(scanner.describe(index)) after the end of the document")
            }
            return tree
        } catch let error as JSONScanner.SyntaxError {
            throw error
        } catch {
            throw JSONScanner.SyntaxError(offset: index, message: "\(error)")
        }
    }

    /// The tree of well-formed JSON text; `nil` when it is not.
    init?(parsing bytes: [UInt8]) {
        guard let tree = try? Self.parse(bytes) else { return nil }
        self = tree
    }

    /// The members and elements of the containers being read, innermost last: each container
    /// takes its own from the end into an array of just its size, so that a tree holds no spare
    /// capacity and the reader does not grow an array per container.
    private struct Scratch {
        var members: [Member] = []
        var elements: [JSONTree] = []
        /// The offsets of the names of the members being read, beside `members`.
        var keyOffsets: [Int] = []
        var duplicates: [DuplicateKey] = []
    }

    private static func read(
        _ scanner: JSONScanner, _ index: inout Int, depth: Int, scratch: inout Scratch
    ) throws -> JSONTree {
        guard depth <= scanner.nestingLimit else {
            throw JSONScanner.SyntaxError(
                offset: index, message: "nesting is deeper than \(scanner.nestingLimit) levels", isNestingLimit: true)
        }
        switch scanner.peek(index) {
        case UInt8(ascii: "{"):
            let start = scratch.members.count
            try scanner.scanObject(&index) { keyOffset, rawKey, index in
                let key = scanner.string(rawKey)
                let value = try read(scanner, &index, depth: depth + 1, scratch: &scratch)
                scratch.members.append(Member(key: key, value: value))
                scratch.keyOffsets.append(keyOffset)
                return true
            }
            Self.removeRepeatedNames(from: start, &scratch)
            scratch.keyOffsets.removeSubrange(start...)
            return .object(Self.taking(&scratch.members, from: start))
        case UInt8(ascii: "["):
            let start = scratch.elements.count
            try scanner.scanArray(&index) { index in
                scratch.elements.append(try read(scanner, &index, depth: depth + 1, scratch: &scratch))
                return true
            }
            return .array(Self.taking(&scratch.elements, from: start))
        default:
            let start = index
            try scanner.skipScalar(&index)
            return .scalar(scanner.bytes[start..<index])
        }
    }

    /// Of the members from `start` on that share a name, keeps one where the first stood, with
    /// the last one's value, and records each later name as a duplicate. Small objects compare
    /// names pairwise, without allocating; larger ones through a dictionary.
    private static func removeRepeatedNames(from start: Int, _ scratch: inout Scratch) {
        let end = scratch.members.count
        guard end - start > 1 else { return }
        var later: [Int] = []
        func fold(_ position: Int, into first: Int) {
            scratch.members[first].value = scratch.members[position].value
            scratch.duplicates.append(DuplicateKey(key: scratch.members[position].key, offset: scratch.keyOffsets[position]))
            later.append(position)
        }
        if end - start <= 16 {
            for position in (start + 1)..<end {
                let key = scratch.members[position].key
                if let first = (start..<position).first(where: { scratch.members[$0].key == key }) { fold(position, into: first) }
            }
        } else {
            var firstPositions: [String: Int] = [:]
            firstPositions.reserveCapacity(end - start)
            for position in start..<end {
                let key = scratch.members[position].key
                if let first = firstPositions[key] { fold(position, into: first) } else { firstPositions[key] = position }
            }
        }
        for position in later.reversed() {
            scratch.members.remove(at: position)
            scratch.keyOffsets.remove(at: position)
        }
    }

    /// The items of `stack` from `start` on, removed from it, in an array of just their number
    /// (not a slice of the stack's buffer, which would keep the whole buffer alive).
    private static func taking<Item>(_ stack: inout [Item], from start: Int) -> [Item] {
        var items: [Item] = []
        items.reserveCapacity(stack.count - start)
        items.append(contentsOf: stack[start...])
        stack.removeSubrange(start...)
        return items
    }

    /// A string scalar.
    static func string(_ text: String) -> JSONTree {
        var bytes: [UInt8] = []
        JSONText.writeString(text, to: &bytes)
        return .scalar(bytes[...])
    }

    /// The text of a string scalar.
    var stringValue: String? {
        guard case .scalar(let bytes) = self, bytes.count >= 2, bytes.first == UInt8(ascii: "\"") else { return nil }
        return JSONScanner.string(bytes.dropFirst().dropLast())
    }

    var members: [Member]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// The value of the member `key`, when this is an object that has one.
    subscript(key: String) -> JSONTree? {
        members?.first { $0.key == key }?.value
    }

    /// The value that `tokens` (a JSON pointer's reference tokens) names.
    func value(at tokens: some Collection<String>) -> JSONTree? {
        var node = self
        for token in tokens {
            switch node {
            case .object(let members):
                guard let member = members.first(where: { $0.key == token }) else { return nil }
                node = member.value
            case .array(let elements):
                guard let index = Int(token), elements.indices.contains(index) else { return nil }
                node = elements[index]
            case .scalar:
                return nil
            }
        }
        return node
    }

    /// This value with the one that `tokens` names replaced by what `change` makes of it
    /// (`nil` removes an object's member or an array's element); `nil` when the path does not
    /// exist. Only the containers along the path are rebuilt.
    func updating(at tokens: some Collection<String>, _ change: (JSONTree) -> JSONTree?) -> JSONTree? {
        guard let token = tokens.first else { return change(self) }
        let rest = tokens.dropFirst()
        switch self {
        case .object(var members):
            guard let position = members.firstIndex(where: { $0.key == token }) else { return nil }
            if rest.isEmpty {
                guard let changed = change(members[position].value) else {
                    members.remove(at: position)
                    return .object(members)
                }
                members[position].value = changed
            } else {
                guard let changed = members[position].value.updating(at: rest, change) else { return nil }
                members[position].value = changed
            }
            return .object(members)
        case .array(var elements):
            guard let position = Int(token), elements.indices.contains(position) else { return nil }
            if rest.isEmpty {
                guard let changed = change(elements[position]) else {
                    elements.remove(at: position)
                    return .array(elements)
                }
                elements[position] = changed
            } else {
                guard let changed = elements[position].updating(at: rest, change) else { return nil }
                elements[position] = changed
            }
            return .array(elements)
        case .scalar:
            return nil
        }
    }

    /// Whether containers nest more than `limit` levels deep (the top level is 0); without
    /// recursion, so that any tree is safe to check.
    func nests(deeperThan limit: Int) -> Bool {
        var stack: [(node: JSONTree, depth: Int)] = [(self, 0)]
        while let (node, depth) = stack.popLast() {
            if depth > limit { return true }
            switch node {
            case .object(let members): stack += members.map { ($0.value, depth + 1) }
            case .array(let elements): stack += elements.map { ($0, depth + 1) }
            case .scalar: break
            }
        }
        return false
    }

    /// Whether two values say the same thing: equal scalars (as written), arrays equal element
    /// by element, objects with the same members in any order; `required` lists (names of
    /// properties) in any order too.
    func hasSameContent(as other: JSONTree) -> Bool {
        hasSameContent(as: other, orderFree: false)
    }

    private func hasSameContent(as other: JSONTree, orderFree: Bool) -> Bool {
        switch (self, other) {
        case (.scalar(let left), .scalar(let right)):
            return left == right
        case (.array(let left), .array(let right)):
            guard left.count == right.count else { return false }
            if orderFree {
                let sorted = { (elements: [JSONTree]) in elements.map(\.bytes).sorted { $0.lexicographicallyPrecedes($1) } }
                return sorted(left) == sorted(right)
            }
            return zip(left, right).allSatisfy { $0.hasSameContent(as: $1, orderFree: false) }
        case (.object(let left), .object(let right)):
            guard left.count == right.count else { return false }
            if zip(left, right).allSatisfy({ $0.key == $1.key }) {
                return zip(left, right).allSatisfy { $0.value.hasSameContent(as: $1.value, orderFree: $0.key == "required") }
            }
            let others = Dictionary(right.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            return left.allSatisfy { member in
                others[member.key].map { member.value.hasSameContent(as: $0, orderFree: member.key == "required") } ?? false
            }
        default:
            return false
        }
    }

    /// `update` merged into this value: an object's members merge into an object's, recursively
    /// (new members go last, in their order); anything else replaces the value.
    func merging(_ update: JSONTree) -> JSONTree {
        guard case .object(var members) = self, case .object(let changes) = update else { return update }
        for change in changes {
            if let index = members.firstIndex(where: { $0.key == change.key }) {
                members[index].value = members[index].value.merging(change.value)
            } else {
                members.append(change)
            }
        }
        return .object(members)
    }

    /// The JSON text, without whitespace.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        write(to: &output)
        return output
    }

    func write(to output: inout [UInt8]) {
        switch self {
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONText.writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                element.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .scalar(let bytes):
            output.append(contentsOf: bytes)
        }
    }
}
