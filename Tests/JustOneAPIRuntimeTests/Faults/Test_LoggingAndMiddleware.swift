import Foundation
import JustOneAPI
import Testing
import TestSupport

@Suite struct Test_LoggingAndMiddleware {
    /// A middleware that records what it sees and adds a header.
    struct Recorder: ClientMiddleware {
        let name: String
        let log: LogCapture

        func intercept(
            _ request: HTTPRequest, context: MiddlewareContext,
            next: @Sendable (HTTPRequest) async throws -> HTTPResponse
        ) async throws -> HTTPResponse {
            var request = request
            request.headerFields.append(name: "X-Trace", value: name)
            log.append(.init(level: .info, message: "\(name) before attempt \(context.attempt) \(context.path)", metadata: [:]))
            let response = try await next(request)
            log.append(.init(level: .info, message: "\(name) after \(response.status)", metadata: [:]))
            return response
        }
    }

    @Test(arguments: TransportKind.allCases)
    func middlewareRunsAroundEachAttemptInOrder(transport: TransportKind) async throws {
        let counter = Counter()
        let server = try LoopbackServer { _ in
            counter.next() == 1 ? .json(#"{"code": 301, "data": null}"#) : .json(#"{"code": 0, "data": 1}"#)
        }
        let log = LogCapture()
        let configuration = ClientConfiguration(
            retryPolicy: steadyRetries, middlewares: [Recorder(name: "outer", log: log), Recorder(name: "inner", log: log)])
        _ = try await makeClient(server, transport, configuration: configuration).douyinXingtu.getAuthorTags(starAuthorId: "1")
        let path = "/api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1"
        #expect(
            log.lines.map(\.message) == [
                "outer before attempt 1 \(path)", "inner before attempt 1 \(path)", "inner after 200", "outer after 200",
                "outer before attempt 2 \(path)", "inner before attempt 2 \(path)", "inner after 200", "outer after 200",
            ])
        #expect(server.requests.allSatisfy { $0.headers["x-trace"] == "outer, inner" || $0.headers["x-trace"] == "outer,inner" })
    }

    /// One debug line per attempt, a warning per retry, and the token nowhere: not in log
    /// lines, their metadata, or error descriptions, across successes and every kind of failure.
    @Test(arguments: TransportKind.allCases)
    func logsDescribeAttemptsAndNeverTheToken(transport: TransportKind) async throws {
        let counter = Counter()
        let server = try LoopbackServer { request in
            switch counter.next() {
            case 1: return .json(#"{"code": 302, "message": "echo \#(faultToken)", "data": null}"#)
            case 2: return .json(#"{"code": 0, "data": {"token": "\#(faultToken)"}}"#)
            case 3: return LoopbackServer.Reply(status: 500, body: Data("server says \(faultToken)".utf8))
            default: return LoopbackServer.Reply(body: Data("not json \(faultToken) \(request.query)".utf8))
            }
        }
        let capture = LogCapture()
        let configuration = ClientConfiguration(retryPolicy: RetryPolicy(maxAttempts: 2, initialBackoff: .milliseconds(5)), logger: capture.logger)
        let client = makeClient(server, transport, configuration: configuration)
        _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")
        var descriptions: [String] = []
        do {
            _ = try await client.douyinXingtu.getAuthorTags(starAuthorId: "2")
        } catch {
            descriptions.append("\(error)")
            descriptions.append(String(reflecting: error))
        }
        let secretClient = makeClient(server, transport, configuration: ClientConfiguration(retryPolicy: .none, secretParameterNames: ["password"], logger: capture.logger))
        let request = Request<JSONValue>(
            operationID: "login", method: .get, path: "/login", query: [QueryItem(name: "password", value: "hunter2")],
            authentication: .query(name: "token"), responseFormat: .json)
        do {
            _ = try await secretClient.send(request)
        } catch {
            descriptions.append("\(error)")
        }

        let lines = capture.lines
        let debug = lines.filter { $0.level == .debug }
        #expect(debug.count == 5)
        #expect(debug.first?.message == "GET /api/douyin-xingtu/gw/api/aggregator/get_author_tags/v1 → 200, code 302: business code 302 (Rate limit exceeded), message \"echo <redacted>\"")
        #expect(debug.first?.metadata["attempt"] == "1")
        #expect(debug.first?.metadata["operation"] == "getApiDouyinXingtuGwApiAggregatorGetAuthorTagsV1")
        #expect(debug.first?.metadata["duration_ms"] != nil)
        #expect(lines.filter { $0.level == .warning }.count == 2)
        let everything = lines.map { $0.message + " " + $0.metadata.description }.joined(separator: "\n") + descriptions.joined(separator: "\n")
        #expect(!everything.contains(faultToken))
        #expect(!everything.contains("hunter2"))
        #expect(everything.contains("<redacted>"))
    }
}
