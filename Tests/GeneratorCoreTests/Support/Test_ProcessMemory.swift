import Testing

@testable import GeneratorCore

/// The allocator settings that keep a run's resident memory near its heap's peak: on Linux the
/// C library takes them.
@Suite struct Test_ProcessMemory {
    #if os(Linux)
    @Test func theAllocatorTakesTheArenaLimitAndReturnsFreedMemory() {
        #expect(ProcessMemory.limitArenasToCores())
        #expect(ProcessMemory.returnFreedMemory())
    }
    #endif
}
