/// A Swift type as the translator builds it, before it is written out.
public indirect enum SwiftType: Hashable, Sendable {
    /// A module-level or standard type: `String`, `Pet`, `JSONValue`.
    case named(String)
    /// A type declared inside the container that uses it: `Platform` inside the request type.
    case nested(String)
    case array(SwiftType)
    case dictionary(SwiftType)
    case optional(SwiftType)

    static let jsonValue = SwiftType.named("JSONValue")

    var isOptional: Bool {
        if case .optional = self { return true }
        return false
    }

    /// The type made optional (unchanged if it already is).
    var optional: SwiftType { isOptional ? self : .optional(self) }

    /// The type without its outer optional.
    var unwrapped: SwiftType {
        if case .optional(let wrapped) = self { return wrapped }
        return self
    }

    /// An array type whose elements are not optional (`[E?]?` → `[E]?`); other types unchanged.
    var withNonOptionalElements: SwiftType {
        switch self {
        case .optional(let wrapped): .optional(wrapped.withNonOptionalElements)
        case .array(let element): .array(element.unwrapped)
        default: self
        }
    }

    /// The name of the type this one is, or holds a list of: `Platform` for `[Platform]?`;
    /// `nil` for a dictionary.
    var declaredName: String? {
        switch self {
        case .named(let name), .nested(let name): name
        case .optional(let wrapped), .array(let wrapped): wrapped.declaredName
        case .dictionary: nil
        }
    }

    /// The qualified names this type stores inline (not behind an array or dictionary's heap
    /// storage), for finding reference cycles. `container` qualifies nested names.
    func inlineTypeNames(container: String) -> [String] {
        switch self {
        case .named(let name): [name]
        case .nested(let name): ["\(container).\(name)"]
        case .optional(let wrapped): wrapped.inlineTypeNames(container: container)
        case .array, .dictionary: []
        }
    }
}

/// A container that nested type declarations go into, with the names taken inside it.
struct TypeScope {
    /// The container's qualified name, such as `DouyinXingtuAPI.GetAuthorConvertAbility`;
    /// `nil` for the module's top level.
    let qualifiedName: String?
    var names: NameScope
    var declarations: [TypeDeclaration] = []

    /// A container's scope: `shared` (the module's names, not copied) and `reserved` are taken.
    init(qualifiedName: String, sharing shared: Set<String> = [], reserved: Set<String>) {
        self.qualifiedName = qualifiedName
        names = NameScope(sharing: shared, reserved: reserved)
    }

    /// The module's top level, where types are declared next to the one being translated.
    init(moduleNames: NameScope) {
        qualifiedName = nil
        names = moduleNames
    }

    /// The qualified name of a type called `name` declared in this scope.
    func qualify(_ name: String) -> String {
        qualifiedName.map { "\($0).\(name)" } ?? name
    }

    /// How code in this scope refers to a type called `name` declared in it.
    func reference(to name: String) -> SwiftType {
        qualifiedName == nil ? .named(name) : .nested(name)
    }
}
