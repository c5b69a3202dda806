import Foundation

extension Array where Element == QueryItem {
    /// Appends `value` in OpenAPI's `deepObject` style: one `name[property]=value` pair per
    /// property (`filter[name]=Ann&filter[age]=30`). Nested objects add brackets
    /// (`filter[created][gt]=1700000000`), arrays add their index (`filter[tags][0]=a`),
    /// properties come in name order, and `nil` values are left out; a `nil` value leaves the
    /// whole parameter out, so that the server applies its default.
    ///
    /// The nesting beyond one level and the arrays are not defined by OpenAPI; this is the
    /// form Rails, Stripe and the `qs` package read.
    public mutating func append(_ name: String, deepObject value: (some Encodable & Sendable)?) {
        guard let value else { return }
        guard let json = Self.jsonValue(of: value) else {
            // What cannot be encoded as JSON is sent as JSON text, as other structured values are.
            append(name, value: JSONParameter(value))
            return
        }
        appendDeepObject(json, at: name)
    }

    /// Appends a value of a union of text, numbers and lists of them (a `oneOf` of a string and
    /// an array of strings, say) as the alternative it holds would be sent: a scalar as one
    /// pair; a list as one pair per element, or, without `explode`, one pair of the elements
    /// joined by commas. Anything else (an object) is sent as JSON text; `nil` is left out.
    public mutating func append(_ name: String, union value: (some Encodable & Sendable)?, explode: Bool = true) {
        guard let value else { return }
        guard let json = Self.jsonValue(of: value) else {
            append(name, value: JSONParameter(value))
            return
        }
        switch json {
        case .null:
            return
        case .array(let elements):
            let texts = elements.compactMap(Self.scalarText)
            if explode {
                for text in texts { append(QueryItem(name: name, value: text)) }
            } else {
                append(QueryItem(name: name, value: texts.joined(separator: ",")))
            }
        default:
            append(QueryItem(name: name, value: Self.scalarText(json) ?? JSONParameter(json).parameterValue))
        }
    }

    /// `value` as the JSON it encodes to; `nil` when it cannot be encoded.
    private static func jsonValue(of value: some Encodable & Sendable) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: JSONCoding.sharedEncoder.encode(value))
    }

    /// A scalar's text as a query writes it (its `parameterValue`); `nil` for `null`, arrays
    /// and objects.
    private static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text.parameterValue
        case .bool(let flag): flag.parameterValue
        case .integer(let number): number.parameterValue
        case .double(let number): number.parameterValue
        case .null, .array, .object: nil
        }
    }

    private mutating func appendDeepObject(_ value: JSONValue, at key: String) {
        switch value {
        case .null:
            return
        case .object(let members):
            for member in members.keys.sorted() { appendDeepObject(members[member]!, at: "\(key)[\(member)]") }
        case .array(let elements):
            for (index, element) in elements.enumerated() { appendDeepObject(element, at: "\(key)[\(index)]") }
        case .string, .bool, .integer, .double:
            if let text = Self.scalarText(value) { append(QueryItem(name: key, value: text)) }
        }
    }
}

/// A value of a union of text, numbers and lists of them, written in `simple` style for a path
/// segment or a header: a scalar as its text, a list as its elements joined by commas, anything
/// else as JSON text.
public struct UnionParameter<Value: Encodable & Sendable>: ParameterValue {
    public let value: Value
    public init(_ value: Value) { self.value = value }

    public var parameterValue: String { texts.joined(separator: ",") }

    /// The texts of the value: one for a scalar, one per element for a list (what a path
    /// segment's style joins), the JSON text of anything else.
    public var texts: [String] {
        var items: [QueryItem] = []
        items.append("", union: value, explode: true)
        return items.map(\.value)
    }
}
