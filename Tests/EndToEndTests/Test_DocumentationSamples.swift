import Foundation
import Testing
import TestSupport

/// Every Swift sample of README.md, Benchmarks/README.md and the DocC articles, compiled.
///
/// The samples are extracted into `Tests/DocumentationSamples`, a target the package builds
/// with the tests, so that a sample that no longer compiles fails the build. A sample marked
/// `<!-- fragment -->` (statements, not declarations) is compiled inside an async throwing
/// function that has the names samples assume (`client`, `token`, `id` …) as parameters; one
/// marked `<!-- manifest -->` is a whole `Package.swift`, checked by `swift package
/// dump-package`; any other is a file of its own. This test fails when the extracted files are
/// not the documentation's samples (`RECORD_GOLDEN=1` extracts them again), and runs the `sh`
/// lines that only read: `generate … --check`, `--report-paging`, `--help`.
@Suite struct Test_DocumentationSamples {
    struct Sample {
        enum Kind: String { case file, fragment, manifest }
        let kind: Kind
        let code: String
        let line: Int
    }

    /// The documents whose samples are compiled, relative to the package.
    static var documents: [String] {
        var paths = ["README.md", "Benchmarks/README.md", "CHANGELOG.md"]
        let sources = TestPaths.packageRoot.appendingPathComponent("Sources")
        let found = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String } ?? []
        paths += found.filter { $0.contains(".docc/") && $0.hasSuffix(".md") }.sorted().map { "Sources/" + $0 }
        return paths.filter { FileManager.default.fileExists(atPath: TestPaths.packageRoot.appendingPathComponent($0).path) }
    }

    /// The fenced blocks of `language` in `text`, with the marker line before each.
    static func blocks(in text: String, language: String) -> [(marker: String?, code: String, line: Int)] {
        let lines = text.components(separatedBy: "\n")
        var result: [(marker: String?, code: String, line: Int)] = []
        var index = 0
        while index < lines.count {
            let trimmed = lines[index].trimmingCharacters(in: .whitespaces)
            guard trimmed == "```" + language else {
                index += 1
                continue
            }
            let indent = lines[index].prefix { $0 == " " }.count
            let previous = index > 0 ? lines[index - 1].trimmingCharacters(in: .whitespaces) : ""
            let marker = previous.hasPrefix("<!--") ? previous : nil
            var body: [String] = []
            var end = index + 1
            while end < lines.count, lines[end].trimmingCharacters(in: .whitespaces) != "```" {
                body.append(String(lines[end].dropFirst(min(indent, lines[end].prefix { $0 == " " }.count))))
                end += 1
            }
            result.append((marker, body.joined(separator: "\n"), index + 1))
            index = end + 1
        }
        return result
    }

    static func samples(in path: String) throws -> [Sample] {
        let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(path), encoding: .utf8)
        return try blocks(in: text, language: "swift").map { block in
            let kind: Sample.Kind
            switch block.marker {
            case nil: kind = .file
            case "<!-- fragment -->": kind = .fragment
            case "<!-- manifest -->": kind = .manifest
            case let other?:
                throw SampleError("\(path):\(block.line): unknown sample marker \(other); use <!-- fragment --> or <!-- manifest -->")
            }
            return Sample(kind: kind, code: block.code, line: block.line)
        }
    }

    struct SampleError: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }

    /// The names fragments may use without declaring them.
    static let fragmentParameters =
        "token: String, id: String, client: JustOneAPIClient, creatorIDs: [String], request: Request<JSONValue>, tracing: any ClientMiddleware, samplesURL: URL"

    static let imports = [
        "import Foundation", "import JustOneAPI", "import JustOneAPIAsyncHTTPClient", "import JustOneAPISQLiteCache",
        "import JustOneAPITesting", "import Logging", "import Testing",
    ]

    /// The Swift file the samples of the document at `path` become.
    static func sourceFile(for path: String, samples: [Sample]) -> String? {
        let compiled = samples.filter { $0.kind != .manifest }
        guard !compiled.isEmpty else { return nil }
        var body: [String] = []
        var imports = Set(Self.imports)
        let stem = Self.identifier(path)
        for (number, sample) in compiled.enumerated() {
            let lines = sample.code.components(separatedBy: "\n")
            for line in lines where line.hasPrefix("import ") { imports.insert(line.trimmingCharacters(in: .whitespaces)) }
            let code = lines.filter { !$0.hasPrefix("import ") }
            body.append("// \(path):\(sample.line)")
            switch sample.kind {
            case .file:
                body += code
            case .fragment:
                body.append("func \(stem)Sample\(number + 1)(\(fragmentParameters)) async throws {")
                body += code.map { $0.isEmpty ? "" : "    " + $0 }
                body.append("}")
            case .manifest:
                break
            }
            body.append("")
        }
        return "// The Swift samples of \(path), extracted by Test_DocumentationSamples: do not edit.\n"
            + "// RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples extracts them again.\n\n"
            + imports.sorted().joined(separator: "\n") + "\n\n" + body.joined(separator: "\n")
    }

    /// A lowerCamelCase Swift name for `path`: `Sources/JustOneAPI/JustOneAPI.docc/Overlays.md`
    /// is `justOneAPIOverlays`, `README.md` is `readme`.
    static func identifier(_ path: String) -> String {
        var stem = (path as NSString).deletingPathExtension
        stem = stem.replacingOccurrences(of: "Sources/", with: "").replacingOccurrences(of: ".docc", with: "")
        var words: [String] = []
        for word in stem.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init) where word != words.last {
            words.append(word == word.uppercased() ? word.lowercased() : word)
        }
        var name = ""
        for (index, word) in words.enumerated() {
            let head = index == 0 ? word.prefix(1).lowercased() : word.prefix(1).uppercased()
            name += head + word.dropFirst()
        }
        return name
    }

    static let samplesDirectory = TestPaths.packageRoot.appendingPathComponent("Tests/DocumentationSamples")

    /// The extracted files are the documentation's samples (the package build compiles them).
    @Test func theCompiledSamplesAreTheDocumentationsSamples() throws {
        var expected: [String: String] = [:]
        var counts: [Sample.Kind: Int] = [:]
        for path in Self.documents {
            let samples = try Self.samples(in: path)
            for sample in samples { counts[sample.kind, default: 0] += 1 }
            if let file = Self.sourceFile(for: path, samples: samples) { expected[Self.identifier(path) + ".swift"] = file }
        }
        print("documentation samples: \(counts.map { "\($0.value) \($0.key.rawValue)" }.sorted().joined(separator: ", "))")
        #expect((counts[.fragment] ?? 0) + (counts[.file] ?? 0) >= 20)
        let fileManager = FileManager.default
        if ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" {
            for name in (try? fileManager.contentsOfDirectory(atPath: Self.samplesDirectory.path)) ?? [] where name.hasSuffix(".swift") {
                try fileManager.removeItem(at: Self.samplesDirectory.appendingPathComponent(name))
            }
            for (name, text) in expected { try Data(text.utf8).write(to: Self.samplesDirectory.appendingPathComponent(name)) }
            Issue.record("re-extracted \(expected.count) sample files; unset RECORD_GOLDEN, build and test again")
            return
        }
        let committed = Set(((try? fileManager.contentsOfDirectory(atPath: Self.samplesDirectory.path)) ?? []).filter { $0.hasSuffix(".swift") })
        #expect(committed == Set(expected.keys), "the sample files differ from the documents; RECORD_GOLDEN=1 extracts them again")
        for (name, text) in expected {
            let onDisk = try? String(contentsOf: Self.samplesDirectory.appendingPathComponent(name), encoding: .utf8)
            #expect(onDisk == text, "\(name) is not the documentation's samples; RECORD_GOLDEN=1 swift test --filter Test_DocumentationSamples")
        }
    }

    /// Each `<!-- manifest -->` sample is a manifest SwiftPM reads.
    @Test func manifestSamplesAreManifests() async throws {
        for path in Self.documents {
            for sample in try Self.samples(in: path) where sample.kind == .manifest {
                let directory = try TestPaths.temporaryDirectory("manifest")
                try Data(sample.code.utf8).write(to: directory.appendingPathComponent("Package.swift"))
                let result = try await CommandRunner.run("/usr/bin/env", ["swift", "package", "dump-package"], in: directory)
                #expect(result.status == 0, "\(path):\(sample.line): \(result.standardError.suffix(600))")
            }
        }
    }

    /// The `sh` lines that only read run, with the debug `generate` the suite built.
    @Test func readOnlyCommandsRun() async throws {
        var ran = 0
        for path in Self.documents {
            let text = try String(contentsOf: TestPaths.packageRoot.appendingPathComponent(path), encoding: .utf8)
            for block in Self.blocks(in: text, language: "sh") {
                for line in block.code.components(separatedBy: "\n") {
                    let command = line.components(separatedBy: "#")[0].trimmingCharacters(in: .whitespaces)
                    guard command.hasPrefix("swift run generate "),
                        command.hasSuffix("--check") || command.hasSuffix("--report-paging") || command.hasSuffix("--help")
                    else { continue }
                    var arguments = command.dropFirst("swift run generate ".count).split(separator: " ").map(String.init)
                    arguments.removeAll { $0.isEmpty }
                    let result = try await CommandRunner.generate(arguments, in: TestPaths.packageRoot)
                    #expect(result.status == 0, "\(path): `\(command)` ended with \(result.status): \(result.standardError.suffix(400))")
                    ran += 1
                }
            }
        }
        #expect(ran >= 3)
    }
}
