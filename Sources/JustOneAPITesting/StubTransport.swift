import Foundation
import JustOneAPIRuntime

/// A transport that answers from canned replies, with no network and no token: for the tests
/// of code that uses the client. It records every request for assertions.
///
/// ```swift
/// let stub = StubTransport()
///     .on(DouyinXingtuAPI.GetAuthorTags.self, .businessFailure(301), .success(["tags": ["food"]]))
/// let client = JustOneAPIClient(token: "test", transport: stub)
/// let tags = try await client.douyinXingtu.getAuthorTags(starAuthorId: "1")   // retried, then the success
/// #expect(stub.requests(of: DouyinXingtuAPI.GetAuthorTags.self).count == 2)
/// ```
///
/// Replies are found by operation first, then by path, then the closure given to
/// ``init(_:)``. A list of replies is used in turn, its last one repeating. A request nothing
/// answers fails with ``NoStub``, which names it. A reply's delay honours the call's timeout
/// (a longer one fails as timed out) and its cancellation.
public final class StubTransport: ClientTransport, @unchecked Sendable {
    /// The error of a request that no stub answers (the call fails with it as its
    /// `JustOneAPIError.underlyingError`).
    public struct NoStub: RedactionSafeError, CustomStringConvertible {
        public let operationID: String
        public let path: String
        public var description: String {
            "no stub answers \(operationID.isEmpty ? "the request" : operationID) (\(path)): add one with `stub.on(…)`"
        }
    }

    private final class Answer: @unchecked Sendable {
        let replies: [StubReply]
        let handler: (@Sendable (RecordedRequest) throws -> StubReply)?
        var next = 0

        init(replies: [StubReply]) {
            self.replies = replies
            handler = nil
        }

        init(handler: @escaping @Sendable (RecordedRequest) throws -> StubReply) {
            replies = []
            self.handler = handler
        }

        /// The next reply (called under the transport's lock).
        func reply(to request: RecordedRequest) throws -> StubReply {
            if let handler { return try handler(request) }
            defer { next = min(next + 1, replies.count - 1) }
            return replies[next]
        }
    }

    private let lock = NSLock()
    private var byOperation: [String: Answer] = [:]
    private var byPath: [String: Answer] = [:]
    private let fallback: Answer?
    private var recorded: [RecordedRequest] = []

    /// A transport with no replies yet: add them with the `on` methods.
    public init() {
        fallback = nil
    }

    /// A transport that answers every request the `on` methods do not with `handler`.
    public init(_ handler: @escaping @Sendable (RecordedRequest) throws -> StubReply) {
        fallback = Answer(handler: handler)
    }

    /// Answers the calls of `operation` with `replies` in turn (the last one repeats).
    @discardableResult
    public func on<Operation: APIOperation>(_ operation: Operation.Type, _ replies: StubReply...) -> StubTransport {
        on(operationID: Operation.operationID, replies)
    }

    /// Answers the calls of `operation` with what `handler` returns for each.
    @discardableResult
    public func on<Operation: APIOperation>(
        _ operation: Operation.Type, answer handler: @escaping @Sendable (RecordedRequest) throws -> StubReply
    ) -> StubTransport {
        add(Answer(handler: handler), operationID: Operation.operationID)
    }

    /// Answers the calls of the operation with this `operationId` with `replies` in turn.
    @discardableResult
    public func on(operationID: String, _ replies: StubReply...) -> StubTransport {
        on(operationID: operationID, replies)
    }

    /// Answers requests for `path` (without the query) with `replies` in turn.
    @discardableResult
    public func on(path: String, _ replies: StubReply...) -> StubTransport {
        precondition(!replies.isEmpty, "give at least one reply")
        return lock.withLock {
            byPath[path] = Answer(replies: replies)
            return self
        }
    }

    private func on(operationID: String, _ replies: [StubReply]) -> StubTransport {
        precondition(!replies.isEmpty, "give at least one reply")
        return add(Answer(replies: replies), operationID: operationID)
    }

    private func add(_ answer: Answer, operationID: String) -> StubTransport {
        lock.withLock { byOperation[operationID] = answer }
        return self
    }

    /// Every request received, in order.
    public var requests: [RecordedRequest] { lock.withLock { recorded } }

    /// The requests received for `operation`, in order.
    public func requests<Operation: APIOperation>(of operation: Operation.Type) -> [RecordedRequest] {
        requests.filter { $0.operationID == Operation.operationID }
    }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let received = RecordedRequest(request)
        let reply: StubReply = try lock.withLock {
            recorded.append(received)
            guard let answer = byOperation[received.operationID] ?? byPath[received.path] ?? fallback else {
                throw NoStub(operationID: received.operationID, path: received.path)
            }
            return try answer.reply(to: received)
        }
        return try await reply.deliver(timeout: timeout)
    }
}

extension StubReply {
    /// Waits out the delay (or the timeout, if shorter), then answers.
    func deliver(timeout: Duration) async throws -> HTTPResponse {
        if delay > .zero {
            try await Task.sleep(for: min(delay, timeout))
            if delay > timeout { throw TransportFailure.timedOut(after: timeout) }
        }
        switch kind {
        case .response(let response): return response
        case .failure(let failure): throw failure
        }
    }
}
