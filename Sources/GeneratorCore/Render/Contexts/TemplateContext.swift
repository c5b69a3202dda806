import Foundation
import Mustache

/// A value a template is rendered with: typed properties, and the table of keys a template may
/// name, each with what it holds.
///
/// The table is the one place a key is declared: rendering reads values through it (Mustache
/// asks ``child(named:)``), and ``TemplateKeyCheck`` checks every template against the same
/// table before anything is rendered, so that a misspelled key is an error at its line instead
/// of empty text.
protocol TemplateContext: MustacheParent, Sendable {
    static var fields: TemplateFields<Self> { get }
}

extension TemplateContext {
    func child(named name: String) -> Any? { Self.fields.value(named: name, of: self) }

    /// The value of a key, for ``TemplateProgram``: typed, so that rendering casts nothing, and
    /// found by the key's number (``TemplateKeyIDs``), so that it hashes nothing either.
    func templateValue(key: Int) -> TemplateValue? { Self.fields.templateValue(key: key, of: self) }

    /// The keys of this context, for checking templates.
    static var shape: TemplateShape { fields.shape }
}

/// The keys of a context type: how to read each and what it holds.
final class TemplateFields<Root>: Sendable {
    private let readers: [String: @Sendable (Root) -> Any?]
    /// The typed readers by key number (``TemplateKeyIDs``); `nil` for keys of other contexts.
    private let typedReaders: [(@Sendable (Root) -> TemplateValue?)?]
    let shape: TemplateShape

    /// `description` names the context in messages (`an operation's parameter`).
    init(_ description: String, _ fields: [(String, TemplateField<Root>)]) {
        var readers: [String: @Sendable (Root) -> Any?] = [:]
        var typedReaders: [String: @Sendable (Root) -> TemplateValue?] = [:]
        var kinds: [String: TemplateValueKind] = [:]
        for (name, field) in fields {
            precondition(readers[name] == nil, "the template key \(name) is declared twice in \(description)")
            readers[name] = field.read
            typedReaders[name] = field.value
            kinds[name] = field.kind
        }
        self.readers = readers
        var byKey: [(@Sendable (Root) -> TemplateValue?)?] = []
        for (name, reader) in typedReaders {
            let key = TemplateKeyIDs.id(of: name)
            if byKey.count <= key { byKey += Array(repeating: nil, count: key + 1 - byKey.count) }
            byKey[key] = reader
        }
        self.typedReaders = byKey
        self.shape = TemplateShape(description: description, keys: kinds)
    }

    func value(named name: String, of root: Root) -> Any? {
        readers[name]?(root)
    }

    func templateValue(key: Int, of root: Root) -> TemplateValue? {
        key < typedReaders.count ? typedReaders[key]?(root) : nil
    }

    /// These keys, read from a part of a larger context: a file's context offers the header's
    /// keys at its own level, as the `header` partial expects them.
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Root) -> [(String, TemplateField<Outer>)] {
        shape.keys.keys.sorted().map { name in
            let (read, value) = (readers[name]!, typedReaders[TemplateKeyIDs.id(of: name)]!)
            return (
                name,
                TemplateField<Outer>(kind: shape.keys[name]!, read: { read(part($0)) }, value: { value(part($0)) })
            )
        }
    }
}

/// One key of a context: what it holds and how to read it, as Mustache reads values (`Any`)
/// and as ``TemplateProgram`` does (``TemplateValue``).
struct TemplateField<Root>: Sendable {
    let kind: TemplateValueKind
    let read: @Sendable (Root) -> Any?
    let value: @Sendable (Root) -> TemplateValue?

    static func text(_ read: @escaping @Sendable (Root) -> String) -> Self {
        Self(kind: .text, read: { read($0) }, value: { .text(read($0)) })
    }

    /// Text or nothing: `{{#key}} {{.}}{{/key}}` renders only when there is text.
    static func optionalText(_ read: @escaping @Sendable (Root) -> String?) -> Self {
        Self(kind: .optionalText, read: { read($0) }, value: { read($0).map(TemplateValue.text) })
    }

    static func number(_ read: @escaping @Sendable (Root) -> Int) -> Self {
        Self(kind: .number, read: { read($0) }, value: { .number(read($0)) })
    }

    static func flag(_ read: @escaping @Sendable (Root) -> Bool) -> Self {
        Self(kind: .flag, read: { read($0) }, value: { .flag(read($0)) })
    }

    /// A list of text, such as doc comment lines: `{{#docLines}}{{.}}{{/docLines}}`.
    static func lines(_ read: @escaping @Sendable (Root) -> [String]) -> Self {
        Self(kind: .lines, read: { read($0) }, value: { .lines(read($0)) })
    }

    /// Documentation lines written as a doc comment, `/// ` before each: `{{#docLines}}{{.}}{{/docLines}}`.
    static func docComment(_ read: @escaping @Sendable (Root) -> [String]) -> Self {
        lines { SwiftText.docComment(read($0)) }
    }

    static func list<Element: TemplateContext>(_ read: @escaping @Sendable (Root) -> [Element]) -> Self {
        Self(kind: .list(Element.shape), read: { read($0) }, value: { .contexts(read($0)) })
    }

    /// A context or nothing: `{{#defaultServer}}…{{/defaultServer}}`.
    static func optional<Element: TemplateContext>(_ read: @escaping @Sendable (Root) -> Element?) -> Self {
        Self(kind: .optional(Element.shape), read: { read($0) }, value: { read($0).map { .context($0) } })
    }
}

/// A key's value as ``TemplateProgram`` renders it.
enum TemplateValue {
    case text(String)
    case number(Int)
    case flag(Bool)
    case lines([String])
    case contexts([any TemplateContext])
    case context(any TemplateContext)
}

/// What a template may ask of a context: its keys and what each holds.
struct TemplateShape: Sendable {
    /// The context in a message's words: `an operation`, `a namespace file`.
    let description: String
    let keys: [String: TemplateValueKind]
}

/// What a key holds, as far as a template is concerned.
indirect enum TemplateValueKind: Sendable {
    case text
    case optionalText
    case number
    case flag
    case lines
    case list(TemplateShape)
    case optional(TemplateShape)

    /// The kind in a message's words.
    var description: String {
        switch self {
        case .text: "text"
        case .optionalText: "text or nothing"
        case .number: "a number"
        case .flag: "a flag"
        case .lines: "a list of lines"
        case .list(let shape): "a list, each \(shape.description)"
        case .optional(let shape): "\(shape.description) or nothing"
        }
    }
}

/// Every key name templates and contexts use, numbered: contexts keep their readers in arrays
/// by number and compiled templates name keys by number, so that rendering looks a key up
/// without hashing its name. Numbers are handed out while templates compile and context types
/// are first used; rendering only reads them.
enum TemplateKeyIDs {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var ids: [String: Int] = [:]

    static func id(of name: String) -> Int {
        lock.withLock {
            if let id = ids[name] { return id }
            let id = ids.count
            ids[name] = id
            return id
        }
    }
}
