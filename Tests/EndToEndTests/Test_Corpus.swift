import Foundation
import Testing
import TestSupport

/// Public third-party OpenAPI documents (payments, messaging, AI, cloud, the OpenAPI
/// Initiative's examples), through the `generate` command as a user runs it.
///
/// The documents are not in this repository (their licenses vary): put them in a directory
/// and name it in `OPENAPI_CORPUS`, or place it beside this checkout as `../corpus`. Every
/// `.json`, `.yaml` and `.yml` file directly in it is a document; a subdirectory holds a
/// multi-file document whose root file is named in `ROOT` inside it. Without a corpus the test
/// says so and passes. README.md lists the documents used and where they come from.
@Suite struct Test_Corpus {
    static let directory: URL? = {
        let candidates = [
            ProcessInfo.processInfo.environment["OPENAPI_CORPUS"].map { URL(fileURLWithPath: $0) },
            TestPaths.packageRoot.deletingLastPathComponent().appendingPathComponent("corpus"),
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0.path) }
    }()

    /// The documents: top-level files, and the root named in each subdirectory's `ROOT`.
    static func documents(in directory: URL) throws -> [URL] {
        var result: [URL] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() {
            let url = directory.appendingPathComponent(name)
            if [".json", ".yaml", ".yml"].contains(where: name.hasSuffix) {
                result.append(url)
            } else if let root = try? String(contentsOf: url.appendingPathComponent("ROOT"), encoding: .utf8) {
                result.append(url.appendingPathComponent(root.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        return result
    }

    /// Each document generates (exit 0, files written) or is refused with located errors
    /// (exit 1, `file:line:column: error:`); never a signal, and within a minute even in a
    /// debug build.
    @Test(.timeLimit(.minutes(30))) func everyDocumentGeneratesOrIsRefusedWithALocatedError() async throws {
        guard let directory = Self.directory else {
            print("no corpus of third-party documents (OPENAPI_CORPUS or ../corpus); the test is skipped")
            return
        }
        let documents = try Self.documents(in: directory)
        #expect(!documents.isEmpty)
        let workspace = try TestPaths.temporaryDirectory("corpus")
        var summary: [String] = []
        for document in documents {
            let output = workspace.appendingPathComponent(document.lastPathComponent + "-client")
            let started = ContinuousClock.now
            let result = try await CommandRunner.generate(
                ["client", document.lastPathComponent, "--output", output.path], in: document.deletingLastPathComponent())
            let elapsed = ContinuousClock.now - started
            let name = document.lastPathComponent
            #expect(result.status == 0 || result.status == 1, "\(name) ended with status \(result.status)")
            #expect(elapsed < .seconds(60), "\(name) took \(elapsed)")
            let errors = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
            if result.status == 0 {
                let files = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
                #expect(!files.isEmpty, "\(name) generated nothing")
                summary.append("\(name): generated in \(elapsed)")
            } else {
                #expect(!errors.isEmpty, "\(name) failed without a located error:\n\(result.standardError.suffix(2_000))")
                // Located: `file:line:column: error:` (in the document or one of its parts).
                #expect(
                    errors.allSatisfy { $0.range(of: #"^[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil },
                    "\(name): \(errors.prefix(3))")
                summary.append("\(name): refused in \(elapsed): \(errors.first ?? "")")
            }
        }
        print(summary.joined(separator: "\n"))
    }
}
