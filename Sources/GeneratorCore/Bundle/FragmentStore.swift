import Foundation

/// The files a multi-file document refers to, each read and converted to a ``JSONTree`` once.
///
/// Files among the inputs are taken from them; others are opened from disk, relative to the
/// file that refers to them. Problems in a part (syntax, nesting) are reported in that file.
final class FragmentStore {
    private let inputs: [String: SourceFile]
    private let resolver: PathResolver
    private let diagnostics: DiagnosticCollector
    /// By normalized path; `nil` for a file that could not be read (reported once).
    private var trees: [String: JSONTree?] = [:]

    init(inputs: [String: SourceFile], resolver: PathResolver, diagnostics: DiagnosticCollector) {
        self.inputs = inputs
        self.resolver = resolver
        self.diagnostics = diagnostics
    }

    /// Whether `path` (normalized) is one of the input files.
    func isInputDocument(_ path: String) -> Bool { inputs[path] != nil }

    /// Every file read so far (normalized paths), read or not.
    var loadedPaths: Set<String> { Set(trees.keys) }

    /// The tree of the file at `path` (normalized, as the user's paths are written); `nil` when
    /// it cannot be read, reported at `referrer`.
    func tree(at path: String, referrer: SourceLocation) -> JSONTree? {
        if let known = trees[path] { return known }
        let tree = read(path, referrer: referrer)
        trees[path] = tree
        return tree
    }

    private func read(_ path: String, referrer: SourceLocation) -> JSONTree? {
        var file = inputs[path]
        if file == nil {
            guard let format = SourceFile.format(ofFileNamed: path) else {
                diagnostics.error(
                    "`$ref` to `\(path)`, which is not a .json, .yaml or .yml file", at: referrer,
                    hint: "refer to a JSON or YAML file")
                return nil
            }
            do {
                let data = try Data(contentsOf: URL(fileURLWithPath: resolver.resolve(path)))
                file = SourceFile(path: path, format: format, data: data)
            } catch {
                diagnostics.error(
                    "`$ref` to `\(path)`, which cannot be read: \(error.localizedDescription)", at: referrer,
                    hint: "check the path: it is relative to the file that holds the `$ref`")
                return nil
            }
        }
        guard let file else { return nil }
        return DocumentReader.tree(of: file, diagnostics: diagnostics)
    }
}
