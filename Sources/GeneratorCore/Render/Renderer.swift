import Foundation

/// A file the generator produces, in memory.
public struct GeneratedFile: Sendable, Hashable {
    /// The path relative to the output directory, such as `DouyinXingtuAPI.swift` or `Models/Pet.swift`.
    public let path: String
    public let contents: String
    /// What the file was generated from (`the schema \`Pet\``) and where, for an error that
    /// names both sides of a clash; not part of the file's identity.
    public let origin: Origin?

    public struct Origin: Sendable, Hashable {
        public let description: String
        public let location: SourceLocation?
    }

    public init(path: String, contents: String, origin: Origin? = nil) {
        self.path = path
        self.contents = contents
        self.origin = origin
    }

    public static func == (lhs: GeneratedFile, rhs: GeneratedFile) -> Bool {
        lhs.path == rhs.path && lhs.contents == rhs.contents
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(path)
        hasher.combine(contents)
    }
}

/// Renders the model into Swift files with the templates: one file per namespace, one per
/// model, plus the servers and business codes.
public struct Renderer: Sendable {
    public let templates: TemplateSet
    /// The inputs as the user named them, for the files' headers.
    public let inputs: [String]

    public init(templates: TemplateSet, inputs: [String]) {
        self.templates = templates
        self.inputs = inputs
    }

    /// A template is missing (reported), so nothing can be rendered.
    struct MissingTemplate: Error {}

    /// How the generated code is split into files.
    public enum Layout: Sendable, Hashable {
        /// One file per namespace and one per model: the layout to commit, where a change to
        /// one namespace recompiles one file.
        case namespaces
        /// File names that follow from the input files' paths alone, as a SwiftPM build plugin
        /// must declare them before the generator runs: `Documents/<path>.swift` for each input
        /// file (its operations, or nothing), and `Namespaces.swift`, `Models.swift`,
        /// `Servers.swift` and `BusinessCodes.swift` always.
        case documents
    }

    /// The file of an input document in the ``Layout/documents`` layout (``DocumentsLayout``,
    /// which the build plugin compiles too).
    public static func documentFileName(_ relativePath: String) -> String {
        DocumentsLayout.fileName(forDocumentAt: relativePath)
    }

    /// `documentPaths` are the input files, as loaded: in the ``Layout/documents`` layout each
    /// gets a file, named from its path relative to the input it was found under.
    public func render(
        _ model: APIModel, layout: Layout = .namespaces, documentPaths: [String] = [], diagnostics: DiagnosticCollector
    ) -> [GeneratedFile]? {
        switch layout {
        case .namespaces: renderByNamespace(model, diagnostics: diagnostics)
        case .documents: renderByDocument(model, documentPaths: documentPaths, diagnostics: diagnostics)
        }
    }

    private func renderByNamespace(_ model: APIModel, diagnostics: DiagnosticCollector) -> [GeneratedFile]? {
        // Each file is rendered on its own, so the files render on all cores.
        var jobs: [@Sendable () throws -> [GeneratedFile]] = []
        for namespace in model.namespaces {
            jobs.append {
                let sources = Array(Set(namespace.operations.map(\.sourceFile))).sorted()
                let operations = try namespace.operations.map { try operationCode($0, diagnostics) }
                let origin = GeneratedFile.Origin(
                    description: "the namespace `\(namespace.propertyName)`",
                    location: sources.first.map { SourceLocation(file: $0) })
                let split = NamespaceFiles(
                    fileName: namespace.fileName, requestCodeSizes: operations.map(\.requestCode.utf8.count))
                let context = NamespaceFileContext(
                    header: header(sources),
                    declaration: NamespaceDeclarationContext(
                        namespace, sharedTypesCode: try nestedCode(namespace.sharedTypes, diagnostics)),
                    operations: operations, requestsInOwnFiles: split.requestFiles.count > 0)
                var files = [
                    GeneratedFile(
                        path: namespace.fileName, contents: try render(.namespaceFile, context, diagnostics), origin: origin)
                ]
                for requestFile in split.requestFiles {
                    let context = NamespaceRequestsFileContext(
                        header: header(sources),
                        requests: operations[requestFile.operations].map {
                            NamespaceRequestContext(namespaceTypeName: namespace.typeName, requestCode: $0.requestCode)
                        })
                    files.append(
                        GeneratedFile(
                            path: requestFile.path, contents: try render(.namespaceRequestsFile, context, diagnostics),
                            origin: origin))
                }
                return files
            }
        }
        for declaration in model.models {
            jobs.append {
                let sources = declaration.sourceFile.map { [$0] } ?? []
                let context = ModelFileContext(header: header(sources), code: try declarationCode(declaration, diagnostics))
                return [GeneratedFile(
                    path: "Models/" + (declaration.fileName ?? GeneratedFileNames.swiftFile(declaration.name)),
                    contents: try render(.modelFile, context, diagnostics),
                    origin: .init(
                        description: declaration.componentKey.map { "the schema `\($0)`" } ?? "the type `\(declaration.name)`",
                        location: declaration.sourceLocation ?? declaration.sourceFile.map { SourceLocation(file: $0) }))]
            }
        }
        if !model.servers.isEmpty {
            jobs.append { [try serversFile(model, diagnostics)] }
        }
        if model.envelope != nil {
            jobs.append { [try businessCodesFile(model, diagnostics)] }
        }
        return run(jobs, diagnostics: diagnostics)
    }

    private func renderByDocument(_ model: APIModel, documentPaths: [String], diagnostics: DiagnosticCollector) -> [GeneratedFile]? {
        var jobs: [@Sendable () throws -> [GeneratedFile]] = []
        let operations = Dictionary(
            grouping: model.namespaces.flatMap { namespace in namespace.operations.map { (namespace: namespace, operation: $0) } },
            by: \.operation.sourceFile)
        for path in documentPaths {
            let own = operations[path] ?? []
            jobs.append {
                let rendered = try own.map { own in
                    let code = try operationCode(own.operation, diagnostics)
                    return DocumentOperationContext(
                        namespaceTypeName: own.namespace.typeName, methodCode: code.methodCode, requestCode: code.requestCode)
                }
                let context = DocumentFileContext(header: header([path]), operations: rendered)
                return [
                    GeneratedFile(
                        path: Self.documentFileName(relativeToInputs(path)),
                        contents: try render(.documentFile, context, diagnostics),
                        origin: .init(description: "the input `\(path)`", location: SourceLocation(file: path)))
                ]
            }
        }
        jobs.append {
            let namespaces = try model.namespaces.map { namespace in
                NamespaceDeclarationContext(namespace, sharedTypesCode: try nestedCode(namespace.sharedTypes, diagnostics))
            }
            let context = NamespacesFileContext(header: header([]), namespaces: namespaces)
            return [GeneratedFile(path: "Namespaces.swift", contents: try render(.namespacesFile, context, diagnostics))]
        }
        jobs.append {
            let models = try model.models.map { CodeContext(code: try declarationCode($0, diagnostics)) }
            let context = ModelsFileContext(header: header(Array(Set(model.models.compactMap(\.sourceFile))).sorted()), models: models)
            return [GeneratedFile(path: "Models.swift", contents: try render(.modelsFile, context, diagnostics))]
        }
        // Declared by the build plugin whatever the documents hold: written with the header
        // alone when there is nothing to put in them.
        jobs.append { [try serversFile(model, diagnostics)] }
        jobs.append { [try businessCodesFile(model, diagnostics)] }
        return run(jobs, diagnostics: diagnostics)
    }

    /// An operation's method and request type, each indented to sit in a namespace extension.
    private func operationCode(
        _ operation: OperationModel, _ diagnostics: DiagnosticCollector
    ) throws -> (methodCode: String, requestCode: String) {
        let context = OperationContext(operation, nestedTypesCode: try nestedCode(operation.nestedTypes, diagnostics))
        return (
            methodCode: Self.indent(try render(.operationMethod, context, diagnostics), by: 1),
            requestCode: Self.indent(try render(.requestType, context, diagnostics), by: 1))
    }

    /// `Servers.swift`; the header alone when the documents name no servers.
    private func serversFile(_ model: APIModel, _ diagnostics: DiagnosticCollector) throws -> GeneratedFile {
        let text =
            model.servers.isEmpty
            ? try render(.header, header([]), diagnostics)
            : try render(.serversFile, ServersFileContext(model, header: header([])), diagnostics)
        return GeneratedFile(path: "Servers.swift", contents: text)
    }

    /// `BusinessCodes.swift`; the header alone without an envelope.
    private func businessCodesFile(_ model: APIModel, _ diagnostics: DiagnosticCollector) throws -> GeneratedFile {
        let text =
            try model.envelope.map { try render(.businessCodesFile, BusinessCodesFileContext($0, header: header([])), diagnostics) }
            ?? render(.header, header([]), diagnostics)
        return GeneratedFile(path: "BusinessCodes.swift", contents: text)
    }

    /// Runs the rendering jobs on all cores; the files sorted by path, or `nil` on errors.
    private func run(_ work: [@Sendable () throws -> [GeneratedFile]], diagnostics: DiagnosticCollector) -> [GeneratedFile]? {
        let results = ParallelResults<[GeneratedFile]>(count: work.count)
        let failed = ParallelResults<Bool>(count: work.count)
        LargeStack.concurrentPerform(iterations: work.count) { index in
            do {
                results[index] = try work[index]()
            } catch {
                failed[index] = true
            }
        }
        guard failed.values.isEmpty else { return nil }
        let files = results.values.flatMap { $0 }.sorted { $0.path < $1.path }
        var byFoldedPath: [String: GeneratedFile] = [:]
        var clashes = false
        for file in files {
            guard let other = byFoldedPath[file.path.lowercased()] else {
                byFoldedPath[file.path.lowercased()] = file
                continue
            }
            clashes = true
            func side(_ file: GeneratedFile) -> String {
                guard let origin = file.origin else { return "`\(file.path)`" }
                return "`\(file.path)` (from \(origin.description)"
                    + (origin.location.map { " at \(diagnostics.resolved($0))" } ?? "") + ")"
            }
            diagnostics.error(
                "the generated files \(side(other)) and \(side(file)) would be one file on a case-insensitive file system (macOS and Windows by default)",
                at: file.origin?.location ?? other.origin?.location,
                hint: "rename one of them: a schema with an overlay, an input file on disk")
        }
        return clashes ? nil : files
    }

    private func render<Context>(
        _ template: RenderedTemplate<Context>, _ context: Context, _ diagnostics: DiagnosticCollector
    ) throws -> String {
        guard let text = templates.render(context, template: template) else {
            diagnostics.error(
                "the template `\(template.name)` is missing", hint: "restore it in the templates directory, or remove the override")
            throw MissingTemplate()
        }
        return Self.tidy(text)
    }

    /// A declaration with its nested declarations inside, each level indented one step more.
    private func declarationCode(_ declaration: TypeDeclaration, _ diagnostics: DiagnosticCollector) throws -> String {
        let nested: [TypeDeclaration]
        switch declaration.kind {
        case .structure(let structure): nested = structure.nestedTypes
        case .oneOf(let oneOf): nested = oneOf.nestedTypes
        case .valueEnum, .alias, .inferredModel: nested = []
        }
        let base = DeclarationContext(declaration, nestedTypesCode: try nestedCode(nested, diagnostics))
        switch declaration.kind {
        case .structure(let structure): return try render(.structure, StructureContext(base, structure), diagnostics)
        case .valueEnum(let valueEnum): return try render(.valueEnum, ValueEnumContext(base, valueEnum), diagnostics)
        case .oneOf(let oneOf): return try render(.oneOf, OneOfContext(base, oneOf), diagnostics)
        case .alias(let target): return try render(.alias, AliasContext(declaration: base, target: target.code), diagnostics)
        case .inferredModel(let model): return try render(.inferredModel, InferredModelContext(base, model), diagnostics)
        }
    }

    /// `declarations` rendered and indented one level, to be placed inside a type.
    private func nestedCode(_ declarations: [TypeDeclaration], _ diagnostics: DiagnosticCollector) throws -> [String] {
        try declarations.map { Self.indent(try declarationCode($0, diagnostics), by: 1) }
    }

    /// `code` with every non-empty line indented by `levels` × 4 spaces, without its final newline.
    /// Copies a line at a time (`memchr`, `memcpy`: as fast in the debug build that `swift run`
    /// and the build plugin use as in release; a rendered namespace is hundreds of kilobytes).
    static func indent(_ code: String, by levels: Int) -> String {
        var code = code
        return code.withUTF8 { bytes in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return "" }
            let end = base + bytes.count
            let width = levels * 4
            var lines = 1
            var cursor = base
            while let newline = Self.nextNewline(from: cursor, to: end) {
                lines += 1
                cursor = newline + 1
            }
            return String(unsafeUninitializedCapacity: bytes.count + lines * width) { buffer in
                let output = buffer.baseAddress!
                var written = 0
                var start = base
                while start < end {
                    let newline = Self.nextNewline(from: start, to: end) ?? end
                    if newline > start {
                        memset(output + written, Int32(UInt8(ascii: " ")), width)
                        written += width
                        memcpy(output + written, start, newline - start)
                        written += newline - start
                    }
                    if newline < end {
                        output[written] = UInt8(ascii: "\n")
                        written += 1
                    }
                    start = newline + 1
                }
                if written > 0, output[written - 1] == UInt8(ascii: "\n") { written -= 1 }
                return written
            }
        }
    }

    /// The first newline at or after `start`, before `end`.
    private static func nextNewline(from start: UnsafePointer<UInt8>, to end: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        guard start < end, let found = memchr(start, Int32(UInt8(ascii: "\n")), end - start) else { return nil }
        return UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
    }

    private func header(_ sourceFiles: [String]) -> HeaderContext {
        HeaderContext(
            inputs: inputs.sorted().joined(separator: ", "),
            sourceFiles: sourceFiles.map(relativeToInputs))
    }

    /// `path` without the input directory it is under, so headers stay short.
    private func relativeToInputs(_ path: String) -> String {
        for input in inputs {
            let prefix = input.hasSuffix("/") ? input : input + "/"
            if path.hasPrefix(prefix) { return String(path.dropFirst(prefix.count)) }
        }
        return (path as NSString).lastPathComponent
    }

    /// Trailing spaces removed, runs of blank lines collapsed, one newline at the end. Works on
    /// the text's bytes a line at a time, as ``indent(_:by:)`` does.
    static func tidy(_ text: String) -> String {
        var text = text
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: bytes.count + 1) { buffer in
                let output = buffer.baseAddress!
                let newline = UInt8(ascii: "\n")
                var written = 0
                var previousBlank = true  // drops blank lines at the start
                if let base = bytes.baseAddress {
                    let end = base + bytes.count
                    var start = base
                    // Each line, the part after the last newline included (empty when the text
                    // ends with one, as a blank line).
                    while start <= end {
                        let lineEnd = Self.nextNewline(from: start, to: end) ?? end
                        var trimmed = lineEnd
                        while trimmed > start, trimmed[-1] == UInt8(ascii: " ") { trimmed -= 1 }
                        if trimmed == start {
                            if !previousBlank {
                                output[written] = newline
                                written += 1
                            }
                            previousBlank = true
                        } else {
                            memcpy(output + written, start, trimmed - start)
                            written += trimmed - start
                            output[written] = newline
                            written += 1
                            previousBlank = false
                        }
                        start = lineEnd + 1
                    }
                }
                while written >= 2, output[written - 1] == newline, output[written - 2] == newline { written -= 1 }
                if written == 0 || output[written - 1] != newline {
                    output[written] = newline
                    written += 1
                }
                return written
            }
        }
    }
}
