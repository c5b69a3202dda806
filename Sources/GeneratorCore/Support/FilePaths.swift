import Foundation

/// Paths as the generator compares them.
enum FilePaths {
    /// `path` with `.` and `name/..` removed and slashes collapsed (`a/./b/../c` → `a/c`);
    /// leading `..` of a relative path are kept.
    static func normalized(_ path: String) -> String {
        let absolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", absolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        return absolute ? "/" + joined : (joined.isEmpty ? "." : joined)
    }

    /// `reference` (a relative or absolute path) as seen from the file at `referrer`.
    static func resolve(_ reference: String, from referrer: String) -> String {
        if reference.hasPrefix("/") { return normalized(reference) }
        let directory = (referrer as NSString).deletingLastPathComponent
        return normalized(directory.isEmpty ? reference : directory + "/" + reference)
    }
}
