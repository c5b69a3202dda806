import Foundation
import Yams

/// Turns a JSON pointer into a line and column of a file's text.
public protocol SourceLocator: Sendable {
    func position(of pointer: String) -> (line: Int, column: Int)?
}

/// Locates pointers in a JSON file with ``JSONScanner``; lines are found in a table of line
/// starts, so that thousands of diagnostics in a large file stay cheap.
///
/// The members of each object (and the elements of each array) on the way to a pointer are
/// read once and kept, so that a document's thousand warnings walk it about once, not once
/// each: locating stays linear in the document's size.
struct JSONSourceLocator: SourceLocator {
    let scanner: JSONScanner
    private let lineStarts: [Int]
    /// How many characters (Unicode scalars) start before each block of ``blockSize`` bytes, so
    /// that a column is found without counting from the line's start: a document written on one
    /// line (minified JSON) would otherwise cost the whole line per diagnostic.
    private let charactersBeforeBlock: [Int]
    private static let blockSize = 256
    private let containers = ContainerIndex()

    init(bytes: [UInt8]) {
        scanner = JSONScanner(bytes)
        var starts = [0]
        var blocks: [Int] = []
        blocks.reserveCapacity(bytes.count / Self.blockSize + 1)
        // Block by block over the raw buffer: one pass that stays cheap in a debug build.
        bytes.withUnsafeBufferPointer { buffer in
            var characters = 0
            var blockStart = 0
            while blockStart < buffer.count {
                blocks.append(characters)
                let blockEnd = min(blockStart + Self.blockSize, buffer.count)
                for index in blockStart..<blockEnd {
                    let byte = buffer[index]
                    if byte == UInt8(ascii: "\n") { starts.append(index + 1) }
                    if byte & 0xC0 != 0x80 { characters += 1 }
                }
                blockStart = blockEnd
            }
        }
        lineStarts = starts
        charactersBeforeBlock = blocks
    }

    /// How many characters start before byte `offset`.
    private func characters(before offset: Int) -> Int {
        let block = offset / Self.blockSize
        guard block < charactersBeforeBlock.count else { return charactersBeforeBlock.last ?? 0 }
        var count = charactersBeforeBlock[block]
        for index in (block * Self.blockSize)..<min(offset, scanner.bytes.count) where scanner.bytes[index] & 0xC0 != 0x80 {
            count += 1
        }
        return count
    }

    func position(of pointer: String) -> (line: Int, column: Int)? {
        let offset = locate(JSONPointer.tokens(of: pointer))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let column = characters(before: offset) - characters(before: lineStarts[low]) + 1
        return (low + 1, column)
    }

    /// How many objects and arrays have been read to locate pointers (each at most once).
    var containersRead: Int { containers.count }

    /// The offset of the last key or element of `tokens` that exists (the document's start
    /// when none does).
    private func locate(_ tokens: [String]) -> Int {
        var index = 0
        scanner.skipWhitespace(&index)
        var located = index
        for token in tokens {
            guard let next = containers.child(token, ofContainerAt: index, in: scanner) else { break }
            located = next.located
            index = next.valueStart
        }
        return located
    }

    /// The members and elements read so far, by the offset of their container.
    private final class ContainerIndex: @unchecked Sendable {
        private let lock = NSLock()
        private var objects: [Int: [String: (keyOffset: Int, valueStart: Int)]] = [:]
        private var arrays: [Int: [Int]] = [:]

        var count: Int { lock.withLock { objects.count + arrays.count } }

        /// Where `token` leads from the container at `start`: the key's (or element's) offset
        /// and its value's start.
        func child(_ token: String, ofContainerAt start: Int, in scanner: JSONScanner) -> (located: Int, valueStart: Int)? {
            switch scanner.peek(start) {
            case UInt8(ascii: "{"):
                let members = lock.withLock { objects[start] } ?? read(objectAt: start, in: scanner)
                return members[token].map { ($0.keyOffset, $0.valueStart) }
            case UInt8(ascii: "["):
                guard let position = Int(token) else { return nil }
                let elements = lock.withLock { arrays[start] } ?? read(arrayAt: start, in: scanner)
                guard elements.indices.contains(position) else { return nil }
                return (elements[position], elements[position])
            default:
                return nil
            }
        }

        private func read(objectAt start: Int, in scanner: JSONScanner) -> [String: (keyOffset: Int, valueStart: Int)] {
            var members: [String: (keyOffset: Int, valueStart: Int)] = [:]
            for member in (try? scanner.members(ofObjectAt: start, textIsChecked: true)) ?? [] where members[member.key] == nil {
                members[member.key] = (member.keyOffset, member.valueRange.lowerBound)
            }
            lock.withLock { objects[start] = members }
            return members
        }

        private func read(arrayAt start: Int, in scanner: JSONScanner) -> [Int] {
            let elements = ((try? scanner.elements(ofArrayAt: start, textIsChecked: true)) ?? []).map(\.lowerBound)
            lock.withLock { arrays[start] = elements }
            return elements
        }
    }
}

/// Locates pointers in a YAML file through the marks of its composed nodes.
///
/// A document's nodes take several times its text's size (20 MB for DigitalOcean's 2,907 files
/// of 2.7 MB), and few files have anything to report: a locator made from a file's text
/// composes it again on its first question, and keeps only the text until then.
final class YAMLSourceLocator: SourceLocator, @unchecked Sendable {
    private let text: String?
    /// Guards `composed` and `needsComposing`, which are set once.
    private let lock = NSLock()
    private var composed: Yams.Node?
    private var needsComposing = true

    /// A locator over nodes already composed (kept).
    init(root: Yams.Node) {
        text = nil
        composed = root
        needsComposing = false
    }

    /// A locator over YAML text, composed when it is first asked.
    init(text: String) {
        self.text = text
    }

    private var root: Yams.Node? {
        lock.withLock {
            if needsComposing, let text {
                needsComposing = false
                composed = try? Yams.compose(yaml: text)
            }
            return composed
        }
    }

    func position(of pointer: String) -> (line: Int, column: Int)? {
        guard var node = root else { return nil }
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
