import Foundation
import Logging

/// What happens to calls, as the layers report it: the one place from which usage, metrics and
/// the log are fed.
enum CallEvent {
    /// An attempt was handed to the transport (each may be billed).
    case sent
    /// An attempt succeeded.
    case succeeded(status: Int, code: Int?, after: Duration)
    /// An attempt failed; `after` is `nil` when it was never sent.
    case failed(JustOneAPIError, after: Duration?)
    /// The retry layer will send the call again after `delay`.
    case retrying(after: JustOneAPIError, delay: Duration, maxAttempts: Int)
    /// A response put an account stop in force.
    case stopped(AccountStop)
    /// A budget share was taken: what is left client-wide and of the operation's own cap.
    case budgetTaken(remaining: Int?, operationRemaining: Int?)
    /// A budget share was given back unused.
    case budgetGivenBack(remaining: Int?, operationRemaining: Int?)
    /// The response cache could not be read or written; the call went on without it.
    case cacheFailed(any Error, storing: Bool)
    /// The call ended with a response from the network, the cache, or a call it shared.
    case completed(ResponseOrigin)
    /// The call ended with an error (or was cancelled).
    case threw(any Error)
}

/// Turns call events into usage figures, metrics and log lines.
struct CallEvents: Sendable {
    let meter: UsageMeter
    let metrics: ClientMetrics?
    let logger: Logger
    let cacheWarnings = WarningThrottle()

    func record<Output>(_ event: CallEvent, _ call: Call<Output>) {
        let operationID = call.operationID
        switch event {
        case .sent:
            meter.record(call.usage) { $0.requestsSent += 1 }
            metrics?.sent(operationID)
        case .succeeded(let status, let code, let duration):
            meter.record(call.usage) { $0.successes += 1 }
            metrics?.succeeded(operationID, after: duration)
            logAttempt(call, status: status, code: code, outcome: "ok", duration: duration)
        case .failed(let error, let duration):
            meter.record(call.usage) { $0.recordFailure(error) }
            metrics?.failed(operationID, error, after: duration)
            logAttempt(
                call, status: error.status, code: error.businessFailure?.code, outcome: error.summary,
                duration: duration ?? .zero)
        case .retrying(let error, let delay, let maxAttempts):
            let unprocessed = error.isCertainlyUnprocessed
            meter.record(call.usage) {
                $0.retries += 1
                if unprocessed { $0.retriesAfterUnprocessedFailures += 1 } else { $0.retriesAfterPossiblyBilledFailures += 1 }
            }
            metrics?.retried(operationID, unprocessed: unprocessed)
            logger.warning(
                "\(call.request.method) \(call.request.path): \(error.summary); retrying in \(delay.formattedSeconds) (attempt \(call.attempt + 1) of \(maxAttempts))",
                metadata: ["operation": .string(operationID), "attempt": .stringConvertible(call.attempt)])
        case .stopped(let stop):
            metrics?.stopped(by: stop.failure)
            logger.error(
                "\(stop); every call is refused until then",
                metadata: ["operation": .string(stop.operationID), "code": .stringConvertible(stop.failure.code)])
        case .budgetTaken(let remaining, let operationRemaining), .budgetGivenBack(let remaining, let operationRemaining):
            metrics?.budget(remaining: remaining, operationID: operationID, operationRemaining: operationRemaining)
        case .cacheFailed(let error, let storing):
            let level: Logger.Level = cacheWarnings.shouldWarn() ? .warning : .debug
            logger.log(
                level: level,
                "the response cache could not be \(storing ? "written" : "read") (\(call.redactor.redact("\(error)"))); the call goes on without it",
                metadata: ["operation": .string(operationID)])
        case .completed(let origin):
            meter.record(call.usage) {
                $0.calls += 1
                switch origin {
                case .network: break
                case .cache: $0.servedFromCache += 1
                case .sharedCall: $0.sharedInFlight += 1
                }
            }
            switch origin {
            case .network: break
            case .cache:
                metrics?.servedFromCache(operationID)
                logger.trace(
                    "\(call.request.method) \(call.request.path): served from the cache",
                    metadata: ["operation": .string(operationID)])
            case .sharedCall: metrics?.shared(operationID)
            }
        case .threw(let error):
            let refusal = (error as? JustOneAPIError).flatMap { $0.isRefusedByClient ? $0.reason : nil }
            meter.record(call.usage) {
                $0.calls += 1
                switch refusal {
                case .budgetExhausted?: $0.refusedByBudget += 1
                case .accountStopped?: $0.refusedByAccountStop += 1
                default: break
                }
            }
            if let refusal { metrics?.refused(operationID, refusal) }
        }
    }

    /// A call whose request could not be encoded (and so was never sent) ended.
    func couldNotEncode(_ usage: UsageMeter.Slot) {
        meter.record(usage) { $0.calls += 1 }
    }

    /// Says that the client was resumed after an account stop.
    func resumed() {
        logger.notice("the client was resumed: calls are sent again")
    }

    private func logAttempt<Output>(_ call: Call<Output>, status: Int?, code: Int?, outcome: String, duration: Duration) {
        logger.debug(
            "\(call.request.method) \(call.request.path) → \(status.map(String.init) ?? "no response"), code \(code.map(String.init) ?? "-"): \(outcome)",
            metadata: [
                "operation": .string(call.operationID),
                "attempt": .stringConvertible(call.attempt),
                "duration_ms": .stringConvertible(duration.milliseconds),
            ])
    }
}

/// Says when a repeated problem deserves a warning: the first time, then every 1,000th, so
/// that a cache file that stays locked does not flood the log.
final class WarningThrottle: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func shouldWarn() -> Bool {
        lock.withLock {
            defer { count += 1 }
            return count % 1000 == 0
        }
    }
}

extension JustOneAPIError {
    /// A short account of the error for log lines (already redacted).
    var summary: String {
        switch reason {
        case .business(let failure): failure.description
        case .httpStatus(let status): "HTTP status \(status)"
        case .transport(let failure): failure.description
        case .undecodableBody: "undecodable body"
        case .invalidRequest(let problem): problem
        case .budgetExhausted(let exhaustion): exhaustion.description
        case .accountStopped(let stop): stop.description
        case .notInCache: "not in the cache"
        }
    }
}
