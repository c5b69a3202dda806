import Foundation

/// Collects the diagnostics of one generator run; every stage reports into it.
///
/// Locations given as JSON pointers are turned into line and column through the file's
/// ``SourceLocator``, when the collector knows the file.
public final class DiagnosticCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var collected: [Diagnostic] = []
    private var locators: [String: SourceLocator] = [:]
    private var redirects: [String: PointerRedirects] = [:]

    public init() {}

    /// Makes pointers into `file` resolvable to lines and columns.
    func register(_ locator: SourceLocator, for file: String) {
        lock.withLock { locators[file] = locator }
    }

    /// Makes pointers into `file`'s bundled document point at the files its parts came from.
    func register(_ redirects: PointerRedirects, for file: String) {
        guard !redirects.isEmpty else { return }
        lock.withLock { self.redirects[file] = redirects }
    }

    public func emit(_ diagnostic: Diagnostic) {
        var diagnostic = diagnostic
        diagnostic.location = diagnostic.location.map(resolved)
        lock.withLock { collected.append(diagnostic) }
    }

    /// `location` with its line and column where the pointer can be found (in the file a
    /// bundled part came from, where it came from one), for messages that cite another place.
    public func resolved(_ location: SourceLocation) -> SourceLocation {
        var location = location
        if location.line == nil, let pointer = location.pointer,
            let target = lock.withLock({ redirects[location.file] })?.redirect(pointer)
        {
            location = SourceLocation(file: target.file, pointer: target.pointer)
        }
        if location.line == nil, let pointer = location.pointer {
            let locator = lock.withLock { locators[location.file] }
            if let position = locator?.position(of: pointer) {
                location.line = position.line
                location.column = position.column
            }
        }
        return location
    }

    public func error(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        emit(Diagnostic(.error, message, at: location, hint: hint))
    }

    public func warning(_ message: String, at location: SourceLocation? = nil, hint: String? = nil) {
        emit(Diagnostic(.warning, message, at: location, hint: hint))
    }

    /// All diagnostics, sorted by file and position so that output does not depend on timing.
    public var diagnostics: [Diagnostic] {
        lock.withLock { collected }.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case let (left?, right?) where left != right: return left < right
            case (nil, _?): return true
            case (_?, nil): return false
            default: return (lhs.severity, lhs.message) < (rhs.severity, rhs.message)
            }
        }
    }

    public var errorCount: Int { lock.withLock { collected.filter { $0.severity == .error }.count } }
    public var warningCount: Int { lock.withLock { collected.filter { $0.severity == .warning }.count } }
    public var hasErrors: Bool { errorCount > 0 }

    /// `2 warnings and 1 error generated.`, like the compiler's summary line.
    public var summary: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "\(count(warningCount, "warning")) and \(count(errorCount, "error")) generated."
    }
}

/// Thrown by a stage that cannot go on; the reasons are in the collector.
public struct GenerationFailed: Error, CustomStringConvertible {
    public let errorCount: Int
    public init(errorCount: Int) { self.errorCount = errorCount }
    public var description: String {
        "generation failed with \(errorCount) error\(errorCount == 1 ? "" : "s"); nothing was written"
    }
}
