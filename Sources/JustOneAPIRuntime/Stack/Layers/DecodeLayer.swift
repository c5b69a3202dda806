import Foundation

/// Decode: the attempt goes through the user's middlewares to the transport (``HTTPChain``),
/// and the response is read as the operation's output, or as the failure it describes. A
/// business code that stops the account is put in force here, while the attempt still holds
/// its slot, so that no queued call slips through before it. The last layer: it calls on
/// nothing.
struct DecodeLayer: CallLayer {
    let http: HTTPChain
    let gate: AccountGate
    let events: CallEvents

    nonisolated(nonsending) func send<Output>(_ call: Call<Output>, next: CallStack.Next) async throws -> Exchange<Output> {
        let sent: HTTPChain.Sent
        do {
            sent = try await http.send(call)
        } catch let failure as HTTPChain.Failure {
            events.record(.failed(failure.error, after: failure.sentAt.map { ContinuousClock.now - $0 }), call)
            throw AttemptFailure(error: failure.error, retryAfter: nil)
        }
        let duration = sent.at.map { ContinuousClock.now - $0 } ?? .zero
        do throws(JustOneAPIError) {
            let response = try call.request.decode(sent.response, redactor: call.redactor)
            events.record(.succeeded(status: response.status, code: response.code, after: duration), call)
            return Exchange(response: response, http: sent.response)
        } catch {
            events.record(.failed(error, after: duration), call)
            if let failure = error.businessFailure { gate.stopIfNeeded(for: failure, call) }
            throw AttemptFailure(error: error, retryAfter: sent.response.headerFields["Retry-After"])
        }
    }
}
