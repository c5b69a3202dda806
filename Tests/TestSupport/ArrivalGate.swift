import Foundation

/// A gate for a ``LoopbackServer`` handler that makes overlap a certainty instead of a matter of
/// timing: the first `count` callers of ``arrive()`` wait until all `count` have arrived, then
/// all go on; later callers pass at once.
///
/// A client that sends requests one at a time never gets `count` requests to the server at once,
/// so its first request waits the whole `timeout` and ``openedByArrivals`` stays `false`: the test
/// fails, slowly but surely. A client that does overlap them opens the gate as soon as the last
/// one arrives, however loaded the machine is.
public final class ArrivalGate: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let timeout: TimeInterval
    private var arrived = 0
    private var opened = false
    private var timedOut = false

    /// A gate that opens when `count` callers are waiting, or after `timeout` at the latest.
    public init(count: Int, timeout: Duration = .seconds(30)) {
        self.count = count
        self.timeout = timeInterval(timeout)
    }

    /// Blocks the calling thread until the gate opens; returns at once once it is open.
    public func arrive() {
        condition.lock()
        defer { condition.unlock() }
        if opened { return }
        arrived += 1
        if arrived >= count {
            opened = true
            condition.broadcast()
            return
        }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !opened {
            if !condition.wait(until: deadline) {
                timedOut = true
                opened = true
                condition.broadcast()
            }
        }
    }

    /// Whether `count` callers were waiting at the same time (rather than the timeout opening it).
    public var openedByArrivals: Bool {
        condition.lock()
        defer { condition.unlock() }
        return opened && !timedOut
    }
}

/// A gate that holds every caller of ``wait()`` until the test calls ``open()`` (or `timeout`
/// passes, so that a failing test still ends).
public final class ManualGate: @unchecked Sendable {
    private let condition = NSCondition()
    private let timeout: TimeInterval
    private var isOpen = false

    public init(timeout: Duration = .seconds(30)) {
        self.timeout = timeInterval(timeout)
    }

    /// Blocks the calling thread until ``open()``.
    public func wait() {
        condition.lock()
        defer { condition.unlock() }
        let deadline = Date(timeIntervalSinceNow: timeout)
        while !isOpen {
            if !condition.wait(until: deadline) { return }
        }
    }

    /// Lets every waiting and later caller through.
    public func open() {
        condition.lock()
        isOpen = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Polls `condition` every few milliseconds until it holds, for at most `timeout`; returns
/// whether it held. For waiting on a state the test cannot be told about directly.
public func eventually(
    within timeout: Duration = .seconds(30), _ condition: @Sendable () -> Bool
) async throws -> Bool {
    let deadline = ContinuousClock.now + timeout
    while !condition() {
        if ContinuousClock.now >= deadline { return false }
        try await Task.sleep(for: .milliseconds(2))
    }
    return true
}
