/// One `name=value` pair of a query string or a form body, before percent-encoding.
public struct QueryItem: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    public var description: String { "\(name)=\(value)" }
}

extension Array where Element == QueryItem {
    /// Appends `value` under `name`; a `nil` value is left out, so the server applies its default.
    public mutating func append(_ name: String, value: (some ParameterValue)?) {
        guard let value else { return }
        append(QueryItem(name: name, value: value.parameterValue))
    }

    /// Appends an array: one `name=value` pair per element when `explode` is true (the OpenAPI
    /// default for query parameters), or one pair with the elements joined by commas.
    public mutating func append(_ name: String, values: [some ParameterValue]?, explode: Bool = true) {
        guard let values else { return }
        if explode {
            for value in values { append(QueryItem(name: name, value: value.parameterValue)) }
        } else {
            append(QueryItem(name: name, value: values.map(\.parameterValue).joined(separator: ",")))
        }
    }

    /// The value of the first item called `name`.
    public subscript(name: String) -> String? {
        first { $0.name == name }?.value
    }

    /// The items in `application/x-www-form-urlencoded` form: `a=1&b=two%20words`.
    public var percentEncoded: String {
        var result = ""
        result.reserveCapacity(count * 16)
        for (index, item) in enumerated() {
            if index > 0 { result.append("&") }
            PercentEncoding.append(item.name, to: &result)
            result.append("=")
            PercentEncoding.append(item.value, to: &result)
        }
        return result
    }
}

/// Percent-encoding of everything outside RFC 3986's unreserved characters.
public enum PercentEncoding {
    /// Appends `text` to `output`, percent-encoding every byte that is not `A-Z a-z 0-9 - . _ ~`.
    public static func append(_ text: String, to output: inout String) {
        var needsEncoding = false
        for byte in text.utf8 where !isUnreserved(byte) {
            needsEncoding = true
            break
        }
        guard needsEncoding else {
            output.append(text)
            return
        }
        let hex: [UInt8] = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 3)
        for byte in text.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        output.append(String(decoding: bytes, as: UTF8.self))
    }

    /// `text` percent-encoded for use as one path segment or one query component.
    public static func encode(_ text: String) -> String {
        var output = ""
        append(text, to: &output)
        return output
    }

    @inline(__always)
    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
            UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }
}
