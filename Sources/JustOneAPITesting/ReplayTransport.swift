import Foundation
import JustOneAPIRuntime

/// A transport that answers each operation with the response samples `SampleRecorder` kept
/// (`DIRECTORY/<operationId>/1.json`, `2.json` …, and any other `.json` file there), in turn
/// (the last is followed by the first again): the real responses of a recorded run, served
/// again with no network and no token.
///
/// ```swift
/// let client = JustOneAPIClient(token: "test", transport: try ReplayTransport(directory: samples))
/// ```
///
/// An operation without samples fails with ``MissingSample``, which names the operation and
/// the directory.
public final class ReplayTransport: ClientTransport, @unchecked Sendable {
    /// The error of a request whose operation has no samples (the call fails with it as its
    /// `JustOneAPIError.underlyingError`).
    public struct MissingSample: RedactionSafeError, CustomStringConvertible {
        public let operationID: String
        /// Where the samples were looked for.
        public let directory: URL
        public var description: String {
            "no samples of \(operationID) in \(directory.path)/\(SampleRecorder.folderName(operationID))/: record some with SampleRecorder, or stub the operation"
        }
    }

    /// Where the samples are.
    public let directory: URL
    private let lock = NSLock()
    private var samples: [String: [Data]] = [:]
    private var served: [String: Int] = [:]
    private var recorded: [RecordedRequest] = []

    /// A transport serving the samples under `directory`.
    /// - Throws: When `directory` is not a readable directory.
    public init(directory: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: directory.path])
        }
        self.directory = directory
    }

    /// Every request received, in order.
    public var requests: [RecordedRequest] { lock.withLock { recorded } }

    public func send(_ request: HTTPRequest, timeout: Duration) async throws -> HTTPResponse {
        let operationID = request.operationID
        let body: Data = try lock.withLock {
            recorded.append(RecordedRequest(request))
            if samples[operationID] == nil { samples[operationID] = Self.read(directory, operationID) }
            let available = samples[operationID]!
            guard !available.isEmpty else { throw MissingSample(operationID: operationID, directory: directory) }
            let index = served[operationID, default: 0]
            served[operationID] = index + 1
            return available[index % available.count]
        }
        return HTTPResponse(status: 200, headerFields: ["Content-Type": "application/json"], body: body)
    }

    /// The samples of `operationID`: the recorder's numbered files in the order of their
    /// numbers, then any other `.json` files by name.
    private static func read(_ directory: URL, _ operationID: String) -> [Data] {
        let folder = directory.appendingPathComponent(SampleRecorder.folderName(operationID), isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter(SampleRecorder.isSampleFile)
        let ordered = names.sorted { lhs, rhs in
            switch (Int(lhs.dropLast(5)), Int(rhs.dropLast(5))) {
            case let (left?, right?): left < right
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): lhs < rhs
            }
        }
        return ordered.compactMap { FileManager.default.contents(atPath: folder.appendingPathComponent($0).path) }
    }
}
