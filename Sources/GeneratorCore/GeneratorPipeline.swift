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
            guard let loaded = load(diagnostics: diagnostics, loadingTemplates: true), let templates = loaded.templates,
                let model = translate(loaded, diagnostics: diagnostics)
            else { return nil }
            return timings.measure("render") {
                Renderer(templates: templates, inputs: options.inputs)
                    .render(model, layout: options.layout, documentPaths: loaded.files.map(\.path), diagnostics: diagnostics)
            }
        }
    }

    /// The translated model, without rendering: what `diff` compares.
    public func model(diagnostics: DiagnosticCollector) -> APIModel? {
        modelAndConfiguration(diagnostics: diagnostics)?.model
    }

    /// The translated model and the configuration it was made with (`generate infer` reads both).
    func modelAndConfiguration(diagnostics: DiagnosticCollector) -> (model: APIModel, config: GeneratorConfig)? {
        LargeStack.run { [self] in
            guard let loaded = load(diagnostics: diagnostics, loadingTemplates: false),
                let model = translate(loaded, diagnostics: diagnostics)
            else { return nil }
            return (model, loaded.config)
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

    /// What the load stage read: the configuration, the templates, the input files (documents
    /// and parts; overlays apart) and the overlays.
    private struct Loaded {
        var config: GeneratorConfig
        var configPath: String?
        var templates: TemplateSet?
        var files: [SourceFile]
        var overlays: OverlaySet?
        var resolver: PathResolver
    }

    /// Stage 1, load: the configuration, the templates, the input files and the overlays.
    private func load(diagnostics: DiagnosticCollector, loadingTemplates: Bool) -> Loaded? {
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
        return Loaded(
            config: config, configPath: configPath, templates: templates, files: loaded.filter { !isOverlay($0) },
            overlays: overlays, resolver: paths)
    }

    /// Stages 2 to 6: every file through the front end, then translated together.
    private func translate(_ loaded: Loaded, diagnostics: DiagnosticCollector) -> APIModel? {
        let documents = frontEnd(loaded.files, resolver: loaded.resolver, overlays: loaded.overlays, diagnostics: diagnostics)
        loaded.overlays?.reportUnmatched(documentCount: documents.count, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        let translator = Translator(config: loaded.config, configPath: loaded.configPath, includeHidden: options.includeHidden)
        let model = timings.measure("translate") { translator.translate(documents, diagnostics: diagnostics) }
        ProcessMemory.returnFreedMemory()
        guard let model, !diagnostics.hasErrors else { return nil }
        return model
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

    /// What became of one input file in the front end.
    private enum FrontEndOutcome {
        case document(ParsedDocument)
        /// JSON or YAML without an `openapi` field: fine as a part of a multi-file document.
        case fragment
        /// Errors, reported; the other files the document referred to, as far as they were read.
        case failed(parts: Set<String>)
    }

    /// Stages 1 (reading) to 5 for each file, on all cores, on large stacks; the result keeps
    /// the files' order. A file without an `openapi` field is accepted when a document refers
    /// to it (a part of a multi-file document) and reported otherwise.
    private func frontEnd(
        _ files: [SourceFile], resolver: PathResolver, overlays: OverlaySet?, diagnostics: DiagnosticCollector
    ) -> [ParsedDocument] {
        let results = ParallelResults<FrontEndOutcome>(count: files.count)
        let bundling = DocumentBundling(inputs: files, resolver: resolver)
        let started = ContinuousClock.now
        LargeStack.concurrentPerform(iterations: files.count) { [timings] index in
            let file = files[index]
            // 1. load: the file's text, parsed into a tree once.
            let read = timings.measure("read", summed: true) { DocumentReader.read(file, diagnostics: diagnostics) }
            guard case .document(var tree, let version) = read else {
                if case .fragment = read { results[index] = .fragment } else { results[index] = .failed(parts: []) }
                return
            }
            // 2. overlay
            if let overlays {
                tree = timings.measure("overlay", summed: true) { overlays.apply(toDocumentAt: file.path, tree: tree) }
            }
            // 3. bundle
            let bundled = timings.measure("bundle", summed: true) { bundling.bundle(tree, of: file, diagnostics: diagnostics) }
            guard case .bundled(let complete, let parts) = bundled else {
                if case .failed(let parts) = bundled { results[index] = .failed(parts: parts) }
                return
            }
            // 4. parse
            let parser = DocumentParser(file: file, diagnostics: diagnostics)
            guard let parsed = timings.measure("parse", summed: true, { parser.parse(complete, version: version, parts: parts) })
            else {
                results[index] = .failed(parts: parts)
                return
            }
            // 5. validate
            timings.measure("validate", summed: true) {
                DocumentValidator(file: file.path, diagnostics: diagnostics).validate(parsed.document)
            }
            results[index] = .document(parsed)
        }
        timings.record("read to validate, wall time", ContinuousClock.now - started)
        // What the files' trees and the decoders held, freed on the workers' threads.
        ProcessMemory.returnFreedMemory()
        var documents: [ParsedDocument] = []
        var fragments: [SourceFile] = []
        var parts: Set<String> = []
        for (file, outcome) in zip(files, results.values) {
            switch outcome {
            case .document(let parsed):
                documents.append(parsed)
                parts.formUnion(parsed.parts)
            case .fragment: fragments.append(file)
            case .failed(let referred): parts.formUnion(referred)
            }
        }
        let strays = fragments.filter { !parts.contains(FilePaths.normalized($0.path)) }
        if parts.isEmpty {
            for stray in strays { DocumentReader.reportNotADocument(stray, diagnostics: diagnostics) }
        } else if let first = strays.first {
            // Beside a multi-file document, files that nothing refers to (code samples, notes)
            // are common and harmless.
            let others = strays.count > 1 ? " and \(strays.count - 1) other file\(strays.count == 2 ? "" : "s")" : ""
            diagnostics.warning(
                "this file\(others) beside the multi-file document are left out: they are not OpenAPI documents and no document refers to them",
                at: SourceLocation(file: first.path), hint: "name the root document alone as the input to leave them out silently")
        }
        return documents
    }
}
