import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_DecodeLayer {
    /// A success is decoded, counted as sent and succeeded; a failure carries its `Retry-After`.
    @Test func decodesAndReportsTheAttempt() async throws {
        let harness = StackHarness { arrival, _ in
            if arrival == 1 { return StackHarness.success(#"{"n": 1}"#) }
            var response = StackHarness.failure(301)
            response.headerFields["Retry-After"] = "7"
            return response
        }
        let stack = harness.stack([])
        let exchange = try await stack.send(harness.call())
        #expect(exchange.response.data["n"] == 1)
        #expect(exchange.response.origin == .network)
        let failure = try await #require(throws: AttemptFailure.self) { try await stack.send(harness.call()) }
        #expect(failure.retryAfter == "7")
        #expect(failure.error.businessFailure?.code == 301)
        let usage = harness.meter.snapshot().total
        #expect(usage.requestsSent == 2 && usage.successes == 1 && usage.failures == 1)
    }

    /// A transport's error becomes the attempt's failure, with the token redacted.
    @Test func aTransportErrorIsTheAttemptsFailure() async throws {
        let harness = StackHarness { _, request in
            throw TransportFailure.connectionLost(reason: "lost \(request.url.absoluteString)")
        }
        let failure = try await #require(throws: AttemptFailure.self) { try await harness.stack([]).send(harness.call()) }
        #expect(failure.error.transportFailure != nil)
        #expect(!"\(failure.error)".contains("secret-token"))
    }

    /// Middlewares run around the transport, the first outermost.
    @Test func middlewaresWrapTheTransport() async throws {
        struct Tag: ClientMiddleware {
            let name: String
            func intercept(
                _ request: HTTPRequest, context: MiddlewareContext, next: @Sendable (HTTPRequest) async throws -> HTTPResponse
            ) async throws -> HTTPResponse {
                var request = request
                request.headerFields.append(name: "X-Tag", value: name)
                return try await next(request)
            }
        }
        let harness = StackHarness { _, _ in StackHarness.success("{}") }
        _ = try await harness.stack([], middlewares: [Tag(name: "outer"), Tag(name: "inner")]).send(harness.call())
        #expect(harness.transport.requests.first?.headerFields.filter { $0.name == "X-Tag" }.map(\.value) == ["outer", "inner"])
    }
}
