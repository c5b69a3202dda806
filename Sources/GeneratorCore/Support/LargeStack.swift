import Foundation

/// Runs work on threads with ``GeneratorLimits/stackSize`` bytes of stack, so that the
/// pipeline's depth does not depend on the caller's thread (the main thread, a Dispatch worker
/// or a Swift concurrency thread, whose stacks are smaller).
enum LargeStack {
    /// Runs `work` on one such thread and returns its result.
    static func run<T>(_ work: @escaping () -> T) -> T {
        start(work).result
    }

    /// Starts `work` on one such thread and returns at once; ``Pending/result`` waits for the
    /// result. For work that the caller needs later, done meanwhile on a core it leaves idle.
    static func start<T>(_ work: @escaping () -> T) -> Pending<T> {
        let pending = Pending<T>()
        pending.work = work
        let thread = Thread {
            pending.value = pending.work?()
            pending.work = nil
            pending.done.signal()
        }
        thread.stackSize = GeneratorLimits.stackSize
        thread.start()
        return pending
    }

    /// The result of work started by ``start(_:)``.
    final class Pending<T>: @unchecked Sendable {
        fileprivate let done = DispatchSemaphore(value: 0)
        // `work` is set before the thread starts and `value` written by it before `done` is
        // signalled, read only after waiting for it: the semaphore orders the accesses.
        fileprivate var work: (() -> T)?
        fileprivate var value: T?
        private var waited = false

        /// Waits for the work to finish (once; later calls return at once) and returns its result.
        /// Call it from one thread.
        var result: T {
            if !waited {
                done.wait()
                waited = true
            }
            return value!
        }
    }

    /// Calls `body` for each index in `0..<count`, spread over up to one thread per core.
    static func concurrentPerform(iterations count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let workers = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount))
        let next = IndexCounter()
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<workers {
            let thread = Thread {
                while let index = next.take(below: count) { body(index) }
                done.signal()
            }
            thread.stackSize = GeneratorLimits.stackSize
            thread.start()
        }
        for _ in 0..<workers { done.wait() }
    }

    private final class IndexCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var next = 0

        func take(below count: Int) -> Int? {
            lock.withLock {
                guard next < count else { return nil }
                defer { next += 1 }
                return next
            }
        }
    }
}
