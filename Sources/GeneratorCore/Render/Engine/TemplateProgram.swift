/// A template compiled for rendering from ``TemplateContext``s without Mustache's dynamic
/// lookups: a tree of text, variables, sections and partials.
///
/// It reads a template exactly as swift-mustache does (the same standalone-line rules,
/// delimiter changes and partial indentation; `Test_TemplateProgram` renders thousands of
/// random templates both ways and compares), for the subset of Mustache the generator's
/// templates use. A template that uses more (transforms such as `first()`, inheritance with
/// `{{<parent}}` and `{{$block}}`, dynamic partials, HTML escaping) is not compiled, and the set
/// it belongs to is rendered by swift-mustache instead.
struct TemplateProgram: Sendable {
    indirect enum Node: Sendable, Equatable {
        case text(String)
        /// `{{name}}`, `{{{name}}}` or `{{&name}}`; no escaping, as every template renders text.
        case variable(Key)
        case section(Key, [Node])
        case invertedSection(Key, [Node])
        /// `indentation` is the whitespace before a standalone partial tag, which prefixes the
        /// partial's lines.
        case partial(String, indentation: String?)
    }

    /// A key as a tag names it: `.`, `name`, `a.b` or `.a`, its parts by number (``TemplateKeyIDs``).
    struct Key: Sendable, Equatable {
        /// The parts between dots; none for `.`, which is the innermost value.
        let parts: [Int]
        /// `.a`: looked up in the innermost value only, not in the sections around it.
        let innermostOnly: Bool

        init(_ name: String) {
            parts = name == "." ? [] : name.split(separator: ".").map { TemplateKeyIDs.id(of: String($0)) }
            innermostOnly = name.first == "." && name != "."
        }
    }

    let nodes: [Node]

    /// The template compiled, or `nil` when it uses what only swift-mustache renders (or does
    /// not parse, which swift-mustache reports).
    init?(_ text: String) {
        var reader = Reader(Array(text))
        guard let nodes = try? Self.parse(&reader, state: State()) else { return nil }
        self.nodes = nodes
    }

    private struct NotCompiled: Error {}

    /// Where the parser is: the section it is in, whether it is at the start of a line, and the
    /// delimiters (a change lasts to the end of the section it is made in).
    private struct State {
        var sectionName: String?
        var newLine = true
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]
    }

    /// Reads a section's body up to its closing tag, or the whole template.
    private static func parse(_ reader: inout Reader, state: State) throws -> [Node] {
        var nodes: [Node] = []
        var state = state
        var whitespaceBefore = ""
        while !reader.atEnd {
            if state.newLine {
                whitespaceBefore = reader.read { $0 == " " || $0 == "\t" }
            }
            let text = try readText(&reader, state: state)
            if reader.current.isNewline {
                nodes.append(.text(whitespaceBefore + text + String(reader.current)))
                state.newLine = true
                reader.advance()
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(whitespaceBefore + text))
                whitespaceBefore = ""
                state.newLine = false
            }
            if reader.atEnd { break }
            // The whitespace before a tag that does not stand alone on its line stays text.
            func keepWhitespace() {
                if !whitespaceBefore.isEmpty {
                    nodes.append(.text(whitespaceBefore))
                    whitespaceBefore = ""
                }
            }
            var standalone = false
            switch reader.current {
            case "#", "^":
                let inverted = reader.current == "^"
                reader.advance()
                let name = try parseName(&reader, state: state)
                if isStandalone(&reader, state: state) { standalone = true } else { keepWhitespace() }
                var inner = state
                inner.sectionName = name
                if !standalone { inner.newLine = false }
                let body = try parse(&reader, state: inner)
                nodes.append(inverted ? .invertedSection(Key(name), body) : .section(Key(name), body))
            case "/":
                reader.advance()
                let name = try parseName(&reader, state: state)
                guard name == state.sectionName else { throw NotCompiled() }
                if !isStandalone(&reader, state: state) { keepWhitespace() }
                return nodes
            case "!":
                reader.advance()
                try skipComment(&reader, state: state)
                standalone = isStandalone(&reader, state: state)
            case "{":
                keepWhitespace()
                reader.advance()
                let name = try parseName(&reader, state: state)
                guard reader.current == "}", !reader.atEnd else { throw NotCompiled() }
                reader.advance()
                nodes.append(.variable(Key(name)))
            case "&":
                keepWhitespace()
                reader.advance()
                nodes.append(.variable(Key(try parseName(&reader, state: state))))
            case ">":
                reader.advance()
                _ = reader.read(while: \.isWhitespace)
                guard reader.current != "*" else { throw NotCompiled() }  // a dynamic partial
                let name = try parseName(&reader, state: state, isPartial: true)
                if !whitespaceBefore.isEmpty { nodes.append(.text(whitespaceBefore)) }
                if isStandalone(&reader, state: state) {
                    standalone = true
                    nodes.append(.partial(name, indentation: whitespaceBefore))
                } else {
                    nodes.append(.partial(name, indentation: nil))
                }
                whitespaceBefore = ""
            case "=":
                reader.advance()
                state = try setDelimiters(&reader, state: state)
                standalone = isStandalone(&reader, state: state)
            case "%":
                reader.advance()
                try readTextPragma(&reader, state: state)
                standalone = isStandalone(&reader, state: state)
            case "<", "$":
                throw NotCompiled()  // inheritance
            default:
                keepWhitespace()
                nodes.append(.variable(Key(try parseName(&reader, state: state))))
            }
            state.newLine = standalone
        }
        guard state.sectionName == nil else { throw NotCompiled() }
        return nodes
    }

    /// Text up to a newline (left unread) or past the opening delimiter of a tag. Like
    /// swift-mustache, refuses a template that ends within what could be an opening delimiter.
    private static func readText(_ reader: inout Reader, state: State) throws -> String {
        var text = ""
        while !reader.atEnd {
            text += reader.read { $0 != "\n" && $0 != "\r\n" && $0 != state.open[0] }
            if reader.current.isNewline { break }
            if reader.current == state.open[0] {
                guard reader.characters.count - reader.position >= state.open.count else { throw NotCompiled() }
                if reader.read(state.open) { break }
                text.append(state.open[0])
                reader.advance()
            }
        }
        return text
    }

    /// Whether the tag just read stands alone on its line: then the rest of the line (spaces and
    /// the newline) is not text.
    private static func isStandalone(_ reader: inout Reader, state: State) -> Bool {
        guard state.newLine else { return false }
        if reader.atEnd { return true }
        var ahead = reader
        _ = ahead.read { $0 == " " || $0 == "\t" }
        guard ahead.current.isNewline else { return false }
        ahead.advance()
        reader = ahead
        return true
    }

    private static let nameCharacters = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    /// What swift-mustache reads as a name, transforms' parentheses included.
    private static let nameCharactersWithTransforms = nameCharacters.union("()")
    private static let partialNameCharacters = nameCharactersWithTransforms.union("/")

    /// A tag's name and its closing delimiter; a name with transforms (`first()`) is not
    /// compiled. A partial's name may hold `/` and parentheses.
    private static func parseName(_ reader: inout Reader, state: State, isPartial: Bool = false) throws -> String {
        _ = reader.read(while: \.isWhitespace)
        let allowed = isPartial ? partialNameCharacters : nameCharactersWithTransforms
        let name = reader.read { allowed.contains($0) }
        guard isPartial || !name.contains(where: { $0 == "(" || $0 == ")" }) else { throw NotCompiled() }
        _ = reader.read(while: \.isWhitespace)
        guard reader.read(state.close) else { throw NotCompiled() }
        return name
    }

    /// A comment, up to the closing delimiter (found the way swift-mustache finds it).
    private static func skipComment(_ reader: inout Reader, state: State) throws {
        var matched = 0
        while !reader.atEnd {
            if reader.current == state.close[matched] {
                matched += 1
                if matched == state.close.count {
                    reader.advance()
                    return
                }
            } else {
                matched = 0
            }
            reader.advance()
        }
        throw NotCompiled()
    }

    /// `{{=<% %>=}}`.
    private static func setDelimiters(_ reader: inout Reader, state: State) throws -> State {
        _ = reader.read(while: \.isWhitespace)
        let open = reader.read { !$0.isWhitespace }
        guard !reader.atEnd else { throw NotCompiled() }
        _ = reader.read(while: \.isWhitespace)
        let close = reader.read { $0 != "=" && !$0.isWhitespace }
        guard !reader.atEnd else { throw NotCompiled() }
        _ = reader.read(while: \.isWhitespace)
        guard reader.read(["="]), reader.read(state.close), !open.isEmpty, !close.isEmpty else { throw NotCompiled() }
        var state = state
        state.open = Array(open)
        state.close = Array(close)
        return state
    }

    /// `{{% CONTENT_TYPE: TEXT}}`, which every template starts with; any other pragma is left
    /// to swift-mustache.
    private static func readTextPragma(_ reader: inout Reader, state: State) throws {
        _ = reader.read(while: \.isWhitespace)
        let variable = reader.read { nameCharacters.contains($0) }
        _ = reader.read(while: \.isWhitespace)
        guard reader.read([":"]) else { throw NotCompiled() }
        _ = reader.read(while: \.isWhitespace)
        let value = reader.read { nameCharacters.contains($0) }
        _ = reader.read(while: \.isWhitespace)
        guard reader.read(state.close), variable == "CONTENT_TYPE", value == "TEXT" else { throw NotCompiled() }
    }

    /// The template's characters (as swift-mustache reads them: `\r\n` is one) and a position.
    private struct Reader {
        let characters: [Character]
        var position = 0

        init(_ characters: [Character]) { self.characters = characters }

        var atEnd: Bool { position == characters.count }
        /// The current character; `"\0"` at the end.
        var current: Character { atEnd ? "\0" : characters[position] }

        mutating func advance() { position += 1 }

        /// Reads characters while `test` holds.
        mutating func read(while test: (Character) -> Bool) -> String {
            let start = position
            while !atEnd, test(characters[position]) { position += 1 }
            return String(characters[start..<position])
        }

        /// Reads `expected` when it comes next.
        mutating func read(_ expected: [Character]) -> Bool {
            guard characters.count - position >= expected.count,
                characters[position..<position + expected.count].elementsEqual(expected)
            else { return false }
            position += expected.count
            return true
        }
    }
}
