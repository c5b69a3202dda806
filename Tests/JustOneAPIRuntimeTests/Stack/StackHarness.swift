import Foundation
import Logging
import Testing

@testable import JustOneAPIRuntime

/// The parts a layer needs, for testing one layer at a time: a stack of the layer under test
/// over the real decode layer, whose transport is a closure.
final class StackHarness: @unchecked Sendable {
    static let envelope = EnvelopeFormat(codes: [
        BusinessCodeInfo(code: 301, name: "collectionFailed", meaning: "Collection failed", isRetryable: true),
        BusinessCodeInfo(code: 601, name: "insufficientBalance", meaning: "Insufficient balance", isRetryable: false, stopsClient: true),
    ])

    let meter = UsageMeter()
    let events: CallEvents
    let limiter: ConcurrencyLimiter
    let gate: AccountGate
    let transport: ClosureTransport

    init(maxConcurrent: Int = 8, logger: Logger = Logger(label: "test"), reply: @escaping ClosureTransport.Handler) {
        events = CallEvents(meter: meter, metrics: nil, logger: logger)
        limiter = ConcurrencyLimiter(limit: maxConcurrent)
        gate = AccountGate(policy: .untilResumed, events: events, limiter: limiter)
        transport = ClosureTransport(reply)
    }

    /// `layers`, then the decode layer over the closure transport and `middlewares`.
    func stack(_ layers: [(any CallLayer)?], middlewares: [any ClientMiddleware] = []) -> CallStack {
        CallStack(
            layers + [
                DecodeLayer(
                    http: HTTPChain(middlewares: middlewares, transport: transport, events: events), gate: gate,
                    events: events)
            ])
    }

    /// A call of `operationID` with these query items, read as an envelope.
    func call(
        _ operationID: String = "listItems", query: [QueryItem] = [], method: HTTPMethod = .get,
        policy: CachePolicy = .useCache, token: String = "secret-token"
    ) -> Call<JSONValue> {
        let request = Request<JSONValue>(
            operationID: operationID, method: method, path: "/items", query: query,
            authentication: .query(name: "token"), responseFormat: .envelope(Self.envelope))
        let server = Server("https://example.test")!
        return Call(
            request: request, httpRequest: try! request.httpRequest(server: server, credential: Credential(token: token)),
            server: server, timeout: .seconds(5), redactor: Redactor(secrets: [token]),
            usage: meter.slot(for: operationID), cachePolicy: policy)
    }

    static func success(_ data: String) -> HTTPResponse {
        HTTPResponse(status: 200, body: Data(#"{"code": 0, "data": \#(data)}"#.utf8))
    }

    static func failure(_ code: Int) -> HTTPResponse {
        HTTPResponse(status: 200, body: Data(#"{"code": \#(code), "message": "no", "data": null}"#.utf8))
    }
}

/// A transport that answers with a closure and counts what it is sent.
final class ClosureTransport: ClientTransport, @unchecked Sendable {
    typealias Handler = @Sendable (_ arrival: Int, _ request: HTTPRequest) async throws -> HTTPResponse
    private let lock = NSLock()
    private let handler: Handler
    private var received: [HTTPRequest] = []

    init(_ handler: @escaping Handler) {
        self.handler = handler
    }

    var requests: [HTTPRequest] { lock.withLock { received } }
    var count: Int { lock.withLock { received.count } }

    func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let arrival: Int = lock.withLock {
            received.append(request)
            return received.count
        }
        return try await handler(arrival, request)
    }
}

/// Runs `body` concurrently `count` times and returns each outcome, in order.
func concurrently<Value: Sendable>(
    _ count: Int, _ body: @escaping @Sendable (Int) async throws -> Value
) async -> [Result<Value, any Error>] {
    await withTaskGroup(of: (Int, Result<Value, any Error>).self) { group in
        for index in 0..<count {
            group.addTask {
                do { return (index, .success(try await body(index))) } catch { return (index, .failure(error)) }
            }
        }
        var results = [Result<Value, any Error>?](repeating: nil, count: count)
        for await (index, result) in group { results[index] = result }
        return results.map { $0! }
    }
}

/// An async gate for transports in tests: callers of ``arrive()`` wait until ``open()``; the
/// test can wait until `expected` of them have arrived.
final class ArrivalBarrier: @unchecked Sendable {
    private let lock = NSLock()
    private let expected: Int
    private var arrived = 0
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(expected: Int) {
        self.expected = expected
    }

    /// Waits until the gate opens.
    func arrive() async {
        await withCheckedContinuation { continuation in
            let passes: Bool = lock.withLock {
                arrived += 1
                if isOpen { return true }
                waiting.append(continuation)
                return false
            }
            if passes { continuation.resume() }
        }
    }

    /// Whether `expected` callers have arrived.
    var allArrived: Bool { lock.withLock { arrived >= expected } }

    /// Waits (polling) until `expected` callers have arrived.
    func waitForArrivals() async throws {
        #expect(try await eventually { self.allArrived })
    }

    func open() {
        let resumed: [CheckedContinuation<Void, Never>] = lock.withLock {
            isOpen = true
            defer { waiting.removeAll() }
            return waiting
        }
        for continuation in resumed { continuation.resume() }
    }
}

/// Polls `condition` until it holds, for at most 30 s.
func eventually(_ condition: @Sendable () -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now + .seconds(30)
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        try await Task.sleep(for: .milliseconds(2))
    }
    return true
}
