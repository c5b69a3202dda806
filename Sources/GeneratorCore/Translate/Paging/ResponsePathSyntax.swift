import Foundation

/// The JSONPath subset a paging description may use for a place in the response body: from
/// the root `$`, member names (`.data`, `['next page']`), array indexes (`[0]`, `[-1]` for the
/// last) and a member at any depth (`..search_id`). What the runtime's `ResponsePath` follows,
/// checked here so that nothing is parsed at run time.
struct ResponsePathSyntax: Hashable, Sendable, CustomStringConvertible {
    enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
        case descendant(String)
    }

    let steps: [Step]

    init(steps: [Step]) {
        self.steps = steps
    }

    /// The path `text`, or why it is not one this subset reads.
    static func parse(_ text: String) -> Result<ResponsePathSyntax, ParseError> {
        let characters = Array(text.trimmingCharacters(in: .whitespaces))
        guard characters.first == "$" else { return .failure(ParseError("it does not start at the root, `$`")) }
        var steps: [Step] = []
        var index = 1
        func name() -> String {
            let start = index
            while index < characters.count, characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                || characters[index] == "-"
            {
                index += 1
            }
            return String(characters[start..<index])
        }
        while index < characters.count {
            switch characters[index] {
            case ".":
                if index + 1 < characters.count, characters[index + 1] == "." {
                    index += 2
                    let key = name()
                    guard !key.isEmpty else { return .failure(ParseError("`..` must be followed by a member name")) }
                    steps.append(.descendant(key))
                } else {
                    index += 1
                    let key = name()
                    guard !key.isEmpty else { return .failure(ParseError("`.` must be followed by a member name (wildcards and filters are not read)")) }
                    steps.append(.key(key))
                }
            case "[":
                guard let close = characters[index...].firstIndex(of: "]") else {
                    return .failure(ParseError("a `[` is not closed"))
                }
                let inside = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
                if let number = Int(inside) {
                    steps.append(.index(number))
                } else if inside.count >= 2, let quote = inside.first, quote == "'" || quote == "\"", inside.last == quote {
                    steps.append(.key(String(inside.dropFirst().dropLast())))
                } else {
                    return .failure(ParseError("`[\(inside)]` is neither an array index nor a quoted member name"))
                }
                index = close + 1
            default:
                return .failure(ParseError("unexpected `\(characters[index])` after `\(String(characters[..<index]))`"))
            }
        }
        return .success(ResponsePathSyntax(steps: steps))
    }

    struct ParseError: Error {
        let reason: String
        init(_ reason: String) { self.reason = reason }
    }

    /// `$.data.cursor`.
    var description: String {
        var text = "$"
        for step in steps {
            switch step {
            case .key(let key) where key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) && !(key.first?.isNumber ?? true):
                text += "." + key
            case .key(let key): text += "['" + key + "']"
            case .index(let index): text += "[\(index)]"
            case .descendant(let key): text += ".." + key
            }
        }
        return text
    }
}
