import Foundation
import Yams

/// The second half of loading: a file's bytes read, once, into the ``JSONTree`` that every
/// later stage works on, and the kind of file it is told from its top level.
///
/// JSON is read and checked in one pass; YAML is composed and converted (``YAMLToJSON``).
/// Syntax errors, empty files and excessive nesting are reported with a line and column, and
/// the file's ``SourceLocator`` is registered so that later stages' pointers get them too.
enum DocumentReader {
    /// What a file turned out to be.
    enum Outcome {
        /// An OpenAPI document of `version`.
        case document(JSONTree, OpenAPIVersion)
        /// Well-formed JSON or YAML without an `openapi` field: a part of a multi-file document
        /// when a document refers to it, a stray file otherwise (``reportNotADocument(_:diagnostics:)``).
        case fragment(JSONTree)
        /// Errors, reported.
        case failed
    }

    /// The major OpenAPI version of a document, which chooses its decoder.
    enum OpenAPIVersion: Sendable {
        case v30, v31
    }

    /// Reads `file` and tells what it is.
    static func read(_ file: SourceFile, diagnostics: DiagnosticCollector) -> Outcome {
        guard let tree = tree(of: file, diagnostics: diagnostics) else { return .failed }
        guard let members = tree.members else {
            let what = file.format == .json ? "JSON object" : "mapping"
            diagnostics.error(
                "not an OpenAPI document: the top level is not a \(what)", at: SourceLocation(file: file.path),
                hint: "an OpenAPI document is a \(what) with an `openapi` field")
            return .failed
        }
        /// A version's text; YAML's plain `3.1` is a number.
        func text(_ key: String) -> String? {
            members.first { $0.key == key }.map { $0.value.stringValue ?? String(decoding: $0.value.bytes, as: UTF8.self) }
        }
        let openapi = text("openapi")
        let swagger = text("swagger")
        if openapi == nil && swagger == nil { return .fragment(tree) }
        guard let version = checkVersion(openapi: openapi, swagger: swagger, in: file, diagnostics: diagnostics) else {
            return .failed
        }
        return .document(tree, version)
    }

    /// The tree of `file`: JSON as written, YAML converted; `nil` after reporting a problem.
    static func tree(of file: SourceFile, diagnostics: DiagnosticCollector) -> JSONTree? {
        switch file.format {
        case .json:
            diagnostics.register(JSONSourceLocator(bytes: file.bytes), for: file.path)
            return readJSON(file.bytes, file, diagnostics: diagnostics)
        case .yaml:
            return readYAML(file, diagnostics: diagnostics).map(YAMLToJSON.tree(of:))
        }
    }

    /// The error for an input that is neither an OpenAPI document nor a part of one.
    static func reportNotADocument(_ file: SourceFile, diagnostics: DiagnosticCollector) {
        diagnostics.error(
            "not an OpenAPI document: there is no `openapi` version field at the top level, and no document refers to this file",
            at: SourceLocation(file: file.path),
            hint: "OpenAPI documents start with `openapi: 3.1.0`; other JSON or YAML files do not belong in the input")
    }

    static let nestingMessage =
        "the document nests more than \(GeneratorLimits.documentNesting) levels deep here, more than this generator reads"
    static let nestingHint =
        "flatten the schema: give nested levels names under components/schemas and refer to them with $ref"

    private static func readJSON(_ bytes: [UInt8], _ file: SourceFile, diagnostics: DiagnosticCollector) -> JSONTree? {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            diagnostics.error(
                "the file is empty", at: SourceLocation(file: file.path),
                hint: "an OpenAPI document starts with `{\"openapi\": \"3.1.0\", …`")
            return nil
        }
        if let offset = firstInvalidUTF8(bytes) {
            reportInvalidUTF8(at: offset, in: bytes, file, diagnostics: diagnostics)
            return nil
        }
        do {
            var duplicates: [JSONTree.DuplicateKey] = []
            let tree = try JSONTree.parse(bytes, duplicates: &duplicates)
            let scanner = JSONScanner(bytes)
            for duplicate in duplicates {
                let (line, column) = scanner.position(of: duplicate.offset)
                diagnostics.warning(
                    "the name `\(duplicate.key)` is given again in this object; the last one is used, as JavaScript and most JSON readers do",
                    at: SourceLocation(file: file.path, line: line, column: column),
                    hint: "keep one member of each name: merge the two, or remove one")
            }
            return tree
        } catch {
            let (line, column) = JSONScanner(bytes).position(of: error.offset)
            let location = SourceLocation(file: file.path, line: line, column: column)
            if error.isNestingLimit {
                diagnostics.error(nestingMessage, at: location, hint: nestingHint)
            } else {
                diagnostics.error(
                    "malformed JSON: \(error.message)", at: location, hint: "fix the JSON syntax or download the document again")
            }
            return nil
        }
    }

    /// The offset of the first byte that is not part of a UTF-8 character; `nil` when the
    /// bytes are UTF-8 text.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func reportInvalidUTF8(
        at offset: Int, in bytes: [UInt8], _ file: SourceFile, diagnostics: DiagnosticCollector
    ) {
        let (line, column) = JSONScanner(bytes).position(of: offset)
        let byte = offset < bytes.count ? String(format: "0x%02X", bytes[offset]) : "the end"
        diagnostics.error(
            "the file is not UTF-8 text: the byte \(byte) here does not begin or continue a UTF-8 character",
            at: SourceLocation(file: file.path, line: line, column: column),
            hint: "save the document as UTF-8; one in another encoding (Latin-1, GBK, UTF-16 …) needs converting first")
    }

    private static func readYAML(_ file: SourceFile, diagnostics: DiagnosticCollector) -> Yams.Node? {
        let location = SourceLocation(file: file.path)
        guard let text = String(validating: file.bytes, as: UTF8.self) else {
            reportInvalidUTF8(at: firstInvalidUTF8(file.bytes) ?? 0, in: file.bytes, file, diagnostics: diagnostics)
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
            diagnostics.emit(diagnostic(for: error, in: file))
            return nil
        } catch {
            diagnostics.error("malformed YAML: \(error)", at: location)
            return nil
        }
        guard let node else {
            diagnostics.error("the file is empty", at: location, hint: "an OpenAPI document starts with `openapi: 3.1.0`")
            return nil
        }
        diagnostics.register(YAMLSourceLocator(text: text), for: file.path)
        if let (line, column) = excessiveNesting(in: node) {
            diagnostics.error(nestingMessage, at: SourceLocation(file: file.path, line: line, column: column), hint: nestingHint)
            return nil
        }
        return node
    }

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
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.sorted().map { "`\($0)`" }.joined(separator: ", ")
            return Diagnostic(
                .error, "malformed YAML: the mapping that starts here has \(names) more than once",
                at: SourceLocation(file: file.path, line: context.mark.line, column: context.mark.column),
                hint: "keep one key of each name, as YAML requires: merge them, or remove one")
        default:
            return Diagnostic(.error, "malformed YAML: \(error)", at: SourceLocation(file: file.path))
        }
    }

    private static func checkVersion(
        openapi: String?, swagger: String?, in file: SourceFile, diagnostics: DiagnosticCollector
    ) -> OpenAPIVersion? {
        if let swagger {
            diagnostics.error(
                "Swagger \(swagger) documents are not supported; this generator reads OpenAPI 3.0, 3.1 and 3.2",
                at: SourceLocation(file: file.path, pointer: "/swagger"),
                hint: "convert the document to OpenAPI 3 first, for example with swagger2openapi")
            return nil
        }
        guard let version = openapi else { return nil }
        if version.hasPrefix("3.0.") || version == "3.0" { return .v30 }
        if version.hasPrefix("3.1.") || version.hasPrefix("3.2.") || version == "3.1" || version == "3.2" { return .v31 }
        diagnostics.error(
            "unsupported OpenAPI version `\(version)`; this generator reads 3.0, 3.1 and 3.2",
            at: SourceLocation(file: file.path, pointer: "/openapi"),
            hint: "convert the document to OpenAPI 3.1")
        return nil
    }
}
