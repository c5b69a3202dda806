import Foundation

/// Checks templates against the contexts they are rendered with, before anything is rendered:
/// every key a template names must be one its context (or an enclosing section's) has, and
/// lists and contexts must be used as sections. Mustache itself renders an unknown key as
/// empty text, so a misspelled key in a template, or in a user's override, would otherwise go
/// unnoticed.
///
/// Partials are checked where they are included, with the keys in scope there.
struct TemplateKeyCheck {
    /// A template's text and the file it comes from.
    struct Source {
        let path: String
        let tags: [MustacheTag]

        init(path: String, text: String) {
            self.path = path
            self.tags = MustacheTags.scan(text)
        }
    }

    /// A key a template names that its context does not have, or a use that cannot render.
    struct Problem {
        let path: String
        let line: Int
        let column: Int
        let message: String
        let hint: String
        /// The templates that include the one at fault, outermost first; empty for the template itself.
        let includedFrom: [String]

        /// The message, with the templates that include this one.
        var fullMessage: String {
            includedFrom.isEmpty ? message : message + " (included from `\(includedFrom.joined(separator: "` → `"))`)"
        }

        /// The tag at fault: reported once, whichever template included the one it is in and
        /// whatever context that gave it.
        var identity: String { "\(path):\(line):\(column)" }
    }

    let sources: [String: Source]

    /// The problems of `template` rendered with a context of `shape`, partials included.
    func problems(of template: String, with shape: TemplateShape) -> [Problem] {
        var walk = Walk(sources: sources, rootTemplate: template)
        walk.visit(template, stack: [Frame(scope: .object(shape), isListItem: false)], chain: [])
        var seen = Set<String>()
        return walk.problems.filter { seen.insert($0.identity).inserted }
    }

    /// What a section's body sees as its innermost value.
    fileprivate enum Scope {
        /// A context: its keys.
        case object(TemplateShape)
        /// Text or a number: `{{.}}` only.
        case value
        /// No new value (a flag's section, an inverted section, a block).
        case unchanged
    }

    fileprivate struct Frame {
        var scope: Scope
        /// Whether the section iterates a list (`first()`, `last()`, `index()` are known).
        var isListItem: Bool
    }

    private struct Walk {
        let sources: [String: Source]
        let rootTemplate: String
        var problems: [Problem] = []

        mutating func visit(_ name: String, stack: [Frame], chain: [String]) {
            guard let source = sources[name] else { return }
            var stack = stack
            let base = stack.count
            for tag in source.tags {
                switch tag.kind {
                case .variable:
                    guard let kind = resolve(tag, in: stack, source: source, chain: chain) else { continue }
                    switch kind {
                    case .lines, .list, .optional:
                        report(
                            tag, source, chain,
                            "`\(tag.name)` is \(kind.description): it renders as a section, not as text",
                            hint: "write {{#\(tag.name)}}…{{/\(tag.name)}} and name the keys inside")
                    default: break
                    }
                case .section:
                    let kind = resolve(tag, in: stack, source: source, chain: chain)
                    stack.append(frame(entering: kind, transformedBy: Self.transforms(of: tag.name).transforms.first))
                case .invertedSection:
                    _ = resolve(tag, in: stack, source: source, chain: chain)
                    stack.append(Frame(scope: .unchanged, isListItem: false))
                case .block:
                    stack.append(Frame(scope: .unchanged, isListItem: false))
                case .close:
                    if stack.count > base { stack.removeLast() }
                case .partial, .parent:
                    if tag.kind == .parent { stack.append(Frame(scope: .unchanged, isListItem: false)) }
                    guard sources[tag.name] != nil else {
                        report(
                            tag, source, chain, "there is no template named `\(tag.name)` to include",
                            hint: "add \(tag.name).mustache to the templates directory, or name one of: "
                                + sources.keys.sorted().joined(separator: ", "))
                        continue
                    }
                    // A partial that includes itself is checked once.
                    if tag.name != name, !chain.contains(tag.name) {
                        visit(tag.name, stack: stack, chain: chain + [name])
                    }
                case .dynamicPartial:
                    _ = resolve(tag, in: stack, source: source, chain: chain)
                case .delimiters, .other:
                    break
                }
            }
        }

        /// The frame a section's body gets, for a key of `kind` (`nil`: unknown, reported) under
        /// the transform applied last, if any.
        private func frame(entering kind: TemplateValueKind?, transformedBy transform: String?) -> Frame {
            guard let kind else { return Frame(scope: .unchanged, isListItem: false) }
            switch (kind, transform) {
            case (.list(let shape), "first"), (.list(let shape), "last"):
                return Frame(scope: .object(shape), isListItem: false)
            case (.list(let shape), nil), (.list(let shape), "reversed"), (.list(let shape), "sorted"):
                return Frame(scope: .object(shape), isListItem: true)
            case (.lines, nil), (.lines, "reversed"), (.lines, "sorted"):
                return Frame(scope: .value, isListItem: true)
            case (_, .some):
                return Frame(scope: .unchanged, isListItem: false)
            case (.text, nil), (.optionalText, nil), (.number, nil):
                return Frame(scope: .value, isListItem: false)
            case (.flag, nil):
                return Frame(scope: .unchanged, isListItem: false)
            case (.optional(let shape), nil):
                return Frame(scope: .object(shape), isListItem: false)
            }
        }

        /// A tag's name without its transforms: `first(parameters)` is `parameters` under `first`.
        static func transforms(of name: String) -> (transforms: [String], key: String) {
            var key = Substring(name)
            var transforms: [String] = []
            while key.hasSuffix(")"), let open = key.firstIndex(of: "(") {
                transforms.append(String(key[..<open]).trimmingCharacters(in: .whitespaces))
                key = key[key.index(after: open)..<key.index(before: key.endIndex)]
            }
            return (transforms, key.trimmingCharacters(in: .whitespaces))
        }

        /// The kind of the key a tag names, as Mustache finds it (innermost section first, then
        /// outwards); `nil` after reporting a key nothing in scope has, or for `.` and a
        /// sequence's own transforms.
        private mutating func resolve(
            _ tag: MustacheTag, in stack: [Frame], source: Source, chain: [String]
        ) -> TemplateValueKind? {
            let (transforms, key) = Self.transforms(of: tag.name)
            if key == "." { return nil }
            if key.isEmpty {
                // `first()`, `last()`, `index()`: the position in the list being iterated.
                if !transforms.isEmpty, !stack.contains(where: \.isListItem) {
                    report(
                        tag, source, chain, "`\(tag.name)` asks for a position in a list outside any list section",
                        hint: "use it inside a section over a list")
                }
                return nil
            }
            let segments = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            let innermostOnly = key.hasPrefix(".")
            let names = innermostOnly ? Array(segments.dropFirst()) : segments
            var shapes: [TemplateShape] = []
            for frame in stack.reversed() {
                if case .object(let shape) = frame.scope { shapes.append(shape) }
                if innermostOnly, case .object = frame.scope { break }
            }
            guard let first = names.first, let found = shapes.first(where: { $0.keys[first] != nil }),
                var kind = found.keys[first]
            else {
                report(
                    tag, source, chain,
                    "unknown key `\(names.first ?? key)`: \(shapes.first?.description ?? "this context") has no such key",
                    hint: Self.available(shapes))
                return nil
            }
            for segment in names.dropFirst() {
                guard case .optional(let shape) = kind, let inner = shape.keys[segment] else {
                    report(
                        tag, source, chain, "`\(key)`: \(kind.description) has no key `\(segment)`",
                        hint: {
                            if case .optional(let shape) = kind { return Self.available([shape]) }
                            return "name a key of the context itself"
                        }())
                    return nil
                }
                kind = inner
            }
            return kind
        }

        /// The keys in scope, innermost first, for a message.
        private static func available(_ shapes: [TemplateShape]) -> String {
            guard let innermost = shapes.first else { return "no keys are in scope here" }
            var text = "the keys of \(innermost.description) are: " + innermost.keys.keys.sorted().joined(separator: ", ")
            let outer = Set(shapes.dropFirst().flatMap(\.keys.keys)).subtracting(innermost.keys.keys)
            if !outer.isEmpty { text += "; from the enclosing sections: " + outer.sorted().joined(separator: ", ") }
            return text
        }

        private mutating func report(_ tag: MustacheTag, _ source: Source, _ chain: [String], _ message: String, hint: String) {
            problems.append(
                Problem(
                    path: source.path, line: tag.line, column: tag.column,
                    message: "{{\(Self.sigil(tag.kind))\(tag.name)}}: " + message, hint: hint,
                    includedFrom: chain))
        }

        private static func sigil(_ kind: MustacheTag.Kind) -> String {
            switch kind {
            case .section: "#"
            case .invertedSection: "^"
            case .close: "/"
            case .partial: "> "
            case .dynamicPartial: ">*"
            case .parent: "<"
            case .block: "$"
            case .variable, .delimiters, .other: ""
            }
        }
    }
}
