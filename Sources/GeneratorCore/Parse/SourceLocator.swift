import Foundation
import Yams

/// Turns a JSON pointer into a line and column of a file's text.
public protocol SourceLocator: Sendable {
    func position(of pointer: String) -> (line: Int, column: Int)?
}

/// Locates pointers in a JSON file with ``JSONScanner``.
struct JSONSourceLocator: SourceLocator {
    let scanner: JSONScanner

    init(bytes: [UInt8]) { scanner = JSONScanner(bytes) }

    func position(of pointer: String) -> (line: Int, column: Int)? {
        scanner.offset(of: pointer).map { scanner.position(of: $0) }
    }
}

/// Locates pointers in a YAML file through the marks of its composed nodes.
struct YAMLSourceLocator: SourceLocator {
    let text: String

    func position(of pointer: String) -> (line: Int, column: Int)? {
        guard var node = try? Yams.compose(yaml: text) else { return nil }
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
