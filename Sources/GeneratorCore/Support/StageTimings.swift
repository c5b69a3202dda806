import Foundation

/// Time per stage, for `--timings`. Stages that run once per file, on all cores, are summed
/// over the files (so their sum can exceed the wall time they took together).
public final class StageTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(stage: String, duration: Duration)] = []

    public init() {}

    /// The stages in the order they first ran, with their durations.
    public var all: [(stage: String, duration: Duration)] { lock.withLock { entries } }

    func start(_ stage: String) -> () -> Void {
        let started = ContinuousClock.now
        return { [self] in record(stage, ContinuousClock.now - started) }
    }

    /// Adds `duration` to the stage's entry (a new entry the first time).
    func record(_ stage: String, _ duration: Duration, summed: Bool = false) {
        lock.withLock {
            if summed, let index = entries.firstIndex(where: { $0.stage == stage }) {
                entries[index].duration += duration
            } else {
                entries.append((stage, duration))
            }
        }
    }

    /// Runs `work` and records how long it took; `summed` adds it to earlier runs of the stage.
    func measure<T>(_ stage: String, summed: Bool = false, _ work: () -> T) -> T {
        let started = ContinuousClock.now
        defer { record(stage, ContinuousClock.now - started, summed: summed) }
        return work()
    }
}
