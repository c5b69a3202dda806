import ArgumentParser
import Foundation
import GeneratorCore

/// Compares two versions of the documents as Swift callers of the generated client see them.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Reports what changed between two versions of the documents, and whether it breaks callers.",
        discussion: """
            OLD and NEW are directories or files of OpenAPI documents. Each change is classified \
            for Swift callers of the generated client: a removed operation or a new required \
            parameter breaks them; a new enum value does not (generated enums accept unknown \
            values); a removed one does. The report suggests a semantic-version bump.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case markdown, json
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case breaking, any
    }

    @Argument(help: "The documents before the change.")
    var old: String

    @Argument(help: "The documents after the change.")
    var new: String

    @Option(help: "The report's format: markdown (for a pull request or commit message) or json.")
    var format: Format = .markdown

    @Option(help: "Exit 1 when there are breaking changes (breaking) or any change (any).")
    var failOn: FailOn?

    @OptionGroup var documentOptions: DocumentOptions

    func run() throws {
        ProcessMemory.limitArenasToCores()
        let before = try model(old)
        let after = try model(new)
        let diff = SpecDiff(old: before, new: after)
        switch format {
        case .markdown:
            print(diff.markdown(), terminator: "")
        case .json:
            print(String(decoding: try diff.json(), as: UTF8.self))
        }
        switch failOn {
        case .breaking? where !diff.breaking.isEmpty:
            printError("error: \(diff.breaking.count) breaking change(s)")
            throw ExitCode(1)
        case .any? where !diff.changes.isEmpty:
            printError("error: \(diff.changes.count) change(s)")
            throw ExitCode(1)
        default:
            break
        }
    }

    private func model(_ input: String) throws -> APIModel {
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(options: documentOptions.pipelineOptions(for: [input]))
        guard let model = pipeline.model(diagnostics: diagnostics) else {
            for diagnostic in diagnostics.diagnostics where diagnostic.severity == .error {
                printError(diagnostic.description)
            }
            printError("error: \(input) could not be read; no report.")
            throw ExitCode(2)
        }
        return model
    }
}
