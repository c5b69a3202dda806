/// One call on its way down the client's layers: the request, what it is on the wire, and
/// what the layers above have decided for it.
struct Call<Output: Decodable & Sendable>: Sendable {
    /// The request as generated code (or the caller) built it, without the credential.
    var request: Request<Output>
    /// The request as the transport sends it, credential included: never logged.
    var httpRequest: HTTPRequest
    /// The server the client sends to, part of the request's identity.
    let server: Server
    /// The timeout of each attempt.
    var timeout: Duration
    /// Removes the token and the request's secret parameters from errors and logs.
    var redactor: Redactor
    /// The operation's usage figures.
    let usage: UsageMeter.Slot
    /// Whether a stored answer may be used, must be refreshed, or is the only one wanted.
    var cachePolicy: CachePolicy
    /// The request's identity for the cache and for sharing, once a layer has needed it.
    var key: CacheKey?
    /// 1 for the first attempt; the retry layer counts on.
    var attempt = 1
    /// The failure that made this attempt a retry, kept as the underlying error of a refusal.
    var previousFailure: JustOneAPIError?
    /// This attempt's share of the budget: taken by the budget layer, used when the request
    /// is handed to the transport, given back if it never is.
    var budgetShare: BudgetShare?

    var operationID: String { request.operationID }

    /// The request's identity, computed once.
    mutating func requestKey() -> CacheKey {
        if let key { return key }
        let key = CacheKey(request, server: server)
        self.key = key
        return key
    }

    /// An error about this call's request, with the failure that led to this attempt attached.
    func refusal(_ reason: JustOneAPIError.Reason) -> JustOneAPIError {
        request.failure(reason, underlyingError: previousFailure)
    }
}

/// A call's outcome as the layers pass it back up: the decoded response and the HTTP response
/// it came from (whose body paging reads).
struct Exchange<Output: Sendable>: Sendable {
    var response: APIResponse<Output>
    var http: HTTPResponse
}

/// One step a call goes through: it may answer by itself (a cached response), refuse (a
/// budget used up), wait (a slot, a start time), or pass the call on to `next`, as often as it
/// likes (retries), and look at what comes back.
protocol CallLayer: Sendable {
    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output>
}

/// The layers of a client, outermost first; the last one answers without calling on.
struct CallStack: Sendable {
    let layers: [any CallLayer]

    init(_ layers: [(any CallLayer)?]) {
        self.layers = layers.compactMap { $0 }
        precondition(!self.layers.isEmpty, "a call stack needs a last layer that answers")
    }

    /// Sends `call` through every layer.
    nonisolated(nonsending) func send<Output>(_ call: Call<Output>) async throws -> Exchange<Output> {
        try await layers[0].send(call, next: Next(stack: self, index: 1))
    }

    /// The rest of the stack below a layer.
    struct Next: Sendable {
        fileprivate let stack: CallStack
        fileprivate let index: Int

        nonisolated(nonsending) func callAsFunction<Output>(_ call: Call<Output>) async throws -> Exchange<Output> {
            precondition(index < stack.layers.count, "the last layer of a call stack called on")
            return try await stack.layers[index].send(call, next: Next(stack: stack, index: index + 1))
        }
    }
}
