/// What passes between the pipeline's stages (``GeneratorPipeline``), each boundary a type
/// named for the stage that produced it.

/// Stage 1, load: the configuration, the templates, the input files (documents and parts;
/// overlays apart) and the overlays.
struct LoadedInput {
    var config: GeneratorConfig
    var configPath: String?
    /// `nil` when the run does not render (`diff`, `infer`).
    var templates: TemplateSet?
    var files: [SourceFile]
    var overlays: OverlaySet?
    var resolver: PathResolver
}

/// Stages 2 to 5, the front end: every document overlaid, bundled, parsed and validated, with
/// the configuration translation needs.
struct ParsedInput {
    var documents: [ParsedDocument]
    var config: GeneratorConfig
    var configPath: String?
}

/// Stage 6, translate: the intermediate model the templates read.
struct TranslatedOutput {
    var model: APIModel
}

/// Stage 7, render: the generated files, in memory.
struct RenderedOutput {
    var files: [GeneratedFile]
}
