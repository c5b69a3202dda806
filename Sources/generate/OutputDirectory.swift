import Foundation
import GeneratorCore

/// The output directory on disk: reads what is there, and applies an ``OutputPlan`` so that
/// either every change lands or none does.
struct OutputDirectory {
    let path: String

    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// The Swift files below the directory, by relative path; empty when it does not exist.
    func existingFiles() throws -> [String: String] {
        let root = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [:] }
        guard isDirectory.boolValue else { throw WriteError(description: "\(path) is a file, not a directory") }
        var result: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1))
            result[relative] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    /// Writes every changed file to a temporary file beside its target first; only when all are
    /// written are they renamed into place and stale files removed. A failure before that point
    /// removes the temporary files and changes nothing.
    func apply(_ plan: OutputPlan) throws {
        let fileManager = FileManager.default
        var createdDirectories: [String] = []
        var staged: [(temporary: String, target: String)] = []
        do {
            for file in plan.writes {
                let target = (path as NSString).appendingPathComponent(file.path)
                let directory = (target as NSString).deletingLastPathComponent
                if !fileManager.fileExists(atPath: directory) {
                    var missing: [String] = []
                    var candidate = directory
                    while !candidate.isEmpty, !fileManager.fileExists(atPath: candidate) {
                        missing.append(candidate)
                        candidate = (candidate as NSString).deletingLastPathComponent
                    }
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                    createdDirectories += missing
                }
                staged.append((try AtomicFile.stage(Data(file.contents.utf8), for: target, durable: false), target))
            }
        } catch {
            for (temporary, _) in staged { try? fileManager.removeItem(atPath: temporary) }
            for directory in createdDirectories { try? fileManager.removeItem(atPath: directory) }
            throw error
        }
        for (temporary, target) in staged { try AtomicFile.commit(temporary, to: target) }
        for relative in plan.removals {
            let target = (path as NSString).appendingPathComponent(relative)
            try fileManager.removeItem(atPath: target)
            removeEmptyParents(of: target)
        }
    }

    private func removeEmptyParents(of file: String) {
        var directory = (file as NSString).deletingLastPathComponent
        let root = (path as NSString).standardizingPath
        while (directory as NSString).standardizingPath != root,
            let contents = try? FileManager.default.contentsOfDirectory(atPath: directory), contents.isEmpty
        {
            try? FileManager.default.removeItem(atPath: directory)
            directory = (directory as NSString).deletingLastPathComponent
        }
    }
}
