import Foundation
import JustOneAPIRuntime

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a running job shows: inputs done of total, pages, items, calls, cache hits, budget
/// left, rate and time left. On a terminal the line is redrawn in place; in a log (standard
/// error not a terminal) a line is written every `logInterval`.
public final class JobProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let write: @Sendable (String) -> Void
    private let isTerminal: Bool
    private let logInterval: Duration
    private var name = ""
    private var total = 0
    private var done = 0
    private var failed = 0
    private var pages = 0
    private var items = 0
    private var pagesAtStart = 0
    private var started = ContinuousClock.now
    private var lastLine: ContinuousClock.Instant?
    private var client: JustOneAPIClient?

    /// Progress on standard error: redrawn in place on a terminal, a line every `logInterval`
    /// otherwise.
    public convenience init(logInterval: Duration = .seconds(5)) {
        self.init(isTerminal: isatty(2) == 1, logInterval: logInterval) { text in
            FileHandle.standardError.write(Data(text.utf8))
        }
    }

    /// Progress written through `write`, as on a terminal or not.
    public init(isTerminal: Bool, logInterval: Duration = .seconds(5), write: @escaping @Sendable (String) -> Void) {
        self.isTerminal = isTerminal
        self.logInterval = logInterval
        self.write = write
    }

    func started(_ job: String, status: JobStatus?, client: JustOneAPIClient) {
        lock.withLock {
            name = job
            total = status?.inputs ?? 0
            done = status?.done ?? 0
            failed = status?.failed ?? 0
            pages = status?.pages ?? 0
            items = status?.items ?? 0
            pagesAtStart = pages
            started = .now
            self.client = client
        }
        show(force: true)
    }

    func saved(page: Int, items count: Int, of input: String) {
        lock.withLock {
            pages += 1
            items += count
        }
        show(force: false)
    }

    func inputDone() {
        lock.withLock { done += 1 }
    }

    func failed(_ input: String, error: any Error) {
        lock.withLock { failed += 1 }
        show(force: false)
    }

    func finished(_ status: JobStatus, client: JustOneAPIClient) {
        lock.withLock {
            done = status.done
            failed = status.failed
            pages = status.pages
            items = status.items
        }
        show(force: true)
        if isTerminal { write("\n") }
        if let reason = status.pausedBecause { write("\(name) paused: \(reason)\n") }
    }

    /// The progress line now.
    public var line: String {
        lock.withLock {
            let elapsed = ContinuousClock.now - started
            let seconds = max(0.001, elapsed.timeInterval)
            let rate = Double(pages - pagesAtStart) / seconds
            var text = "\(name): \(done + failed)/\(total) inputs"
            if failed > 0 { text += " (\(failed) failed)" }
            text += ", \(pages) pages, \(items) items"
            if let usage = client?.usage {
                text += ", \(usage.total.requestsSent) calls"
                if usage.total.servedFromCache > 0 { text += ", \(usage.total.servedFromCache) from cache" }
                if let left = usage.budgetRemaining { text += ", budget \(left) left" }
            }
            text += String(format: ", %.1f pages/s", rate)
            let inputsDone = done + failed
            if inputsDone > 0, total > inputsDone, rate > 0 {
                let left = seconds / Double(inputsDone) * Double(total - inputsDone)
                text += ", about \(Self.duration(left)) left"
            }
            return text
        }
    }

    private func show(force: Bool) {
        let now = ContinuousClock.now
        let due: Bool = lock.withLock {
            if force || isTerminal || lastLine.map({ now - $0 >= logInterval }) ?? true {
                lastLine = now
                return true
            }
            return false
        }
        guard due else { return }
        write(isTerminal ? "\r\u{1B}[K" + line : line + "\n")
    }

    static func duration(_ seconds: Double) -> String {
        if seconds < 90 { return "\(Int(seconds)) s" }
        if seconds < 5400 { return "\(Int(seconds / 60)) min" }
        return String(format: "%.1f h", seconds / 3600)
    }
}
