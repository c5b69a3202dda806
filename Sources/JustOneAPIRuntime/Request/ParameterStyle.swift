/// How a path parameter or cookie is written, as OpenAPI's style table says (RFC 6570 for
/// paths). Values are percent-encoded one by one; the separators between them are not.
///
/// | Style | `explode: false` | `explode: true` |
/// |---|---|---|
/// | `simple` (path) | `blue,black` | `blue,black` |
/// | `label` (path) | `.blue,black` | `.blue.black` |
/// | `matrix` (path) | `;color=blue,black` | `;color=blue;color=black` |
/// | `form` (cookie) | `color=blue,black` | `color=blue; color=black` |
public enum ParameterStyle: Sendable, Hashable {
    case simple, label, matrix

    /// The text of a path parameter holding one value.
    public func pathSegment(_ name: String, _ value: some ParameterValue) -> String {
        let text = PercentEncoding.encode(value.parameterValue)
        switch self {
        case .simple: return text
        case .label: return "." + text
        case .matrix: return ";" + PercentEncoding.encode(name) + "=" + text
        }
    }

    /// The text of a path parameter holding a list.
    public func pathSegment(_ name: String, _ values: [some ParameterValue], explode: Bool) -> String {
        let texts = values.map { PercentEncoding.encode($0.parameterValue) }
        switch self {
        case .simple:
            return texts.joined(separator: ",")
        case .label:
            return "." + texts.joined(separator: explode ? "." : ",")
        case .matrix:
            let key = ";" + PercentEncoding.encode(name) + "="
            return explode ? texts.map { key + $0 }.joined() : key + texts.joined(separator: ",")
        }
    }
}

extension HTTPFields {
    /// Adds a cookie holding a list in OpenAPI's `form` style: one `name=a,b` pair, or with
    /// `explode` one pair per value (`name=a; name=b`); `nil` adds nothing.
    public mutating func appendCookie(_ name: String, values: [some ParameterValue]?, explode: Bool) {
        guard let values else { return }
        let key = PercentEncoding.encode(name) + "="
        let texts = values.map { PercentEncoding.encode($0.parameterValue) }
        append(name: "Cookie", value: explode ? texts.map { key + $0 }.joined(separator: "; ") : key + texts.joined(separator: ","))
    }
}

extension Array where Element == QueryItem {
    /// Appends a list as one `name=a|b` pair with the values joined by `separator` (OpenAPI's
    /// `spaceDelimited` and `pipeDelimited` styles); `nil` adds nothing.
    public mutating func append(_ name: String, values: [some ParameterValue]?, separator: String) {
        guard let values else { return }
        append(QueryItem(name: name, value: values.map(\.parameterValue).joined(separator: separator)))
    }
}
