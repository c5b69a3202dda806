import Foundation
import Yams

/// What the OpenAPI documents do not say, read from `generator.yaml` beside them.
///
/// Every field is optional; without a file the generator works from the documents alone.
public struct GeneratorConfig: Sendable, Codable, Equatable {
    /// The file name looked for in an input directory.
    public static let fileName = "generator.yaml"

    /// The credential: a parameter the client fills in and method signatures leave out.
    public var authentication: Authentication?
    /// How operations are grouped into namespaces (`client.douyinXingtu`).
    public var namespaces: Namespaces?
    /// Where method names come from: `path` (the path's last meaningful segment),
    /// `operationId`, or `auto` (operationId unless it merely spells out the method and path).
    public var methodNames: MethodNames?
    /// Names for the documents' servers, and which one is the default.
    public var servers: [ServerName]?
    /// The JSON envelope around every response body, if the API has one.
    public var envelope: Envelope?
    /// What each business code means and whether it is worth retrying.
    public var businessCodes: [BusinessCode]?
    /// The vendor extension that hides an operation from the docs (skipped unless asked for).
    public var hiddenExtension: String?
    /// The default request timeout of the generated client, in seconds.
    public var timeoutSeconds: Int?
    /// OpenAPI Overlay documents applied to the documents before generation, relative to this
    /// file (besides the `*.overlay.yaml` and `*.overlay.json` files found among the inputs).
    public var overlays: [String]?
    /// Which operations only read, so that the client may share identical calls in flight and
    /// cache their successes: `all`, or a list of operationIds. Without it, GET, HEAD and
    /// OPTIONS operations do.
    public var readOnly: ReadOnlyOperations?

    public init(
        authentication: Authentication? = nil, namespaces: Namespaces? = nil, methodNames: MethodNames? = nil,
        servers: [ServerName]? = nil, envelope: Envelope? = nil, businessCodes: [BusinessCode]? = nil,
        hiddenExtension: String? = nil, timeoutSeconds: Int? = nil, overlays: [String]? = nil,
        readOnly: ReadOnlyOperations? = nil
    ) {
        self.authentication = authentication
        self.namespaces = namespaces
        self.methodNames = methodNames
        self.servers = servers
        self.envelope = envelope
        self.businessCodes = businessCodes
        self.hiddenExtension = hiddenExtension
        self.timeoutSeconds = timeoutSeconds
        self.overlays = overlays
        self.readOnly = readOnly
    }

    /// The operations that only read, whatever their HTTP method.
    public enum ReadOnlyOperations: Sendable, Codable, Equatable {
        /// Every operation (Just One API's POSTs of form fields only read).
        case all
        /// The operations with these operationIds, besides GET, HEAD and OPTIONS ones.
        case operations([String])

        public init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let list = try? container.decode([String].self) {
                self = .operations(list)
                return
            }
            let text = try container.decode(String.self)
            guard text == "all" else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "expected `all` or a list of operationIds, found `\(text)`")
            }
            self = .all
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .all: try container.encode("all")
            case .operations(let list): try container.encode(list)
            }
        }

        /// Whether the operation `operationID` with `method` only reads.
        public func contains(operationID: String?, method: String) -> Bool {
            if ["GET", "HEAD", "OPTIONS"].contains(method.uppercased()) { return true }
            switch self {
            case .all: return true
            case .operations(let list): return operationID.map(list.contains) ?? false
            }
        }
    }

    public struct Authentication: Sendable, Codable, Equatable {
        /// The parameter (query, header or form field) that carries the credential, e.g. `token`.
        public var parameter: String
        public init(parameter: String) { self.parameter = parameter }
    }

    public struct Namespaces: Sendable, Codable, Equatable {
        /// `path` (the first meaningful path segment) or `tag` (the operation's first tag).
        public var source: Source?
        /// Leading path segments that never name a namespace. Defaults to `api`; version
        /// segments (`v1`) are always skipped.
        public var skipSegments: [String]?
        /// Swift property names for namespaces, by path segment or tag.
        public var names: [String: String]?

        public enum Source: String, Sendable, Codable, Equatable {
            case path, tag
        }

        public init(source: Source? = nil, skipSegments: [String]? = nil, names: [String: String]? = nil) {
            self.source = source
            self.skipSegments = skipSegments
            self.names = names
        }
    }

    public enum MethodNames: String, Sendable, Codable, Equatable {
        case auto, path, operationId
    }

    public struct ServerName: Sendable, Codable, Equatable {
        public var url: String
        /// The Swift name of the server, as in `Server.global`.
        public var name: String
        /// Whether `JustOneAPIClient(token:)` uses this server.
        public var `default`: Bool?
        public init(url: String, name: String, default: Bool? = nil) {
            self.url = url
            self.name = name
            self.default = `default`
        }
    }

    public struct Envelope: Sendable, Codable, Equatable {
        /// The component schema of the envelope, e.g. `Result`.
        public var schema: String
        public var codeKey: String?
        public var dataKey: String?
        public var messageKey: String?
        public var recordTimeKey: String?
        public var requestIdKey: String?
        /// Codes that mean success; `[0]` when not given.
        public var successCodes: [Int]?

        public init(schema: String) { self.schema = schema }
    }

    public struct BusinessCode: Sendable, Codable, Equatable {
        public var code: Int
        /// The Swift case name, e.g. `rateLimitExceeded`.
        public var name: String
        /// What the code means, for documentation and error messages.
        public var meaning: String
        /// Whether the same request may succeed when sent again.
        public var retryable: Bool?
        /// Whether the code says the account cannot go on (no retry and no other call can fix
        /// it: an invalid token, the daily quota, no balance), so that the client stops sending.
        public var stopsClient: Bool?

        public init(code: Int, name: String, meaning: String, retryable: Bool? = nil, stopsClient: Bool? = nil) {
            self.code = code
            self.name = name
            self.meaning = meaning
            self.retryable = retryable
            self.stopsClient = stopsClient
        }
    }
}

extension GeneratorConfig {
    /// Reads the configuration at `path`; problems are reported with the file and line.
    public static func load(
        from path: String, resolver: PathResolver = PathResolver(root: nil), diagnostics: DiagnosticCollector
    ) -> GeneratorConfig? {
        guard let data = FileManager.default.contents(atPath: resolver.resolve(path)) else {
            diagnostics.error("cannot read the configuration file", at: SourceLocation(file: path))
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            diagnostics.error("the configuration is not UTF-8 text", at: SourceLocation(file: path))
            return nil
        }
        if text.allSatisfy(\.isWhitespace) { return GeneratorConfig() }
        // Composed once, as `YAMLDecoder` composes text (only merge keys resolved; an empty
        // document is an empty scalar): the decoder, the locator and the unknown-key check all
        // read this node.
        let root: Node
        let config: GeneratorConfig
        do {
            root = try Yams.compose(yaml: text, Resolver.basic.appending(.merge)) ?? ""
            diagnostics.register(YAMLSourceLocator(root: root), for: path)
            config = try YAMLDecoder().decode(GeneratorConfig.self, from: root)
        } catch let error as DecodingError {
            let (pointer, what) = describe(error)
            diagnostics.error(
                "invalid configuration: \(what)", at: SourceLocation(file: path, pointer: pointer),
                hint: "see the configuration section of README.md")
            return nil
        } catch {
            diagnostics.error("invalid configuration: \(error)", at: SourceLocation(file: path))
            return nil
        }
        reportUnknownKeys(in: root, path: path, diagnostics: diagnostics)
        config.check(path: path, diagnostics: diagnostics)
        return config
    }

    /// The configuration file for `inputs`: `generator.yaml` in the first input directory that has one.
    public static func defaultPath(for inputs: [String], resolver: PathResolver = PathResolver(root: nil)) -> String? {
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: resolver.resolve(input), isDirectory: &isDirectory),
                isDirectory.boolValue
            else { continue }
            let candidate = (input as NSString).appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: resolver.resolve(candidate)) { return candidate }
        }
        return nil
    }

    private func check(path: String, diagnostics: DiagnosticCollector) {
        for (index, code) in (businessCodes ?? []).enumerated() where SwiftName.lowerIdentifier(code.name, digitPrefix: "code") != code.name {
            diagnostics.error(
                "business code \(code.code) has the name `\(code.name)`, which is not a lowerCamelCase Swift identifier",
                at: SourceLocation(file: path, pointer: "/businessCodes/\(index)/name"),
                hint: "use a name such as `rateLimitExceeded`")
        }
        let codes = (businessCodes ?? []).map(\.code)
        if Set(codes).count != codes.count {
            diagnostics.error(
                "a business code is listed twice", at: SourceLocation(file: path, pointer: "/businessCodes"),
                hint: "list each code once")
        }
        for (index, code) in (businessCodes ?? []).enumerated() where code.retryable == true && code.stopsClient == true {
            diagnostics.error(
                "business code \(code.code) is marked both `retryable` and `stopsClient`",
                at: SourceLocation(file: path, pointer: "/businessCodes/\(index)"),
                hint: "a code that stops the client is never retried: keep one of the two")
        }
        for (index, server) in (servers ?? []).enumerated() where SwiftName.lowerIdentifier(server.name, digitPrefix: "server") != server.name {
            diagnostics.error(
                "server name `\(server.name)` is not a lowerCamelCase Swift identifier",
                at: SourceLocation(file: path, pointer: "/servers/\(index)/name"), hint: "use a name such as `global`")
        }
        if (servers ?? []).filter({ $0.default == true }).count > 1 {
            diagnostics.error(
                "more than one server is marked `default: true`", at: SourceLocation(file: path, pointer: "/servers"),
                hint: "mark one server as the default")
        }
    }

    private static let knownKeys: [String: Set<String>] = [
        "": [
            "authentication", "namespaces", "methodNames", "servers", "envelope", "businessCodes", "hiddenExtension",
            "timeoutSeconds", "overlays", "readOnly",
        ],
        "/authentication": ["parameter"],
        "/namespaces": ["source", "skipSegments", "names"],
        "/servers/*": ["url", "name", "default"],
        "/envelope": ["schema", "codeKey", "dataKey", "messageKey", "recordTimeKey", "requestIdKey", "successCodes"],
        "/businessCodes/*": ["code", "name", "meaning", "retryable", "stopsClient"],
    ]

    /// Warns about keys the configuration does not know, which are most likely typos.
    private static func reportUnknownKeys(in root: Node, path: String, diagnostics: DiagnosticCollector) {
        func visit(_ node: Node, pointer: String, pattern: String) {
            if let mapping = node.mapping, let known = knownKeys[pattern] {
                for (key, value) in mapping {
                    guard let name = key.string else { continue }
                    if !known.contains(name) {
                        diagnostics.warning(
                            "unknown configuration key `\(name)`; it is ignored",
                            at: SourceLocation(file: path, line: key.mark?.line, column: key.mark?.column),
                            hint: "known keys here: \(known.sorted().joined(separator: ", "))")
                    } else {
                        visit(value, pointer: pointer + "/" + name, pattern: pattern + "/" + name)
                    }
                }
            } else if let sequence = node.sequence {
                for (index, element) in sequence.enumerated() {
                    visit(element, pointer: pointer + "/\(index)", pattern: pattern + "/*")
                }
            }
        }
        visit(root, pointer: "", pattern: "")
    }

    private static func describe(_ error: DecodingError) -> (pointer: String, message: String) {
        switch error {
        case .typeMismatch(let type, let context):
            return (JSONPointer.pointer(context.codingPath), "expected \(describeType(type))")
        case .valueNotFound(let type, let context):
            return (JSONPointer.pointer(context.codingPath), "missing \(describeType(type))")
        case .keyNotFound(let key, let context):
            return (JSONPointer.pointer(context.codingPath), "missing the required key `\(key.stringValue)`")
        case .dataCorrupted(let context):
            return (JSONPointer.pointer(context.codingPath), context.debugDescription)
        @unknown default:
            return ("", "\(error)")
        }
    }

    private static func describeType(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type: "an integer"
        case is Bool.Type: "true or false"
        default: "a value of type \(type)"
        }
    }
}
