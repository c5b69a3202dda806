import Foundation
import PackagePlugin

/// Generates a target's Just One API client at build time from the OpenAPI documents in its
/// `openapi/` folder (any subfolders; `generator.yaml` and overlays as `swift run generate`
/// reads them). Nothing is committed; diagnostics show in the build log as `file:line:col:`.
///
/// SwiftPM needs the output files named before the generator runs, so the generator is run
/// with `--layout documents`: one file per input file, named after its path, plus
/// `Namespaces.swift`, `Models.swift`, `Servers.swift` and `BusinessCodes.swift`. A change to
/// one document rewrites its file (and the shared ones only when they change), so the build
/// recompiles little; unchanged files are not rewritten.
@main
struct JustOneAPIGenerator: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) async throws -> [Command] {
        guard let target = target as? SourceModuleTarget else { return [] }
        let folder = target.directoryURL.appending(path: "openapi")
        let inputs = try OpenAPIFolder.files(in: folder)
        guard !inputs.documents.isEmpty else {
            throw PluginError(
                "\(target.name): JustOneAPIGenerator found no OpenAPI documents in \(folder.path); "
                    + "put the documents (and an optional generator.yaml) in the target's openapi/ folder")
        }
        // Two inputs whose output files would be one (on macOS and Windows, names that differ
        // only in case are one file): the generator would refuse them too, naming both.
        var owners: [String: String] = [:]
        for document in inputs.documents {
            let name = DocumentsLayout.fileName(forDocumentAt: document.relative)
            if let other = owners[name.lowercased()] {
                throw PluginError(
                    "\(folder.appending(path: document.relative).path): error: this document and \(other) would both be "
                        + "generated into \(name) (file names that differ only in case or punctuation are one file); "
                        + "rename one of the two files")
            }
            owners[name.lowercased()] = folder.appending(path: document.relative).path
        }
        let output = context.pluginWorkDirectoryURL.appending(path: "GeneratedSources")
        let outputFiles = (DocumentsLayout.fixedFiles + inputs.documents.map { DocumentsLayout.fileName(forDocumentAt: $0.relative) })
            .map { output.appending(path: $0) }
        return [
            .buildCommand(
                displayName: "Generating the Just One API client of \(target.name) from openapi/",
                executable: try context.tool(named: "generate").url,
                arguments: ["client", folder.path, "--output", output.path, "--layout", "documents", "--quiet"],
                inputFiles: inputs.all,
                outputFiles: outputFiles)
        ]
    }
}

struct PluginError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The files of a target's `openapi/` folder, as the generator's loader reads them.
enum OpenAPIFolder {
    struct Inputs {
        /// Every JSON or YAML file the generator reads as an input, with its path in the folder.
        var documents: [(url: URL, relative: String)] = []
        /// Everything that affects the output: the documents and the configuration.
        var all: [URL] = []
    }

    static func files(in folder: URL) throws -> Inputs {
        var inputs = Inputs()
        guard let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return inputs }
        let base = folder.standardizedFileURL.path
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let name = url.lastPathComponent
            let relative = String(url.standardizedFileURL.path.dropFirst(base.count).drop { $0 == "/" })
            let isDocument = ["json", "yaml", "yml"].contains(url.pathExtension.lowercased()) && !DocumentsLayout.reservedInputNames.contains(name)
            if isDocument { inputs.documents.append((url, relative)) }
            if isDocument || name == "generator.yaml" { inputs.all.append(url) }
        }
        inputs.documents.sort { $0.relative < $1.relative }
        return inputs
    }
}
