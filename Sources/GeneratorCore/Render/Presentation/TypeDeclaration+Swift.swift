/// The parts of type declarations written as Swift source: what the `structure`, `valueEnum`
/// and `oneOf` templates write.
extension PropertyModel {
    /// The full type, `?` included for optional properties.
    public var type: String { valueType.code }

    /// The JSON key as a string literal, for the coding key.
    var jsonKeyLiteral: String { SwiftText.literal(jsonKey) }
}

extension ValueEnumModel {
    /// `String` or `Int`.
    var rawTypeName: String {
        switch rawType {
        case .string: "String"
        case .integer: "Int"
        }
    }

    /// The protocols the enum conforms to, as written in its declaration.
    public var conformances: String {
        isCodable
            ? "RawRepresentable, CaseIterable, Codable, Hashable, Sendable, ParameterValue"
            : "RawRepresentable, CaseIterable, Hashable, Sendable, ParameterValue"
    }
}

extension EnumCaseModel {
    /// The raw value as Swift source: `"shortVideo"`, `2`.
    public var rawLiteral: String {
        switch rawValue {
        case .string(let text): SwiftText.literal(text)
        case .integer(let number): String(number)
        }
    }
}

extension OneOfModel {
    /// The discriminator's property as a string literal.
    var discriminatorKeyLiteral: String? { discriminatorKey.map(SwiftText.literal) }
}

extension OneOfCaseModel {
    /// The case's value type, as written inside the enum.
    var payloadType: String { payload.code }

    /// The discriminator values that select this case, as string literals.
    var discriminatorValueLiterals: [String] { discriminatorValues.map(SwiftText.literal) }
}
