import ArgumentParser
import Foundation
import GeneratorCore
import JustOneAPIRuntime

/// Downloads the published documents listed in the manifest, replacing local files only with
/// valid, changed documents.
struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Downloads the published OpenAPI documents listed in DIRECTORY/sources.yaml.",
        discussion: """
            Each download is conditional (ETag and Last-Modified from sources.lock.json), retried \
            on failure, validated as OpenAPI, and replaces the local file atomically. A failed or \
            invalid download leaves the old file. Exits 1 if any document failed.

            --discover reads the catalog with HTTP Basic credentials from the environment \
            (OPENAPI_BASIC_AUTH_USERNAME, OPENAPI_BASIC_AUTH_PASSWORD); they are never printed.
            """
    )

    @Argument(help: "The directory of documents that holds sources.yaml (for example specs/).")
    var directory: String

    @Option(help: "How many documents to download at a time.")
    var jobs = 8

    @Option(help: "Seconds to wait for each document before the attempt fails.")
    var timeout = 60

    @Option(help: "Attempts per document (1 turns retries off).")
    var attempts = 3

    @Option(help: "Copy the current documents to this directory first, for `generate diff` afterwards.")
    var previous: String?

    @Option(help: "A catalog URL whose endpoints of --tag are added to the manifest before fetching.")
    var discover: String?

    @Option(help: "The tag (name or x-platform-id) whose endpoints --discover adds.")
    var tag: String?

    @Flag(name: .shortAndLong, help: "Print only the summary and failures.")
    var quiet = false

    func validate() throws {
        if (discover == nil) != (tag == nil) { throw ValidationError("--discover and --tag go together.") }
        if jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
    }

    func run() async throws {
        let manifestPath = (directory as NSString).appendingPathComponent(FetchManifest.fileName)
        let lockPath = (directory as NSString).appendingPathComponent(FetchLock.fileName)
        let downloader = Downloader(
            transport: URLSessionTransport(), timeout: .seconds(timeout), attempts: max(1, attempts))

        var manifest: FetchManifest
        if FileManager.default.fileExists(atPath: manifestPath) {
            manifest = try FetchManifest.load(from: manifestPath)
        } else if discover != nil {
            manifest = FetchManifest()
        } else {
            printError("\(manifestPath): error: no manifest; list the documents to fetch there, or use --discover URL --tag NAME")
            throw ExitCode(1)
        }

        if let discover, let tag {
            let added = try await discoverEndpoints(catalog: discover, tag: tag, into: &manifest, downloader: downloader)
            try AtomicFile.write(Data(manifest.yaml().utf8), to: manifestPath)
            print("Discovered \(added) new endpoint(s) of \(tag); \(manifestPath) lists \(manifest.documents.count).")
        }

        if let previous {
            try copyDocuments(manifest, to: previous)
        }

        var lock = FetchLock.load(from: lockPath)
        let progress = Progress(total: manifest.documents.count, quiet: quiet)
        let results = await withTaskGroup(of: FetchResult.self, returning: [FetchResult].self) { group in
            var results: [FetchResult] = []
            var pending = manifest.documents[...]
            func startNext() {
                guard let entry = pending.popFirst() else { return }
                let url = manifest.url(of: entry)
                let path = (directory as NSString).appendingPathComponent(entry.file)
                let record = FileManager.default.fileExists(atPath: path) ? lock.documents[entry.file] : nil
                group.addTask {
                    let result = await downloader.fetch(entry.file, from: url, to: path, record: record)
                    progress.finished(entry.file, outcome: result.outcome.rawValue)
                    return result
                }
            }
            for _ in 0..<jobs { startNext() }
            while let result = await group.next() {
                results.append(result)
                startNext()
            }
            return results.sorted { $0.file < $1.file }
        }

        for result in results {
            if let record = result.record { lock.documents[result.file] = record }
        }
        lock.documents = lock.documents.filter { file, _ in manifest.documents.contains { $0.file == file } }
        try AtomicFile.write(try lock.json(), to: lockPath)

        let counts = Dictionary(grouping: results, by: \.outcome).mapValues(\.count)
        func count(_ outcome: FetchResult.Outcome) -> Int { counts[outcome] ?? 0 }
        for result in results where result.outcome == .failed {
            printError("\((directory as NSString).appendingPathComponent(result.file)): error: \(result.message ?? "failed"); the local file was kept")
        }
        print(
            "Fetched \(results.count) documents: \(count(.added)) added, \(count(.changed)) changed, "
                + "\(count(.unchanged)) unchanged, \(count(.failed)) failed.")
        if count(.failed) > 0 { throw ExitCode(1) }
    }

    private func discoverEndpoints(
        catalog: String, tag: String, into manifest: inout FetchManifest, downloader: Downloader
    ) async throws -> Int {
        var headers = HTTPFields()
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["OPENAPI_BASIC_AUTH_USERNAME"], let password = environment["OPENAPI_BASIC_AUTH_PASSWORD"] {
            headers["Authorization"] = "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
        }
        let response: HTTPResponse
        do {
            response = try await downloader.get(catalog, headers: headers)
        } catch {
            printError("\(catalog): error: the catalog could not be downloaded: \(error)")
            throw ExitCode(1)
        }
        guard response.status == 200 else {
            let hint = response.status == 401
                ? " (set OPENAPI_BASIC_AUTH_USERNAME and OPENAPI_BASIC_AUTH_PASSWORD)" : ""
            printError("\(catalog): error: the catalog answered HTTP \(response.status)\(hint)")
            throw ExitCode(1)
        }
        let endpoints = try PublishedLayout.endpoints(inCatalog: response.body, tag: tag)
        if endpoints.isEmpty {
            printError("\(catalog): warning: no published endpoints are tagged `\(tag)`")
        }
        var added = 0
        for endpoint in endpoints where !manifest.documents.contains(where: { $0.file == endpoint.file }) {
            manifest.documents.append(FetchManifest.Entry(file: endpoint.file))
            added += 1
        }
        return added
    }

    private func copyDocuments(_ manifest: FetchManifest, to previous: String) throws {
        let fileManager = FileManager.default
        try? fileManager.removeItem(atPath: previous)
        try fileManager.createDirectory(atPath: previous, withIntermediateDirectories: true)
        var files = manifest.documents.map(\.file)
        files.append(GeneratorConfig.fileName)
        for file in files {
            let source = (directory as NSString).appendingPathComponent(file)
            guard fileManager.fileExists(atPath: source) else { continue }
            let target = (previous as NSString).appendingPathComponent(file)
            try fileManager.createDirectory(
                atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try fileManager.copyItem(atPath: source, toPath: target)
        }
    }
}

/// One document's download.
struct FetchResult: Sendable {
    enum Outcome: String, Sendable {
        case added, changed, unchanged, failed
    }

    let file: String
    let outcome: Outcome
    let message: String?
    /// The lock entry to keep, when the download succeeded.
    let record: FetchLock.Record?
}
