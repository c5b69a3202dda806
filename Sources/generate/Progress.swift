import Foundation

/// Progress for long work: a line that updates in place on a terminal, plain lines in CI logs.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private var done = 0
    private let isTerminal: Bool
    private let quiet: Bool

    init(total: Int, quiet: Bool) {
        self.total = total
        self.quiet = quiet
        isTerminal = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["CI"] == nil
    }

    /// Reports one finished item.
    func finished(_ item: String, outcome: String) {
        guard !quiet else { return }
        lock.withLock {
            done += 1
            let line = "[\(done)/\(total)] \(outcome) \(item)"
            if isTerminal {
                let width = 100
                let shown = line.count > width ? String(line.prefix(width - 1)) + "…" : line
                FileHandle.standardError.write(Data(("\r\u{1B}[K" + shown + (done == total ? "\n" : "")).utf8))
            } else {
                FileHandle.standardError.write(Data((line + "\n").utf8))
            }
        }
    }
}
