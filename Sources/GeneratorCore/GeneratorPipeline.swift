import Foundation

/// The generator, stage by stage. Each stage is a call on a type in the folder of the same
/// name; a stage uses only the stages before it and the shared folders (JSON, Diagnostics,
/// Naming, Config, Support), never one after it.
///
/// 1. **load** (`Load/`): input paths → ``SourceFile``s (``DocumentLoader``); the configuration
///    (`Config/`) and the overlays (`Overlay/`) are read here too, and the templates
///    (`Render/TemplateSet`) beside them on a thread of their own. Then, per file and on all
///    cores: bytes → one ``JSONTree`` (``DocumentReader``), the only time a file's text is
///    parsed, and what the file is (a document or a part).
/// 2. **overlay** (`Overlay/`): tree → tree, the overlays meant for the document applied.
/// 3. **bundle** (`Bundle/`): tree → tree, with what it refers to in other files (or deep
///    inside itself) put in place as components (``DocumentBundling``).
/// 4. **parse** (`Parse/`): tree → ``ParsedDocument``: OpenAPIKit's model, decoded from the
///    tree, and what the decoder does not keep, read from the tree (``DocumentParser``).
/// 5. **validate** (`Validate/`): ``ParsedDocument`` → diagnostics (``DocumentValidator``).
/// 6. **translate** (`Translate/`): all documents → one ``APIModel`` (``Translator``), the
///    intermediate model the templates read; its namespaces side by side on all cores.
/// 7. **render** (`Render/`): ``APIModel`` → ``GeneratedFile``s (``Renderer``).
/// 8. **output** (`Output/`): the files and what is on disk → an ``OutputPlan`` of writes and
///    removals, which the command applies or, with `--check`, prints as a diff.
///
/// Between the stages: ``LoadedInput`` (1) → ``ParsedInput`` (2–5, ``FrontEnd``) →
/// ``TranslatedOutput`` (6) → ``RenderedOutput`` (7). Each stage keeps its own threads and
/// memory to itself; ``run(diagnostics:)`` reads as the stages in order.
///
/// Each stage reports into the same ``DiagnosticCollector``; a stage with errors ends the run
/// before anything is written. The pipeline never writes: it returns the files, and the
/// command decides what to do with them.
public struct GeneratorPipeline: Sendable {
    public struct Options: Sendable {
        /// Directories and files of OpenAPI documents.
        public var inputs: [String]
        /// The configuration file; by default `generator.yaml` in the first input directory.
        public var configPath: String?
        /// A directory whose templates replace the defaults of the same name.
        public var templatesDirectory: String?
        /// Whether operations hidden from the docs (`x-docs-hidden`) are generated too.
        public var includeHidden: Bool
        /// The directory relative paths start from; the working directory when `nil`.
        /// Diagnostics and file headers show paths as given, relative to it.
        public var rootDirectory: String?
        /// Whether overlays are left out: the documents as published (for `generate infer`,
        /// which writes an overlay anew).
        public var ignoresOverlays = false
        /// How the code is split into files (``Renderer/Layout``).
        public var layout = Renderer.Layout.namespaces

        public init(
            inputs: [String], configPath: String? = nil, templatesDirectory: String? = nil, includeHidden: Bool = false,
            rootDirectory: String? = nil
        ) {
            self.inputs = inputs
            self.configPath = configPath
            self.templatesDirectory = templatesDirectory
            self.includeHidden = includeHidden
            self.rootDirectory = rootDirectory
        }
    }

    public let options: Options
    /// How long each stage of the last run took, for `--timings`.
    public let timings = StageTimings()

    public init(options: Options) {
        self.options = options
    }

    /// The generated files, or `nil` when there were errors (in `diagnostics`).
    /// Runs on a thread of its own with a large stack (``GeneratorLimits``).
    public func run(diagnostics: DiagnosticCollector) -> [GeneratedFile]? {
        LargeStack.run { [self] in
            guard let input = load(diagnostics: diagnostics, loadingTemplates: true),
                let parsed = parse(input, diagnostics: diagnostics),
                let translated = translate(parsed, diagnostics: diagnostics),
                let rendered = render(translated, input: input, diagnostics: diagnostics)
            else { return nil }
            return rendered.files
        }
    }

    /// The translated model, without rendering: what `diff` compares.
    public func model(diagnostics: DiagnosticCollector) -> APIModel? {
        modelAndConfiguration(diagnostics: diagnostics)?.model
    }

    /// The translated model and the configuration it was made with (`generate infer` reads both).
    func modelAndConfiguration(diagnostics: DiagnosticCollector) -> (model: APIModel, config: GeneratorConfig)? {
        LargeStack.run { [self] in
            guard let input = load(diagnostics: diagnostics, loadingTemplates: false),
                let parsed = parse(input, diagnostics: diagnostics),
                let translated = translate(parsed, diagnostics: diagnostics)
            else { return nil }
            return (translated.model, input.config)
        }
    }

    /// Whether `file` is an OpenAPI document that reads, parses and validates on its own, without
    /// overlays or the files it may refer to: how `fetch` checks a download before it replaces
    /// the local copy. Problems are in `diagnostics`.
    public static func parsesAlone(_ file: SourceFile, diagnostics: DiagnosticCollector) -> Bool {
        LargeStack.run {
            switch DocumentReader.read(file, diagnostics: diagnostics) {
            case .document(let tree, let version):
                guard let parsed = DocumentParser(file: file, diagnostics: diagnostics).parse(tree, version: version) else {
                    return false
                }
                DocumentValidator(file: file.path, diagnostics: diagnostics).validate(parsed.document)
                return !diagnostics.hasErrors
            case .fragment:
                DocumentReader.reportNotADocument(file, diagnostics: diagnostics)
                return false
            case .failed:
                return false
            }
        }
    }

    /// Stage 1, load: the configuration, the templates, the input files and the overlays.
    private func load(diagnostics: DiagnosticCollector, loadingTemplates: Bool) -> LoadedInput? {
        let paths = PathResolver(root: options.rootDirectory)
        let stop = timings.start("load")
        defer { stop() }
        // The templates are read and compiled on a core of their own while the configuration
        // and the documents are read; what they report counts once the configuration has loaded,
        // as if they had been read after it.
        let templatesDirectory = options.templatesDirectory.map(paths.resolve)
        let templateDiagnostics = DiagnosticCollector()
        let pendingTemplates = loadingTemplates
            ? LargeStack.start { TemplateSet.load(overrideDirectory: templatesDirectory, diagnostics: templateDiagnostics) }
            : nil
        let configPath = options.configPath ?? GeneratorConfig.defaultPath(for: options.inputs, resolver: paths)
        var config = GeneratorConfig()
        if let configPath {
            guard let loaded = GeneratorConfig.load(from: configPath, resolver: paths, diagnostics: diagnostics) else {
                _ = pendingTemplates?.result
                return nil
            }
            config = loaded
        }

        let loader = DocumentLoader(resolver: paths)
        let loaded = loader.load(options.inputs, diagnostics: diagnostics)
        let listed = Self.listedOverlays(config, configPath: configPath)
        let listedPaths = Set(listed.map(FilePaths.normalized))
        func isOverlay(_ file: SourceFile) -> Bool {
            OverlaySet.isOverlayFile(file.path) || listedPaths.contains(FilePaths.normalized(file.path))
        }
        let overlays =
            options.ignoresOverlays
            ? nil
            : loadOverlays(found: loaded.filter(isOverlay), listed: listed, loader: loader, diagnostics: diagnostics)
        let templates = pendingTemplates?.result
        for diagnostic in templateDiagnostics.diagnostics { diagnostics.emit(diagnostic) }
        guard !diagnostics.hasErrors, templates != nil || !loadingTemplates else { return nil }
        return LoadedInput(
            config: config, configPath: configPath, templates: templates, files: loaded.filter { !isOverlay($0) },
            overlays: overlays, resolver: paths)
    }

    /// Stages 2 to 5, every input file through the front end (``FrontEnd``) on all cores.
    private func parse(_ input: LoadedInput, diagnostics: DiagnosticCollector) -> ParsedInput? {
        let documents = FrontEnd(resolver: input.resolver, overlays: input.overlays, timings: timings)
            .run(input.files, diagnostics: diagnostics)
        input.overlays?.reportUnmatched(documentCount: documents.count, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return ParsedInput(documents: documents, config: input.config, configPath: input.configPath)
    }

    /// Stage 6, every document translated into one model.
    private func translate(_ parsed: ParsedInput, diagnostics: DiagnosticCollector) -> TranslatedOutput? {
        let translator = Translator(config: parsed.config, configPath: parsed.configPath, includeHidden: options.includeHidden)
        let model = timings.measure("translate") { translator.translate(parsed.documents, diagnostics: diagnostics) }
        guard let model, !diagnostics.hasErrors else { return nil }
        return TranslatedOutput(model: model)
    }

    /// Stage 7, the model through the templates into files.
    private func render(_ translated: TranslatedOutput, input: LoadedInput, diagnostics: DiagnosticCollector) -> RenderedOutput? {
        guard let templates = input.templates else { return nil }
        let files = timings.measure("render") {
            Renderer(templates: templates, inputs: options.inputs).render(
                translated.model, layout: options.layout, documentPaths: input.files.map(\.path), diagnostics: diagnostics)
        }
        return files.map(RenderedOutput.init)
    }

    /// The paths of the overlays that the configuration lists (relative to it).
    private static func listedOverlays(_ config: GeneratorConfig, configPath: String?) -> [String] {
        let directory = configPath.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        return (config.overlays ?? []).map { $0.hasPrefix("/") || directory.isEmpty ? $0 : directory + "/" + $0 }
    }

    /// The overlays found among the inputs and those listed in the configuration (relative to
    /// it), each read once; `nil` when there are none.
    private func loadOverlays(
        found: [SourceFile], listed: [String], loader: DocumentLoader, diagnostics: DiagnosticCollector
    ) -> OverlaySet? {
        var files = found
        if !listed.isEmpty { files += loader.load(listed, diagnostics: diagnostics) }
        var seen: Set<String> = []
        files = files.filter { seen.insert(FilePaths.normalized($0.path)).inserted }
        guard !files.isEmpty else { return nil }
        let overlays = files.compactMap { Overlay.load($0, diagnostics: diagnostics) }
        return OverlaySet(overlays)
    }
}
