import Foundation

/// The bounds that keep every stage's recursion far from the end of its thread's stack, and
/// every generated file cheap for the compiler, whatever document comes in.
///
/// Each stage (decoding, translating, rendering) recurses once per level of the document's
/// nesting. A debug build of the generator, which `swift run generate` and build plugins use,
/// spends several kilobytes of stack per level, so the pipeline runs on threads with
/// ``stackSize`` bytes of stack and refuses documents nested deeper than ``documentNesting``
/// with a located error: a crash is never the answer to a document.
public enum GeneratorLimits {
    /// How deep a document's JSON or YAML may nest (objects and arrays), counted from the top.
    /// Real-world documents stay under 40; a schema 100 arrays deep is about 105.
    public static let documentNesting = 160

    /// How many arrays or dictionaries deep a generated type may be (`[[[String]]]` is 3); past
    /// it, the value is typed `JSONValue` with a warning. The Swift type checker slows down
    /// sharply on deeply nested collection literals and types.
    public static let collectionNesting = 6

    /// How deep schemas may nest within one another (properties, items, compositions) while
    /// being translated; past it, the value is typed `JSONValue` with a warning.
    public static let schemaNesting = 64
    /// How deep a response sample may nest (`generate infer`); levels past ``schemaNesting``
    /// are inferred as untyped.
    public static let sampleNesting = 2_000

    /// The stack each pipeline thread gets: measured needs of the debug build at
    /// ``documentNesting`` levels are under a quarter of it.
    public static let stackSize = 256 << 20
}

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
