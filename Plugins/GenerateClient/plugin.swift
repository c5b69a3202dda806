import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory generate-client [--target T] [--check]`:
/// generates the client of every target whose folder holds an `openapi/` folder, into the
/// target's `Generated/` folder, to be committed. `--check` writes nothing and fails with the
/// unified diff when the committed code is stale: the drift check for CI.
@main
struct GenerateClient: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        var extractor = ArgumentExtractor(arguments)
        let names = extractor.extractOption(named: "target")
        let check = extractor.extractFlag(named: "check") > 0
        let targets = context.package.targets.compactMap { $0 as? SourceModuleTarget }.filter { target in
            (names.isEmpty || names.contains(target.name))
                && FileManager.default.fileExists(atPath: target.directoryURL.appending(path: "openapi").path)
        }
        guard !targets.isEmpty else {
            throw CommandError(
                names.isEmpty
                    ? "no target has an openapi/ folder: put the OpenAPI documents in Sources/<Target>/openapi/"
                    : "no target named \(names.joined(separator: ", ")) has an openapi/ folder")
        }
        let tool = try context.tool(named: "generate").url
        var failed: [String] = []
        for target in targets {
            let folder = target.directoryURL.appending(path: "openapi")
            let output = target.directoryURL.appending(path: "Generated")
            var arguments = ["client", folder.path, "--output", output.path]
            if check { arguments.append("--check") }
            let process = Process()
            process.executableURL = tool
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            if process.terminationStatus != 0 { failed.append(target.name) }
        }
        if !failed.isEmpty {
            throw CommandError(
                check
                    ? "the generated code of \(failed.joined(separator: ", ")) is stale; run `swift package --allow-writing-to-package-directory generate-client`"
                    : "generation failed for \(failed.joined(separator: ", ")); nothing of theirs was changed")
        }
    }
}

struct CommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
