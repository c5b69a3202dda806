import Dispatch
import Foundation
import Testing

@testable import GeneratorCore

@Suite struct Test_LargeStack {
    /// `start` returns before the work ends: the work waits for a signal that the caller gives
    /// only after `start` has returned (had `start` run it in place, the wait would time out and
    /// the result would say so).
    @Test func startedWorkRunsBesideTheCaller() {
        let signal = DispatchSemaphore(value: 0)
        let pending = LargeStack.start { signal.wait(timeout: .now() + 30) == .success }
        signal.signal()
        #expect(pending.result)
        #expect(pending.result, "a second read returns the same result without waiting")
    }

    /// The work gets the pipeline's stack (``GeneratorLimits/stackSize``), not a secondary
    /// thread's default.
    @Test func startedWorkHasTheLargeStack() {
        let size = LargeStack.start { Thread.current.stackSize }.result
        #expect(size >= GeneratorLimits.stackSize)
    }
}
