import Foundation
import TestSupport

/// Runs a command and captures what it prints.
struct CommandResult {
    let status: Int32
    let standardOutput: String
    let standardError: String
}

enum CommandRunner {
    /// Runs the built `generate` executable with `arguments` in `directory`.
    static func generate(_ arguments: [String], in directory: URL) async throws -> CommandResult {
        try await run(TestPaths.productsDirectory.appendingPathComponent("generate").path, arguments, in: directory)
    }

    /// Runs `executable` on a thread of its own and waits for it to finish.
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]? = nil
    ) async throws -> CommandResult {
        try await offCooperativePool { try runBlocking(executable, arguments, in: directory, environment: environment) }
    }

    private static func runBlocking(
        _ executable: String, _ arguments: [String], in directory: URL, environment: [String: String]?
    ) throws -> CommandResult {
        // At a low priority, so that tests measuring latency elsewhere keep the cores they need.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/nice")
        process.arguments = ["-n", "15", executable] + arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read both pipes while the process runs, so that a full pipe never blocks it.
        let group = DispatchGroup()
        nonisolated(unsafe) var outputData = Data()
        nonisolated(unsafe) var errorData = Data()
        group.enter()
        DispatchQueue.global().async {
            outputData = output.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        process.waitUntilExit()
        group.wait()
        return CommandResult(
            status: process.terminationStatus, standardOutput: String(decoding: outputData, as: UTF8.self),
            standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Copies `source` (relative to the package root) into `directory`.
    static func copy(_ source: String, to directory: URL) throws {
        let target = directory.appendingPathComponent(source)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: TestPaths.packageRoot.appendingPathComponent(source), to: target)
    }

    /// The files below `directory` with their contents and modification dates.
    static func snapshot(_ directory: URL) throws -> [String: (contents: Data, modified: Date)] {
        var result: [String: (contents: Data, modified: Date)] = [:]
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey]) else {
            return result
        }
        while let url = enumerator.nextObject() as? URL {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let modified = try url.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate ?? .distantPast
            result[String(url.path.dropFirst(directory.path.count + 1))] = (try Data(contentsOf: url), modified)
        }
        return result
    }
}
