import Foundation
import GRDB
import JustOneAPIRuntime

/// Opens a SQLite file in write-ahead mode when several processes may open it at the same moment
/// (the job store's workers, the response cache's processes).
///
/// GRDB's own `journalMode = .wal` switches the mode while the connection opens, and SQLite
/// answers `SQLITE_BUSY` at once, without calling the busy handler, when two connections switch
/// a new file at the same time: the second process failed with "database is locked" although
/// its busy timeout had not begun. Here the switch is tried again until the busy timeout has
/// passed; once a file is in write-ahead mode it stays so, and later opens do not wait.
package enum WriteAheadDatabase {
    /// How each write reaches the disk (SQLite's `PRAGMA synchronous`).
    package enum Durability: String, Sendable {
        /// Every commit survives a crash of the machine (`FULL`).
        case full = "FULL"
        /// A commit may be lost to a power cut, never to a crash of the process (`NORMAL`).
        case normal = "NORMAL"
    }

    /// The file at `path` (made if it does not exist) on one connection in write-ahead mode.
    ///
    /// - Parameters:
    ///   - busyTimeout: how long a statement, and the switch to write-ahead mode, waits for
    ///     another connection's lock before it fails with `SQLITE_BUSY`.
    ///   - durability: the connection's `synchronous` setting.
    package static func open(
        path: String, label: String, busyTimeout: Duration, durability: Durability
    ) throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.busyMode = .timeout(busyTimeout.timeInterval)
        configuration.journalMode = .default
        configuration.label = label
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        let deadline = ContinuousClock.now + busyTimeout
        try queue.writeWithoutTransaction { db in
            try enterWriteAheadMode(db, path: path, until: deadline)
            try db.execute(sql: "PRAGMA synchronous = \(durability.rawValue)")
        }
        return queue
    }

    /// `PRAGMA journal_mode = WAL`, tried again while another connection holds the lock the
    /// switch needs and `deadline` has not passed.
    private static func enterWriteAheadMode(_ db: Database, path: String, until deadline: ContinuousClock.Instant) throws {
        var pause = Duration.milliseconds(1)
        while true {
            do {
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode?.lowercased() == "wal" else {
                    throw DatabaseError(
                        resultCode: .SQLITE_ERROR,
                        message: "\(path) cannot be put in write-ahead mode (its journal mode stays \(mode ?? "unknown"))")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: pause.timeInterval)
                pause = min(pause * 2, .milliseconds(50))
            }
        }
    }
}
