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
        guard let (model, config) = pipeline.modelAndConfiguration(diagnostics: diagnostics) else { return nil }
        let resolver = PathResolver(root: pipelineOptions.rootDirectory)
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
        var pagingActions: [JSONTree] = []
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
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(name).path)) ?? []
            let files = names.filter { $0.lowercased().hasSuffix(".json") && !$0.hasSuffix(Self.requestSuffix) }
                .sorted(by: Self.sampleOrder)
            var pagingSamples: [PagingProposal.Sample] = []
            for file in files {
                let path = folder + "/" + file
                if let payload = read(path, resolver: resolver, envelope: config.envelope, diagnostics: diagnostics) {
                    shape.add(payload)
                    let record = String(path.dropLast(".json".count)) + Self.requestSuffix
                    pagingSamples.append(PagingProposal.Sample(payload: payload, parameters: parameters(record, resolver: resolver)))
                }
            }
            if let paging = operation.paging,
                let action = PagingProposal(
                    operationID: name, path: operation.pathTemplate, httpMethod: operation.httpMethod, paging: paging,
                    samples: pagingSamples, dataKey: config.envelope.map { $0.dataKey ?? "data" }
                ).action()
            {
                pagingActions.append(action)
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
        let envelope = config.envelope.map { InferredOverlay.Envelope(schema: $0.schema, dataKey: $0.dataKey ?? "data") }
        var builder = InferredOverlay(envelope: envelope, takenNames: Set(model.models.map(\.name)))
        var overlay = builder.overlay(for: sampled)
        if !pagingActions.isEmpty, case .object(var members) = overlay,
            let index = members.firstIndex(where: { $0.key == "actions" }), case .array(let actions) = members[index].value
        {
            members[index].value = .array(actions + pagingActions)
            overlay = .object(members)
        }
        return YAMLWriter.text(of: overlay)
    }

    /// The request record beside a sample (the recorder's `N.request.json`).
    static let requestSuffix = ".request.json"

    /// Samples by their number (`2.json` before `10.json`), then other names.
    static func sampleOrder(_ lhs: String, _ rhs: String) -> Bool {
        switch (Int(lhs.dropLast(5)), Int(rhs.dropLast(5))) {
        case let (left?, right?): left < right
        case (.some, nil): true
        case (nil, .some): false
        case (nil, nil): lhs < rhs
        }
    }

    /// The query and form parameters a request record holds, or `nil` without one.
    private func parameters(_ path: String, resolver: PathResolver) -> [String: String]? {
        guard let data = FileManager.default.contents(atPath: resolver.resolve(path)),
            let tree = JSONTree(parsing: [UInt8](data))
        else { return nil }
        var parameters: [String: String] = [:]
        for place in ["form", "query"] {
            for member in tree[place]?.members ?? [] {
                if let value = member.value.stringValue { parameters[member.key] = value }
            }
        }
        return parameters
    }

    /// One sample's payload: an envelope's data (when the code is a success), or the whole body.
    private func read(
        _ path: String, resolver: PathResolver, envelope: GeneratorConfig.Envelope?, diagnostics: DiagnosticCollector
    ) -> JSONTree? {
        guard let data = FileManager.default.contents(atPath: resolver.resolve(path)) else {
            diagnostics.warning("cannot read the sample; it is skipped", at: SourceLocation(file: path))
            return nil
        }
        let bytes = [UInt8](data)
        let tree: JSONTree
        do {
            tree = try JSONTree.parse(bytes, nestingLimit: GeneratorLimits.sampleNesting)
        } catch {
            let (line, column) = JSONScanner(bytes).position(of: error.offset)
            diagnostics.warning(
                "the sample is not JSON (\(error.message)); it is skipped",
                at: SourceLocation(file: path, line: line, column: column), hint: "save the response body as it was received")
            return nil
        }
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
