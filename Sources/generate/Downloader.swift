import Foundation
import GeneratorCore
import JustOneAPIRuntime

/// HTTP for `fetch`: conditional GETs with a timeout and retries with backoff.
struct Downloader: Sendable {
    let transport: any ClientTransport
    let timeout: Duration
    let attempts: Int

    /// GET `url`, retrying transport failures, 429 and 5xx with backoff (or `Retry-After`).
    func get(_ url: String, headers: HTTPFields = [:]) async throws -> HTTPResponse {
        guard let target = URL(string: url) else {
            throw TransportFailure.other(reason: "`\(url)` is not a URL")
        }
        let policy = RetryPolicy(maxAttempts: attempts)
        var attempt = 0
        while true {
            attempt += 1
            do {
                let response = try await transport.send(HTTPRequest(method: .get, url: target, headerFields: headers), timeout: timeout)
                guard attempt < attempts, response.status == 429 || (500...599).contains(response.status) else {
                    return response
                }
                let wait = RetryPolicy.retryAfter(response.headerFields["Retry-After"])
                    ?? policy.jitter(policy.backoffCeiling(after: attempt))
                try await Task.sleep(for: wait)
            } catch let failure as TransportFailure {
                if attempt >= attempts { throw failure }
                try await Task.sleep(for: policy.jitter(policy.backoffCeiling(after: attempt)))
            }
        }
    }

    func fetch(_ file: String, from url: String, to path: String, record: FetchLock.Record?) async -> FetchResult {
        var headers = HTTPFields()
        if let record, record.url == url {
            if let etag = record.etag { headers["If-None-Match"] = etag }
            if let lastModified = record.lastModified { headers["If-Modified-Since"] = lastModified }
        }
        let response: HTTPResponse
        do {
            response = try await get(url, headers: headers)
        } catch {
            return FetchResult(file: file, outcome: .failed, message: "download failed: \(error)", record: nil)
        }
        if response.status == 304, let record {
            return FetchResult(file: file, outcome: .unchanged, message: nil, record: record)
        }
        guard response.status == 200 else {
            return FetchResult(file: file, outcome: .failed, message: "HTTP \(response.status) from \(url)", record: nil)
        }
        guard let format = SourceFile.format(ofFileNamed: file) else {
            return FetchResult(file: file, outcome: .failed, message: "not a .json, .yaml or .yml file name", record: nil)
        }
        let diagnostics = DiagnosticCollector()
        if !GeneratorPipeline.parsesAlone(SourceFile(path: url, format: format, data: response.body), diagnostics: diagnostics) {
            let first = diagnostics.diagnostics.first { $0.severity == .error }
            return FetchResult(
                file: file, outcome: .failed,
                message: "the download is not a valid OpenAPI document: \(first.map { "\($0)" } ?? "unknown error")", record: nil)
        }
        let newRecord = FetchLock.Record(
            url: url, etag: response.headerFields["ETag"], lastModified: response.headerFields["Last-Modified"])
        let existing = FileManager.default.contents(atPath: path)
        if existing == response.body {
            return FetchResult(file: file, outcome: .unchanged, message: nil, record: newRecord)
        }
        do {
            try AtomicFile.write(response.body, to: path)
        } catch {
            return FetchResult(file: file, outcome: .failed, message: "cannot write: \(error)", record: nil)
        }
        return FetchResult(file: file, outcome: existing == nil ? .added : .changed, message: nil, record: newRecord)
    }
}
