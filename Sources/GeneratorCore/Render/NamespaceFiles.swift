/// How a namespace is written in the `namespaces` layout: in one file, or, when it has many
/// operations, its declaration, shared enums and methods in `X.swift` and its request types in
/// `X+Requests.swift` (and `X+Requests2.swift` … for every further ``requestsPerFile``), as
/// Soto splits a service's API from its shapes. A reader finds the methods without scrolling
/// past the request types, and the compiler spreads the files over its jobs.
struct NamespaceFiles {
    /// A namespace with more operations than this has its request types in files of their own.
    static let operationsInOneFile = 16
    /// The request types of at most this many operations share a file.
    static let requestsPerFile = 40

    /// A file of request types: its path and the operations (by index) whose types it holds.
    struct RequestFile {
        let path: String
        let operations: Range<Int>
    }

    /// The request files, none when the namespace stays in one file.
    let requestFiles: [RequestFile]

    init(namespace: NamespaceModel) {
        let count = namespace.operations.count
        guard count > Self.operationsInOneFile else {
            requestFiles = []
            return
        }
        let stem = namespace.fileName.hasSuffix(".swift") ? String(namespace.fileName.dropLast(6)) : namespace.fileName
        requestFiles = stride(from: 0, to: count, by: Self.requestsPerFile).enumerated().map { number, start in
            RequestFile(
                path: stem + "+Requests" + (number == 0 ? "" : String(number + 1)) + ".swift",
                operations: start..<min(count, start + Self.requestsPerFile))
        }
    }
}
