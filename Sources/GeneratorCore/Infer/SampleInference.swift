import Foundation

/// `generate infer`: reads response samples, `SAMPLES/<operationId>/*.json` (whole envelopes or
/// bare payloads; several per operation merge), and writes an overlay that types each sampled
/// operation's response (``InferredOverlay``).
public struct SampleInference: Sendable {
    public let samplesDirectory: String
    /// The documents the samples belong to, as `swift run generate` reads them.
    public let pipelineOptions: GeneratorPipeline.Options

    public init(samplesDirectory: String, pipelineOptions: GeneratorPipeline.Options) {
        self.samplesDirectory = samplesDirectory
        var options = pipelineOptions
        options.ignoresOverlays = true
        self.pipelineOptions = options
    }

    /// The overlay's YAML text, or `nil` when there were errors (in `diagnostics`).
    public func run(diagnostics: DiagnosticCollector) -> String? {
        LargeStack.run { [self] in infer(diagnostics: diagnostics) }
    }

    private func infer(diagnostics: DiagnosticCollector) -> String? {
        let pipeline = GeneratorPipeline(options: pipelineOptions)
        guard let model = pipeline.model(diagnostics: diagnostics) else { return nil }
        let resolver = PathResolver(root: pipelineOptions.rootDirectory)
        let configPath = pipelineOptions.configPath ?? GeneratorConfig.defaultPath(for: pipelineOptions.inputs, resolver: resolver)
        let config = configPath.flatMap { GeneratorConfig.load(from: $0, resolver: resolver, diagnostics: diagnostics) }
        var operations: [String: (OperationModel, NamespaceModel)] = [:]
        for namespace in model.namespaces {
            for operation in namespace.operations { operations[operation.operationID] = (operation, namespace) }
        }
        let root = URL(fileURLWithPath: resolver.resolve(samplesDirectory))
        guard let directories = try? FileManager.default.contentsOfDirectory(atPath: root.path) else {
            diagnostics.error(
                "cannot read the samples directory", at: SourceLocation(file: samplesDirectory),
                hint: "give the directory that holds one folder of JSON samples per operationId")
            return nil
        }
        var sampled: [(operation: InferredOverlay.Operation, shape: SampleShape)] = []
        for name in directories.sorted() where !name.hasPrefix(".") {
            let folder = samplesDirectory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            guard let (operation, namespace) = operations[name] else {
                diagnostics.warning(
                    "no operation has the operationId `\(name)`; its samples are skipped", at: SourceLocation(file: folder),
                    hint: "name each folder after an operationId of the documents")
                continue
            }
            guard let response = operation.jsonResponse else {
                diagnostics.warning(
                    "`\(name)` has no JSON response to type; its samples are skipped", at: SourceLocation(file: folder))
                continue
            }
            let shape = SampleShape()
            let files = ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(name).path)) ?? [])
                .filter { $0.lowercased().hasSuffix(".json") }.sorted()
            for file in files {
                let path = folder + "/" + file
                if let payload = read(path, resolver: resolver, envelope: config?.envelope, diagnostics: diagnostics) {
                    shape.add(payload)
                }
            }
            guard shape.count > 0 else {
                diagnostics.warning("no usable samples for `\(name)`", at: SourceLocation(file: folder))
                continue
            }
            sampled.append(
                (
                    InferredOverlay.Operation(
                        operationID: name, methodName: operation.methodName, namespace: namespace.typeName,
                        path: operation.pathTemplate, httpMethod: operation.httpMethod, status: response.status,
                        mediaType: response.mediaType),
                    shape
                ))
        }
        guard !sampled.isEmpty else {
            diagnostics.error(
                "no samples of any operation of the documents", at: SourceLocation(file: samplesDirectory),
                hint: "record samples with the client's SampleRecorder, or save response bodies as SAMPLES/<operationId>/1.json")
            return nil
        }
        let envelope = config?.envelope.map { InferredOverlay.Envelope(schema: $0.schema, dataKey: $0.dataKey ?? "data") }
        var builder = InferredOverlay(envelope: envelope, takenNames: Set(model.models.map(\.name)))
        return YAMLWriter.text(of: builder.overlay(for: sampled))
    }

    /// One sample's payload: an envelope's data (when the code is a success), or the whole body.
    private func read(
        _ path: String, resolver: PathResolver, envelope: GeneratorConfig.Envelope?, diagnostics: DiagnosticCollector
    ) -> JSONTree? {
        guard let data = FileManager.default.contents(atPath: resolver.resolve(path)) else {
            diagnostics.warning("cannot read the sample; it is skipped", at: SourceLocation(file: path))
            return nil
        }
        var scanner = JSONScanner([UInt8](data))
        scanner.nestingLimit = GeneratorLimits.sampleNesting
        if let error = scanner.syntaxError() {
            let (line, column) = scanner.position(of: error.offset)
            diagnostics.warning(
                "the sample is not JSON (\(error.message)); it is skipped",
                at: SourceLocation(file: path, line: line, column: column), hint: "save the response body as it was received")
            return nil
        }
        guard let tree = JSONTree(parsing: scanner.bytes) else { return nil }
        // A whole envelope has the code and the data; anything else is a bare payload.
        guard let envelope, let code = tree[envelope.codeKey ?? "code"], let payload = tree[envelope.dataKey ?? "data"] else {
            return tree
        }
        let codeText = String(decoding: code.bytes, as: UTF8.self)
        guard let value = Int(codeText), (envelope.successCodes ?? [0]).contains(value) else {
            diagnostics.warning("the sample is a failed call (code \(codeText)); it is skipped", at: SourceLocation(file: path))
            return nil
        }
        return payload
    }
}
