extension TemplateProgram {
    /// What a section's body sees: contexts to look keys up in, and the values sections over
    /// text, numbers and lists of lines push (`{{.}}`).
    enum Frame {
        case context(any TemplateContext)
        case value(TemplateValue)
    }

    /// Renders the program with `context`, its partials from `programs`, as swift-mustache
    /// renders the same template: keys looked up from the innermost section outwards, a dotted
    /// key from where its first part is found, `true`, text, numbers and contexts render a
    /// section once, lists once per element, and a standalone partial's lines are indented as
    /// its tag is.
    func render(_ context: some TemplateContext, programs: [String: TemplateProgram]) -> String {
        var renderer = Renderer(programs: programs, stack: [.context(context)])
        var output = ""
        renderer.render(nodes, indentation: nil, into: &output)
        return output
    }

    private struct Renderer {
        let programs: [String: TemplateProgram]
        var stack: [Frame]

        mutating func render(_ nodes: [Node], indentation: String?, into output: inout String) {
            guard let indentation, !indentation.isEmpty else {
                for node in nodes { render(node, indentation: indentation, into: &output) }
                return
            }
            // Inside an indented partial: each piece that starts a line gets the indentation
            // (swift-mustache indents per tag and text, not per line of a value).
            var own = ""
            for node in nodes {
                var piece = ""
                render(node, indentation: indentation, into: &piece)
                if !piece.isEmpty, own.last == "\n" { own += indentation }
                own += piece
            }
            output += own
        }

        private mutating func render(_ node: Node, indentation: String?, into output: inout String) {
            switch node {
            case .text(let text):
                output += text
            case .variable(let name):
                if let value = lookUp(name) { output += Self.text(of: value) }
            case .section(let name, let body):
                guard let value = lookUp(name) else { return }
                switch value {
                case .flag(let isOn):
                    if isOn { render(body, indentation: indentation, into: &output) }
                case .contexts(let elements):
                    for element in elements { render(body, in: .context(element), indentation: indentation, into: &output) }
                case .lines(let lines):
                    for line in lines { render(body, in: .value(.text(line)), indentation: indentation, into: &output) }
                case .context(let context):
                    render(body, in: .context(context), indentation: indentation, into: &output)
                case .text, .number:
                    render(body, in: .value(value), indentation: indentation, into: &output)
                }
            case .invertedSection(let name, let body):
                switch lookUp(name) {
                case nil, .flag(false):
                    render(body, indentation: indentation, into: &output)
                case .contexts(let elements) where elements.isEmpty:
                    // The empty list is the body's innermost value (`{{.x}}` finds nothing).
                    render(body, in: .value(.contexts(elements)), indentation: indentation, into: &output)
                case .lines(let lines) where lines.isEmpty:
                    render(body, in: .value(.lines(lines)), indentation: indentation, into: &output)
                case .flag(true), .text, .number, .context, .contexts, .lines:
                    break
                }
            case .partial(let name, let added):
                guard let partial = programs[name] else { return }
                let combined = added.map { (indentation ?? "") + $0 } ?? indentation
                render(partial.nodes, indentation: combined, into: &output)
            }
        }

        /// `body` rendered with `frame` as its innermost value.
        private mutating func render(_ body: [Node], in frame: Frame, indentation: String?, into output: inout String) {
            stack.append(frame)
            render(body, indentation: indentation, into: &output)
            stack.removeLast()
        }

        /// A key's value: `.` is the innermost value; `a.b` is `b` of the innermost `a`; `.a`
        /// looks in the innermost value only.
        private func lookUp(_ key: Key) -> TemplateValue? {
            guard let first = key.parts.first else { return Self.value(of: stack[stack.count - 1]) }
            var found: TemplateValue?
            var index = stack.count - 1
            while index >= 0 {
                if case .context(let context) = stack[index], let value = context.templateValue(key: first) {
                    found = value
                    break
                }
                if key.innermostOnly { break }
                index -= 1
            }
            for part in key.parts.dropFirst() {
                guard case .context(let context)? = found else { return nil }
                found = context.templateValue(key: part)
            }
            return found
        }

        private static func value(of frame: Frame) -> TemplateValue {
            switch frame {
            case .context(let context): .context(context)
            case .value(let value): value
            }
        }

        /// A value as text, as `String(describing:)` writes it.
        private static func text(of value: TemplateValue) -> String {
            switch value {
            case .text(let text): text
            case .number(let number): String(number)
            case .flag(let flag): flag ? "true" : "false"
            case .lines(let lines): String(describing: lines)
            case .contexts(let contexts): String(describing: contexts)
            case .context(let context): String(describing: context)
            }
        }
    }
}
