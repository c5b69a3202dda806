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

/// A property of a model inferred from samples as Swift source.
extension InferredPropertyModel {
    /// The Swift type, without the `?` every such property has: `String`, `[Tag]`.
    public var type: String { reading.type.code }

    /// The expression that reads it from `jsonValue`: `Lenient.string(jsonValue["name"])`.
    public var reader: String { reading.expression(reading: "jsonValue[\(SwiftText.literal(jsonKey))]") }
}

extension LenientReading {
    /// The type a value read so has (when it is there).
    var type: SwiftType {
        switch self {
        case .inferredModel(let name), .decoded(let name): .named(name)
        case .string: .named("String")
        case .integer: .named("Int")
        case .number: .named("Double")
        case .boolean: .named("Bool")
        case .array(let element): .array(element.type)
        case .arrayOfValues: .array(.jsonValue)
        case .asReceived: .jsonValue
        }
    }

    /// The expression that reads `value` (a `JSONValue?` expression) so.
    func expression(reading value: String) -> String {
        switch self {
        case .inferredModel(let name): "Lenient.object(\(value), as: \(name).self)"
        case .decoded(let name): "Lenient.decoded(\(value), as: \(name).self)"
        case .string: "Lenient.string(\(value))"
        case .integer: "Lenient.int(\(value))"
        case .number: "Lenient.double(\(value))"
        case .boolean: "Lenient.bool(\(value))"
        case .array(let element): "Lenient.array(\(value)) { \(element.expression(reading: "$0")) }"
        case .arrayOfValues: "\(value)?.arrayValue"
        case .asReceived: value
        }
    }
}
