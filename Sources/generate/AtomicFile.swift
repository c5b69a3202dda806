import Foundation

/// Writes that land whole or not at all: the contents go to a temporary file beside the target,
/// which is then renamed over it. `generate client`, `fetch` and `infer` all write this way.
enum AtomicFile {
    /// What failed, with the path.
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// A temporary file beside `path`, holding `data`; ``commit(_:to:)`` puts it in place.
    /// The directory must exist.
    static func stage(_ data: Data, for path: String) throws -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent
            + ".\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw WriteError(description: "cannot write \(temporary): check that \(directory.isEmpty ? "." : directory) is writable")
        }
        return temporary
    }

    /// Renames the staged `temporary` file over `path`; on failure the temporary file is removed.
    static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) != 0 else { return }
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporary)
        throw WriteError(description: "cannot move \(temporary) to \(path): \(reason)")
    }

    /// Writes `data` to `path` atomically, creating the directories it needs.
    static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try commit(try stage(data, for: path), to: path)
    }
}
