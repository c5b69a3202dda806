import Foundation

/// A structured value (a union of text, numbers and lists of them, or an object) for a path
/// segment, a header or a cookie, written after the shape it holds when sent, in OpenAPI's
/// style table (RFC 6570 for paths):
///
/// | Shape | `simple`, `explode: false` | `simple`, `explode: true` |
/// |---|---|---|
/// | scalar | `blue` | `blue` |
/// | list | `blue,black` | `blue,black` |
/// | object | `R,100,G,200` | `R=100,G=200` |
///
/// `ParameterStyle.pathSegment(_:_:)` writes it in `label` and `matrix` style too, and
/// `HTTPFields.appendCookie(_:structured:)` in a cookie's `form` style. An object's properties
/// come in name order, `nil` ones left out; what the table does not define (an object inside
/// an object or a list) is written as JSON text.
public struct StructuredParameter<Value: Encodable & Sendable>: ParameterValue {
    public let value: Value
    /// Whether an object's properties are written `name=value` (else `name,value`).
    public let explode: Bool

    public init(_ value: Value, explode: Bool) {
        self.value = value
        self.explode = explode
    }

    /// The value with an object's properties written `name,value` (`explode: false`).
    public init(_ value: Value) {
        self.init(value, explode: false)
    }

    /// The value with an object's properties written `name=value` (`explode: true`).
    public static func exploded(_ value: Value) -> Self {
        Self(value, explode: true)
    }

    /// The value in `simple` style, as a header carries it.
    public var parameterValue: String {
        switch shape {
        case .none: ""
        case .scalar(let text): text
        case .list(let texts): texts.joined(separator: ",")
        case .object(let members):
            members.map { $0.name + (explode ? "=" : ",") + $0.texts.joined(separator: ",") }.joined(separator: ",")
        }
    }

    /// What the value holds, as texts: nothing for `null`.
    var shape: StructuredValueText.Shape { StructuredValueText.shape(of: value) }
}

extension ParameterStyle {
    /// The text of a path parameter holding a structured value: a scalar and a list as
    /// ``pathSegment(_:_:)`` and ``pathSegment(_:_:explode:)`` write them, an object as
    /// `R,100,G,200` (`simple`), `.R,100,G,200` (`label`), `;color=R,100,G,200` (`matrix`), or
    /// exploded `R=100,G=200`, `.R=100.G=200`, `;R=100;G=200`. Names and values are
    /// percent-encoded one by one; `null` and an object without properties are empty text.
    public func pathSegment<Value>(_ name: String, _ value: StructuredParameter<Value>) -> String {
        switch value.shape {
        case .none: return ""
        case .object(let members) where members.isEmpty: return ""  // Undefined, as RFC 6570 expands it.
        case .scalar(let text): return pathSegment(name, text)
        case .list(let texts): return pathSegment(name, texts, explode: value.explode)
        case .object(let members):
            let encoded = members.map {
                (name: PercentEncoding.encode($0.name), text: $0.texts.map(PercentEncoding.encode).joined(separator: ","))
            }
            if value.explode {
                let pairs = encoded.map { $0.name + "=" + $0.text }
                switch self {
                case .simple: return pairs.joined(separator: ",")
                case .label: return "." + pairs.joined(separator: ".")
                case .matrix: return pairs.map { ";" + $0 }.joined()
                }
            }
            let joined = encoded.map { $0.name + "," + $0.text }.joined(separator: ",")
            switch self {
            case .simple: return joined
            case .label: return "." + joined
            case .matrix: return ";" + PercentEncoding.encode(name) + "=" + joined
            }
        }
    }
}

extension HTTPFields {
    /// Adds a cookie holding a structured value in OpenAPI's `form` style: a scalar as
    /// `name=value`, a list as ``appendCookie(_:values:explode:)`` writes it, an object as
    /// `name=R,100,G,200`, or exploded as `R=100; G=200`; `nil` adds nothing.
    public mutating func appendCookie<Value>(_ name: String, structured value: StructuredParameter<Value>?) {
        guard let value else { return }
        switch value.shape {
        case .none: return
        case .scalar(let text): append(name: "Cookie", value: PercentEncoding.encode(name) + "=" + PercentEncoding.encode(text))
        case .list(let texts): appendCookie(name, values: texts, explode: value.explode)
        case .object(let members):
            let encoded = members.map {
                (name: PercentEncoding.encode($0.name), text: $0.texts.map(PercentEncoding.encode).joined(separator: ","))
            }
            append(
                name: "Cookie",
                value: value.explode
                    ? encoded.map { $0.name + "=" + $0.text }.joined(separator: "; ")
                    : PercentEncoding.encode(name) + "=" + encoded.map { $0.name + "," + $0.text }.joined(separator: ","))
        }
    }
}

/// The texts structured values are written as.
enum StructuredValueText {
    /// What a value holds, as texts.
    enum Shape {
        /// `null`.
        case none
        case scalar(String)
        /// A list's elements (a structured element as JSON text).
        case list([String])
        /// An object's properties in name order, without `null` ones: a scalar property's
        /// text, a list property's elements (a structured one as JSON text).
        case object([(name: String, texts: [String])])
    }

    static func shape(of value: some Encodable & Sendable) -> Shape {
        guard let json = json(of: value) else { return .scalar(JSONParameter(value).parameterValue) }
        switch json {
        case .null: return .none
        case .array(let elements): return .list(elements.map(text))
        case .object(let members):
            return .object(
                members.keys.sorted().compactMap { name in
                    switch members[name]! {
                    case .null: nil
                    case .array(let elements): (name, elements.map(text))
                    case let other: (name, [text(other)])
                    }
                })
        default: return .scalar(text(json))
        }
    }

    /// `value` as the JSON it encodes to; `nil` when it cannot be encoded.
    static func json(of value: some Encodable & Sendable) -> JSONValue? {
        try? JSONDecoder().decode(JSONValue.self, from: JSONCoding.sharedEncoder.encode(value))
    }

    /// A scalar's text as a query writes it (its `parameterValue`); `nil` for `null`, arrays
    /// and objects.
    static func scalarText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): text.parameterValue
        case .bool(let flag): flag.parameterValue
        case .integer(let number): number.parameterValue
        case .double(let number): number.parameterValue
        case .null, .array, .object: nil
        }
    }

    /// A scalar's text, or the JSON text of anything else.
    static func text(_ value: JSONValue) -> String {
        scalarText(value) ?? JSONParameter(value).parameterValue
    }
}
