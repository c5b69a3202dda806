import Foundation

/// A JSON value that keeps its members in the order they were written and its scalars as
/// their exact text, so that a document rewritten by the bundler reads like the original.
indirect enum JSONTree: Sendable, Equatable {
    case object([Member])
    case array([JSONTree])
    /// A string, number, boolean or null, as JSON text (`"a"`, `12.50`, `true`).
    case scalar([UInt8])

    struct Member: Sendable, Equatable {
        var key: String
        var value: JSONTree
    }

    /// Reads well-formed JSON (checked by ``JSONScanner/syntaxError()`` and within
    /// ``GeneratorLimits/documentNesting``: the reader recurses once per level).
    init?(parsing bytes: [UInt8]) {
        let scanner = JSONScanner(bytes)
        var index = 0
        guard let tree = try? Self.read(scanner, &index) else { return nil }
        self = tree
    }

    private static func read(_ scanner: JSONScanner, _ index: inout Int) throws -> JSONTree {
        scanner.skipWhitespace(&index)
        switch scanner.peek(index) {
        case UInt8(ascii: "{"):
            index += 1
            var members: [Member] = []
            scanner.skipWhitespace(&index)
            if scanner.peek(index) == UInt8(ascii: "}") {
                index += 1
                return .object(members)
            }
            while true {
                scanner.skipWhitespace(&index)
                let key = try scanner.readString(&index)
                scanner.skipWhitespace(&index)
                index += 1  // `:`
                members.append(Member(key: key, value: try read(scanner, &index)))
                scanner.skipWhitespace(&index)
                let separator = scanner.peek(index)
                index += 1
                if separator == UInt8(ascii: "}") { return .object(members) }
            }
        case UInt8(ascii: "["):
            index += 1
            var elements: [JSONTree] = []
            scanner.skipWhitespace(&index)
            if scanner.peek(index) == UInt8(ascii: "]") {
                index += 1
                return .array(elements)
            }
            while true {
                elements.append(try read(scanner, &index))
                scanner.skipWhitespace(&index)
                let separator = scanner.peek(index)
                index += 1
                if separator == UInt8(ascii: "]") { return .array(elements) }
            }
        default:
            let start = index
            try scanner.skipValue(&index, depth: 0)
            return .scalar(Array(scanner.bytes[start..<index]))
        }
    }

    /// A string scalar.
    static func string(_ text: String) -> JSONTree {
        var bytes: [UInt8] = []
        YAMLToJSON.writeString(text, to: &bytes)
        return .scalar(bytes)
    }

    /// The text of a string scalar.
    var stringValue: String? {
        guard case .scalar(let bytes) = self, bytes.first == UInt8(ascii: "\"") else { return nil }
        var index = 0
        return try? JSONScanner(bytes).readString(&index)
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
                YAMLToJSON.writeString(member.key, to: &output)
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
