import Foundation

/// A value that can be sent as a query, path, header or form parameter.
///
/// Booleans are sent as `true`/`false`, numbers in their shortest exact form, dates as ISO 8601,
/// bytes in Base64, and generated enums as their raw values.
public protocol ParameterValue: Sendable {
    /// The text sent for this value, before percent-encoding.
    var parameterValue: String { get }
}

extension String: ParameterValue {
    public var parameterValue: String { self }
}

extension Bool: ParameterValue {
    public var parameterValue: String { self ? "true" : "false" }
}

extension Int: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Int32: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Int64: ParameterValue {
    public var parameterValue: String { String(self) }
}

extension Double: ParameterValue {
    public var parameterValue: String { self == rounded() && abs(self) < 1e15 ? String(Int64(self)) : String(self) }
}

extension Float: ParameterValue {
    public var parameterValue: String { Double(self).parameterValue }
}

extension Date: ParameterValue {
    public var parameterValue: String { ISO8601Coding.string(from: self) }
}

extension Data: ParameterValue {
    /// Base64, as OpenAPI's `format: byte` describes.
    public var parameterValue: String { base64EncodedString() }
}

extension ParameterValue where Self: RawRepresentable, RawValue: ParameterValue {
    public var parameterValue: String { rawValue.parameterValue }
}

/// A structured value sent as one parameter in JSON text, for parameters whose schema is an
/// object, an array of objects, or a choice (`oneOf`) of several types.
///
/// A value that encodes as a bare JSON string is sent as that string's text, unquoted: a path
/// parameter that is "an integer or a string" sends `42` or `my-snapshot`, not `"my-snapshot"`.
public struct JSONParameter<Value: Encodable & Sendable>: ParameterValue {
    public let value: Value
    public init(_ value: Value) { self.value = value }

    public var parameterValue: String {
        guard let data = try? JSONCoding.sharedEncoder.encode(value) else { return "null" }
        if data.first == UInt8(ascii: "\""), let text = try? JSONDecoder().decode(String.self, from: data) {
            return text
        }
        return String(decoding: data, as: UTF8.self)
    }
}
