import Foundation

/// The overlays of one run, applied to every document they are meant for, with a count of what
/// each action selected across all of them: an action that selects nothing in any document is
/// a warning (usually a typo in the target, or a document that changed).
final class OverlaySet: @unchecked Sendable {
    let overlays: [Overlay]
    private let lock = NSLock()
    /// Per overlay, per action: the nodes selected so far.
    private var matched: [[Int]]

    init(_ overlays: [Overlay]) {
        self.overlays = overlays
        matched = overlays.map { Array(repeating: 0, count: $0.actions.count) }
    }

    /// Whether `name` is an overlay's file name (`*.overlay.yaml`, `.yml` or `.json`).
    static func isOverlayFile(_ name: String) -> Bool {
        let lower = (name as NSString).lastPathComponent.lowercased()
        return [".overlay.yaml", ".overlay.yml", ".overlay.json"].contains { lower.hasSuffix($0) }
    }

    /// The document's tree with the overlays meant for it applied, in order.
    func apply(toDocumentAt path: String, tree: JSONTree) -> JSONTree {
        var tree = tree
        for index in overlays.indices where overlays[index].applies(to: path) {
            var counts = Array(repeating: 0, count: overlays[index].actions.count)
            tree = overlays[index].apply(to: tree, matched: &counts)
            lock.withLock {
                for (action, count) in counts.enumerated() { matched[index][action] += count }
            }
        }
        return tree
    }

    /// Warns about every action that selected nothing.
    func reportUnmatched(documentCount: Int, diagnostics: DiagnosticCollector) {
        let counts = lock.withLock { matched }
        for (overlay, actions) in zip(overlays, counts) {
            for (action, count) in zip(overlay.actions, actions) where count == 0 {
                diagnostics.warning(
                    "the target `\(action.target)` selects nothing in \(documentCount == 1 ? "the document" : "any of the \(documentCount) documents"); the action does nothing",
                    at: SourceLocation(file: overlay.file, pointer: action.pointer + "/target"),
                    hint: "check the JSONPath against the documents as they are now")
            }
        }
    }
}
