import Foundation

/// Why a client stopped sending: a response whose business code says the account cannot go on,
/// so that no retry and no other call could succeed (100 invalid token, 303 daily quota
/// exceeded, 601 insufficient balance, 602 spend cap reached: the codes `generator.yaml` marks
/// `stopsClient`).
///
/// The call that got the code throws it as a ``JustOneAPIError/Reason/business(_:)`` failure.
/// From then on every call waiting for a slot, and every call started later, throws
/// ``JustOneAPIError/Reason/accountStopped(_:)`` with this value at once, without being sent,
/// until ``JustOneAPIClient/resume()`` is called or the policy's cool-down has passed. Requests
/// already in flight finish as they will.
public struct AccountStop: Sendable, Hashable, CustomStringConvertible {
    /// The failure that stopped the client, with its code, meaning, message and request ID.
    public let failure: BusinessFailure
    /// The operation whose response carried the code.
    public let operationID: String
    /// When the client stopped.
    public let stoppedAt: Date
    /// When calls go through again by themselves; `nil` until ``JustOneAPIClient/resume()``.
    public let resumesAt: Date?

    public init(failure: BusinessFailure, operationID: String, stoppedAt: Date, resumesAt: Date?) {
        self.failure = failure
        self.operationID = operationID
        self.stoppedAt = stoppedAt
        self.resumesAt = resumesAt
    }

    public var description: String {
        var text = "the client stopped after \(failure) from \(operationID)"
        if let resumesAt {
            text += "; it resumes at \(ISO8601Coding.string(from: resumesAt))"
        } else {
            text += "; call resume() on the client once the account is in order"
        }
        return text
    }
}

/// Whether business codes marked `stopsClient` stop the client, and for how long.
public struct AccountStopPolicy: Sendable, Hashable {
    /// Whether such a code stops the client at all.
    public var isEnabled: Bool
    /// How long the client stays stopped; `nil` until ``JustOneAPIClient/resume()``.
    public var coolDown: Duration?

    public init(isEnabled: Bool = true, coolDown: Duration? = nil) {
        self.isEnabled = isEnabled
        self.coolDown = coolDown
    }

    /// Stopped until ``JustOneAPIClient/resume()``: the default.
    public static let untilResumed = AccountStopPolicy()

    /// Stopped for `duration`, then calls go through again (the next one to get such a code
    /// stops the client again).
    public static func coolDown(_ duration: Duration) -> AccountStopPolicy {
        AccountStopPolicy(coolDown: duration)
    }

    /// Such codes fail their own call only; the client goes on sending the others.
    public static let never = AccountStopPolicy(isEnabled: false)
}

/// The client's stopped state, read before every attempt.
final class AccountGuard: @unchecked Sendable {
    private let lock = NSLock()
    private let policy: AccountStopPolicy
    private var stop: AccountStop?
    private var until: ContinuousClock.Instant?

    init(policy: AccountStopPolicy) {
        self.policy = policy
    }

    /// The stop in force, if any (one whose cool-down has passed is lifted here).
    var current: AccountStop? {
        lock.withLock {
            guard let stop else { return nil }
            if let until, ContinuousClock.now >= until {
                self.stop = nil
                self.until = nil
                return nil
            }
            return stop
        }
    }

    /// Stops the client for `failure`, unless the policy says not to or it is already stopped.
    /// Returns the stop when this call put it in force.
    func stop(for failure: BusinessFailure, operationID: String) -> AccountStop? {
        guard policy.isEnabled, failure.stopsClient else { return nil }
        return lock.withLock {
            if stop != nil, until.map({ ContinuousClock.now < $0 }) ?? true { return nil }
            let now = Date()
            let stop = AccountStop(
                failure: failure, operationID: operationID, stoppedAt: now,
                resumesAt: policy.coolDown.map { now.addingTimeInterval($0.timeInterval) })
            self.stop = stop
            until = policy.coolDown.map { ContinuousClock.now + $0 }
            return stop
        }
    }

    /// Lifts the stop; returns whether there was one.
    @discardableResult
    func resume() -> Bool {
        lock.withLock {
            defer {
                stop = nil
                until = nil
            }
            return stop != nil
        }
    }
}
