import Foundation
import JustOneAPI
import JustOneAPIRuntime
import Testing
import TestSupport

/// The recorder behind `generate infer`: the first successes of each operation, on disk, with
/// the credential removed, within its bounds, under concurrent calls.
@Suite struct Test_SampleRecorder {
    static let operation = "getApiDouyinXingtuGwApiDataSpGetAuthorConvertAbilityV1"

    func client(_ server: LoopbackServer, _ recorder: SampleRecorder, transport: TransportKind = .urlSession) -> JustOneAPIClient {
        makeClient(server, transport, configuration: ClientConfiguration(retryPolicy: .none, middlewares: [recorder]))
    }

    /// The samples (and any stray temporary files) under `directory`, without request records.
    func files(in directory: URL) throws -> [String] {
        try allFiles(in: directory).filter { !$0.hasSuffix(".request.json") }
    }

    func allFiles(in directory: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".json") || $0.contains("tmp") }.sorted()
    }

    /// Sixty-four calls at once, three samples wanted: exactly three files, each whole JSON.
    /// (Distinct creators: identical calls in flight would share one response.)
    @Test(arguments: TransportKind.allCases)
    func concurrentCallsKeepTheBound(transport: TransportKind) async throws {
        let directory = try TestPaths.temporaryDirectory("samples")
        let recorder = SampleRecorder(directory: directory, samplesPerOperation: 3)
        let counter = Counter()
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {"n": \#(counter.next())}}"#) }
        let api = client(server, recorder, transport: transport).douyinXingtu
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<64 {
                group.addTask { _ = try await api.getAuthorConvertAbility(oAuthorId: "\(index)") }
            }
            try await group.waitForAll()
        }
        #expect(try files(in: directory) == ["\(Self.operation)/1.json", "\(Self.operation)/2.json", "\(Self.operation)/3.json"])
        for name in try files(in: directory) {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(try JSONValue.parse(data)["data"]?["n"]?.intValue != nil)
        }
        #expect(recorder.recordedCount == 3)
        // Each sample has its request beside it, and nothing else is there.
        #expect(try allFiles(in: directory).filter { $0.hasSuffix(".request.json") }.count == 3)
    }

    /// The request record beside a sample holds the method, path and parameters, for
    /// `generate infer` to see what a page sent back; the credential is not in it.
    @Test func theRequestIsKeptBesideEachSample() async throws {
        let directory = try TestPaths.temporaryDirectory("samples")
        let recorder = SampleRecorder(directory: directory)
        let server = try LoopbackServer { _ in .json(#"{"code": 0, "data": {"videos": []}}"#) }
        _ = try await client(server, recorder).douyinXingtu.getAuthorHomepageVideos(oAuthorId: "7 0", page: 2)
        let folder = directory.appendingPathComponent(DouyinXingtuAPI.GetAuthorHomepageVideos.operationID)
        let record = try JSONValue.parse(Data(contentsOf: folder.appendingPathComponent("1.request.json")))
        #expect(record["method"] == "GET")
        #expect(record["path"] == "/api/douyin-xingtu/gw/api/aggregator/get_author_homepage_videos/v1")
        #expect(record["query"]?["oAuthorId"] == "7 0")
        #expect(record["query"]?["page"] == "2")
        #expect(record["query"]?["token"] == "<redacted>")
        let text = try String(contentsOf: folder.appendingPathComponent("1.request.json"), encoding: .utf8)
        #expect(!text.contains(faultToken))
    }

    /// A body that repeats the token keeps it nowhere on disk.
    @Test func theCredentialIsRedacted() async throws {
        let directory = try TestPaths.temporaryDirectory("samples")
        let recorder = SampleRecorder(directory: directory)
        let server = try LoopbackServer { request in
            .json(#"{"code": 0, "data": {"echo": "\#(request.queryValue("token") ?? "")", "url": "https://x/?token=\#(faultToken)"}}"#)
        }
        _ = try await client(server, recorder).douyinXingtu.getAuthorConvertAbility(oAuthorId: "1")
        let text = try String(contentsOf: directory.appendingPathComponent("\(Self.operation)/1.json"), encoding: .utf8)
        #expect(!text.contains(faultToken))
        #expect(text.contains(#""echo": "<redacted>""#))
    }

    /// Failures, bodies over the size bound, and calls past the total bound are not kept;
    /// files already there count towards the bound.
    @Test func onlySuccessesWithinTheBoundsAreKept() async throws {
        let directory = try TestPaths.temporaryDirectory("samples")
        let existing = directory.appendingPathComponent(Self.operation)
        try FileManager.default.createDirectory(at: existing, withIntermediateDirectories: true)
        try Data(#"{"code": 0, "data": {}}"#.utf8).write(to: existing.appendingPathComponent("1.json"))
        let counter = Counter()
        let server = try LoopbackServer { _ in
            switch counter.next() {
            case 1: .json(#"{"code": 301, "message": "collection failed", "data": null}"#)
            case 2: .json(#"{"code": 0, "data": {"big": "\#(String(repeating: "x", count: 2_000))"}}"#)
            default: .json(#"{"code": 0, "data": {"small": true}}"#)
            }
        }
        let recorder = SampleRecorder(directory: directory, samplesPerOperation: 2, maximumBytes: 1_000)
        let api = client(server, recorder).douyinXingtu
        _ = try? await api.getAuthorConvertAbility(oAuthorId: "1")  // code 301: thrown, not kept
        _ = try await api.getAuthorConvertAbility(oAuthorId: "1")  // too large
        _ = try await api.getAuthorConvertAbility(oAuthorId: "1")  // kept as 2.json
        _ = try await api.getAuthorConvertAbility(oAuthorId: "1")  // over the bound
        #expect(try files(in: directory) == ["\(Self.operation)/1.json", "\(Self.operation)/2.json"])
        let kept = try Data(contentsOf: existing.appendingPathComponent("2.json"))
        #expect(try JSONValue.parse(kept)["data"]?["small"] == .bool(true))
    }

    @Test func operationIDsAreSafeFolderNames() {
        #expect(SampleRecorder.folderName("a/../b") == "a_.._b")
        #expect(SampleRecorder.folderName("..") == "_")
    }
}
