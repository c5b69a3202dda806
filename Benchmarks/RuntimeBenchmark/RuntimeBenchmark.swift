import AsyncHTTPClient
import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
import JustOneAPISQLiteCache
import NIOCore

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Calls per second of the generated client against a fast local server, beside hand-written
/// loops over the same transports: URLSession + JSONDecoder, AsyncHTTPClient + JSONDecoder.
///
///     RuntimeBenchmark <base URL> [calls] [repeats] [case]
///
/// With a case name (or part of one, such as `generated-asynchttpclient`), only matching cases run.
/// Prints one JSON object per case: its name, and for each repeat the calls per second and the
/// process's CPU time per call (every thread's, libcurl's and SwiftNIO's included), which varies
/// far less from run to run than throughput against a loopback server does.
@main
struct RuntimeBenchmark {
    static let path = "/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1"

    static func main() async throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let base = Server(arguments[1]) else {
            FileHandle.standardError.write(Data("usage: RuntimeBenchmark <base URL> [calls] [repeats]\n".utf8))
            exit(2)
        }
        let calls = arguments.count > 2 ? Int(arguments[2]) ?? 2000 : 2000
        let repeats = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
        let only = arguments.count > 4 ? arguments[4] : nil
        // Every call asks for another creator, hand-written and generated alike: identical calls
        // in flight would share one response (the client's default), which is not the per-call
        // cost being measured.
        let creators = CreatorNumbers()
        let prefix = base.url.absoluteString + path + "?oAuthorId="
        let suffix = "&platform=SHORT_VIDEO&range=DAY_30&token=benchmark-token"

        let session = URLSessionTransport(maximumConnectionsPerHost: 32).session
        let http = AsyncHTTPClientTransport.sharedClient
        let configuration = ClientConfiguration(retryPolicy: .none, maxConcurrentRequests: 16)
        let generatedURLSession = JustOneAPIClient(
            token: "benchmark-token", server: base, transport: URLSessionTransport(maximumConnectionsPerHost: 32),
            configuration: configuration)
        let generatedAHC = JustOneAPIClient(
            token: "benchmark-token", server: base, transport: AsyncHTTPClientTransport(client: http),
            configuration: configuration)

        // Each transport's hand-written loop and generated client take turns, run after run, so
        // that drift in the machine's speed affects both alike.
        let pairs: [(String, @Sendable () async throws -> Void, @Sendable () async throws -> Void)] = [
            (
                "urlsession", { try await handwrittenURLSession(session, prefix + creators.next() + suffix) },
                { _ = try await generatedURLSession.douyinXingtu.getAuthorConvertAbility(oAuthorId: creators.next()) }
            ),
            (
                "asynchttpclient", { try await handwrittenAHC(http, prefix + creators.next() + suffix) },
                { _ = try await generatedAHC.douyinXingtu.getAuthorConvertAbility(oAuthorId: creators.next()) }
            ),
        ]
        if only.map({ "decode-inferred-model decode-jsonvalue decode-jsonvalue-unshared".contains($0) }) ?? true {
            try await decodingCost(calls: calls, repeats: repeats)
        }
        if only.map({ "cache-hit-memory cache-hit-sqlite".contains($0) }) ?? true {
            try await cacheHitCost(base: base, calls: calls, repeats: repeats)
        }
        for (transport, client) in [("urlsession", generatedURLSession), ("asynchttpclient", generatedAHC)]
        where only.map({ "paging-loop-\(transport) paging-sequence-\(transport)".contains($0) }) ?? true {
            try await pagingCost(client, transport: transport, pages: calls, repeats: repeats)
        }
        for (transport, handwritten, generated) in pairs where only.map({ "handwritten-\(transport) generated-\(transport)".contains($0) }) ?? true {
            for concurrency in [1, 16] {
                try await run(handwritten, calls: min(200, calls), concurrency: concurrency)  // warm up
                try await run(generated, calls: min(200, calls), concurrency: concurrency)
                var rates: [String: [Double]] = [:]
                var cpu: [String: [Double]] = [:]
                for round in 0..<repeats {
                    let order = round % 2 == 0 ? [("handwritten", handwritten), ("generated", generated)]
                        : [("generated", generated), ("handwritten", handwritten)]
                    for (kind, call) in order {
                        let cpuStarted = processCPUSeconds()
                        let started = ContinuousClock.now
                        try await run(call, calls: calls, concurrency: concurrency)
                        let elapsed = ContinuousClock.now - started
                        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                        rates[kind, default: []].append(Double(calls) / seconds)
                        cpu[kind, default: []].append((processCPUSeconds() - cpuStarted) / Double(calls) * 1e6)
                    }
                }
                for kind in ["handwritten", "generated"] {
                    let values = (rates[kind] ?? []).map { String(format: "%.1f", $0) }.joined(separator: ", ")
                    let micros = (cpu[kind] ?? []).map { String(format: "%.2f", $0) }.joined(separator: ", ")
                    print(
                        #"{"name": "\#(kind)-\#(transport)", "concurrency": \#(concurrency), "calls": \#(calls), "#
                            + #""callsPerSecond": [\#(values)], "cpuMicrosecondsPerCall": [\#(micros)]}"#)
                }
            }
        }
    }

    /// The same request answered in memory (no network), its payload decoded as Conversion
    /// Analysis's model inferred from samples and as an untyped `JSONValue` (with in-flight
    /// sharing on, the default, and off): what the lenient model costs over the untyped path,
    /// and what sharing's bookkeeping costs, per call, in CPU time.
    static func decodingCost(calls: Int, repeats: Int) async throws {
        struct InMemory: ClientTransport {
            let body: Data
            func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
                HTTPResponse(status: 200, headerFields: ["Content-Type": "application/json"], body: body)
            }
        }
        let text: String =
            #"{"code": 0, "message": "success", "recordTime": "2026-11-25 10:00:00", "requestId": "benchmark", "data": {"#
            + #""avg_sales_amount_range": "-", "base_resp": {"status_code": 0, "status_message": ""}, "#
            + #""component_click_cnt_range": "-", "component_click_rate_range": "-", "gpm_range": "-", "#
            + #""rec_product_price_range": "-", "related_cpc_range": "-"}}"#
        let body = Data(text.utf8)
        let client = JustOneAPIClient(
            token: "benchmark-token", transport: InMemory(body: body),
            configuration: ClientConfiguration(retryPolicy: .none))
        // The same without in-flight sharing: what its bookkeeping costs a call that shares nothing.
        let unshared = JustOneAPIClient(
            token: "benchmark-token", transport: InMemory(body: body),
            configuration: ClientConfiguration(retryPolicy: .none, inFlightSharing: .off))
        // One request, two payload types: only decoding differs.
        let typed = DouyinXingtuAPI.GetAuthorConvertAbility(oAuthorId: "7012345").request
        let untyped = typed.decoding(as: JSONValue.self)
        let cases: [(String, @Sendable () async throws -> Void)] = [
            ("decode-inferred-model", {
                let result = try await client.send(typed)
                precondition(result.data.baseResp?.statusCode == 0)
            }),
            ("decode-jsonvalue", {
                let result = try await client.send(untyped)
                precondition(result.data["base_resp"]?["status_code"]?.intValue == 0)
            }),
            ("decode-jsonvalue-unshared", {
                let result = try await unshared.send(untyped)
                precondition(result.data["base_resp"]?["status_code"]?.intValue == 0)
            }),
        ]
        for (_, call) in cases { try await run(call, calls: min(200, calls), concurrency: 1) }
        var rates: [String: [Double]] = [:]
        var cpu: [String: [Double]] = [:]
        for round in 0..<repeats {
            for (name, call) in round % 2 == 0 ? cases : cases.reversed() {
                let cpuStarted = processCPUSeconds()
                let started = ContinuousClock.now
                try await run(call, calls: calls * 5, concurrency: 1)
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                rates[name, default: []].append(Double(calls * 5) / seconds)
                cpu[name, default: []].append((processCPUSeconds() - cpuStarted) / Double(calls * 5) * 1e6)
            }
        }
        for (name, _) in cases {
            let values = (rates[name] ?? []).map { String(format: "%.1f", $0) }.joined(separator: ", ")
            let micros = (cpu[name] ?? []).map { String(format: "%.2f", $0) }.joined(separator: ", ")
            print(
                #"{"name": "\#(name)", "concurrency": 1, "calls": \#(calls * 5), "#
                    + #""callsPerSecond": [\#(values)], "cpuMicrosecondsPerCall": [\#(micros)]}"#)
        }
    }

    /// A call answered by the response cache, in memory and in a SQLite file: the same request
    /// again and again, every call after the first a hit (the server is asked once). Compared
    /// by Benchmarks/run with a loopback call's CPU time.
    static func cacheHitCost(base: Server, calls: Int, repeats: Int) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("runtime-benchmark-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let transport = AsyncHTTPClientTransport(client: AsyncHTTPClientTransport.sharedClient)
        let caches: [(String, ResponseCache)] = [
            ("cache-hit-memory", .memory()),
            ("cache-hit-sqlite", .sqlite(path: directory.appendingPathComponent("cache.sqlite").path)),
        ]
        var cases: [(String, @Sendable () async throws -> Void)] = []
        for (name, cache) in caches {
            let client = JustOneAPIClient(
                token: "benchmark-token", server: base, transport: transport,
                configuration: ClientConfiguration(retryPolicy: .none, cache: cache))
            cases.append((name, {
                let result = try await client.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345")
                precondition(result.data.baseResp?.statusCode == 0)
            }))
        }
        for (_, call) in cases { try await run(call, calls: min(200, calls), concurrency: 1) }
        var rates: [String: [Double]] = [:]
        var cpu: [String: [Double]] = [:]
        for round in 0..<repeats {
            for (name, call) in round % 2 == 0 ? cases : cases.reversed() {
                let cpuStarted = processCPUSeconds()
                let started = ContinuousClock.now
                try await run(call, calls: calls, concurrency: 1)
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                rates[name, default: []].append(Double(calls) / seconds)
                cpu[name, default: []].append((processCPUSeconds() - cpuStarted) / Double(calls) * 1e6)
            }
        }
        for (name, _) in cases {
            let values = (rates[name] ?? []).map { String(format: "%.1f", $0) }.joined(separator: ", ")
            let micros = (cpu[name] ?? []).map { String(format: "%.2f", $0) }.joined(separator: ", ")
            print(
                #"{"name": "\#(name)", "concurrency": 1, "calls": \#(calls), "#
                    + #""callsPerSecond": [\#(values)], "cpuMicrosecondsPerCall": [\#(micros)]}"#)
        }
    }

    /// The per-page cost of `client.pages(…)` beside a hand-written loop over the same pages
    /// (the page number raised until a page has no videos), on the same client and server:
    /// what the sequence's stop rules and request rewriting add to each page.
    static func pagingCost(_ client: JustOneAPIClient, transport: String, pages: Int, repeats: Int) async throws {
        let operation = DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: "7012345")
        let cases: [(String, @Sendable () async throws -> Int)] = [
            ("paging-loop-\(transport)", {
                var page = 1
                var fetched = 0
                while true {
                    var request = operation
                    request.page = page
                    let response = try await client.send(request)
                    fetched += 1
                    guard let videos = response.data["videos"]?.arrayValue, !videos.isEmpty else { return fetched }
                    page += 1
                }
            }),
            ("paging-sequence-\(transport)", {
                var fetched = 0
                for try await _ in client.pages(operation, maxPages: 50) { fetched += 1 }
                return fetched + 1  // the empty last page, fetched and not yielded
            }),
        ]
        for (_, list) in cases { _ = try await list() }  // warm up
        var cpu: [String: [Double]] = [:]
        var rates: [String: [Double]] = [:]
        for round in 0..<repeats {
            for (name, list) in round % 2 == 0 ? cases : cases.reversed() {
                let cpuStarted = processCPUSeconds()
                let started = ContinuousClock.now
                var fetched = 0
                while fetched < pages { fetched += try await list() }
                let elapsed = ContinuousClock.now - started
                let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                rates[name, default: []].append(Double(fetched) / seconds)
                cpu[name, default: []].append((processCPUSeconds() - cpuStarted) / Double(fetched) * 1e6)
            }
        }
        for (name, _) in cases {
            let values = (rates[name] ?? []).map { String(format: "%.1f", $0) }.joined(separator: ", ")
            let micros = (cpu[name] ?? []).map { String(format: "%.2f", $0) }.joined(separator: ", ")
            print(
                #"{"name": "\#(name)", "concurrency": 1, "calls": \#(pages), "#
                    + #""callsPerSecond": [\#(values)], "cpuMicrosecondsPerCall": [\#(micros)]}"#)
        }
    }

    /// CPU time the whole process has used so far, in seconds.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// `calls` calls, `concurrency` at a time.
    static func run(_ call: @escaping @Sendable () async throws -> Void, calls: Int, concurrency: Int) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for worker in 0..<concurrency {
                let share = calls / concurrency + (worker < calls % concurrency ? 1 : 0)
                group.addTask {
                    for _ in 0..<share { try await call() }
                }
            }
            try await group.waitForAll()
        }
    }

    /// A new creator ID for each call, from any task.
    final class CreatorNumbers: @unchecked Sendable {
        private let lock = NSLock()
        private var number = 7_012_345
        func next() -> String {
            lock.withLock {
                number += 1
                return String(number)
            }
        }
    }

    /// The envelope as a careful hand-written client would decode it: into a struct of exactly
    /// the seed response's fields, which is the fastest that JSONDecoder gets.
    struct Envelope: Decodable {
        let code: Int
        let message: String?
        let recordTime: String?
        let requestId: String?
        let data: ConversionAnalysis?
    }

    struct ConversionAnalysis: Decodable {
        struct BaseResponse: Decodable {
            let status_code: Int
            let status_message: String
        }

        let avg_sales_amount_range: String
        let base_resp: BaseResponse
        let component_click_cnt_range: String
        let component_click_rate_range: String
        let gpm_range: String
        let rec_product_price_range: String
        let related_cpc_range: String
    }

    static let decoder = JSONDecoder()

    static func handwrittenURLSession(_ session: URLSession, _ url: String) async throws {
        var request = URLRequest(url: URL(string: url)!)
        request.timeoutInterval = 60
        let (data, _) = try await session.data(for: request)
        let envelope = try decoder.decode(Envelope.self, from: data)
        guard envelope.code == 0 else { throw URLError(.badServerResponse) }
    }

    static func handwrittenAHC(_ client: HTTPClient, _ url: String) async throws {
        let request = HTTPClientRequest(url: url)
        let response = try await client.execute(request, timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 16 * 1024 * 1024)
        let envelope = try decoder.decode(Envelope.self, from: Data(body.readableBytesView))
        guard envelope.code == 0 else { throw URLError(.badServerResponse) }
    }
}
