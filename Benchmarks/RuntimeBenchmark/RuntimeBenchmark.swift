import AsyncHTTPClient
import Foundation
import JustOneAPI
import JustOneAPIAsyncHTTPClient
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
/// Prints one JSON object per case: its name and the calls per second of each repeat.
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
        let url = base.url.absoluteString + path + "?oAuthorId=7012345&platform=SHORT_VIDEO&range=DAY_30&token=benchmark-token"

        let session = URLSessionTransport(maximumConnectionsPerHost: 32).session
        let http = AsyncHTTPClientTransport.sharedClient
        let configuration = ClientConfiguration(retryPolicy: .none, maxConcurrentRequests: 16)
        let generatedURLSession = JustOneAPIClient(
            token: "benchmark-token", server: base, transport: URLSessionTransport(maximumConnectionsPerHost: 32),
            configuration: configuration)
        let generatedAHC = JustOneAPIClient(
            token: "benchmark-token", server: base, transport: AsyncHTTPClientTransport(client: http),
            configuration: configuration)

        let cases: [(String, @Sendable () async throws -> Void)] = [
            ("handwritten-urlsession", { try await handwrittenURLSession(session, url) }),
            ("generated-urlsession", { _ = try await generatedURLSession.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345") }),
            ("handwritten-asynchttpclient", { try await handwrittenAHC(http, url) }),
            ("generated-asynchttpclient", { _ = try await generatedAHC.douyinXingtu.getAuthorConvertAbility(oAuthorId: "7012345") }),
        ]
        for (name, call) in cases where only.map(name.contains) ?? true {
            for concurrency in [1, 16] {
                try await run(call, calls: min(200, calls), concurrency: concurrency)  // warm up
                var rates: [Double] = []
                for _ in 0..<repeats {
                    let started = ContinuousClock.now
                    try await run(call, calls: calls, concurrency: concurrency)
                    let elapsed = ContinuousClock.now - started
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    rates.append(Double(calls) / seconds)
                }
                let line = #"{"name": "\#(name)", "concurrency": \#(concurrency), "calls": \#(calls), "callsPerSecond": [\#(rates.map { String(format: "%.1f", $0) }.joined(separator: ", "))]}"#
                print(line)
            }
        }
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

    /// The envelope as a hand-written client would decode it.
    struct Envelope: Decodable {
        let code: Int
        let message: String?
        let recordTime: String?
        let requestId: String?
        let data: JSONValue?
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
