import Foundation

/// A failure below HTTP: the exchange did not produce a response.
public enum TransportFailure: Error, Sendable, CustomStringConvertible {
    /// No complete response arrived within the request's timeout.
    case timedOut(after: Duration)
    /// The connection could not be opened: refused, unreachable host, name not resolved.
    case cannotConnect(reason: String)
    /// The connection broke before the response was complete.
    case connectionLost(reason: String)
    /// Anything else the transport reported.
    case other(reason: String)

    public var description: String {
        switch self {
        case .timedOut(let after): "no response within \(after.formattedSeconds)"
        case .cannotConnect(let reason): "could not connect: \(reason)"
        case .connectionLost(let reason): "connection lost before the response was complete: \(reason)"
        case .other(let reason): reason
        }
    }
}

extension Duration {
    /// The duration as seconds, for `URLRequest.timeoutInterval`, messages, and the package's
    /// stores (SQLite busy timeouts, lease times).
    package var timeInterval: TimeInterval {
        let (seconds, attoseconds) = components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    var formattedSeconds: String {
        let seconds = timeInterval
        return seconds == seconds.rounded() ? "\(Int(seconds)) s" : String(format: "%.3g s", seconds)
    }
}
