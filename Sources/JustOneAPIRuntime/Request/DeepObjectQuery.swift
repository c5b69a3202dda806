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
        let json: JSONValue
        do {
            json = try JSONDecoder().decode(JSONValue.self, from: JSONCoding.sharedEncoder.encode(value))
        } catch {
            // What cannot be encoded as JSON is sent as JSON text, as other structured values are.
            append(name, value: JSONParameter(value))
            return
        }
        appendDeepObject(json, at: name)
    }

    private mutating func appendDeepObject(_ value: JSONValue, at key: String) {
        switch value {
        case .null:
            return
        case .object(let members):
            for member in members.keys.sorted() { appendDeepObject(members[member]!, at: "\(key)[\(member)]") }
        case .array(let elements):
            for (index, element) in elements.enumerated() { appendDeepObject(element, at: "\(key)[\(index)]") }
        case .string(let text):
            append(QueryItem(name: key, value: text))
        case .bool(let flag):
            append(QueryItem(name: key, value: flag ? "true" : "false"))
        case .integer(let number):
            append(QueryItem(name: key, value: String(number)))
        case .double(let number):
            append(QueryItem(name: key, value: number.parameterValue))
        }
    }
}
