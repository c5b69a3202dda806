import Foundation
import Testing
import TestSupport

/// The SwiftPM plugins from a package of their own: Examples/Xiaohongshu, which depends on this
/// repository by path, with the published Xiaohongshu documents of ../shared copied into its
/// `openapi/` folders (they are not committed). The build plugin generates a client that an
/// executable calls on loopback; the command plugin writes and checks committed code; bad input
/// fails either with a located error. Skipped without ../shared.
@Suite(.serialized, .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissingReason)))
struct Test_Plugins {
    static let example = TestPaths.packageRoot.appendingPathComponent("Examples/Xiaohongshu")
    /// Inside this package's .build, so that runs after the first build incrementally.
    static let scratch = TestPaths.packageRoot.appendingPathComponent(".build/examples-xiaohongshu")
    static let targets = ["XiaohongshuClient", "XiaohongshuCommitted"]

    /// Copies the published documents into each target's openapi/ folder.
    func prepare() throws {
        let shared = try #require(TestPaths.shared)
        let documents = shared.appendingPathComponent("openapi/docs/xiaohongshu-rednote")
        for target in Self.targets {
            let folder = Self.example.appendingPathComponent("Sources/\(target)/openapi")
            for name in try FileManager.default.contentsOfDirectory(atPath: documents.path) where name.hasSuffix(".json") {
                let destination = folder.appendingPathComponent(name)
                try? FileManager.default.removeItem(at: destination)
                try FileManager.default.copyItem(at: documents.appendingPathComponent(name), to: destination)
            }
        }
    }

    func swift(_ arguments: [String]) async throws -> CommandResult {
        try await CommandRunner.run("/usr/bin/env", ["swift"] + arguments, in: Self.example)
    }

    func build() async throws -> CommandResult {
        try await swift(["build", "--scratch-path", Self.scratch.path])
    }

    @Test(.timeLimit(.minutes(40))) func theBuildPluginGeneratesAClientThatCallsTheServer() async throws {
        try prepare()
        let first = try await build()
        #expect(first.status == 0, "\(first.standardOutput.suffix(3_000))\n\(first.standardError.suffix(3_000))")

        let server = try LoopbackServer { _ in
            .json(#"{"code": 0, "message": "ok", "requestId": "req-7", "data": {"title": "A note"}}"#)
        }
        let executable = Self.scratch.appendingPathComponent("debug/xiaohongshu-example").path
        let call = try await CommandRunner.run(executable, [server.baseURL, "example-token", "65f1a2"], in: Self.example)
        #expect(call.status == 0, "\(call.standardError)")
        #expect(call.standardOutput.contains("title: A note, request: req-7"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/api/xiaohongshu/get-note-detail/v1")
        #expect(request.queryValue("noteId") == "65f1a2")
        #expect(request.queryValue("token") == "example-token")

        // Nothing changed: the generator does not run again. (The build right after a first
        // build from scratch relinks SwiftPM's copy of the tool and reruns it, whatever the
        // plugin; the one after that is the steady state a user sees.)
        _ = try await build()
        let steady = try await build()
        #expect(steady.status == 0)
        #expect(!steady.standardOutput.contains("] Generating"), "\(steady.standardOutput)")
    }

    @Test(.timeLimit(.minutes(40))) func badInputFailsTheBuildWithALocatedError() async throws {
        try prepare()
        let broken = Self.example.appendingPathComponent("Sources/XiaohongshuClient/openapi/broken.json")
        try Data("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try await build()
        #expect(result.status != 0)
        let output = result.standardOutput + result.standardError
        #expect(output.contains("broken.json:4:1: error: malformed JSON"), "\(output.suffix(3_000))")
    }

    @Test(.timeLimit(.minutes(40))) func theCommandPluginWritesAndChecksCommittedCode() async throws {
        try prepare()
        let generated = Self.example.appendingPathComponent("Sources/XiaohongshuCommitted/Generated")
        try? FileManager.default.removeItem(at: generated)
        let plugin = [
            "package", "--scratch-path", Self.scratch.path, "--allow-writing-to-package-directory", "generate-client",
            "--target", "XiaohongshuCommitted",
        ]
        let write = try await swift(plugin)
        #expect(write.status == 0, "\(write.standardError.suffix(3_000))")
        let namespace = generated.appendingPathComponent("XiaohongshuAPI.swift")
        #expect(FileManager.default.fileExists(atPath: namespace.path))

        let check = try await swift(plugin + ["--check"])
        #expect(check.status == 0, "\(check.standardError.suffix(3_000))")

        // The committed code drifts: --check fails with the diff and changes nothing.
        let text = try String(contentsOf: namespace, encoding: .utf8)
        try Data(text.replacingOccurrences(of: "public func getNoteDetailV1(", with: "public func renamed(").utf8).write(to: namespace)
        let stale = try await swift(plugin + ["--check"])
        #expect(stale.status != 0)
        #expect(stale.standardOutput.contains("+    public func getNoteDetailV1("), "\(stale.standardOutput.suffix(2_000))")
        #expect(try String(contentsOf: namespace, encoding: .utf8).contains("public func renamed("))

        // Bad input: a located error, the command fails, and nothing is written.
        let broken = Self.example.appendingPathComponent("Sources/XiaohongshuCommitted/openapi/broken.json")
        try Data("{\n  \"openapi\": \"3.1.0\",\n  \"paths\": {\n".utf8).write(to: broken)
        defer { try? FileManager.default.removeItem(at: broken) }
        let before = try CommandRunner.snapshot(generated)
        let failed = try await swift(plugin)
        #expect(failed.status != 0)
        #expect((failed.standardOutput + failed.standardError).contains("broken.json:4:1: error: malformed JSON"))
        #expect(try CommandRunner.snapshot(generated).mapValues(\.contents) == before.mapValues(\.contents))
    }
}
