import Foundation

/// The generator's stages, one after another: load → parse and validate → translate → render.
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
            guard let (model, templates, files) = stages(diagnostics: diagnostics, loadingTemplates: true), let templates else {
                return nil
            }
            return timings.measure("render") {
                Renderer(templates: templates, inputs: options.inputs)
                    .render(model, layout: options.layout, documentPaths: files.map(\.path), diagnostics: diagnostics)
            }
        }
    }

    /// The translated model, without rendering: what `diff` compares.
    public func model(diagnostics: DiagnosticCollector) -> APIModel? {
        LargeStack.run { [self] in stages(diagnostics: diagnostics, loadingTemplates: false)?.model }
    }

    /// The model, the templates, and every file the inputs hold (documents, parts, overlays).
    private func stages(
        diagnostics: DiagnosticCollector, loadingTemplates: Bool
    ) -> (model: APIModel, templates: TemplateSet?, files: [SourceFile])? {
        let paths = PathResolver(root: options.rootDirectory)
        let stop = timings.start("load")
        let configPath = options.configPath ?? GeneratorConfig.defaultPath(for: options.inputs, resolver: paths)
        var config = GeneratorConfig()
        if let configPath {
            guard let loaded = GeneratorConfig.load(from: configPath, resolver: paths, diagnostics: diagnostics) else {
                return nil
            }
            config = loaded
        }
        let templates = loadingTemplates
            ? TemplateSet.load(overrideDirectory: options.templatesDirectory.map(paths.resolve), diagnostics: diagnostics)
            : nil

        let loader = DocumentLoader(resolver: paths)
        let loaded = loader.load(options.inputs, diagnostics: diagnostics)
        let listed = Self.listedOverlays(config, configPath: configPath)
        let listedPaths = Set(listed.map(FilePaths.normalized))
        func isOverlay(_ file: SourceFile) -> Bool {
            OverlaySet.isOverlayFile(file.path) || listedPaths.contains(FilePaths.normalized(file.path))
        }
        let files = loaded.filter { !isOverlay($0) }
        let overlays =
            options.ignoresOverlays
            ? nil
            : loadOverlays(found: loaded.filter(isOverlay), listed: listed, loader: loader, diagnostics: diagnostics)
        stop()
        guard !diagnostics.hasErrors, templates != nil || !loadingTemplates else { return nil }

        let documents = timings.measure("parse") {
            parse(files, resolver: paths, overlays: overlays, diagnostics: diagnostics)
        }
        overlays?.reportUnmatched(documentCount: documents.count, diagnostics: diagnostics)
        guard !diagnostics.hasErrors else { return nil }

        let translator = Translator(config: config, configPath: configPath, includeHidden: options.includeHidden)
        let model = timings.measure("translate") { translator.translate(documents, diagnostics: diagnostics) }
        guard let model, !diagnostics.hasErrors else { return nil }
        return (model, templates, loaded)
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

    /// Parses the files on all cores, on large stacks; the result keeps the files' order.
    /// A file without an `openapi` field is accepted when a document refers to it (a part of a
    /// multi-file document) and reported otherwise.
    func parse(
        _ files: [SourceFile], resolver: PathResolver, overlays: OverlaySet? = nil, diagnostics: DiagnosticCollector
    ) -> [ParsedDocument] {
        let results = ParallelResults<DocumentParser.Outcome>(count: files.count)
        let parser = DocumentParser(inputs: files, resolver: resolver, overlays: overlays)
        LargeStack.concurrentPerform(iterations: files.count) { index in
            results[index] = parser.parseFile(files[index], diagnostics: diagnostics)
        }
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
            for stray in strays { DocumentParser.reportNotADocument(stray, diagnostics: diagnostics) }
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

/// Wall time per stage.
public final class StageTimings: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(stage: String, duration: Duration)] = []

    public init() {}

    /// The stages in the order they ran, with their durations.
    public var all: [(stage: String, duration: Duration)] { lock.withLock { entries } }

    func start(_ stage: String) -> () -> Void {
        let started = ContinuousClock.now
        return { [self] in
            let duration = ContinuousClock.now - started
            lock.withLock { entries.append((stage, duration)) }
        }
    }

    func measure<T>(_ stage: String, _ work: () -> T) -> T {
        let stop = start(stage)
        defer { stop() }
        return work()
    }
}

/// Resolves the relative paths a user gives against a root directory, while diagnostics keep
/// showing them as given.
public struct PathResolver: Sendable {
    public let root: String?

    public init(root: String?) { self.root = root }

    /// The path to open for `path`.
    public func resolve(_ path: String) -> String {
        guard let root, !path.hasPrefix("/") else { return path }
        return (root as NSString).appendingPathComponent(path)
    }
}

/// Slots that concurrent iterations fill, one each.
final class ParallelResults<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.withLock { storage[index] } }
        set { lock.withLock { storage[index] = newValue } }
    }

    var values: [Value] { lock.withLock { storage.compactMap { $0 } } }
}
