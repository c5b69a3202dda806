import Foundation
import OpenAPIKit

/// A large document decoded on all cores: OpenAPIKit reads a path item without looking at the
/// rest of the document, so the document is cut into pieces that decode side by side — the first
/// holds everything but the later pieces' paths, each later one `openapi`, `info` and its run of
/// `paths` — and the pieces' paths, put back in their order, are the whole document's.
///
/// There are up to twice as many pieces as cores, taken by the cores as they come free, so that
/// a core whose piece decodes faster than its size promised is not left idle at the end.
///
/// The published catalog (348 operations in one file) parses in about 70 ms instead of 130 ms
/// on two cores (release build). When any piece cannot be read, the caller decodes the whole
/// document, so that the error it reports, and the repair that follows, are the same as
/// without pieces.
enum PathShards {
    /// Documents with fewer paths than this per core decode in one piece: the pieces' own cost
    /// (a document skeleton each, and a thread) would not pay off.
    static let minimumPathsPerPiece = 48

    /// The document `tree` holds, decoded in pieces when it is large enough; `nil` when it is
    /// too small to cut, or when a piece could not be read (decode it whole then).
    static func decode(
        _ tree: JSONTree, version: DocumentReader.OpenAPIVersion,
        cores: Int = ProcessInfo.processInfo.activeProcessorCount
    ) -> OpenAPIKit.OpenAPI.Document? {
        guard cores > 1, let pieces = pieces(of: tree, count: 2 * cores) else { return nil }
        let results = ParallelResults<ReadOnlyShared<OpenAPIKit.OpenAPI.Document>>(count: pieces.count)
        LargeStack.concurrentPerform(iterations: pieces.count) { index in
            if let document = try? DocumentDecoding.decode(pieces[index], version: version) {
                results[index] = ReadOnlyShared(value: document)
            }
        }
        let decoded = results.values.map(\.value)
        guard decoded.count == pieces.count, var whole = decoded.first else { return nil }
        // As the decoder fills a map: in order, a later equal path replacing the value in place.
        for piece in decoded.dropFirst() {
            for (path, item) in piece.paths { whole.paths[path] = item }
        }
        return whole
    }

    /// `tree` cut into up to `count` pieces of about equal size, or `nil` when it has too few
    /// paths (or paths with the same key twice, which the decoder would fold in its own way).
    static func pieces(of tree: JSONTree, count: Int) -> [JSONTree]? {
        guard count > 1, let members = tree.members,
            let pathsIndex = members.firstIndex(where: { $0.key == "paths" }),
            let paths = members[pathsIndex].value.members,
            paths.count >= 2 * minimumPathsPerPiece,
            Set(paths.map(\.key)).count == paths.count
        else { return nil }
        let pieceCount = min(count, paths.count / minimumPathsPerPiece)
        // Sizes by scalar text: the first piece also carries components and the rest.
        let sizes = paths.map { weight(of: $0.value) }
        let rest = members.enumerated().reduce(0) { $0 + ($1.offset == pathsIndex ? 0 : weight(of: $1.element.value)) }
        let target = (rest + sizes.reduce(0, +)) / pieceCount
        var runs: [ArraySlice<JSONTree.Member>] = []
        var start = 0
        var filled = rest
        for (index, size) in sizes.enumerated() where runs.count < pieceCount - 1 {
            filled += size
            if filled >= target, index + 1 < paths.count {
                runs.append(paths[start...index])
                start = index + 1
                filled = 0
            }
        }
        runs.append(paths[start...])
        guard runs.count > 1 else { return nil }
        let skeleton = members.filter { $0.key == "openapi" || $0.key == "info" }
        return runs.enumerated().map { index, run in
            let pathsMember = JSONTree.Member(key: "paths", value: .object(Array(run)))
            guard index > 0 else {
                var first = members
                first[pathsIndex] = pathsMember
                return .object(first)
            }
            return .object(skeleton + [pathsMember])
        }
    }

    /// About how much decoding `tree` costs: the length of its scalars and keys.
    private static func weight(of tree: JSONTree) -> Int {
        switch tree {
        case .scalar(let bytes): bytes.count
        case .array(let elements): elements.reduce(1) { $0 + weight(of: $1) }
        case .object(let members): members.reduce(1) { $0 + $1.key.utf8.count + weight(of: $1.value) }
        }
    }
}
