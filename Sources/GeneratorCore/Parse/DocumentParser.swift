import Foundation
import OpenAPIKit
import OpenAPIKit30
import OpenAPIKitCompat
import Yams

/// Decodes one source file into an OpenAPI document and validates it.
///
/// Every problem is reported with the file and the place: a line and column for syntax errors,
/// a JSON pointer (turned into a line where the text allows) for everything else.
public struct DocumentParser: Sendable {
    /// What became of one file.
    public enum Outcome: Sendable {
        /// An OpenAPI document, decoded and validated.
        case document(ParsedDocument)
        /// Well-formed JSON or YAML without an `openapi` field: a part of a multi-file document
        /// when another document refers to it, a stray file otherwise (``reportNotADocument(_:diagnostics:)``).
        case fragment
        /// Errors, reported to the collector; `parts` are the other files the document
        /// referred to, as far as they were read.
        case failed(parts: Set<String> = [])
    }

    /// Input files by path, so that a multi-file document's parts are read from them rather
    /// than from disk again; others are opened through `resolver`.
    let inputs: [String: SourceFile]
    let resolver: PathResolver
    /// Applied to each document before anything else reads it.
    let overlays: OverlaySet?

    public init(inputs: [SourceFile] = [], resolver: PathResolver = PathResolver(root: nil)) {
        self.init(inputs: inputs, resolver: resolver, overlays: nil)
    }

    init(inputs: [SourceFile], resolver: PathResolver, overlays: OverlaySet?) {
        self.inputs = Dictionary(inputs.map { (FilePaths.normalized($0.path), $0) }, uniquingKeysWith: { first, _ in first })
        self.resolver = resolver
        self.overlays = overlays
    }

    /// The parsed document, or `nil` when the file is not one or has errors (reported to
    /// `diagnostics`).
    public func parse(_ file: SourceFile, diagnostics: DiagnosticCollector) -> ParsedDocument? {
        switch parseFile(file, diagnostics: diagnostics) {
        case .document(let parsed): return parsed
        case .fragment:
            Self.reportNotADocument(file, diagnostics: diagnostics)
            return nil
        case .failed: return nil
        }
    }

    /// Reads `file`; a file without an `openapi` field is a ``Outcome/fragment``, reported by
    /// the caller unless a document used it.
    public func parseFile(_ file: SourceFile, diagnostics: DiagnosticCollector) -> Outcome {
        guard var json = Self.jsonText(of: file, diagnostics: diagnostics) else { return .failed() }
        guard let root = readRoot(file, json: json, diagnostics: diagnostics) else { return .failed() }
        if root.openapi == nil && root.swagger == nil { return .fragment }
        guard let version = checkVersion(root, in: file, diagnostics: diagnostics) else { return .failed() }
        if let overlaid = overlays?.apply(toDocumentAt: file.path, json: json) { json = overlaid }
        var structure = JSONScanner(json).structure()
        if !structure.booleanSchemas.isEmpty {
            json = Self.rewritingBooleanSchemas(structure.booleanSchemas, in: json, file: file, diagnostics: diagnostics)
        }
        var parts: Set<String> = []
        if structure.references.contains(where: { ReferenceBundler.needsBundling($0.target) }) {
            let store = FragmentStore(inputs: inputs, resolver: resolver, diagnostics: diagnostics)
            guard let tree = JSONTree(parsing: json),
                let bundled = ReferenceBundler(root: file.path, tree: tree, store: store, diagnostics: diagnostics).bundle()
            else { return .failed(parts: store.loadedPaths) }
            json = bundled.tree.bytes
            diagnostics.register(bundled.redirects, for: file.path)
            parts = store.loadedPaths
            if let error = JSONScanner(json).syntaxError(), error.isNestingLimit {
                diagnostics.error(
                    "with the files it refers to put in place, the document nests more than \(GeneratorLimits.documentNesting) levels deep",
                    at: SourceLocation(file: file.path), hint: Self.nestingHint)
                return .failed(parts: parts)
            }
            structure = JSONScanner(json).structure()
        }
        guard let document = decode(json, of: file, version: version, structure: structure, diagnostics: diagnostics)
        else { return .failed(parts: parts) }
        DocumentValidator(file: file.path, diagnostics: diagnostics).validate(document)
        return .document(
            ParsedDocument(
                source: file, document: document,
                references: structure.references.map { ParsedDocument.Reference(pointer: $0.pointer, target: $0.target) },
                propertyOrders: structure.propertyOrders, operationFlags: structure.operationFlags,
                pagingDescriptions: structure.pagingDescriptions,
                inferredSchemas: structure.inferredSchemas, parts: parts))
    }

    /// JSON Schema's boolean schemas as the objects OpenAPIKit reads: `true` (anything) as `{}`,
    /// `false` (nothing) as `{"not": {}}`, with a warning where `false` stands.
    static func rewritingBooleanSchemas(
        _ schemas: [(tokens: [String], value: Bool, range: Range<Int>)], in json: [UInt8], file: SourceFile,
        diagnostics: DiagnosticCollector
    ) -> [UInt8] {
        var bytes = json
        for schema in schemas.reversed() {
            bytes.replaceSubrange(schema.range, with: Array((schema.value ? "{}" : #"{"not": {}}"#).utf8))
            if !schema.value {
                diagnostics.warning(
                    "the schema `false` accepts no value; what stands here is generated as an untyped value that no valid response or request has",
                    at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(schema.tokens)),
                    hint: "remove the property or operation it describes, or give it the schema it has")
            }
        }
        return bytes
    }

    /// The error for an input that is neither an OpenAPI document nor a part of one.
    public static func reportNotADocument(_ file: SourceFile, diagnostics: DiagnosticCollector) {
        diagnostics.error(
            "not an OpenAPI document: there is no `openapi` version field at the top level, and no document refers to this file",
            at: SourceLocation(file: file.path),
            hint: "OpenAPI documents start with `openapi: 3.1.0`; other JSON or YAML files do not belong in the input")
    }

    /// The root's `openapi` and `swagger` fields, read before the full decode.
    private struct RootFields {
        var openapi: String?
        var swagger: String?
    }

    /// The JSON text of `file`: JSON as written, YAML converted. Syntax errors, empty files and
    /// excessive nesting are reported, located; the file's locator is registered.
    static func jsonText(of file: SourceFile, diagnostics: DiagnosticCollector) -> [UInt8]? {
        switch file.format {
        case .json:
            let bytes = [UInt8](file.data)
            diagnostics.register(JSONSourceLocator(bytes: bytes), for: file.path)
            return checkJSON(file, scanner: JSONScanner(bytes), diagnostics: diagnostics) ? bytes : nil
        case .yaml:
            return readYAML(file, diagnostics: diagnostics).map(YAMLToJSON.convert)
        }
    }

    private static func checkJSON(_ file: SourceFile, scanner: JSONScanner, diagnostics: DiagnosticCollector) -> Bool {
        if scanner.bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            diagnostics.error(
                "the file is empty", at: SourceLocation(file: file.path),
                hint: "an OpenAPI document starts with `{\"openapi\": \"3.1.0\", …`")
            return false
        }
        guard let error = scanner.syntaxError() else { return true }
        let (line, column) = scanner.position(of: error.offset)
        let location = SourceLocation(file: file.path, line: line, column: column)
        if error.isNestingLimit {
            diagnostics.error(Self.nestingMessage, at: location, hint: Self.nestingHint)
        } else {
            diagnostics.error(
                "malformed JSON: \(error.message)", at: location, hint: "fix the JSON syntax or download the document again")
        }
        return false
    }

    private func readRoot(_ file: SourceFile, json: [UInt8], diagnostics: DiagnosticCollector) -> RootFields? {
        let scanner = JSONScanner(json)
        var start = 0
        scanner.skipWhitespace(&start)
        guard let members = try? scanner.members(ofObjectAt: start) else {
            let what = file.format == .json ? "JSON object" : "mapping"
            diagnostics.error(
                "not an OpenAPI document: the top level is not a \(what)", at: SourceLocation(file: file.path),
                hint: "an OpenAPI document is a \(what) with an `openapi` field")
            return nil
        }
        /// A version's text; YAML's plain `3.1` is a number.
        func text(_ range: Range<Int>) -> String {
            scanner.stringValue(at: range) ?? String(decoding: json[range], as: UTF8.self)
        }
        var fields = RootFields()
        for member in members {
            if member.key == "openapi" { fields.openapi = text(member.valueRange) }
            if member.key == "swagger" { fields.swagger = text(member.valueRange) }
        }
        return fields
    }

    private static func readYAML(_ file: SourceFile, diagnostics: DiagnosticCollector) -> Yams.Node? {
        let location = SourceLocation(file: file.path)
        guard let text = String(data: file.data, encoding: .utf8) else {
            diagnostics.error("the file is not valid UTF-8 text", at: location, hint: "save the document as UTF-8")
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            diagnostics.error("the file is empty", at: location, hint: "an OpenAPI document starts with `openapi: 3.1.0`")
            return nil
        }
        let node: Yams.Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            diagnostics.emit(Self.diagnostic(for: error, in: file))
            return nil
        } catch {
            diagnostics.error("malformed YAML: \(error)", at: location)
            return nil
        }
        guard let node else {
            diagnostics.error("the file is empty", at: location, hint: "an OpenAPI document starts with `openapi: 3.1.0`")
            return nil
        }
        diagnostics.register(YAMLSourceLocator(root: node), for: file.path)
        if let (line, column) = Self.excessiveNesting(in: node) {
            diagnostics.error(
                Self.nestingMessage, at: SourceLocation(file: file.path, line: line, column: column), hint: Self.nestingHint)
            return nil
        }
        return node
    }

    static let nestingMessage =
        "the document nests more than \(GeneratorLimits.documentNesting) levels deep here, more than this generator reads"
    static let nestingHint =
        "flatten the schema: give nested levels names under components/schemas and refer to them with $ref"

    /// The first place where `node` nests deeper than ``GeneratorLimits/documentNesting``, as
    /// a 1-based line and column; without recursion, so that any depth is safe to check.
    static func excessiveNesting(in node: Yams.Node) -> (line: Int, column: Int)? {
        var stack: [(node: Yams.Node, depth: Int)] = [(node, 0)]
        while let (current, depth) = stack.popLast() {
            if depth > GeneratorLimits.documentNesting {
                return (current.mark.map { $0.line } ?? 1, current.mark.map { $0.column } ?? 1)
            }
            if let mapping = current.mapping {
                for value in mapping.values { stack.append((value, depth + 1)) }
            } else if let sequence = current.sequence {
                for element in sequence { stack.append((element, depth + 1)) }
            }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, in file: SourceFile) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _):
            let what = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
            return Diagnostic(
                .error, "malformed YAML: \(what)",
                at: SourceLocation(file: file.path, line: mark.line, column: mark.column),
                hint: "fix the YAML syntax")
        default:
            return Diagnostic(.error, "malformed YAML: \(error)", at: SourceLocation(file: file.path))
        }
    }

    private enum MajorVersion {
        case v30, v31
    }

    private func checkVersion(_ root: RootFields, in file: SourceFile, diagnostics: DiagnosticCollector) -> MajorVersion? {
        if let swagger = root.swagger {
            diagnostics.error(
                "Swagger \(swagger) documents are not supported; this generator reads OpenAPI 3.0, 3.1 and 3.2",
                at: SourceLocation(file: file.path, pointer: "/swagger"),
                hint: "convert the document to OpenAPI 3 first, for example with swagger2openapi")
            return nil
        }
        guard let version = root.openapi else { return nil }
        if version.hasPrefix("3.0.") || version == "3.0" { return .v30 }
        if version.hasPrefix("3.1.") || version.hasPrefix("3.2.") || version == "3.1" || version == "3.2" { return .v31 }
        diagnostics.error(
            "unsupported OpenAPI version `\(version)`; this generator reads 3.0, 3.1 and 3.2",
            at: SourceLocation(file: file.path, pointer: "/openapi"),
            hint: "convert the document to OpenAPI 3.1")
        return nil
    }

    /// Vendor extensions are not decoded: they cost most of the decoding time, and the generator
    /// reads the few it needs from the text (``DocumentStructure/operationFlags``).
    /// (OpenAPIKit and OpenAPIKit30 read the same key.)
    static let userInfo: [CodingUserInfoKey: any Sendable] = [
        OpenAPIKit.VendorExtensionsConfiguration.enabledKey: false
    ]

    private static func jsonDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.userInfo = userInfo
        return decoder
    }

    /// How many unreadable keywords one document may have dropped before decoding gives up.
    static let maximumIgnoredKeywords = 100
    /// How many places of a YAML document may have their plain scalars read as text.
    static let maximumQuotedScalars = 1_000

    /// Decodes the document's JSON text. A keyword that OpenAPIKit cannot read but that does not
    /// shape the generated code (``IgnorableKeywords``, such as `maximum: 9223372036854776000` on
    /// an integer, or a 3.0-style `exclusiveMinimum: true` in 3.1) is removed with a located
    /// warning, and decoding starts again; anything else is a located error.
    private func decode(
        _ json: [UInt8], of file: SourceFile, version: MajorVersion, structure: DocumentStructure,
        diagnostics: DiagnosticCollector
    ) -> OpenAPIKit.OpenAPI.Document? {
        var bytes = json
        var ignored = 0
        var quoted = 0
        /// Removes the member at `path` and warns at its place; `false` when there is none.
        func drop(_ path: [String], warning: String, at pointer: [String], hint: String) -> Bool {
            guard let repaired = JSONScanner(bytes).removingMember(at: path) else { return false }
            ignored += 1
            bytes = repaired
            diagnostics.warning(
                warning, at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(pointer)), hint: hint)
            return true
        }
        func ignore(_ keyword: [String], because reason: String) -> Bool {
            drop(
                keyword, warning: "`\(keyword.last!)` cannot be read and is ignored: \(reason)", at: keyword,
                hint: "it does not change the generated code; correct it so that other tools read it too")
        }
        // Removed from the end backwards, so that earlier paths stay valid.
        for (keyword, reason) in IgnorableKeywords.knownUnreadable(structure.numericLimits, openAPI31: version == .v31).reversed() {
            _ = ignore(keyword, because: reason)
        }
        while true {
            do {
                let data = Data(bytes)
                switch version {
                case .v31:
                    return try Self.jsonDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: data)
                case .v30:
                    return try Self.jsonDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: data).convert(to: .v3_1_1)
                }
            } catch {
                let openAPIError = OpenAPIKit.OpenAPI.Error(from: error)
                let path = openAPIError.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
                let message = openAPIError.localizedDescription
                let mayDropMore = ignored < Self.maximumIgnoredKeywords
                // YAML's plain `443` or `true` where OpenAPI wants text (a server variable's
                // `enum` and `default`, `version: 1.0`): its text, as YAML decoders read it.
                if file.format == .yaml, quoted < Self.maximumQuotedScalars, message.contains("parsable as String"),
                    let repaired = JSONScanner(bytes).quotingScalars(at: path)
                {
                    quoted += 1
                    bytes = repaired
                    continue
                }
                if mayDropMore, let keyword = IgnorableKeywords.culprit(path: path, message: message, in: JSONScanner(bytes)),
                    ignore(keyword, because: message)
                {
                    continue
                }
                // An operation that cannot be read is left out; the rest of the API is generated.
                if mayDropMore, path.count >= 3, path[0] == "paths", DocumentStructure.methods.contains(path[2]),
                    drop(
                        Array(path[0..<3]), warning: "\(path[2].uppercased()) \(path[1]) is left out: it cannot be read: \(message)",
                        at: path, hint: "the rest of the API is generated; correct the operation to include it")
                {
                    continue
                }
                diagnostics.error(
                    "invalid OpenAPI document: \(message)",
                    at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(path)),
                    hint: "correct the document so that it follows the OpenAPI specification")
                return nil
            }
        }
    }
}
