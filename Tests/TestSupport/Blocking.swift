import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Runs blocking work (a child process, a whole-catalog generation) on a thread of its own, so
/// that it never holds one of the few threads Swift concurrency runs every test's async code on.
/// Without this, a test that waits for a timeout or a cancellation could be held up by another
/// test's blocking work and measure the wait instead.
public func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            lowerPriority()
            continuation.resume(with: Result { try work() })
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
}

/// Lowers the calling thread's scheduling priority, so that heavy test work yields the cores to
/// tests that measure latency (cancellation within 100 ms).
public func lowerPriority() {
    #if canImport(Glibc)
    // On Linux the nice value belongs to the thread: `0` means the calling one.
    _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 15)
    #endif
}
