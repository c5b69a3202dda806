import Foundation
import Testing
import TestSupport

/// `generate fetch` against a loopback server that serves ../shared/openapi/docs, with ETags, a
/// 304 path, a 500, a truncated and an invalid document, and a catalog behind Basic auth.
@Suite(.serialized, .enabled(if: TestPaths.shared != nil, Comment(rawValue: TestPaths.sharedMissingReason)))
struct Test_Fetch {
    static let password = "p4ss-w0rd-never-printed"
    static let xingtu = "douyin-creator-marketplace-xingtu"

    /// Serves the published documents; edited files get their new bytes (and ETag).
    final class PublishedDocs: Sendable {
        let server: LoopbackServer
        private let state: State

        final class State: @unchecked Sendable {
            let docs: URL
            let catalog: Data
            private let lock = NSLock()
            private var edits: [String: Data] = [:]

            init(docs: URL, catalog: Data) {
                self.docs = docs
                self.catalog = catalog
            }

            func edit(_ file: String, to data: Data) { lock.withLock { edits[file] = data } }
            func edited(_ file: String) -> Data? { lock.withLock { edits[file] } }
        }

        init(shared: URL) throws {
            let state = State(
                docs: shared.appendingPathComponent("openapi/docs"),
                catalog: try Data(contentsOf: shared.appendingPathComponent("openapi/public-api.json")))
            self.state = state
            server = try LoopbackServer { request in PublishedDocs.answer(request, state: state) }
        }

        func edit(_ file: String, to data: Data) { state.edit(file, to: data) }

        static func answer(_ request: LoopbackServer.Received, state: State) -> LoopbackServer.Reply {
            if request.path == "/v3/api-docs/public-api" {
                let expected = "Basic " + Data("docs-user:\(Test_Fetch.password)".utf8).base64EncodedString()
                guard request.headers["authorization"] == expected else {
                    return LoopbackServer.Reply(status: 401, headers: [("WWW-Authenticate", "Basic")])
                }
                return LoopbackServer.Reply(body: state.catalog)
            }
            let file = String(request.path.dropFirst("/openapi/".count))
            switch (file as NSString).lastPathComponent {
            case "always-500-v1-en.json":
                return LoopbackServer.Reply(status: 500, body: Data("oops".utf8))
            case "invalid-v1-en.json":
                return .json(#"{"name": "not an OpenAPI document"}"#)
            default:
                break
            }
            let real = file.replacingOccurrences(of: "truncated-v1-en.json", with: "conversion-analysis-v1-en.json")
            guard var body = state.edited(real) ?? FileManager.default.contents(atPath: state.docs.appendingPathComponent(real).path) else {
                return LoopbackServer.Reply(status: 404)
            }
            if file.hasSuffix("truncated-v1-en.json") { body = body.prefix(body.count / 2) }
            let etag = "\"\(body.count)-\(body.hashValue & 0xFFFF_FFFF)\""
            if request.headers["if-none-match"] == etag {
                return LoopbackServer.Reply(status: 304, headers: [("ETag", etag)])
            }
            return LoopbackServer.Reply(headers: [("Content-Type", "application/json"), ("ETag", etag)], body: body)
        }
    }

    func workspace(manifest files: [String], published: PublishedDocs) throws -> URL {
        let directory = try TestPaths.temporaryDirectory("fetch")
        let specs = directory.appendingPathComponent("specs")
        try FileManager.default.createDirectory(at: specs, withIntermediateDirectories: true)
        let manifest = "baseURL: \(published.server.baseURL)/openapi/\ndocuments:\n" + files.map { "  - file: \($0)\n" }.joined()
        try Data(manifest.utf8).write(to: specs.appendingPathComponent("sources.yaml"))
        return directory
    }

    @Test func fetchValidatesReplacesAtomicallyAndUsesConditionalRequests() async throws {
        let shared = try #require(TestPaths.shared)
        let published = try PublishedDocs(shared: shared)
        let good = ["creator-profile-v1-en.json", "creator-tags-v1-en.json", "conversion-analysis-v1-en.json"].map { "\(Self.xingtu)/\($0)" }
        let bad = ["always-500-v1-en.json", "truncated-v1-en.json", "invalid-v1-en.json"].map { "\(Self.xingtu)/\($0)" }
        let directory = try workspace(manifest: good + bad, published: published)
        let specs = directory.appendingPathComponent("specs")
        // An older local copy of one good document, and a local document the truncated download must not replace.
        let old = Data(#"{"openapi": "3.1.0", "info": {"title": "old", "version": "0"}, "paths": {}}"#.utf8)
        try FileManager.default.createDirectory(at: specs.appendingPathComponent(Self.xingtu), withIntermediateDirectories: true)
        try old.write(to: specs.appendingPathComponent(good[2]))
        try old.write(to: specs.appendingPathComponent(bad[1]))

        let first = try await CommandRunner.generate(["fetch", "specs/", "--attempts", "2", "--previous", "before"], in: directory)
        #expect(first.status == 1)
        #expect(first.standardOutput.contains("Fetched 6 documents: 2 added, 1 changed, 0 unchanged, 3 failed."))
        #expect(first.standardError.contains("specs/\(bad[0]): error: HTTP 500"))
        #expect(first.standardError.contains("specs/\(bad[1]): error: the download is not a valid OpenAPI document: "))
        #expect(first.standardError.contains("malformed JSON"))
        #expect(first.standardError.contains("specs/\(bad[2]): error: the download is not a valid OpenAPI document: "))
        #expect(first.standardError.contains("not an OpenAPI document"))
        #expect(first.standardError.contains("[6/6]"), "progress lines in a log")
        for file in good {
            #expect(
                FileManager.default.contents(atPath: specs.appendingPathComponent(file).path)
                    == FileManager.default.contents(atPath: shared.appendingPathComponent("openapi/docs/\(file)").path))
        }
        #expect(FileManager.default.contents(atPath: specs.appendingPathComponent(bad[1]).path) == old, "kept")
        #expect(!FileManager.default.fileExists(atPath: specs.appendingPathComponent(bad[2]).path))
        #expect(FileManager.default.contents(atPath: directory.appendingPathComponent("before/\(good[2])").path) == old)
        // The 500 was retried.
        #expect(published.server.requests.filter { $0.path.hasSuffix(bad[0]) }.count == 2)

        let lock = try JSONSerialization.jsonObject(with: Data(contentsOf: specs.appendingPathComponent("sources.lock.json"))) as? [String: Any]
        let records = try #require(lock?["documents"] as? [String: [String: String]])
        #expect(records.keys.sorted() == good.sorted())
        #expect(records.values.allSatisfy { $0["etag"]?.hasPrefix("\"") == true })
        #expect(records[good[0]]?["url"] == "\(published.server.baseURL)/openapi/\(good[0])")

        // Again: the server answers 304 for what did not change.
        let second = try await CommandRunner.generate(["fetch", "specs/", "--attempts", "1", "--quiet"], in: directory)
        #expect(second.standardOutput.contains("Fetched 6 documents: 0 added, 0 changed, 3 unchanged, 3 failed."))
        let conditional = published.server.requests.suffix(6).filter { $0.headers["if-none-match"] != nil }
        #expect(conditional.count == 3)

        // The published document changes: it is replaced.
        var edited = try #require(FileManager.default.contents(atPath: shared.appendingPathComponent("openapi/docs/\(good[0])").path))
        edited.append(contentsOf: Array(" \n".utf8))
        published.edit(good[0], to: edited)
        let third = try await CommandRunner.generate(["fetch", "specs/", "--attempts", "1", "--quiet"], in: directory)
        #expect(third.standardOutput.contains("0 added, 1 changed, 2 unchanged, 3 failed."))
        #expect(FileManager.default.contents(atPath: specs.appendingPathComponent(good[0]).path) == edited)
    }

    @Test func discoverAddsTheEndpointsOfATagWithCredentialsFromTheEnvironment() async throws {
        let shared = try #require(TestPaths.shared)
        let published = try PublishedDocs(shared: shared)
        let directory = try workspace(manifest: ["\(Self.xingtu)/creator-profile-v1-en.json"], published: published)
        let catalog = "\(published.server.baseURL)/v3/api-docs/public-api"
        let generate = TestPaths.productsDirectory.appendingPathComponent("generate").path

        let denied = try await CommandRunner.run(
            generate, ["fetch", "specs/", "--discover", catalog, "--tag", "Douyin Creator Marketplace (Xingtu)"], in: directory,
            environment: ["PATH": "/usr/bin:/bin"])
        #expect(denied.status == 1)
        #expect(denied.standardError.contains("HTTP 401 (set OPENAPI_BASIC_AUTH_USERNAME and OPENAPI_BASIC_AUTH_PASSWORD)"))

        let environment = ["PATH": "/usr/bin:/bin", "OPENAPI_BASIC_AUTH_USERNAME": "docs-user", "OPENAPI_BASIC_AUTH_PASSWORD": Self.password]
        let result = try await CommandRunner.run(
            generate, ["fetch", "specs/", "--discover", catalog, "--tag", "douyin-creator-marketplace-xingtu"], in: directory,
            environment: environment)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("Discovered 32 new endpoint(s)"))
        #expect(result.standardOutput.contains("Fetched 33 documents: 33 added, 0 changed, 0 unchanged, 0 failed."))
        #expect(!(result.standardOutput + result.standardError + denied.standardError).contains(Self.password))
        let manifest = try String(contentsOf: directory.appendingPathComponent("specs/sources.yaml"), encoding: .utf8)
        #expect(manifest.components(separatedBy: "  - file: ").count - 1 == 33)
        #expect(manifest.contains("  - file: \(Self.xingtu)/conversion-analysis-v1-en.json\n"))

        // The fetched documents generate the same client as the published layout.
        let check = try await CommandRunner.generate(
            ["specs/", "--config", TestPaths.packageRoot.appendingPathComponent("specs/generator.yaml").path, "--output", "out"], in: directory)
        #expect(check.status == 0)
    }
}
