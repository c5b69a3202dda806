import Foundation
import JustOneAPIAsyncHTTPClient
import JustOneAPIRuntime
import Logging
import Testing
import TestSupport

/// The transports every fault test runs against.
enum TransportKind: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case urlSession, asyncHTTPClient

    var testDescription: String { rawValue }

    func make() -> any ClientTransport {
        switch self {
        case .urlSession: URLSessionTransport()
        case .asyncHTTPClient: AsyncHTTPClientTransport()
        }
    }
}

/// A retry policy that waits the whole backoff ceiling (no jitter), so tests can check the waits.
let steadyRetries = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(20), jitter: { $0 })

let faultToken = "fault-token-Zz9"

func makeClient(
    _ server: LoopbackServer, _ transport: TransportKind, timeout: Duration = .seconds(60),
    configuration: ClientConfiguration = ClientConfiguration(retryPolicy: steadyRetries)
) -> JustOneAPIClient {
    JustOneAPIClient(
        token: faultToken, server: Server(server.baseURL)!, timeout: timeout, transport: transport.make(),
        configuration: configuration)
}

/// A counter the server's handler can share across its threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func next() -> Int { lock.withLock { value += 1; return value } }
    var current: Int { lock.withLock { value } }
}

/// Collects every log line, for checking what the client logs (and what it never logs).
final class LogCapture: @unchecked Sendable {
    struct Line: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
    }

    private let lock = NSLock()
    private var collected: [Line] = []

    var lines: [Line] { lock.withLock { collected } }

    func append(_ line: Line) { lock.withLock { collected.append(line) } }

    var logger: Logger {
        var logger = Logger(label: "JustOneAPI.test") { _ in Handler(capture: self) }
        logger.logLevel = .trace
        return logger
    }

    struct Handler: LogHandler {
        let capture: LogCapture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            var all = metadata
            event.metadata?.forEach { all[$0] = $1 }
            capture.append(Line(level: event.level, message: "\(event.message)", metadata: all.mapValues { "\($0)" }))
        }
    }
}
