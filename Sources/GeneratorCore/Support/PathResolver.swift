import Foundation

/// Resolves the relative paths a user gives against a root directory, while diagnostics keep
/// showing them as given.
public struct PathResolver: Sendable {
    public let root: String?

    public init(root: String?) { self.root = root }

    /// The path to open for `path`.
    public func resolve(_ path: String) -> String {
        guard let root, !path.hasPrefix("/") else { return path }
        return (root as NSString).appendingPathComponent(path)
    }
}
