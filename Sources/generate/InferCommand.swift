import ArgumentParser
import Foundation
import GeneratorCore

/// Writes an overlay that types responses from samples of them.
struct InferCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "infer",
        abstract: "Infers response models from samples and writes them as an OpenAPI Overlay.",
        discussion: """
            SAMPLES holds one folder per operationId with JSON response bodies in it \
            (SAMPLES/<operationId>/*.json): whole envelopes or bare payloads, recorded with the \
            client's SampleRecorder or saved by hand. Several samples of one operation merge: a \
            property missing from some is optional, `null` makes it nullable, kinds that \
            conflict stay untyped. Put the overlay beside the documents (or list it under \
            `overlays:` in generator.yaml) and generate again: the sampled operations return \
            models whose properties read leniently, so a response that differs still decodes.
            """
    )

    @Argument(help: "The directory of samples, one folder per operationId.")
    var samples: String

    @Option(help: "The overlay to write, such as specs/samples.overlay.yaml.")
    var output: String

    @Option(help: "The OpenAPI documents the samples belong to.")
    var documents: String = "specs"

    @OptionGroup var documentOptions: DocumentOptions

    func run() throws {
        ProcessMemory.limitArenasToCores()
        let diagnostics = DiagnosticCollector()
        let inference = SampleInference(
            samplesDirectory: samples,
            pipelineOptions: documentOptions.pipelineOptions(for: [documents]))
        let text = inference.run(diagnostics: diagnostics)
        // The documents' own warnings belong to `generate`; here, only what concerns the samples.
        for diagnostic in diagnostics.diagnostics
        where diagnostic.severity == .error || diagnostic.location?.file.hasPrefix(samples) == true {
            printError(diagnostic.description)
        }
        guard let text else {
            printError("error: no overlay written.")
            throw ExitCode(1)
        }
        try AtomicFile.write(Data(text.utf8), to: output)
        print("Wrote \(output). Generate again to use it.")
    }
}
