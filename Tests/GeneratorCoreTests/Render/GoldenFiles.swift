import Foundation
import GeneratorCore
import Testing
import TestSupport

/// Compares generated files with committed ones. Set `RECORD_GOLDEN=1` to rewrite the committed
/// files instead; the test then fails, so that a re-recording is never silent.
enum GoldenFiles {
    static var isRecording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    static func check(_ files: [GeneratedFile], against directory: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let fileManager = FileManager.default
        var committed: [String: String] = [:]
        if let enumerator = fileManager.enumerator(at: directory, includingPropertiesForKeys: nil) {
            while let url = enumerator.nextObject() as? URL {
                guard url.pathExtension == "swift" else { continue }
                let relative = String(url.standardizedFileURL.path.dropFirst(directory.standardizedFileURL.path.count + 1))
                committed[relative] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        if isRecording {
            for path in committed.keys where !files.contains(where: { $0.path == path }) {
                try fileManager.removeItem(at: directory.appendingPathComponent(path))
            }
            for file in files {
                let url = directory.appendingPathComponent(file.path)
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.contents.utf8).write(to: url)
            }
            Issue.record("re-recorded \(files.count) golden files in \(directory.path); unset RECORD_GOLDEN and run again", sourceLocation: sourceLocation)
            return
        }
        #expect(
            Set(files.map(\.path)) == Set(committed.keys),
            "generated and committed files differ in name; RECORD_GOLDEN=1 re-records", sourceLocation: sourceLocation)
        for file in files {
            let expected = committed[file.path] ?? ""
            if file.contents != expected {
                let diff = UnifiedDiff.make(
                    old: expected, new: file.contents, oldName: "committed/\(file.path)", newName: "generated/\(file.path)")
                Issue.record("\(file.path) differs from the golden file:\n\(diff)", sourceLocation: sourceLocation)
            }
        }
    }
}
