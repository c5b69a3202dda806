import Foundation
import Testing
import TestSupport

/// Public third-party OpenAPI documents (payments, messaging, AI, cloud storage, the OpenAPI
/// Initiative's examples) through the debug `generate` command as a user runs it, and their
/// output compiled.
///
/// The documents are not in this repository (their licenses vary). `../shared/corpus` holds
/// one folder per document (its only `.json`/`.yaml`/`.yml` file, or the root that `ENTRY`
/// names for a multi-file document); CI has it, so there every one of them must generate and
/// compile. `OPENAPI_CORPUS` names a directory of more: folders in the same layout, or
/// documents directly in it (those may also be refused, with located errors). Without either
/// the test says so and is skipped.
@Suite(.serialized) struct Test_Corpus {
    struct Document: Sendable, CustomTestStringConvertible {
        let name: String
        let url: URL
        /// Whether it must generate (the shared corpus), or may be refused with located errors.
        let mustGenerate: Bool
        var testDescription: String { name }
    }

    /// `../shared/corpus`, when ../shared is beside the checkout.
    static let shared: URL? = TestPaths.shared?.appendingPathComponent("corpus")

    static let documents: [Document] = {
        var result: [Document] = []
        if let shared, let found = try? folders(in: shared) {
            result += found.map { Document(name: $0.name, url: $0.url, mustGenerate: true) }
        }
        if let extra = ProcessInfo.processInfo.environment["OPENAPI_CORPUS"], let found = try? folders(in: URL(fileURLWithPath: extra)) {
            result += found.map { Document(name: "more/" + $0.name, url: $0.url, mustGenerate: false) }
        }
        return result
    }()

    /// The documents of a corpus directory: each folder's `ENTRY` root or only document, and
    /// documents directly in the directory.
    static func folders(in directory: URL) throws -> [(name: String, url: URL)] {
        var result: [(name: String, url: URL)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            if [".json", ".yaml", ".yml"].contains(where: name.lowercased().hasSuffix) {
                result.append((name, url))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if let entry = try? String(contentsOf: url.appendingPathComponent("ENTRY"), encoding: .utf8) {
                result.append((name, url.appendingPathComponent(entry.trimmingCharacters(in: .whitespacesAndNewlines))))
            } else if let file = try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
                .first(where: { [".json", ".yaml", ".yml"].contains(where: $0.lowercased().hasSuffix) })
            {
                result.append((name, url.appendingPathComponent(file)))
            }
        }
        return result
    }

    /// Where each document's client goes, for the compile test.
    static let workspace: URL = {
        let url = TestPaths.packageRoot.appendingPathComponent(".build/corpus-clients")
        try? FileManager.default.removeItem(at: url)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// With ../shared present, its corpus is: a missing corpus must not pass as a test.
    @Test(.enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissingReason)))
    func theSharedCorpusIsThere() throws {
        let documents = Self.documents.filter(\.mustGenerate)
        #expect(documents.count >= 14, "../shared/corpus holds \(documents.count) documents")
        #expect(documents.allSatisfy { FileManager.default.fileExists(atPath: $0.url.path) })
    }

    /// Each document generates with the debug build (exit 0, files written); one from
    /// `OPENAPI_CORPUS` may instead be refused with located errors (`file:line:column: error:`).
    /// Never a signal, and never a hang: the time is printed (the 10 s target is
    /// Benchmarks/run's to hold, on a quiet machine); the bound here only catches a runaway.
    @Test(.enabled(if: !documents.isEmpty, "no corpus: ../shared/corpus or OPENAPI_CORPUS"), arguments: documents)
    func generates(_ document: Document) async throws {
        let output = Self.workspace.appendingPathComponent(Self.targetName(document.name))
        let started = ContinuousClock.now
        let result = try await CommandRunner.generate(
            ["client", document.url.lastPathComponent, "--output", output.path, "--quiet"], in: document.url.deletingLastPathComponent())
        let elapsed = ContinuousClock.now - started
        print("\(document.name): status \(result.status) in \(elapsed)")
        #expect(elapsed < .seconds(180), "\(document.name) took \(elapsed)")
        let errors = result.standardError.split(separator: "\n").filter { $0.contains(": error: ") }
        if document.mustGenerate {
            #expect(result.status == 0, "\(document.name):\n\(errors.prefix(5).joined(separator: "\n"))")
        } else {
            #expect(result.status == 0 || result.status == 1, "\(document.name) ended with status \(result.status)")
        }
        if result.status == 0 {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            #expect(!files.isEmpty, "\(document.name) generated nothing")
        } else {
            #expect(!errors.isEmpty, "\(document.name) failed without a located error:\n\(result.standardError.suffix(2_000))")
            #expect(
                errors.allSatisfy { $0.range(of: #"^[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil },
                "\(document.name): \(errors.prefix(3))")
            try? FileManager.default.removeItem(at: output)
        }
    }

    /// What the documents generated compiles, each as a target of one package, in Swift 6
    /// mode with warnings as errors.
    @Test(.enabled(if: !documents.isEmpty, "no corpus: ../shared/corpus or OPENAPI_CORPUS"), .timeLimit(.minutes(40)))
    func theirClientsCompile() async throws {
        var targets: [String: CompileCheck.Contents] = [:]
        for document in Self.documents {
            let output = Self.workspace.appendingPathComponent(Self.targetName(document.name))
            if !FileManager.default.fileExists(atPath: output.path) {
                // Not generated yet (this test ran alone): generate it now.
                let result = try await CommandRunner.generate(
                    ["client", document.url.lastPathComponent, "--output", output.path, "--quiet"],
                    in: document.url.deletingLastPathComponent())
                if result.status != 0 {
                    #expect(!document.mustGenerate, "\(document.name) did not generate")
                    continue
                }
            }
            targets[Self.targetName(document.name)] = .directory(output)
        }
        let build = try await CompileCheck.build("corpus-compile", targets: targets)
        #expect(build.status == 0, "swift build failed:\n\(build.problems.prefix(40).joined(separator: "\n"))")
        #expect(build.problems.isEmpty, "\(build.problems.prefix(40).joined(separator: "\n"))")
    }

    /// A Swift target name for a document: `oai-petstore-expanded` → `Corpus_oai_petstore_expanded`.
    static func targetName(_ name: String) -> String {
        "Corpus_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
