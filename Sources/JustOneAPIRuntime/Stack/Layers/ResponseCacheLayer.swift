import Foundation

/// Cache: a stored success young enough is served without a call; a success from the network
/// is stored. Failures are never stored, nor a body that holds the credential. A store that
/// fails is reported (``CallEvent/cacheFailed(_:storing:)``) and the call goes on without it.
struct ResponseCacheLayer: CallLayer {
    let cache: ResponseCache
    let events: CallEvents
    /// The token's bytes: a response that echoes them is not stored.
    let credential: Data

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        guard let maxAge = cache.maxAge(for: call.request) else {
            if call.cachePolicy == .onlyCache { throw call.refusal(.notInCache).with(attempts: 0) }
            return try await next(call)
        }
        var call = call
        let key = call.requestKey()
        if call.cachePolicy != .reload, let stored = await lookUp(key, call) {
            let age = cache.now().timeIntervalSince(stored.storedAt)
            if call.cachePolicy == .onlyCache || (age >= 0 && age < maxAge.timeInterval),
                var response = try? call.request.decode(stored.httpResponse, redactor: call.redactor)
            {
                response.origin = .cache(storedAt: stored.storedAt)
                return Exchange(response: response, http: stored.httpResponse)
            }
        }
        if call.cachePolicy == .onlyCache { throw call.refusal(.notInCache).with(attempts: 0) }
        let exchange = try await next(call)
        if case .network = exchange.response.origin, credential.isEmpty || exchange.http.body.range(of: credential) == nil {
            let stored = CachedResponse(
                operationID: call.operationID, status: exchange.http.status, headerFields: exchange.http.headerFields,
                body: exchange.http.body, storedAt: cache.now())
            do {
                try await cache.store.store(stored, for: key)
            } catch {
                events.record(.cacheFailed(error, storing: true), call)
            }
        }
        return exchange
    }

    private func lookUp<Output>(_ key: CacheKey, _ call: Call<Output>) async -> CachedResponse? {
        do {
            return try await cache.store.response(for: key)
        } catch {
            events.record(.cacheFailed(error, storing: false), call)
            return nil
        }
    }
}
