/// Where the places of a bundled document came from: each entry maps a pointer in the bundled
/// document (and everything below it) to a file and a pointer in that file.
struct PointerRedirects: Sendable {
    private var targets: [String: (file: String, pointer: String)] = [:]

    var isEmpty: Bool { targets.isEmpty }

    /// Places at and below `pointer` come from `file`, at and below `target`.
    mutating func add(_ pointer: String, to file: String, pointer target: String) {
        targets[pointer] = (file, target)
    }

    /// The file and pointer that `pointer` came from, by the longest entry that contains it;
    /// `nil` when it came from the bundled document's own file, where it is.
    func redirect(_ pointer: String) -> (file: String, pointer: String)? {
        var prefix = Substring(pointer)
        while true {
            if let target = targets[String(prefix)] {
                return (target.file, target.pointer + pointer.dropFirst(prefix.count))
            }
            guard let slash = prefix.lastIndex(of: "/") else { return nil }
            prefix = prefix[..<slash]
        }
    }
}
