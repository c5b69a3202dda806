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
}
