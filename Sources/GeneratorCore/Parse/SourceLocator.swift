import Foundation
import Yams

/// Turns a JSON pointer into a line and column of a file's text.
public protocol SourceLocator: Sendable {
    func position(of pointer: String) -> (line: Int, column: Int)?
}

/// Locates pointers in a JSON file with ``JSONScanner``; lines are found in a table of line
/// starts, so that thousands of diagnostics in a large file stay cheap.
struct JSONSourceLocator: SourceLocator {
    let scanner: JSONScanner
    private let lineStarts: [Int]

    init(bytes: [UInt8]) {
        scanner = JSONScanner(bytes)
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        lineStarts = starts
    }

    func position(of pointer: String) -> (line: Int, column: Int)? {
        guard let offset = scanner.offset(of: pointer) else { return nil }
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let start = lineStarts[low]
        let column = String(decoding: scanner.bytes[start..<min(offset, scanner.bytes.count)], as: UTF8.self).count + 1
        return (low + 1, column)
    }
}

/// Locates pointers in a YAML file through the marks of its composed nodes (composed once, by
/// the parser).
final class YAMLSourceLocator: SourceLocator, @unchecked Sendable {
    /// Read-only after creation.
    private let root: Yams.Node

    init(root: Yams.Node) { self.root = root }

    func position(of pointer: String) -> (line: Int, column: Int)? {
        var node = root
        var mark = node.mark
        for token in JSONPointer.tokens(of: pointer) {
            if let mapping = node.mapping,
                let pair = mapping.first(where: { $0.key.string == token })
            {
                mark = pair.key.mark
                node = pair.value
            } else if let sequence = node.sequence, let index = Int(token), index < sequence.count {
                node = sequence[index]
                mark = node.mark
            } else {
                break
            }
        }
        return mark.map { ($0.line, $0.column) }
    }
}
