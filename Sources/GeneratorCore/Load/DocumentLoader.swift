import Foundation

/// Finds and reads the input documents: every `.json`, `.yaml` and `.yml` file below a directory
/// (in a stable order), or a single file.
///
/// Files that belong to the project rather than to the API are left out: the generator's
/// configuration and the fetch manifest and lock file (``reservedFileNames``), and anything
/// under a directory whose name starts with a dot.
public struct DocumentLoader: Sendable {
    /// File names that are never read as OpenAPI documents.
    public static let reservedFileNames = DocumentsLayout.reservedInputNames

    /// Where relative inputs are opened from.
    public let resolver: PathResolver

    public init(resolver: PathResolver = PathResolver(root: nil)) {
        self.resolver = resolver
    }

    /// Reads the documents named by `inputs`; problems are reported to `diagnostics`.
    public func load(_ inputs: [String], diagnostics: DiagnosticCollector) -> [SourceFile] {
        var files: [SourceFile] = []
        var seen: Set<String> = []
        for input in inputs {
            for path in documentPaths(in: input, diagnostics: diagnostics) where seen.insert(path).inserted {
                guard let format = SourceFile.format(ofFileNamed: path) else { continue }
                do {
                    let data = try Data(contentsOf: URL(fileURLWithPath: resolver.resolve(path)))
                    files.append(SourceFile(path: path, format: format, data: data))
                } catch {
                    diagnostics.error(
                        "cannot read the file: \(error.localizedDescription)", at: SourceLocation(file: path),
                        hint: "check that it exists and is readable")
                }
            }
        }
        return files
    }

    private func documentPaths(in input: String, diagnostics: DiagnosticCollector) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolver.resolve(input), isDirectory: &isDirectory) else {
            diagnostics.error(
                "no such file or directory", at: SourceLocation(file: input),
                hint: "pass a directory of OpenAPI documents or one document")
            return []
        }
        guard isDirectory.boolValue else {
            if SourceFile.format(ofFileNamed: input) == nil {
                diagnostics.error(
                    "not a .json, .yaml or .yml file", at: SourceLocation(file: input),
                    hint: "OpenAPI documents are read from JSON or YAML files")
                return []
            }
            return [input]
        }
        let base = input.hasSuffix("/") ? String(input.dropLast()) : input
        let root = URL(fileURLWithPath: resolver.resolve(base))
        var paths: [String] = []
        let enumerator = FileManager.default.enumerator(
            at: root, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles, .skipsPackageDescendants])
        while let url = enumerator?.nextObject() as? URL {
            let name = url.lastPathComponent
            guard SourceFile.format(ofFileNamed: name) != nil, !Self.reservedFileNames.contains(name),
                (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true
            else { continue }
            let relative = url.path.dropFirst(root.path.count).drop { $0 == "/" }
            paths.append(base + "/" + relative)
        }
        if paths.isEmpty {
            diagnostics.error(
                "no OpenAPI documents (.json, .yaml, .yml) in this directory", at: SourceLocation(file: input),
                hint: "pass the directory that holds the documents")
        }
        return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }
}
