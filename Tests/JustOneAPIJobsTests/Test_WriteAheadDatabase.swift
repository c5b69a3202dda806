import Foundation
import GRDB
import SQLiteFiles
import Testing
import TestSupport

/// A SQLite file that several processes open at the same moment: the first open of a new file
/// switches it to write-ahead mode, and SQLite refuses a second switch at the same time with
/// `SQLITE_BUSY` without waiting (two job workers started together failed with "database is
/// locked"). Connections in one process take SQLite's file locks as processes do.
@Suite struct Test_WriteAheadDatabase {
    /// Eight connections, each on a thread of its own released from one start line, open one
    /// new file at once, fifty times: none fails, each is in write-ahead mode with the
    /// durability asked for. (Without the retried switch, about one round in three failed.)
    @Test func connectionsOpeningANewFileAtOnceAllSucceed() async throws {
        for round in 0..<50 {
            let path = try TestPaths.temporaryDirectory("wal").appendingPathComponent("shared.sqlite").path
            let results = try await offCooperativePool {
                onThreadsAtOnce(8) { connection -> Result<(mode: String?, synchronous: Int?), any Error> in
                    let durability: WriteAheadDatabase.Durability = connection.isMultiple(of: 2) ? .full : .normal
                    return Result {
                        let queue = try WriteAheadDatabase.open(
                            path: path, label: "test \(round).\(connection)", busyTimeout: .seconds(30),
                            durability: durability)
                        return try queue.inDatabase { db in
                            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
                        }
                    }
                }
            }
            for (connection, result) in results.enumerated() {
                let settings = try result.get()
                #expect(settings.mode == "wal", "round \(round), connection \(connection)")
                // FULL is 2, NORMAL is 1.
                #expect(settings.synchronous == (connection.isMultiple(of: 2) ? 2 : 1), "round \(round), connection \(connection)")
            }
        }
    }

    /// A file another connection keeps locked past the busy timeout is SQLite's "database is
    /// locked", after the timeout and not before: opening never waits for ever.
    @Test func aFileHeldByAnotherConnectionFailsAfterTheTimeout() throws {
        let path = try TestPaths.temporaryDirectory("wal").appendingPathComponent("held.sqlite").path
        let holder = try DatabaseQueue(path: path)
        try holder.inDatabase { db in
            try db.execute(sql: "CREATE TABLE t (x INTEGER)")
            // An exclusive transaction keeps every other connection from reading the file.
            try db.execute(sql: "BEGIN EXCLUSIVE")
            defer { try? db.execute(sql: "ROLLBACK") }
            let start = ContinuousClock.now
            let error = #expect(throws: DatabaseError.self) {
                _ = try WriteAheadDatabase.open(path: path, label: "test", busyTimeout: .milliseconds(300), durability: .full)
            }
            #expect(error?.resultCode == .SQLITE_BUSY, "\(String(describing: error))")
            #expect(ContinuousClock.now - start >= .milliseconds(300))
        }
    }
}

/// Runs `work` on `count` threads of their own, released together once all have started;
/// returns each thread's result in order.
private func onThreadsAtOnce<T: Sendable>(_ count: Int, _ work: @escaping @Sendable (Int) -> T) -> [T] {
    let condition = NSCondition()
    nonisolated(unsafe) var ready = 0
    nonisolated(unsafe) var results = [T?](repeating: nil, count: count)
    let finished = DispatchGroup()
    for index in 0..<count {
        finished.enter()
        Thread.detachNewThread {
            condition.lock()
            ready += 1
            if ready == count { condition.broadcast() }
            while ready < count { condition.wait() }
            condition.unlock()
            let result = work(index)
            condition.lock()
            results[index] = result
            condition.unlock()
            finished.leave()
        }
    }
    finished.wait()
    return results.map { $0! }
}
