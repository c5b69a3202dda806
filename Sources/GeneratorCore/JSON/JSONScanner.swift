import Foundation

/// A small, strict JSON scanner over raw bytes: it checks syntax with exact error positions,
/// finds the byte offset of the value a JSON pointer names (for diagnostics' lines and
/// columns), and lists an object's members as byte ranges. ``JSONTree`` reads with it.
///
/// The object and array loops are written once, in ``scanObject(_:member:)`` and
/// ``scanArray(_:element:)``: skipping, listing and tree reading all go through them.
struct JSONScanner {
    struct SyntaxError: Error, Equatable {
        let offset: Int
        let message: String
        /// The JSON is well-formed as far as it was read, but nests deeper than
        /// ``GeneratorLimits/documentNesting``.
        var isNestingLimit = false
    }

    /// One member of an object: its key, where the key starts, and the bytes of its value.
    struct Member {
        let key: String
        let keyOffset: Int
        let valueRange: Range<Int>
    }

    let bytes: [UInt8]
    /// How deep values may nest before ``syntaxError()`` refuses them.
    var nestingLimit = GeneratorLimits.documentNesting

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    // MARK: Syntax

    /// The first syntax error, or `nil` when the whole input is one valid JSON value.
    func syntaxError() -> SyntaxError? {
        var index = 0
        do {
            skipWhitespace(&index)
            guard index < bytes.count else { throw SyntaxError(offset: index, message: "the file has no JSON value") }
            try skipValue(&index, depth: 0)
            skipWhitespace(&index)
            if index < bytes.count {
                throw SyntaxError(offset: index, message: "unexpected \(describe(index)) after the end of the document")
            }
            return nil
        } catch let error as SyntaxError {
            return error
        } catch {
            return SyntaxError(offset: index, message: "\(error)")
        }
    }

    // MARK: Pointers

    /// The offset of the member key (for an object member) or the element (for an array index)
    /// that `pointer` names; as deep as the pointer can be followed.
    func offset(of pointer: String) -> Int? {
        follow(JSONPointer.tokens(of: pointer)).located
    }

    /// The offset where the value that `tokens` names starts; `nil` unless the whole path exists.
    func valueStart(of tokens: [String]) -> Int? {
        follow(tokens).valueStart
    }

    /// Follows `tokens` from the top as far as they lead: the offset of the last key or element
    /// found, and the start of the value the whole path names (`nil` if it stops short).
    private func follow(_ tokens: [String]) -> (located: Int, valueStart: Int?) {
        var index = 0
        skipWhitespace(&index)
        var located = index
        for token in tokens {
            guard index < bytes.count else { return (located, nil) }
            if bytes[index] == UInt8(ascii: "{") {
                guard let member = try? member(token, ofObjectAt: index) else { return (located, nil) }
                located = member.keyOffset
                index = member.valueStart
            } else if bytes[index] == UInt8(ascii: "["), let position = Int(token) {
                guard let elements = try? elements(ofArrayAt: index), position >= 0, position < elements.count else {
                    return (located, nil)
                }
                located = elements[position].lowerBound
                index = elements[position].lowerBound
            } else {
                return (located, nil)
            }
        }
        return (located, index)
    }

    /// The member called `key` of the object that starts at `start`, scanning only up to it.
    private func member(_ key: String, ofObjectAt start: Int) throws -> (keyOffset: Int, valueStart: Int)? {
        let wanted = Array(key.utf8)
        var index = start
        var found: (keyOffset: Int, valueStart: Int)?
        try scanObject(&index) { keyOffset, rawKey, index in
            let raw = bytes[rawKey]
            if raw.elementsEqual(wanted) || (raw.contains(UInt8(ascii: "\\")) && Self.unescape(raw) == key) {
                found = (keyOffset, index)
                return false
            }
            try skipValue(&index, depth: 1)
            return true
        }
        return found
    }

    /// The members of the object that starts at `start`. With `textIsChecked` (the text was
    /// read as valid JSON before), values are skipped without checking their syntax, which is
    /// several times faster.
    func members(ofObjectAt start: Int, textIsChecked: Bool = false) throws -> [Member] {
        var index = start
        var result: [Member] = []
        try scanObject(&index) { keyOffset, rawKey, index in
            let valueStart = index
            if textIsChecked { skipCheckedValue(&index) } else { try skipValue(&index, depth: 1) }
            result.append(Member(key: string(rawKey), keyOffset: keyOffset, valueRange: valueStart..<index))
            return true
        }
        return result
    }

    /// The byte ranges of the elements of the array that starts at `start` (`textIsChecked`
    /// as for ``members(ofObjectAt:textIsChecked:)``).
    func elements(ofArrayAt start: Int, textIsChecked: Bool = false) throws -> [Range<Int>] {
        var index = start
        var result: [Range<Int>] = []
        try scanArray(&index) { index in
            let elementStart = index
            if textIsChecked { skipCheckedValue(&index) } else { try skipValue(&index, depth: 1) }
            result.append(elementStart..<index)
            return true
        }
        return result
    }

    /// Moves `index` past the value that starts there, in text already read as valid JSON:
    /// only strings and brackets are followed, nothing is checked (text that is not JSON moves
    /// `index` at most to the end). One loop over the bytes, so that locating a diagnostic in
    /// a large document costs little even in a debug build.
    func skipCheckedValue(_ index: inout Int) {
        index = bytes.withUnsafeBufferPointer { buffer in
            let end = buffer.count
            var position = index
            var depth = 0
            repeat {
                guard position < end else { return end }
                switch buffer[position] {
                case UInt8(ascii: "\""):
                    position += 1
                    while position < end {
                        let byte = buffer[position]
                        position += byte == UInt8(ascii: "\\") ? 2 : 1
                        if byte == UInt8(ascii: "\"") { break }
                    }
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                    position += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    position += 1
                default:
                    guard depth == 0 else {
                        position += 1
                        continue
                    }
                    // A number or literal on its own: up to the punctuation or space after it.
                    while position < end {
                        switch buffer[position] {
                        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x09, 0x0A, 0x0D:
                            return position
                        default: position += 1
                        }
                    }
                }
            } while depth > 0
            return min(position, end)
        }
    }

    // MARK: The object and array loops

    /// Reads the object at `index` member by member: `member` gets the offset of each key, the
    /// range of its text (inside the quotes) and the index where its value starts, which it
    /// moves past the value; it returns `false` to stop there. Punctuation is checked, with
    /// located errors; at the end `index` is past the closing brace.
    func scanObject(
        _ index: inout Int, member: (_ keyOffset: Int, _ rawKey: Range<Int>, _ index: inout Int) throws -> Bool
    ) throws {
        try scanItems(&index, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) { index in
            guard peek(index) == UInt8(ascii: "\"") else {
                let what = unexpected(at: index)
                throw SyntaxError(offset: index, message: "\(what); expected a member name in quotes")
            }
            let keyOffset = index
            try skipString(&index)
            let rawKey = (keyOffset + 1)..<(index - 1)
            skipWhitespace(&index)
            try expect(UInt8(ascii: ":"), &index)
            skipWhitespace(&index)
            return try member(keyOffset, rawKey, &index)
        }
    }

    /// Reads the array at `index` element by element, as ``scanObject(_:member:)`` reads objects.
    func scanArray(_ index: inout Int, element: (_ index: inout Int) throws -> Bool) throws {
        try scanItems(&index, open: UInt8(ascii: "["), close: UInt8(ascii: "]"), item: element)
    }

    /// The loop both containers share: `open`, items separated by commas, `close`.
    private func scanItems(_ index: inout Int, open: UInt8, close: UInt8, item: (_ index: inout Int) throws -> Bool) throws {
        try expect(open, &index)
        skipWhitespace(&index)
        if peek(index) == close {
            index += 1
            return
        }
        while true {
            skipWhitespace(&index)
            guard try item(&index) else { return }
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard peek(index) == close else {
                let what = unexpected(at: index)
                throw SyntaxError(offset: index, message: "\(what); expected `,` or `\(Character(UnicodeScalar(close)))`")
            }
            index += 1
            return
        }
    }

    /// The text of a key or string whose raw bytes (inside the quotes) are `raw`, unescaped.
    func string(_ raw: Range<Int>) -> String {
        Self.string(bytes[raw])
    }

    /// The text of a string's content (the bytes between its quotes), escapes read.
    static func string(_ raw: ArraySlice<UInt8>) -> String {
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return unescape(raw)
    }

    /// The string value at `range`, when it is a JSON string.
    func stringValue(at range: Range<Int>) -> String? {
        var index = range.lowerBound
        return try? readString(&index)
    }

    // MARK: Positions

    /// 1-based line and column (in characters) of `offset`.
    func position(of offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        let end = min(offset, bytes.count)
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        let column = String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1
        return (line, column)
    }

    // MARK: Scanning

    func peek(_ index: Int) -> UInt8? { index < bytes.count ? bytes[index] : nil }

    /// "unexpected `x`", or that the file ends early.
    private func unexpected(at index: Int) -> String {
        peek(index) == nil ? "unexpected end of file (the document is truncated)" : "unexpected \(describe(index))"
    }

    func describe(_ index: Int) -> String {
        guard let byte = peek(index) else { return "end of file" }
        if byte >= 0x20 && byte < 0x7F { return "`\(Character(UnicodeScalar(byte)))`" }
        return "byte 0x\(String(byte, radix: 16))"
    }

    private func expect(_ byte: UInt8, _ index: inout Int) throws {
        guard peek(index) == byte else {
            let what = unexpected(at: index)
            throw SyntaxError(offset: index, message: "\(what); expected `\(Character(UnicodeScalar(byte)))`")
        }
        index += 1
    }

    func skipWhitespace(_ index: inout Int) {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            default: return
            }
        }
    }

    /// Moves `index` past the value that starts there, checking its syntax; values nested more
    /// than ``nestingLimit`` levels below `depth` 0 are refused.
    func skipValue(_ index: inout Int, depth: Int) throws {
        guard depth <= nestingLimit else {
            throw SyntaxError(offset: index, message: "nesting is deeper than \(nestingLimit) levels", isNestingLimit: true)
        }
        switch peek(index) {
        case UInt8(ascii: "{"):
            try scanObject(&index) { _, _, index in
                try skipValue(&index, depth: depth + 1)
                return true
            }
        case UInt8(ascii: "["):
            try scanArray(&index) { index in
                try skipValue(&index, depth: depth + 1)
                return true
            }
        default:
            try skipScalar(&index)
        }
    }

    /// Moves `index` past the string, number, `true`, `false` or `null` that starts there.
    func skipScalar(_ index: inout Int) throws {
        guard let byte = peek(index) else {
            throw SyntaxError(offset: index, message: "unexpected end of file (the document is truncated); expected a value")
        }
        switch byte {
        case UInt8(ascii: "\""):
            try skipString(&index)
        case UInt8(ascii: "t"):
            try skipLiteral("true", &index)
        case UInt8(ascii: "f"):
            try skipLiteral("false", &index)
        case UInt8(ascii: "n"):
            try skipLiteral("null", &index)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try skipNumber(&index)
        default:
            throw SyntaxError(offset: index, message: "unexpected \(describe(index)); expected a value")
        }
    }

    private func skipLiteral(_ literal: StaticString, _ index: inout Int) throws {
        let start = index
        let text = literal.withUTF8Buffer { Array($0) }
        for byte in text {
            guard peek(index) == byte else {
                throw SyntaxError(offset: start, message: "unexpected \(describe(start)); expected a value")
            }
            index += 1
        }
    }

    private func skipNumber(_ index: inout Int) throws {
        let start = index
        if peek(index) == UInt8(ascii: "-") { index += 1 }
        var digits = 0
        while let byte = peek(index), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
            index += 1
            digits += 1
        }
        guard digits > 0 else { throw SyntaxError(offset: start, message: "a number has no digits") }
        if peek(index) == UInt8(ascii: ".") {
            index += 1
            var fraction = 0
            while let byte = peek(index), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                index += 1
                fraction += 1
            }
            guard fraction > 0 else { throw SyntaxError(offset: index, message: "a number ends after its decimal point") }
        }
        if peek(index) == UInt8(ascii: "e") || peek(index) == UInt8(ascii: "E") {
            index += 1
            if peek(index) == UInt8(ascii: "+") || peek(index) == UInt8(ascii: "-") { index += 1 }
            var exponent = 0
            while let byte = peek(index), byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                index += 1
                exponent += 1
            }
            guard exponent > 0 else { throw SyntaxError(offset: index, message: "a number's exponent has no digits") }
        }
    }

    private func skipString(_ index: inout Int) throws {
        let start = index
        index += 1
        while let byte = peek(index) {
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return
            case UInt8(ascii: "\\"):
                index += 2
            case 0x00..<0x20:
                throw SyntaxError(offset: index, message: "a control character inside a string must be escaped")
            default:
                index += 1
            }
        }
        throw SyntaxError(offset: start, message: "unexpected end of file inside a string (the document is truncated)")
    }

    /// Reads a string and decodes its escapes.
    func readString(_ index: inout Int) throws -> String {
        guard peek(index) == UInt8(ascii: "\"") else {
            throw SyntaxError(offset: index, message: "unexpected \(describe(index)); expected a string")
        }
        let start = index + 1
        try skipString(&index)
        return string(start..<(index - 1))
    }

    private static func unescape(_ raw: ArraySlice<UInt8>) -> String {
        var output: [UInt8] = []
        var scalars: [UInt16] = []
        var index = raw.startIndex
        func flushUTF16() {
            guard !scalars.isEmpty else { return }
            output.append(contentsOf: Array(String(decoding: scalars, as: UTF16.self).utf8))
            scalars.removeAll()
        }
        while index < raw.endIndex {
            let byte = raw[index]
            if byte == UInt8(ascii: "\\"), index + 1 < raw.endIndex {
                let next = raw[index + 1]
                if next == UInt8(ascii: "u"), index + 5 < raw.endIndex,
                    let code = UInt16(String(decoding: raw[(index + 2)...(index + 5)], as: UTF8.self), radix: 16)
                {
                    scalars.append(code)
                    index += 6
                    continue
                }
                flushUTF16()
                switch next {
                case UInt8(ascii: "n"): output.append(0x0A)
                case UInt8(ascii: "t"): output.append(0x09)
                case UInt8(ascii: "r"): output.append(0x0D)
                case UInt8(ascii: "b"): output.append(0x08)
                case UInt8(ascii: "f"): output.append(0x0C)
                default: output.append(next)
                }
                index += 2
            } else {
                flushUTF16()
                output.append(byte)
                index += 1
            }
        }
        flushUTF16()
        return String(decoding: output, as: UTF8.self)
    }
}
