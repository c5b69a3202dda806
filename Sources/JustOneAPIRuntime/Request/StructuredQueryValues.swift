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
        guard let json = StructuredValueText.json(of: value) else {
            // What cannot be encoded as JSON is sent as JSON text, as other structured values are.
            append(name, value: JSONParameter(value))
            return
        }
        appendDeepObject(json, at: name)
    }

    /// Appends a structured value in OpenAPI's `form` style (the default for queries and form
    /// fields), after the shape the value holds when sent, so that one parameter whose schema
    /// allows several shapes (a `oneOf` of a string and an array of strings, an object) is sent
    /// as each shape is:
    /// - a scalar: one pair;
    /// - a list: one pair per element, or, without `explode`, one pair of the elements joined
    ///   by commas;
    /// - an object: one pair per property, named after the property (`start=…&end=…`), a list
    ///   property one pair per element; without `explode`, one pair of the names and values
    ///   joined by commas (`range=start,2024-01-01,end,2024-01-31`). Properties come in name
    ///   order; `nil` properties are left out.
    ///
    /// What OpenAPI does not define in this style (an object inside an object or a list) is
    /// sent as JSON text; a `nil` value leaves the whole parameter out.
    public mutating func append(_ name: String, form value: (some Encodable & Sendable)?, explode: Bool = true) {
        guard let value else { return }
        switch StructuredValueText.shape(of: value) {
        case .none: return
        case .scalar(let text): append(QueryItem(name: name, value: text))
        case .list(let texts): appendList(texts, named: name, explode: explode)
        case .object(let members) where explode:
            for member in members { appendList(member.texts, named: member.name, explode: true) }
        case .object(let members):
            let texts = members.map { $0.name + "," + $0.texts.joined(separator: ",") }
            append(QueryItem(name: name, value: texts.joined(separator: ",")))
        }
    }

    /// `texts` as one pair each, or as one pair of them joined by commas.
    private mutating func appendList(_ texts: [String], named name: String, explode: Bool) {
        if explode {
            for text in texts { append(QueryItem(name: name, value: text)) }
        } else {
            append(QueryItem(name: name, value: texts.joined(separator: ",")))
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
            if let text = StructuredValueText.scalarText(value) { append(QueryItem(name: key, value: text)) }
        }
    }
}
