import Foundation

/// The user's middlewares, then the transport: the HTTP end of a call. The attempt's request
/// counts as sent, and its budget share as used, when the transport is handed it (a middleware
/// that answers by itself sends nothing; one that calls the transport twice sends twice, and
/// needs a second share).
struct HTTPChain: Sendable {
    let middlewares: [any ClientMiddleware]
    let transport: any ClientTransport
    let events: CallEvents

    /// A response, and when its request was handed to the transport (`nil` when a middleware
    /// answered by itself).
    struct Sent {
        let response: HTTPResponse
        let at: ContinuousClock.Instant?
    }

    /// The attempt failed after it may have been sent.
    struct Failure: Error {
        let error: JustOneAPIError
        let sentAt: ContinuousClock.Instant?
    }

    /// Sends the attempt; throws a ``Failure``, a refusal, or `CancellationError`.
    nonisolated(nonsending) func send<Output>(_ call: Call<Output>) async throws -> Sent {
        let transport = self.transport
        let timeout = call.timeout
        if middlewares.isEmpty {
            let sentAt = ContinuousClock.now
            call.budgetShare?.use()
            events.record(.sent, call)
            do {
                return Sent(response: try await transport.send(call.httpRequest, timeout: timeout), at: sentAt)
            } catch {
                throw translate(error, of: call, sentAt: sentAt)
            }
        }
        let sending = Sending(call: call, events: events)
        do {
            let context = MiddlewareContext(
                operationID: call.operationID, path: call.request.path, attempt: call.attempt, timeout: timeout)
            var next: @Sendable (HTTPRequest) async throws -> HTTPResponse = {
                try sending.begin()
                return try await transport.send($0, timeout: timeout)
            }
            for middleware in middlewares.reversed() {
                let inner = next
                next = { try await middleware.intercept($0, context: context, next: inner) }
            }
            let response = try await next(call.httpRequest)
            return Sent(response: response, at: sending.startedAt)
        } catch {
            throw translate(error, of: call, sentAt: sending.startedAt)
        }
    }

    /// What an attempt's error becomes: a refusal stays one, cancellation stays cancellation,
    /// anything else is the attempt's failure.
    private func translate<Output>(_ error: any Error, of call: Call<Output>, sentAt: ContinuousClock.Instant?) -> any Error {
        let request = call.request
        switch error {
        case let exhaustion as BudgetExhaustion:
            // A middleware sent a second request of this attempt, and the budget had no room.
            return call.refusal(.budgetExhausted(exhaustion))
        case let failure as TransportFailure:
            return Failure(error: request.failure(.transport(call.redactor.redact(failure))), sentAt: sentAt)
        case let error as JustOneAPIError:
            return error.isRefusedByClient ? error : Failure(error: error, sentAt: sentAt)
        case is CancellationError:
            return CancellationError()
        default:
            if Task.isCancelled { return CancellationError() }
            let underlying: any Error & Sendable =
                (error as? any RedactionSafeError) ?? RedactedError("\(error)", redactor: call.redactor)
            return Failure(
                error: request.failure(
                    .transport(.other(reason: call.redactor.redact("\(error)"))), underlyingError: underlying),
                sentAt: sentAt)
        }
    }
}

/// One attempt's way to the transport through middleware: the first request handed to the
/// transport uses the attempt's budget share; a second one takes another, or is refused.
private final class Sending<Output: Decodable & Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private let call: Call<Output>
    private let events: CallEvents
    private var started: ContinuousClock.Instant?

    init(call: Call<Output>, events: CallEvents) {
        self.call = call
        self.events = events
    }

    /// When the first request was handed to the transport.
    var startedAt: ContinuousClock.Instant? { lock.withLock { started } }

    /// Counts a request handed to the transport.
    func begin() throws {
        let first: Bool = lock.withLock {
            if started == nil {
                started = ContinuousClock.now
                return true
            }
            return false
        }
        if first {
            call.budgetShare?.use()
        } else if let share = call.budgetShare, let exhaustion = share.another() {
            throw exhaustion
        }
        events.record(.sent, call)
    }
}
