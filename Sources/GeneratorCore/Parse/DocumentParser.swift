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
    public init() {}

    /// The parsed document, or `nil` when the file has errors (reported to `diagnostics`).
    public func parse(_ file: SourceFile, diagnostics: DiagnosticCollector) -> ParsedDocument? {
        let root: RootFields
        let structure: DocumentStructure
        switch file.format {
        case .json:
            let bytes = [UInt8](file.data)
            let scanner = JSONScanner(bytes)
            diagnostics.register(JSONSourceLocator(bytes: bytes), for: file.path)
            guard let fields = readJSONRoot(file, scanner: scanner, diagnostics: diagnostics) else { return nil }
            root = fields
            structure = scanner.structure()
        case .yaml:
            guard let (fields, node) = readYAMLRoot(file, diagnostics: diagnostics) else { return nil }
            root = fields
            structure = Self.structure(of: node)
        }
        guard let version = checkVersion(root, in: file, diagnostics: diagnostics) else { return nil }
        guard let document = decode(file, version: version, diagnostics: diagnostics) else { return nil }
        DocumentValidator(file: file.path, diagnostics: diagnostics).validate(document)
        return ParsedDocument(
            source: file, document: document,
            references: structure.references.map { ParsedDocument.Reference(pointer: $0.pointer, target: $0.target) },
            propertyOrders: structure.propertyOrders, operationFlags: structure.operationFlags)
    }

    /// The root's `openapi` and `swagger` fields, read before the full decode.
    private struct RootFields {
        var openapi: String?
        var swagger: String?
    }

    private func readJSONRoot(_ file: SourceFile, scanner: JSONScanner, diagnostics: DiagnosticCollector) -> RootFields? {
        let location = SourceLocation(file: file.path)
        if scanner.bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            diagnostics.error("the file is empty", at: location, hint: "an OpenAPI document starts with `{\"openapi\": \"3.1.0\", …`")
            return nil
        }
        if let error = scanner.syntaxError() {
            let (line, column) = scanner.position(of: error.offset)
            diagnostics.error(
                "malformed JSON: \(error.message)",
                at: SourceLocation(file: file.path, line: line, column: column),
                hint: "fix the JSON syntax or download the document again")
            return nil
        }
        var start = 0
        scanner.skipWhitespace(&start)
        guard let members = try? scanner.members(ofObjectAt: start) else {
            diagnostics.error(
                "not an OpenAPI document: the top level is not a JSON object", at: location,
                hint: "an OpenAPI document is an object with an `openapi` field")
            return nil
        }
        var fields = RootFields()
        for member in members {
            if member.key == "openapi" { fields.openapi = scanner.stringValue(at: member.valueRange) ?? "" }
            if member.key == "swagger" { fields.swagger = scanner.stringValue(at: member.valueRange) ?? "" }
        }
        return fields
    }

    private func readYAMLRoot(_ file: SourceFile, diagnostics: DiagnosticCollector) -> (RootFields, Yams.Node)? {
        let location = SourceLocation(file: file.path)
        guard let text = String(data: file.data, encoding: .utf8) else {
            diagnostics.error("the file is not valid UTF-8 text", at: location, hint: "save the document as UTF-8")
            return nil
        }
        diagnostics.register(YAMLSourceLocator(text: text), for: file.path)
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
        guard let node, let mapping = node.mapping else {
            diagnostics.error(
                "not an OpenAPI document: the top level is not a mapping", at: location,
                hint: "an OpenAPI document is a mapping with an `openapi` field")
            return nil
        }
        return (RootFields(openapi: mapping["openapi"]?.string, swagger: mapping["swagger"]?.string), node)
    }

    /// What the generator needs from a YAML document's text; see ``JSONScanner/structure()``.
    static func structure(of node: Yams.Node) -> DocumentStructure {
        var result = DocumentStructure()
        func visit(_ node: Yams.Node, tokens: [String]) {
            if let mapping = node.mapping {
                let operation = DocumentStructure.operationKey(at: tokens)
                if DocumentStructure.isPropertyMap(at: tokens) { result.propertyOrders.append(mapping.compactMap { $0.key.string }) }
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    if name == "$ref", let target = value.string {
                        result.references.append((JSONPointer.pointer(tokens), target))
                    } else if let operation, name.hasPrefix("x-") {
                        if value.bool == true { result.operationFlags[operation, default: []].insert(name) }
                    } else {
                        visit(value, tokens: tokens + [name])
                    }
                }
            } else if let sequence = node.sequence {
                for (index, element) in sequence.enumerated() { visit(element, tokens: tokens + [String(index)]) }
            }
        }
        visit(node, tokens: [])
        return result
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
        guard let version = root.openapi else {
            diagnostics.error(
                "not an OpenAPI document: there is no `openapi` version field at the top level",
                at: SourceLocation(file: file.path),
                hint: "OpenAPI documents start with `\"openapi\": \"3.1.0\"`; other JSON or YAML files do not belong in the input")
            return nil
        }
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

    private func decode(_ file: SourceFile, version: MajorVersion, diagnostics: DiagnosticCollector) -> OpenAPIKit.OpenAPI.Document? {
        do {
            switch (version, file.format) {
            case (.v31, .json):
                return try Self.jsonDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: file.data)
            case (.v31, .yaml):
                return try YAMLDecoder().decode(OpenAPIKit.OpenAPI.Document.self, from: file.data, userInfo: Self.userInfo)
            case (.v30, .json):
                return try Self.jsonDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: file.data)
                    .convert(to: .v3_1_1)
            case (.v30, .yaml):
                return try YAMLDecoder().decode(OpenAPIKit30.OpenAPI.Document.self, from: file.data, userInfo: Self.userInfo)
                    .convert(to: .v3_1_1)
            }
        } catch {
            let openAPIError = OpenAPIKit.OpenAPI.Error(from: error)
            diagnostics.error(
                "invalid OpenAPI document: \(openAPIError.localizedDescription)",
                at: SourceLocation(file: file.path, pointer: JSONPointer.pointer(openAPIError.codingPath)),
                hint: "correct the document so that it follows the OpenAPI specification")
            return nil
        }
    }
}
