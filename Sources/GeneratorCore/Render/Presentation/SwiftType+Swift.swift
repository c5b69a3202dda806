/// A type as Swift source: the one place a ``SwiftType`` becomes text.
extension SwiftType {
    /// The type as written inside its container.
    var code: String { code(nestedPrefix: nil) }

    /// The type as written from outside the container: nested names get `prefix.`.
    func code(nestedPrefix prefix: String?) -> String {
        switch self {
        case .named(let name): name
        case .nested(let name): prefix.map { "\($0).\(name)" } ?? name
        case .array(let element): "[\(element.code(nestedPrefix: prefix))]"
        case .dictionary(let value): "[String: \(value.code(nestedPrefix: prefix))]"
        case .optional(let wrapped): "\(wrapped.code(nestedPrefix: prefix))?"
        }
    }
}
