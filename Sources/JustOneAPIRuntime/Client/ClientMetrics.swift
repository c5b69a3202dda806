import CoreMetrics
import Foundation

/// The client's counters and timers, through swift-metrics: the backend the program bootstraps
/// (Prometheus, StatsD, OpenTelemetry …) decides where they go.
///
/// | Label (with the default prefix) | Kind | Dimensions |
/// |---|---|---|
/// | `justoneapi_requests_sent_total` | counter | `operation` |
/// | `justoneapi_successes_total` | counter | `operation` |
/// | `justoneapi_failures_total` | counter | `operation`, `reason` (`business`, `http_status`, `transport`, `undecodable_body`, `invalid_request`), `code` |
/// | `justoneapi_retries_total` | counter | `operation`, `kind` (`unprocessed`, `possibly_billed`) |
/// | `justoneapi_refused_total` | counter | `operation`, `reason` (`budget`, `account_stop`) |
/// | `justoneapi_served_from_cache_total` | counter | `operation` |
/// | `justoneapi_shared_calls_total` | counter | `operation` (calls that waited for an identical one in flight) |
/// | `justoneapi_account_stops_total` | counter | `code` |
/// | `justoneapi_request_duration_seconds` | timer | `operation` |
/// | `justoneapi_budget_remaining` | gauge | none, or `operation` for per-operation budgets |
///
/// Handles are made once per operation and kept. When no backend is bootstrapped (the factory
/// is swift-metrics' no-op handler) the client records nothing at all.
final class ClientMetrics: @unchecked Sendable {
    private struct OperationHandles {
        let sent: Counter
        let successes: Counter
        let duration: CoreMetrics.Timer
        let retriesUnprocessed: Counter
        let retriesPossiblyBilled: Counter
        var servedFromCache: Counter?
        var shared: Counter?
        var failures: [String: Counter] = [:]
        var refused: [String: Counter] = [:]
    }

    private let factory: any MetricsFactory
    private let prefix: String
    private let lock = NSLock()
    private var operations: [String: OperationHandles] = [:]
    private var stops: [Int: Counter] = [:]
    private var budgetGauges: [String: Gauge] = [:]
    private lazy var budgetGauge = Gauge(label: prefix + "_budget_remaining", factory: factory)

    /// `nil` when `factory` records nothing (no backend bootstrapped).
    init?(factory: any MetricsFactory, prefix: String) {
        guard !(factory is NOOPMetricsHandler) else { return nil }
        self.factory = factory
        self.prefix = prefix
    }

    /// The handles of `operationID`, made on first use.
    private func handles(_ operationID: String, _ use: (inout OperationHandles) -> Void) {
        lock.withLock {
            if operations[operationID] == nil {
                let dimensions = [("operation", operationID)]
                operations[operationID] = OperationHandles(
                    sent: Counter(label: prefix + "_requests_sent_total", dimensions: dimensions, factory: factory),
                    successes: Counter(label: prefix + "_successes_total", dimensions: dimensions, factory: factory),
                    duration: CoreMetrics.Timer(
                        label: prefix + "_request_duration_seconds", dimensions: dimensions, factory: factory),
                    retriesUnprocessed: Counter(
                        label: prefix + "_retries_total", dimensions: dimensions + [("kind", "unprocessed")],
                        factory: factory),
                    retriesPossiblyBilled: Counter(
                        label: prefix + "_retries_total", dimensions: dimensions + [("kind", "possibly_billed")],
                        factory: factory))
            }
            use(&operations[operationID]!)
        }
    }

    func sent(_ operationID: String) {
        handles(operationID) { $0.sent.increment() }
    }

    func succeeded(_ operationID: String, after duration: Duration) {
        handles(operationID) {
            $0.successes.increment()
            $0.duration.recordNanoseconds(duration.nanoseconds)
        }
    }

    /// A failed attempt; `duration` when it was sent.
    func failed(_ operationID: String, _ error: JustOneAPIError, after duration: Duration?) {
        let (reason, code) = Self.dimensions(of: error)
        let key = reason + "/" + code
        handles(operationID) { handles in
            if let duration { handles.duration.recordNanoseconds(duration.nanoseconds) }
            if handles.failures[key] == nil {
                handles.failures[key] = Counter(
                    label: prefix + "_failures_total",
                    dimensions: [("operation", operationID), ("reason", reason), ("code", code)], factory: factory)
            }
            handles.failures[key]!.increment()
        }
    }

    func servedFromCache(_ operationID: String) {
        handles(operationID) { handles in
            if handles.servedFromCache == nil {
                handles.servedFromCache = Counter(
                    label: prefix + "_served_from_cache_total", dimensions: [("operation", operationID)], factory: factory)
            }
            handles.servedFromCache!.increment()
        }
    }

    func shared(_ operationID: String) {
        handles(operationID) { handles in
            if handles.shared == nil {
                handles.shared = Counter(
                    label: prefix + "_shared_calls_total", dimensions: [("operation", operationID)], factory: factory)
            }
            handles.shared!.increment()
        }
    }

    func retried(_ operationID: String, unprocessed: Bool) {
        handles(operationID) { (unprocessed ? $0.retriesUnprocessed : $0.retriesPossiblyBilled).increment() }
    }

    func refused(_ operationID: String, _ reason: JustOneAPIError.Reason) {
        let name = if case .budgetExhausted = reason { "budget" } else { "account_stop" }
        handles(operationID) { handles in
            if handles.refused[name] == nil {
                handles.refused[name] = Counter(
                    label: prefix + "_refused_total", dimensions: [("operation", operationID), ("reason", name)],
                    factory: factory)
            }
            handles.refused[name]!.increment()
        }
    }

    func stopped(by failure: BusinessFailure) {
        lock.withLock {
            if stops[failure.code] == nil {
                stops[failure.code] = Counter(
                    label: prefix + "_account_stops_total", dimensions: [("code", String(failure.code))], factory: factory)
            }
            stops[failure.code]!.increment()
        }
    }

    /// What is left of the budgets: client-wide, and of `operationID`'s own cap when it has one.
    func budget(remaining: Int?, operationID: String, operationRemaining: Int?) {
        lock.withLock {
            if let remaining { budgetGauge.record(remaining) }
            if let operationRemaining {
                if budgetGauges[operationID] == nil {
                    budgetGauges[operationID] = Gauge(
                        label: prefix + "_budget_remaining", dimensions: [("operation", operationID)], factory: factory)
                }
                budgetGauges[operationID]!.record(operationRemaining)
            }
        }
    }

    /// The `reason` and `code` dimensions of a failure.
    static func dimensions(of error: JustOneAPIError) -> (reason: String, code: String) {
        switch error.reason {
        case .business(let failure): ("business", String(failure.code))
        case .httpStatus(let status): ("http_status", String(status))
        case .transport(let failure):
            switch failure {
            case .timedOut: ("transport", "timed_out")
            case .cannotConnect: ("transport", "cannot_connect")
            case .connectionLost: ("transport", "connection_lost")
            case .other: ("transport", "other")
            }
        case .undecodableBody: ("undecodable_body", error.status.map(String.init) ?? "")
        case .invalidRequest: ("invalid_request", "")
        case .budgetExhausted: ("budget", "")
        case .accountStopped(let stop): ("account_stop", String(stop.failure.code))
        case .notInCache: ("not_in_cache", "")
        }
    }
}

extension Duration {
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
