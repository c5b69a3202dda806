import Foundation
import Testing

@testable import JustOneAPIRuntime

@Suite struct Test_InFlightSharingLayer {
    /// Identical calls made while one is in flight share it: one request, the first caller's
    /// response marked as from the network, the others' as shared.
    @Test func identicalCallsShareOneRequest() async throws {
        let barrier = ArrivalBarrier(expected: 1)
        let harness = StackHarness { _, _ in
            await barrier.arrive()
            return StackHarness.success(#"{"n": 1}"#)
        }
        let sharing = InFlightSharingLayer(.readOnlyRequests)
        let stack = harness.stack([sharing])
        let first = Task { try await stack.send(harness.call()) }
        try await barrier.waitForArrivals()
        let others = (0..<9).map { _ in Task { try await stack.send(harness.call()) } }
        // A different request is not shared.
        let different = Task { try await stack.send(harness.call(query: [QueryItem(name: "page", value: "2")])) }
        #expect(try await eventually { harness.transport.count == 2 && sharing.waitingCount == 9 })
        barrier.open()
        #expect(try await first.value.response.origin == .network)
        for task in others {
            let exchange = try await task.value
            #expect(exchange.response.origin == .sharedCall)
            #expect(exchange.response.data["n"] == 1)
        }
        _ = try await different.value
        #expect(harness.transport.count == 2)
        #expect(sharing.flightCount == 0)
    }

    /// Cancelling a caller that waits ends only its wait; the call goes on for the others.
    @Test func cancellingAWaitingCallerEndsOnlyItsWait() async throws {
        let barrier = ArrivalBarrier(expected: 1)
        let harness = StackHarness { _, _ in
            await barrier.arrive()
            return StackHarness.success("1")
        }
        let sharing = InFlightSharingLayer(.readOnlyRequests)
        let stack = harness.stack([sharing])
        let first = Task { try await stack.send(harness.call()) }
        try await barrier.waitForArrivals()
        let second = Task { try await stack.send(harness.call()) }
        let third = Task { try await stack.send(harness.call()) }
        #expect(try await eventually { sharing.waitingCount == 2 })
        second.cancel()
        await #expect(throws: CancellationError.self) { try await second.value }
        #expect(sharing.waitingCount == 1)
        barrier.open()
        #expect(try await first.value.response.origin == .network)
        #expect(try await third.value.response.origin == .sharedCall)
        #expect(harness.transport.count == 1)
        #expect(sharing.flightCount == 0)
    }

    /// Cancelling the first caller cancels the call it makes; the callers waiting make it
    /// again, once for all of them.
    @Test func cancellingTheFirstCallerHandsTheCallToTheOthers() async throws {
        let barrier = ArrivalBarrier(expected: 1)
        let harness = StackHarness { arrival, _ in
            if arrival == 1 {
                await barrier.arrive()
                try Task.checkCancellation()
            }
            return StackHarness.success("\(arrival)")
        }
        let sharing = InFlightSharingLayer(.readOnlyRequests)
        let stack = harness.stack([sharing])
        let first = Task {
            try await withTaskCancellationHandler {
                try await stack.send(harness.call())
            } onCancel: {
                barrier.open()
            }
        }
        try await barrier.waitForArrivals()
        let others = (0..<3).map { _ in Task { try await stack.send(harness.call()) } }
        #expect(try await eventually { sharing.waitingCount == 3 })
        first.cancel()
        await #expect(throws: (any Error).self) { try await first.value }
        var origins: [ResponseOrigin] = []
        for task in others {
            let exchange = try await task.value
            #expect(exchange.response.data == 2)
            origins.append(exchange.response.origin)
        }
        #expect(origins.filter { $0 == .network }.count == 1)
        #expect(harness.transport.count == 2)
        #expect(sharing.flightCount == 0)
    }

    /// A failure is shared with the callers waiting; the next call is a call of its own.
    @Test func aFailureIsSharedWithTheCallersWaiting() async throws {
        let barrier = ArrivalBarrier(expected: 1)
        let harness = StackHarness { arrival, _ in
            if arrival == 1 {
                await barrier.arrive()
                return StackHarness.failure(400)
            }
            return StackHarness.success("2")
        }
        let sharing = InFlightSharingLayer(.readOnlyRequests)
        let stack = harness.stack([sharing])
        let callers = (0..<5).map { _ in Task { try await stack.send(harness.call()) } }
        try await barrier.waitForArrivals()
        #expect(try await eventually { sharing.waitingCount == 4 })
        barrier.open()
        for caller in callers {
            let failure = try await #require(throws: AttemptFailure.self) { try await caller.value }
            #expect(failure.error.businessFailure?.code == 400)
        }
        #expect(try await stack.send(harness.call()).response.data == 2)
        #expect(harness.transport.count == 2)
    }

    /// Requests that are not read-only are not shared unless their operation is.
    @Test func onlyReadOnlyRequestsShareByDefault() async throws {
        let barrier = ArrivalBarrier(expected: 2)
        let harness = StackHarness { _, _ in
            await barrier.arrive()
            return StackHarness.success("1")
        }
        let stack = harness.stack([InFlightSharingLayer(.readOnlyRequests)])
        let posts = (0..<2).map { _ in Task { try await stack.send(harness.call("create", method: .post)) } }
        try await barrier.waitForArrivals()
        barrier.open()
        for post in posts { _ = try await post.value }
        #expect(harness.transport.count == 2)

        let configured = InFlightSharing(byOperation: ["create": true])
        #expect(configured.shares(harness.call("create", method: .post).request))
        #expect(!InFlightSharing.off.shares(harness.call().request))
    }
}

/// A flag set once, from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
