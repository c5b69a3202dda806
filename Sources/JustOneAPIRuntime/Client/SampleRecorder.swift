import Foundation

/// A middleware that keeps the first successful response bodies of each operation as samples
/// for `generate infer`: `DIRECTORY/<operationId>/1.json`, `2.json`, … Beside each,
/// `1.request.json` holds the request's method, path, query and form fields (secrets
/// redacted), so that `generate infer` can see which response field the next page's request
/// sent back.
///
/// Run a job once with it, then `swift run generate infer DIRECTORY --output
/// specs/samples.overlay.yaml` and generate again: the sampled operations return models.
///
/// ```swift
/// let recorder = SampleRecorder(directory: URL(fileURLWithPath: "samples"))
/// let client = JustOneAPIClient(token: token, configuration: ClientConfiguration(middlewares: [recorder]))
/// ```
///
/// - Only successes are kept: a 2xx status and, for an envelope, a success code.
/// - The credential never reaches a file: the values of ``secretParameters`` in the request
///   (query or form) are replaced with `<redacted>` wherever the body repeats them.
/// - Bounded: at most ``samplesPerOperation`` per operation (counting files already there),
///   ``maximumFiles`` in all, and no body larger than ``maximumBytes``.
/// - Safe under concurrent calls, and each file appears whole (written aside, then renamed).
///   A sample that cannot be written is skipped; the call is never failed for it.
public final class SampleRecorder: ClientMiddleware, @unchecked Sendable {
    public let directory: URL
    public let samplesPerOperation: Int
    public let maximumFiles: Int
    public let maximumBytes: Int
    /// Parameters whose values are secrets, such as `token`.
    public let secretParameters: Set<String>
    /// The envelope's code member and the codes that mean success.
    public let codeKey: String
    public let successCodes: Set<Int>

    /// Guards the counts.
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var files = 0

    public init(
        directory: URL, samplesPerOperation: Int = 3, maximumFiles: Int = 1_000, maximumBytes: Int = 5 << 20,
        secretParameters: Set<String> = ["token"], codeKey: String = "code", successCodes: Set<Int> = [0]
    ) {
        self.directory = directory
        self.samplesPerOperation = samplesPerOperation
        self.maximumFiles = maximumFiles
        self.maximumBytes = maximumBytes
        self.secretParameters = secretParameters
        self.codeKey = codeKey
        self.successCodes = successCodes
    }

    public func intercept(
        _ request: HTTPRequest, context: MiddlewareContext,
        next: @Sendable (HTTPRequest) async throws -> HTTPResponse
    ) async throws -> HTTPResponse {
        let response = try await next(request)
        // Once the bounds are reached, a response costs a look at the counts, not a parse.
        if (200..<300).contains(response.status), response.body.count <= maximumBytes, hasRoom(for: context.operationID),
            isSuccess(response.body)
        {
            record(response.body, of: context.operationID, request: request)
        }
        return response
    }

    /// How many samples have been written in this run.
    public var recordedCount: Int { lock.withLock { files } }

    /// Whether another sample of `operationID` may still be kept (it is reserved in ``record``).
    private func hasRoom(for operationID: String) -> Bool {
        lock.withLock { files < maximumFiles && (counts[operationID] ?? 0) < samplesPerOperation }
    }

    private func isSuccess(_ body: Data) -> Bool {
        guard case .object(let object) = try? JSONValue.parse(body) else { return false }
        guard let code = object[codeKey] else { return true }
        return code.intValue.map(successCodes.contains) ?? false
    }

    private func record(_ body: Data, of operationID: String, request: HTTPRequest) {
        let folder = directory.appendingPathComponent(Self.folderName(operationID), isDirectory: true)
        // The slot is taken under the lock; the write happens outside it.
        let number: Int? = lock.withLock {
            guard files < maximumFiles else { return nil }
            if counts[operationID] == nil { counts[operationID] = Self.existingSamples(in: folder) }
            guard counts[operationID]! < samplesPerOperation else { return nil }
            counts[operationID]! += 1
            files += 1
            return counts[operationID]!
        }
        guard var number else { return }
        let redactor = redactor(for: request)
        let text = redactor.redact(String(decoding: body, as: UTF8.self))
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // A file left by another process under the same number is not overwritten.
            while FileManager.default.fileExists(atPath: folder.appendingPathComponent("\(number).json").path) { number += 1 }
            // The request first, so that a sample never lacks the request it answers.
            try Self.requestRecord(request, secrets: secretParameters)
                .write(to: folder.appendingPathComponent("\(number).request.json"), options: .atomic)
            try Data(text.utf8).write(to: folder.appendingPathComponent("\(number).json"), options: .atomic)
        } catch {
            lock.withLock { files -= 1 }
        }
    }

    /// A redactor for the secret values this request carries, in its query or form body.
    private func redactor(for request: HTTPRequest) -> Redactor {
        var values: [String] = []
        let query = URLComponents(url: request.url, resolvingAgainstBaseURL: false)?.queryItems ?? []
        values += query.filter { secretParameters.contains($0.name) }.compactMap(\.value)
        if let body = request.body, request.headerFields["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            var components = URLComponents()
            components.percentEncodedQuery = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
            values += (components.queryItems ?? []).filter { secretParameters.contains($0.name) }.compactMap(\.value)
        }
        // JSON may write `/` as `\/`.
        values += values.filter { $0.contains("/") }.map { $0.replacingOccurrences(of: "/", with: "\\/") }
        return Redactor(secrets: values)
    }

    private static func existingSamples(in folder: URL) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(isSampleFile).count
    }

    /// Whether a file of a samples folder is a response sample (`3.json`), not a request
    /// record (`3.request.json`).
    public static func isSampleFile(_ name: String) -> Bool {
        name.hasSuffix(".json") && !name.hasSuffix(requestSuffix)
    }

    /// The end of a request record's name: `3.request.json` beside `3.json`.
    public static let requestSuffix = ".request.json"

    /// `{"method": "GET", "path": "/…", "query": {…}, "form": {…}}`, secrets as `<redacted>`.
    static func requestRecord(_ request: HTTPRequest, secrets: Set<String>) -> Data {
        func fields(_ items: [URLQueryItem]) -> JSONValue {
            var object: [String: JSONValue] = [:]
            for item in items where object[item.name] == nil {
                object[item.name] = .string(secrets.contains(item.name) ? Redactor.placeholder : item.value ?? "")
            }
            return .object(object)
        }
        let components = URLComponents(url: request.url, resolvingAgainstBaseURL: false)
        var record: [String: JSONValue] = [
            "method": .string(request.method.rawValue), "path": .string(components?.path ?? ""),
            "query": fields(components?.queryItems ?? []),
        ]
        if let body = request.body, request.headerFields["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true {
            var form = URLComponents()
            form.percentEncodedQuery = String(decoding: body, as: UTF8.self).replacingOccurrences(of: "+", with: "%20")
            record["form"] = fields(form.queryItems ?? [])
        }
        return Data(JSONValue.object(record).description.utf8)
    }

    /// The folder of an operation's samples: its ID as one safe path component.
    public static func folderName(_ operationID: String) -> String {
        let safe = operationID.map { $0 == "/" || $0 == "\\" || $0 == ":" ? "_" : $0 }
        let name = String(safe)
        return name.isEmpty || name == "." || name == ".." ? "_" : name
    }
}
