/// How a namespace is written in the `namespaces` layout: in one file, or, when it has many
/// operations, its declaration, shared enums and methods in `X.swift` and its request types in
/// `X+Requests.swift` (and `X+Requests2.swift` …), as Soto splits a service's API from its
/// shapes. A reader finds the methods without scrolling past the request types, and the
/// compiler spreads the files over its jobs.
///
/// A file of request types closes at ``requestsPerFile`` operations or at about
/// ``requestBytesPerFile`` bytes of code, whichever comes first. The compiler's driver hands
/// its jobs runs of files in path order (about 25 to a job, one job per core at least), so one
/// file much larger than the rest makes one job take most of the build: Sentry's 210
/// operations with their nested response types, 40 to a file, were 2.7 MB of code in one job
/// of ten, 84 of the build's 112 seconds on two cores.
struct NamespaceFiles {
    /// A namespace with more operations than this has its request types in files of their own.
    static let operationsInOneFile = 16
    /// The request types of at most this many operations share a file.
    static let requestsPerFile = 40
    /// A file of request types holds at most this many bytes of their code, unless one
    /// operation's alone is larger.
    static let requestBytesPerFile = 48 * 1024

    /// A file of request types: its path and the operations (by index) whose types it holds.
    struct RequestFile {
        let path: String
        let operations: Range<Int>
    }

    /// The request files, none when the namespace stays in one file.
    let requestFiles: [RequestFile]

    /// `fileName` is the namespace's file (`X.swift`); `requestCodeSizes` are the bytes of each
    /// operation's request types, in the namespace's order.
    init(fileName: String, requestCodeSizes: [Int]) {
        let count = requestCodeSizes.count
        guard count > Self.operationsInOneFile else {
            requestFiles = []
            return
        }
        var runs: [Range<Int>] = []
        var start = 0
        var bytes = 0
        for (index, size) in requestCodeSizes.enumerated() {
            if index > start && (index - start == Self.requestsPerFile || bytes + size > Self.requestBytesPerFile) {
                runs.append(start..<index)
                start = index
                bytes = 0
            }
            bytes += size
        }
        runs.append(start..<count)
        let stem = fileName.hasSuffix(".swift") ? String(fileName.dropLast(6)) : fileName
        requestFiles = runs.enumerated().map { number, operations in
            RequestFile(
                path: GeneratedFileNames.swiftFile(stem + "+Requests" + (number == 0 ? "" : String(number + 1))),
                operations: operations)
        }
    }
}
