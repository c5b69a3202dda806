import Foundation

/// An operation's path as a template: `/files/{file_id}/thumbnail.{extension}`.
enum PathTemplate {
    /// The names of the path's template expressions in order, wherever they stand in a
    /// segment: `/files/{file_id}/thumbnail.{extension}` → `file_id`, `extension`.
    static func parameterNames(_ path: String) -> [String] {
        var names: [String] = []
        var rest = Substring(path)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// Where a documented path sends the request: without a fragment (`/oauth2/token#refresh`,
    /// which documents write to tell two operations of one path apart) and with a query part
    /// (`/responses?beta=true`) split off into its pairs, which the request sends as they are.
    static func request(_ documented: String) -> (path: String, query: [(name: String, value: String)]) {
        var path = Substring(documented)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        guard let mark = path.firstIndex(of: "?") else { return (String(path), []) }
        let query = path[path.index(after: mark)...].split(separator: "&").map { pair -> (name: String, value: String) in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decoded(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            return (decoded(parts[0]), parts.count > 1 ? decoded(parts[1]) : "")
        }
        return (String(path[..<mark]), query)
    }
}
