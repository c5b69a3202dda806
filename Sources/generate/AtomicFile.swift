import Foundation

/// Writes that land whole or not at all: the contents go to a temporary file beside the target,
/// which is then renamed over it. `generate client`, `fetch` and `infer` all write this way.
enum AtomicFile {
    /// What failed, with the path.
    struct WriteError: Error, CustomStringConvertible {
        let description: String
    }

    /// A temporary file beside `path`, holding `data`; ``commit(_:to:)`` puts it in place.
    /// The directory must exist.
    ///
    /// A `durable` file is flushed to the disk before it is renamed, so that a crash of the
    /// machine leaves the old file or the new one, never an empty one: for what cannot be made
    /// again offline (downloaded documents, the fetch lock, an inferred overlay). Generated code
    /// is not flushed: it is made again from the documents in a second, and the flushes cost
    /// the catalog's 38 files about 10 ms, waiting on the disk.
    static func stage(_ data: Data, for path: String, durable: Bool = true) throws -> String {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/." + (path as NSString).lastPathComponent
            + ".\(ProcessInfo.processInfo.processIdentifier).\(UUID().uuidString.prefix(8)).tmp"
        var problem: String?
        if durable {
            // Foundation's atomic write flushes the file before it renames it into place.
            do {
                try data.write(to: URL(fileURLWithPath: temporary), options: .atomic)
            } catch {
                problem = error.localizedDescription
            }
        } else {
            // Foundation flushes every file it writes, so the file is written here.
            problem = writeWithoutFlushing(data, to: temporary)
        }
        if let problem {
            try? FileManager.default.removeItem(atPath: temporary)
            throw WriteError(
                description: "cannot write \(temporary) (\(problem)): check that \(directory.isEmpty ? "." : directory) is writable and the disk has room")
        }
        return temporary
    }

    /// Renames the staged `temporary` file over `path`; on failure the temporary file is removed.
    static func commit(_ temporary: String, to path: String) throws {
        guard rename(temporary, path) != 0 else { return }
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(atPath: temporary)
        throw WriteError(description: "cannot move \(temporary) to \(path): \(reason)")
    }

    /// Writes `data` to `path` atomically, creating the directories it needs.
    static func write(_ data: Data, to path: String) throws {
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        try commit(try stage(data, for: path), to: path)
    }
}

/// Creates the file at `path` (which must not exist) holding `data`; the reason when that
/// fails, `nil` when it succeeds.
private func writeWithoutFlushing(_ data: Data, to path: String) -> String? {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
    guard descriptor >= 0 else { return String(cString: strerror(errno)) }
    var failure: String?
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                failure = String(cString: strerror(errno))
                return
            }
            offset += written
        }
    }
    if close(descriptor) != 0, failure == nil { failure = String(cString: strerror(errno)) }
    return failure
}
