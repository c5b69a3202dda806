import Foundation

/// Runs work on threads with ``GeneratorLimits/stackSize`` bytes of stack, so that the
/// pipeline's depth does not depend on the caller's thread (the main thread, a Dispatch worker
/// or a Swift concurrency thread, whose stacks are smaller).
enum LargeStack {
    /// Runs `work` on one such thread and returns its result.
    static func run<T>(_ work: @escaping () -> T) -> T {
        let box = ResultBox<T>()
        box.work = work
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = box.work?()
            done.signal()
        }
        thread.stackSize = GeneratorLimits.stackSize
        thread.start()
        done.wait()
        return box.value!
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

    /// Hands the work to the thread and the result back; the semaphore orders the accesses.
    private final class ResultBox<T>: @unchecked Sendable {
        var work: (() -> T)?
        var value: T?
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
