/// A model inferred from response samples (`generate infer`), which never loses a response.
///
/// A sample shows one response; the next may differ. So such a model keeps the whole value as
/// received in ``jsonValue``, and every property reads from it on access: a property the
/// response lacks, or whose value has another type than the samples showed, is `nil`, and
/// nothing is thrown. A `null` or non-object value gives a model whose properties are all
/// `nil`. Decoding costs one parse into ``JSONValue``, as for an untyped payload.
///
/// ```swift
/// let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "…")
/// result.data.gpmRange                 // String?
/// result.data.baseResp?.statusCode     // Int?
/// result.data.jsonValue["new_field"]   // anything the samples did not show
/// ```
public protocol SampleInferred: Codable, Hashable, Sendable {
    /// The value as received.
    var jsonValue: JSONValue { get }
    init(jsonValue: JSONValue)
}

extension SampleInferred {
    public init(from decoder: any Decoder) throws {
        self.init(jsonValue: try JSONValue(from: decoder))
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonValue.encode(to: encoder)
    }
}

/// Readers that give `nil` instead of throwing, for the properties of ``SampleInferred`` models.
public enum Lenient {
    public static func string(_ value: JSONValue?) -> String? { value?.stringValue }

    /// An integer, or a number without a fraction.
    public static func int(_ value: JSONValue?) -> Int? { value?.intValue }

    /// Any number.
    public static func double(_ value: JSONValue?) -> Double? { value?.doubleValue }

    public static func bool(_ value: JSONValue?) -> Bool? { value?.boolValue }

    /// A nested inferred model, when the value is an object.
    public static func object<Model: SampleInferred>(_ value: JSONValue?, as type: Model.Type = Model.self) -> Model? {
        guard case .object? = value else { return nil }
        return Model(jsonValue: value!)
    }

    /// An array whose elements `element` reads; elements it cannot read are left out.
    public static func array<Element>(_ value: JSONValue?, _ element: (JSONValue) -> Element?) -> [Element]? {
        guard case .array(let elements)? = value else { return nil }
        return elements.compactMap(element)
    }

    /// Any other Decodable type, decoded from the value; `nil` when it does not decode.
    public static func decoded<Value: Decodable>(_ value: JSONValue?, as type: Value.Type = Value.self) -> Value? {
        guard let value else { return nil }
        return try? value.decode(as: Value.self)
    }
}
