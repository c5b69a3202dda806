/// A parameter as Swift source: what the templates write.
extension ParameterModel {
    /// The type as written inside the request type: `Platform?`, `[String]?`.
    public var type: String { valueType.code }

    /// The type as written in the namespace's method, outside the request type
    /// `requestTypeName`: `GetAuthorConvertAbility.Platform?`.
    func signatureType(requestTypeName: String) -> String { valueType.code(nestedPrefix: requestTypeName) }

    /// `= .shortVideo`, `= nil`, or `nil` for none.
    public var defaultClause: String? {
        switch defaultValue {
        case .none: nil
        case .notSent: "= nil"
        case .value(let literal): "= \(literal)"
        }
    }
}
