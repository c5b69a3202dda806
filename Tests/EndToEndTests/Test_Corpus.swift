import Foundation
import Testing
import TestSupport

/// Public third-party OpenAPI documents (payments, messaging, AI, cloud storage, search, the
/// OpenAPI Initiative's own tests …) through the debug `generate` command as a user runs it,
/// and their output compiled.
///
/// The documents are not in this repository (their licenses vary). `../shared/corpus` and
/// `../shared/corpus-2` hold one folder per document (its only `.json`/`.yaml`/`.yml` file, or
/// the root that `ENTRY` names for a multi-file document); a folder with several documents
/// and no `ENTRY` (`oai-schema-tests`, `readme-oas-examples`) holds one document per file. CI
/// has both, so there every one of them must generate. `OPENAPI_CORPUS` names a directory of
/// more, in the same layout (those may also be refused, with located errors). Without any the
/// test says so and is skipped.
///
/// The clients compile in CI, except those of the second corpus whose generated code is
/// larger than ``compileInCIBytes`` (they take minutes each): `CORPUS_COMPILE_ALL=1 swift test --filter
/// theLargeClientsCompile` compiles those too.
@Suite(.serialized) struct Test_Corpus {
    struct Document: Sendable, CustomTestStringConvertible {
        let name: String
        let url: URL
        /// Whether it must generate (the shared corpora), or may be refused with located errors.
        let mustGenerate: Bool
        var testDescription: String { name }
    }

    /// `../shared/corpus` and `../shared/corpus-2`, when ../shared is beside the checkout.
    static let shared: [URL] = ["corpus", "corpus-2"].compactMap { TestPaths.shared?.appendingPathComponent($0) }
        .filter { FileManager.default.fileExists(atPath: $0.path) }

    static let documents: [Document] = {
        var result: [Document] = []
        for directory in shared {
            let prefix = directory.lastPathComponent == "corpus" ? "" : directory.lastPathComponent + "/"
            if let found = try? folders(in: directory) {
                result += found.map { Document(name: prefix + $0.name, url: $0.url, mustGenerate: true) }
            }
        }
        if let extra = ProcessInfo.processInfo.environment["OPENAPI_CORPUS"], let found = try? folders(in: URL(fileURLWithPath: extra)) {
            result += found.map { Document(name: "more/" + $0.name, url: $0.url, mustGenerate: false) }
        }
        return result
    }()

    static let documentExtensions = [".json", ".yaml", ".yml"]

    /// The documents of a corpus directory: each folder's `ENTRY` root or only document, every
    /// document of a folder that holds several, and documents directly in the directory.
    static func folders(in directory: URL) throws -> [(name: String, url: URL)] {
        var result: [(name: String, url: URL)] = []
        let fileManager = FileManager.default
        for name in try fileManager.contentsOfDirectory(atPath: directory.path).sorted() where !name.hasPrefix(".") {
            let url = directory.appendingPathComponent(name)
            if documentExtensions.contains(where: name.lowercased().hasSuffix) {
                result.append((name, url))
                continue
            }
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            if let entry = try? String(contentsOf: url.appendingPathComponent("ENTRY"), encoding: .utf8) {
                result.append((name, url.appendingPathComponent(entry.trimmingCharacters(in: .whitespacesAndNewlines))))
                continue
            }
            let files = (fileManager.enumerator(atPath: url.path)?.compactMap { $0 as? String } ?? [])
                .filter { path in documentExtensions.contains(where: path.lowercased().hasSuffix) }.sorted()
            if files.count == 1 {
                result.append((name, url.appendingPathComponent(files[0])))
            } else {
                result += files.map { (name + "/" + $0, url.appendingPathComponent($0)) }
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

    /// With ../shared present, its corpora are: a missing corpus must not pass as a test.
    @Test(.enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissingReason)))
    func theSharedCorporaAreThere() throws {
        let documents = Self.documents.filter(\.mustGenerate)
        #expect(documents.filter { !$0.name.hasPrefix("corpus-2/") }.count >= 14, "../shared/corpus")
        #expect(documents.filter { $0.name.hasPrefix("corpus-2/") }.count >= 75, "../shared/corpus-2")
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
            // A document may describe no operation, server or schema (some of the OpenAPI
            // Initiative's tests): it generates nothing, and that is no failure.
            let files = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
            print("\(document.name): \(files.count) files")
        } else {
            #expect(!errors.isEmpty, "\(document.name) failed without a located error:\n\(result.standardError.suffix(2_000))")
            #expect(
                errors.allSatisfy { $0.range(of: #"^[^:]+:\d+:\d+: error: "#, options: .regularExpression) != nil },
                "\(document.name): \(errors.prefix(3))")
            try? FileManager.default.removeItem(at: output)
        }
    }

    /// Clients whose generated code is larger than this compile only when asked for
    /// (`CORPUS_COMPILE_ALL=1`): each takes minutes on two cores (Benchmarks/run compile has
    /// their figures).
    static let compileInCIBytes = 1_000_000

    /// What the documents generated compiles, each as a target of one package, in Swift 6
    /// mode with warnings as errors: the clients up to ``compileInCIBytes``.
    @Test(.enabled(if: !documents.isEmpty, "no corpus: ../shared/corpus or OPENAPI_CORPUS"), .timeLimit(.minutes(40)))
    func theirClientsCompile() async throws {
        try await compile(large: false)
    }

    /// The clients larger than ``compileInCIBytes``, when `CORPUS_COMPILE_ALL=1` asks for them.
    @Test(
        .enabled(if: !documents.isEmpty && ProcessInfo.processInfo.environment["CORPUS_COMPILE_ALL"] == "1",
            "the large corpus clients compile only with CORPUS_COMPILE_ALL=1"),
        .timeLimit(.minutes(120)))
    func theLargeClientsCompile() async throws {
        try await compile(large: true)
    }

    func compile(large: Bool) async throws {
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
            let size = Self.bytes(in: output)
            // The first corpus compiles whole in CI, as it always has; of the second, what fits.
            let inCI = !document.name.hasPrefix("corpus-2/") || size <= Self.compileInCIBytes
            guard size > 0, inCI != large else { continue }
            targets[Self.targetName(document.name)] = .directory(output)
        }
        guard !targets.isEmpty else { return }
        print("compiling \(targets.count) clients: \(targets.keys.sorted().joined(separator: ", "))")
        let build = try await CompileCheck.build(large ? "corpus-compile-large" : "corpus-compile", targets: targets)
        #expect(build.status == 0, "swift build failed:\n\(build.problems.prefix(40).joined(separator: "\n"))")
        #expect(build.problems.isEmpty, "\(build.problems.prefix(40).joined(separator: "\n"))")
    }

    /// The bytes of the Swift files under `directory`.
    static func bytes(in directory: URL) -> Int {
        let paths = FileManager.default.enumerator(atPath: directory.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { $0.hasSuffix(".swift") }.reduce(0) { total, path in
            total + ((try? FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(path).path)[.size] as? Int) ?? 0)
        }
    }

    /// A Swift target name for a document: `oai-petstore-expanded` → `Corpus_oai_petstore_expanded`.
    static func targetName(_ name: String) -> String {
        "Corpus_" + String(name.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
