import ArgumentParser
import Foundation
import GeneratorCore

/// Generates the client, or checks that the committed one is current.
struct ClientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client",
        abstract: "Generates the Swift client from OpenAPI documents (the default subcommand)."
    )

    @Argument(help: "Directories or files of OpenAPI documents (JSON or YAML, 3.0 to 3.2).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The directory the generated files go to.")
    var output = "Sources/JustOneAPI/Generated"

    @Option(help: "A directory of .mustache templates that replace the default ones of the same name.")
    var templates: String?

    @OptionGroup var documentOptions: DocumentOptions

    @Flag(help: "Write nothing; exit 0 if the output is current, or 1 with a unified diff if not.")
    var check = false

    @Flag(name: .shortAndLong, help: "Print only diagnostics and the diff, not the summary.")
    var quiet = false

    @Flag(help: "Print how long each stage took (read, overlay, bundle, parse and validate run per file on all cores: their times are summed over the files).")
    var timings = false

    @Flag(
        help: """
            Write nothing; list every operation that pages, with its kind (page, offset, cursor), \
            its paging parameters and where its response side comes from (described, named in a \
            parameter's description, the default rules, or unknown: not paged).
            """)
    var reportPaging = false

    @Option(
        help: """
            How the code is split into files: namespaces (one per namespace and one per model), or \
            documents (one per input file plus a fixed set, names known from the input paths, as \
            the JustOneAPIGenerator build plugin needs).
            """)
    var layout: Layout = .namespaces

    enum Layout: String, ExpressibleByArgument, CaseIterable {
        case namespaces, documents
    }

    mutating func validate() throws {
        if inputs.isEmpty { throw ValidationError("Name at least one directory or file of OpenAPI documents.") }
    }

    func run() throws {
        ProcessMemory.limitArenasToCores()
        let start = ContinuousClock.now
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(
            options: {
                var options = documentOptions.pipelineOptions(for: inputs)
                options.templatesDirectory = templates
                options.layout = layout == .documents ? .documents : .namespaces
                return options
            }())
        if reportPaging {
            let model = pipeline.model(diagnostics: diagnostics)
            DiagnosticPrinter.print(diagnostics)
            guard let model else { throw ExitCode(1) }
            print(PagingReport(model: model).text, terminator: "")
            return
        }
        let files = pipeline.run(diagnostics: diagnostics)
        DiagnosticPrinter.print(diagnostics)
        if timings {
            for (stage, duration) in pipeline.timings.all {
                printError("\(stage): \(duration.formatted(.units(allowed: [.milliseconds], width: .narrow)))")
            }
        }
        guard let files else {
            printError("error: generation failed; nothing under \(output) was changed.")
            throw ExitCode(1)
        }

        let directory = OutputDirectory(path: output)
        let existing: [String: String]
        do {
            existing = try directory.existingFiles()
        } catch {
            printError("\(output): error: cannot read the output directory: \(error)")
            throw ExitCode(1)
        }
        let plan = OutputPlan(files: files, existing: existing)

        if check {
            if plan.isCurrent {
                if !quiet { print("\(output) is current with \(inputs.joined(separator: ", ")) (\(files.count) files).") }
                return
            }
            print(plan.diff(existing: existing, outputDirectory: output), terminator: "")
            printError(
                "error: \(output) is out of date: \(plan.writes.count) file(s) differ and \(plan.removals.count) are stale. "
                    + "Run `swift run generate \(inputs.joined(separator: " "))` and commit the result.")
            throw ExitCode(1)
        }

        do {
            try directory.apply(plan)
        } catch {
            printError("\(output): error: \(error); nothing under \(output) was changed.")
            throw ExitCode(1)
        }
        if !quiet {
            let elapsed = ContinuousClock.now - start
            print(
                "Generated \(files.count) files in \(output): \(plan.writes.count) written, "
                    + "\(plan.removals.count) removed, \(plan.unchanged.count) unchanged (\(elapsed.formatted(.units(allowed: [.seconds, .milliseconds], width: .narrow))))."
            )
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
