import Foundation
import OpenAPIKit

/// Checks what the generator relies on that decoding does not guarantee, and reports each
/// finding at its place in the file:
///
/// - a schema's `default` that is not one of its own `enum` values (a warning: the published
///   Just One API catalog has ten, such as `range` defaulting to `"90"` with values `DAY_30`
///   and `DAY_90`; the generated code then sends no value, so that the server applies its own
///   default);
/// - a schema's `default` of another JSON type than the schema's (`"true"` for a boolean: a
///   warning; Cloudflare's and Xero's documents have dozens); a parameter's such default is
///   documented as the server's, and not sent;
/// - parameters declared twice in one operation or path item;
/// - path template parameters (`{id}`) without a declaration, and path parameters that are
///   not in the template;
/// - server URL variables without a definition, and server variable defaults outside their enum.
///
/// It walks the decoded document directly. OpenAPIKit's `validate()` checks more, but does it
/// by encoding the whole document and casting every value once per validation, which took half
/// the generator's time on the published catalog; references are checked against all documents
/// merged (``SpecIndex``), and operation IDs across all documents.
///
/// A document with many paths is checked on all cores, its paths in runs side by side; the
/// findings are the same (the collector sorts them by place).
struct DocumentValidator {
    let file: String
    let diagnostics: DiagnosticCollector

    /// Documents with fewer paths than this per run are checked on one thread: a run's thread
    /// would cost more than it saves.
    static let minimumPathsPerRun = 48

    func validate(_ document: OpenAPI.Document, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let count = document.paths.count
        let runs = cores > 1 ? min(2 * cores, count / Self.minimumPathsPerRun) : 1
        guard runs > 1 else {
            checkComponentsAndServers(document)
            checkPaths(document, 0..<count)
            return
        }
        let shared = ReadOnlyShared(value: document)
        // Run 0 also checks the components and servers.
        LargeStack.concurrentPerform(iterations: runs) { [self] run in
            if run == 0 { checkComponentsAndServers(shared.value) }
            checkPaths(shared.value, (count * run / runs)..<(count * (run + 1) / runs))
        }
    }

    private func checkComponentsAndServers(_ document: OpenAPI.Document) {
        for (key, schema) in document.components.schemas {
            checkSchema(schema, at: ["components", "schemas", key.rawValue])
        }
        for (key, either) in document.components.parameters {
            if case .b(let parameter) = either { checkParameterSchema(parameter, at: ["components", "parameters", key.rawValue]) }
        }
        for (key, either) in document.components.requestBodies {
            if case .b(let body) = either { checkContent(body.content, at: ["components", "requestBodies", key.rawValue, "content"]) }
        }
        for (index, server) in document.servers.enumerated() {
            checkServer(server, at: ["servers", String(index)])
        }
    }

    /// Checks the path items at `positions` in the document's `paths`.
    private func checkPaths(_ document: OpenAPI.Document, _ positions: Range<Int>) {
        for position in positions {
            let (path, item) = document.paths[position]
            guard case .b(let pathItem) = item else { continue }
            let itemTokens = ["paths", path.rawValue]
            let shared = declared(pathItem.parameters, at: itemTokens + ["parameters"], in: document)
            for endpoint in pathItem.endpoints {
                let operationTokens = itemTokens + [endpoint.method.rawValue.lowercased()]
                let own = declared(endpoint.operation.parameters, at: operationTokens + ["parameters"], in: document)
                if let shared, let own {
                    checkPathParameters(path.rawValue, declared: shared.merging(own) { _, new in new }, at: operationTokens)
                }
                if case .b(let body)? = endpoint.operation.requestBody {
                    checkContent(body.content, at: operationTokens + ["requestBody", "content"])
                }
                for (status, response) in endpoint.operation.responses {
                    if case .b(let response) = response {
                        checkContent(response.content, at: operationTokens + ["responses", status.rawValue, "content"])
                    }
                }
            }
        }
    }

    // MARK: Parameters

    /// The parameters declared (place and name → whether it is a path parameter), reporting
    /// duplicates and checking the schemas of those declared inline; `nil` when one is a
    /// reference this document cannot resolve (another document may define it).
    private func declared(_ parameters: OpenAPI.Parameter.Array, at tokens: [String], in document: OpenAPI.Document) -> [String: Bool]? {
        var seen: [String: Bool] = [:]
        var complete = true
        for (index, either) in parameters.enumerated() {
            let parameter: OpenAPI.Parameter
            switch either {
            case .b(let inline):
                parameter = inline
                checkParameterSchema(parameter, at: tokens + [String(index)])
            case .a(let reference):
                guard let key = ComponentReference.key(of: reference.jsonReference, kind: "parameters"),
                    let component = OpenAPI.ComponentKey(rawValue: key).flatMap({ document.components.parameters[$0] })
                        ?? document.components.parameters.first(where: { $0.key.rawValue == key })?.value,
                    case .b(let resolved) = component
                else {
                    complete = false
                    continue
                }
                parameter = resolved
            }
            let key = "\(parameter.location.rawValue) \(parameter.name)"
            if seen[key] != nil {
                error(
                    "the \(parameter.location.rawValue) parameter `\(parameter.name)` is declared twice",
                    at: tokens + [String(index)], hint: "declare each parameter once")
            }
            seen[key] = parameter.location == .path
        }
        return complete ? seen : nil
    }

    private func checkPathParameters(_ path: String, declared: [String: Bool], at tokens: [String]) {
        let inTemplate = Set(PathTemplate.parameterNames(path))
        let declaredPath = Set(declared.filter(\.value).keys.map { String($0.dropFirst("path ".count)) })
        // Invalid, but common in large public documents: what is meant is plain, so the
        // operation is generated with a warning rather than the whole document refused.
        for name in inTemplate.subtracting(declaredPath).sorted() {
            diagnostics.warning(
                "the path has `{\(name)}`, but the operation declares no path parameter `\(name)`; it is generated as a required `String` parameter",
                at: SourceLocation(file: file, pointer: JSONPointer.pointer(tokens)),
                hint: "add `{name: \(name), in: path, required: true, schema: {type: string}}` to its parameters")
        }
        for name in declaredPath.subtracting(inTemplate).sorted() {
            diagnostics.warning(
                "the path parameter `\(name)` does not appear in the path `\(path)`; it is left out",
                at: SourceLocation(file: file, pointer: JSONPointer.pointer(tokens)),
                hint: "put `{\(name)}` in the path, or make it a query parameter")
        }
    }

    private func checkParameterSchema(_ parameter: OpenAPI.Parameter, at tokens: [String]) {
        switch parameter.schemaOrContent {
        case .a(let context):
            if case .b(let schema) = context.schema { checkSchema(schema, at: tokens + ["schema"]) }
        case .b(let content):
            checkContent(content, at: tokens + ["content"])
        }
    }

    private func checkContent(_ content: OpenAPI.Content.Map, at tokens: [String]) {
        for (type, either) in content {
            if case .b(let media) = either, let schema = media.schema {
                checkSchema(schema, at: tokens + [type.rawValue, "schema"])
            }
        }
    }

    // MARK: Schemas

    private func checkSchema(_ schema: JSONSchema, at tokens: [String]) {
        var path = tokens
        checkSchema(schema, path: &path)
    }

    /// What JSON type a value is, for a message ("a string", "a number" …).
    static func jsonKind(of value: AnyCodable) -> String {
        switch value.value {
        case is String: "a string"
        case is Bool: "a boolean"
        case is Int, is Double, is Float, is Int64: "a number"
        case is [Any]: "an array"
        case is [String: Any]: "an object"
        default: "null"
        }
    }

    /// The JSON type `schema` says its values have ("an integer" …), when `value` is not of it;
    /// `nil` when it is, or when the schema names no single type. An integral number is an
    /// integer (`1.0`); an integer is a number; `null` is left to nullability.
    static func mismatchedKind(of value: AnyCodable, for schema: JSONSchema) -> String? {
        let kind = jsonKind(of: value)
        guard kind != "null" else { return nil }
        switch schema.value {
        case .string: return kind == "a string" ? nil : "a string"
        case .boolean: return kind == "a boolean" ? nil : "a boolean"
        case .number: return kind == "a number" ? nil : "a number"
        case .integer:
            switch value.value {
            case is Int, is Int64: return nil
            case let number as Double: return number.rounded() == number ? nil : "an integer"
            default: return "an integer"
            }
        case .array: return kind == "an array" ? nil : "an array"
        case .object: return kind == "an object" ? nil : "an object"
        default: return nil
        }
    }

    /// The default written as the schema's type, when its text reads as one: `"true"` → `true`,
    /// `"12"` → `12`.
    static func rewritten(_ value: AnyCodable, for schema: JSONSchema) -> String? {
        guard let text = value.value as? String else { return nil }
        switch schema.value {
        case .boolean: return Bool(text).map(String.init)
        case .integer: return Int(text).map(String.init)
        case .number: return Double(text) != nil ? text : nil
        default: return nil
        }
    }

    /// Checks `schema` and the schemas inside it; `path` is extended and restored in place, so
    /// that no pointer is built unless there is something to report.
    private func checkSchema(_ schema: JSONSchema, path: inout [String]) {
        if let allowed = schema.allowedValues, let defaultValue = schema.defaultValue, !allowed.contains(defaultValue) {
            let values = allowed.map { "`\($0.description)`" }.joined(separator: ", ")
            // `"0"` against the integers 0 and 1: the same text, another JSON type.
            let sameText = allowed.first { $0.description == defaultValue.description }
            let why =
                sameText.map {
                    " (it is \(Self.jsonKind(of: defaultValue)) and the value `\($0.description)` is \(Self.jsonKind(of: $0)): "
                        + "write the default as that value)"
                } ?? ""
            diagnostics.warning(
                "the default `\(defaultValue.description)` is not one of the enum values \(values)\(why); "
                    + "the generated code sends no value by default, so that the server applies its own default",
                at: SourceLocation(file: file, pointer: JSONPointer.pointer(path + ["default"])))
        }
        if schema.allowedValues == nil, let defaultValue = schema.defaultValue, let expected = Self.mismatchedKind(of: defaultValue, for: schema) {
            diagnostics.warning(
                "the default `\(defaultValue.description)` is \(Self.jsonKind(of: defaultValue)), but the schema's type is \(expected); "
                    + "the generated code does not use it (a parameter sends no value, so that the server applies its own default)",
                at: SourceLocation(file: file, pointer: JSONPointer.pointer(path + ["default"])),
                hint: "write the default as \(expected)\(Self.rewritten(defaultValue, for: schema).map { ": `\($0)`" } ?? "")")
        }
        func visit(_ child: JSONSchema, _ tokens: String...) {
            path.append(contentsOf: tokens)
            checkSchema(child, path: &path)
            path.removeLast(tokens.count)
        }
        switch schema.value {
        case .object(_, let object):
            for (name, property) in object.properties { visit(property, "properties", name) }
            if case .b(let additional)? = object.additionalProperties { visit(additional, "additionalProperties") }
        case .array(_, let array):
            if let items = array.items { visit(items, "items") }
        case .all(of: let parts, core: _):
            for (index, part) in parts.enumerated() { visit(part, "allOf", String(index)) }
        case .one(of: let parts, core: _):
            for (index, part) in parts.enumerated() { visit(part, "oneOf", String(index)) }
        case .any(of: let parts, core: _):
            for (index, part) in parts.enumerated() { visit(part, "anyOf", String(index)) }
        case .not(let inner, core: _):
            visit(inner, "not")
        case .null, .boolean, .number, .integer, .string, .reference, .fragment:
            break
        }
    }

    // MARK: Servers

    private func checkServer(_ server: OpenAPI.Server, at tokens: [String]) {
        let url = server.urlTemplate.rawValue
        var rest = Substring(url)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if server.variables[name] == nil {
                error(
                    "the server URL `\(url)` uses `{\(name)}`, which has no variable", at: tokens + ["url"],
                    hint: "define it under the server's `variables`, with a default")
            }
            rest = rest[rest.index(after: close)...]
        }
        for (name, variable) in server.variables {
            if let values = variable.enum, !values.contains(variable.default) {
                error(
                    "the default `\(variable.default)` of server variable `\(name)` is not one of its values",
                    at: tokens + ["variables", name, "default"], hint: "make the default one of the `enum` values")
            }
        }
    }

    private func error(_ message: String, at tokens: [String], hint: String) {
        diagnostics.error(
            "invalid OpenAPI document: \(message)", at: SourceLocation(file: file, pointer: JSONPointer.pointer(tokens)),
            hint: hint)
    }
}
