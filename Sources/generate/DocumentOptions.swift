import ArgumentParser
import GeneratorCore

/// How the documents are read, the same for every command that reads them.
struct DocumentOptions: ParsableArguments {
    @Option(help: "The configuration file (default: generator.yaml in the directory of the documents).")
    var config: String?

    @Flag(help: "Also read the operations hidden from the documentation (x-docs-hidden).")
    var includeHidden = false

    /// The pipeline's options for `inputs`, read as these options say.
    func pipelineOptions(for inputs: [String]) -> GeneratorPipeline.Options {
        GeneratorPipeline.Options(inputs: inputs, configPath: config, includeHidden: includeHidden)
    }
}
