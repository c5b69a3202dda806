import Foundation

/// How a generator run asks the C library's allocator to use memory, on Linux with glibc;
/// elsewhere nothing is changed.
///
/// The front end reads, bundles and decodes on all cores. glibc's malloc gives threads that
/// allocate at the same time arenas of their own (up to eight per core) and keeps what a stage
/// frees in the arena that freed it, where the next stage, on another thread, does not reuse
/// it: the heap's peak was about the same as before the decoding went parallel, but the
/// process's resident memory grew by 4 MB on the catalog and 25 MB on DigitalOcean's
/// description. With one arena per core and freed memory handed back between stages, the
/// resident peak is the heap's again (README, "Performance").
public enum ProcessMemory {
    /// Limits the allocator to one arena per core. Call it once, before the work starts
    /// threads: arenas already made stay. Returns whether the allocator took the limit.
    @discardableResult
    public static func limitArenasToCores() -> Bool {
        #if canImport(Glibc)
        // mallopt(M_ARENA_MAX, n), which returns 1 on success; M_ARENA_MAX is -8 in malloc.h.
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return false }
        let mallopt = unsafeBitCast(symbol, to: (@convention(c) (Int32, Int32) -> Int32).self)
        return mallopt(-8, Int32(clamping: max(1, ProcessInfo.processInfo.activeProcessorCount))) == 1
        #else
        return false
        #endif
    }

    /// Gives the memory that the stages so far freed back to the system (`malloc_trim`), so
    /// that the next stage's peak does not stand on top of free lists it cannot use. Returns
    /// whether the allocator could be asked.
    @discardableResult
    static func returnFreedMemory() -> Bool {
        #if canImport(Glibc)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") else { return false }
        _ = unsafeBitCast(symbol, to: (@convention(c) (Int) -> Int32).self)(0)
        return true
        #else
        return false
        #endif
    }
}
