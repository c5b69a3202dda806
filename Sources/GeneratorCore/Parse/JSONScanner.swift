import Foundation

/// A small, strict JSON scanner over raw bytes: it checks syntax with exact error positions,
/// finds the value a JSON pointer names, and lists an object's members as byte ranges.
///
/// It builds no tree, so it is cheap enough to run on every input before the real decoder.
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

    /// The keys of the object that `tokens` names; `nil` when it is not an object.
    func memberKeys(at tokens: [String]) -> [String]? {
        guard let start = valueStart(of: tokens), peek(start) == UInt8(ascii: "{") else { return nil }
        return (try? members(ofObjectAt: start))?.map(\.key)
    }

    /// The text with the scalar at `tokens` (a number, `true` or `false`) written as a JSON
    /// string of its text, and, when it is an array's element, every such scalar of that array.
    /// When `tokens` names an array (YAML's `type: [array, null]`), its scalars, `null` among
    /// them, become strings. `nil` when there is nothing to quote there.
    func quotingScalars(at tokens: [String]) -> [UInt8]? {
        guard let start = valueStart(of: tokens) else { return nil }
        var ranges: [Range<Int>] = []
        if peek(start) == UInt8(ascii: "["), let elements = try? elements(ofArrayAt: start) {
            ranges = elements.filter { isQuotable(at: $0.lowerBound, orNull: true) }
        } else if isQuotable(at: start, orNull: false) {
            if let index = tokens.last.flatMap({ Int($0) }), index >= 0,
                let parent = valueStart(of: Array(tokens.dropLast())), peek(parent) == UInt8(ascii: "["),
                let elements = try? elements(ofArrayAt: parent)
            {
                ranges = elements.filter { isQuotable(at: $0.lowerBound, orNull: false) }
            } else {
                var end = start
                guard (try? skipValue(&end, depth: 0)) != nil else { return nil }
                ranges = [start..<end]
            }
        }
        guard !ranges.isEmpty else { return nil }
        var result = bytes
        // From the end backwards, so that earlier ranges stay valid.
        for range in ranges.reversed() {
            var quoted: [UInt8] = []
            YAMLToJSON.writeString(String(decoding: bytes[range], as: UTF8.self), to: &quoted)
            result.replaceSubrange(range, with: quoted)
        }
        return result
    }

    private func isQuotable(at index: Int, orNull: Bool) -> Bool {
        guard let byte = peek(index) else { return false }
        return byte == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            || byte == UInt8(ascii: "t") || byte == UInt8(ascii: "f") || (orNull && byte == UInt8(ascii: "n"))
    }

    /// The text without the object member that `tokens` names (its last token is the key), still
    /// valid JSON; `nil` when there is no such member.
    func removingMember(at tokens: [String]) -> [UInt8]? {
        guard let key = tokens.last, let parent = valueStart(of: Array(tokens.dropLast())),
            peek(parent) == UInt8(ascii: "{"), let members = try? members(ofObjectAt: parent),
            let position = members.firstIndex(where: { $0.key == key })
        else { return nil }
        let range: Range<Int>
        if position + 1 < members.count {
            range = members[position].keyOffset..<members[position + 1].keyOffset
        } else if position > 0 {
            range = members[position - 1].valueRange.upperBound..<members[position].valueRange.upperBound
        } else {
            range = members[position].keyOffset..<members[position].valueRange.upperBound
        }
        var result = bytes
        result.removeSubrange(range)
        return result
    }

    /// The member called `key` of the object that starts at `start`, scanning only up to it.
    private func member(_ key: String, ofObjectAt start: Int) throws -> (keyOffset: Int, valueStart: Int)? {
        let wanted = Array(key.utf8)
        var index = start
        try expect(UInt8(ascii: "{"), &index)
        skipWhitespace(&index)
        if peek(index) == UInt8(ascii: "}") { return nil }
        while true {
            skipWhitespace(&index)
            let keyOffset = index
            let keyStart = index + 1
            try skipString(&index)
            let raw = bytes[keyStart..<(index - 1)]
            let matches = raw.elementsEqual(wanted) || (raw.contains(UInt8(ascii: "\\")) && Self.unescape(raw) == key)
            skipWhitespace(&index)
            try expect(UInt8(ascii: ":"), &index)
            skipWhitespace(&index)
            if matches { return (keyOffset, index) }
            try skipValue(&index, depth: 1)
            skipWhitespace(&index)
            guard peek(index) == UInt8(ascii: ",") else { return nil }
            index += 1
        }
    }

    /// The members of the object that starts at `start`.
    func members(ofObjectAt start: Int) throws -> [Member] {
        var index = start
        try expect(UInt8(ascii: "{"), &index)
        var result: [Member] = []
        skipWhitespace(&index)
        if peek(index) == UInt8(ascii: "}") { return result }
        while true {
            skipWhitespace(&index)
            let keyOffset = index
            let key = try readString(&index)
            skipWhitespace(&index)
            try expect(UInt8(ascii: ":"), &index)
            skipWhitespace(&index)
            let valueStart = index
            try skipValue(&index, depth: 1)
            result.append(Member(key: key, keyOffset: keyOffset, valueRange: valueStart..<index))
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "}"), &index)
            return result
        }
    }

    /// The byte ranges of the elements of the array that starts at `start`.
    func elements(ofArrayAt start: Int) throws -> [Range<Int>] {
        var index = start
        try expect(UInt8(ascii: "["), &index)
        var result: [Range<Int>] = []
        skipWhitespace(&index)
        if peek(index) == UInt8(ascii: "]") { return result }
        while true {
            skipWhitespace(&index)
            let elementStart = index
            try skipValue(&index, depth: 1)
            result.append(elementStart..<index)
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect(UInt8(ascii: "]"), &index)
            return result
        }
    }

    /// The string value at `range`, when it is a JSON string.
    func stringValue(at range: Range<Int>) -> String? {
        var index = range.lowerBound
        return try? readString(&index)
    }

    /// What the generator needs from the raw text, in one pass over it: every `$ref` (with the
    /// pointer to the object that holds it), the key order of every `properties` object (which
    /// decoders do not keep), and the vendor extensions set to `true` on each operation (the
    /// decoder skips vendor extensions, which would cost most of its time).
    func structure() -> DocumentStructure {
        var result = DocumentStructure()
        var tokens: [String] = []
        var index = 0
        skipWhitespace(&index)
        walk(&index, tokens: &tokens, into: &result)
        return result
    }

    /// Walks the value at `index`, leaving `index` after it.
    private func walk(_ index: inout Int, tokens: inout [String], into result: inout DocumentStructure) {
        guard index < bytes.count else { return }
        switch bytes[index] {
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: "}") {
                index += 1
                return
            }
            let operation = DocumentStructure.operationKey(at: tokens)
            var keys: [String]? = DocumentStructure.isPropertyMap(at: tokens) ? [] : nil
            while index < bytes.count {
                skipWhitespace(&index)
                guard let key = try? readString(&index) else { return }
                keys?.append(key)
                skipWhitespace(&index)
                guard peek(index) == UInt8(ascii: ":") else { return }
                index += 1
                skipWhitespace(&index)
                let valueStart = index
                if key == "$ref", peek(index) == UInt8(ascii: "\"") {
                    if let target = try? readString(&index) {
                        result.references.append((JSONPointer.pointer(tokens), target))
                    }
                } else if key == DocumentStructure.sampleInferredKey, tokens.count == 3, tokens[0] == "components",
                    tokens[1] == "schemas"
                {
                    try? skipValue(&index, depth: 0)
                    if bytes[valueStart..<index].elementsEqual("true".utf8) { result.inferredSchemas.insert(tokens[2]) }
                } else if let operation, key.hasPrefix("x-") {
                    try? skipValue(&index, depth: 0)
                    if bytes[valueStart..<index].elementsEqual("true".utf8) {
                        result.operationFlags[operation, default: []].insert(key)
                    } else if DocumentStructure.pagingKeys.contains(key) {
                        result.pagingDescriptions[operation, default: [:]][key] = Array(bytes[valueStart..<index])
                    }
                } else if IgnorableKeywords.numericLimits.contains(key), keys == nil,
                    let first = peek(index), first != UInt8(ascii: "{"), first != UInt8(ascii: "[")
                {
                    try? skipValue(&index, depth: 0)
                    result.numericLimits.append((tokens + [key], String(decoding: bytes[valueStart..<index], as: UTF8.self)))
                } else {
                    tokens.append(key)
                    walk(&index, tokens: &tokens, into: &result)
                    tokens.removeLast()
                }
                skipWhitespace(&index)
                if peek(index) == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                index += 1  // `}`
                break
            }
            if let keys { result.propertyOrders.append(keys) }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: "]") {
                index += 1
                return
            }
            var position = 0
            while index < bytes.count {
                skipWhitespace(&index)
                tokens.append(String(position))
                walk(&index, tokens: &tokens, into: &result)
                tokens.removeLast()
                position += 1
                skipWhitespace(&index)
                if peek(index) == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                index += 1  // `]`
                break
            }
        default:
            let start = index
            try? skipValue(&index, depth: 0)
            // JSON Schema's boolean schemas (3.1): `true` accepts anything, `false` nothing.
            if let first = peek(start), first == UInt8(ascii: "t") || first == UInt8(ascii: "f"),
                DocumentStructure.isSchemaPosition(tokens)
            {
                result.booleanSchemas.append((tokens, first == UInt8(ascii: "t"), start..<index))
            }
        }
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

    private func describe(_ index: Int) -> String {
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

    func skipValue(_ index: inout Int, depth: Int) throws {
        guard depth <= nestingLimit else {
            throw SyntaxError(offset: index, message: "nesting is deeper than \(nestingLimit) levels", isNestingLimit: true)
        }
        guard let byte = peek(index) else {
            throw SyntaxError(offset: index, message: "unexpected end of file (the document is truncated); expected a value")
        }
        switch byte {
        case UInt8(ascii: "{"):
            index += 1
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: "}") {
                index += 1
                return
            }
            while true {
                skipWhitespace(&index)
                guard peek(index) == UInt8(ascii: "\"") else {
                    let what = unexpected(at: index)
                    throw SyntaxError(offset: index, message: "\(what); expected a member name in quotes")
                }
                try skipString(&index)
                skipWhitespace(&index)
                try expect(UInt8(ascii: ":"), &index)
                skipWhitespace(&index)
                try skipValue(&index, depth: depth + 1)
                skipWhitespace(&index)
                if peek(index) == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek(index) == UInt8(ascii: "}") else {
                    let what = unexpected(at: index)
                    throw SyntaxError(offset: index, message: "\(what); expected `,` or `}`")
                }
                index += 1
                return
            }
        case UInt8(ascii: "["):
            index += 1
            skipWhitespace(&index)
            if peek(index) == UInt8(ascii: "]") {
                index += 1
                return
            }
            while true {
                skipWhitespace(&index)
                try skipValue(&index, depth: depth + 1)
                skipWhitespace(&index)
                if peek(index) == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard peek(index) == UInt8(ascii: "]") else {
                    let what = unexpected(at: index)
                    throw SyntaxError(offset: index, message: "\(what); expected `,` or `]`")
                }
                index += 1
                return
            }
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
        let raw = bytes[start..<(index - 1)]
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        return Self.unescape(raw)
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

/// What ``JSONScanner/structure()`` (or the YAML equivalent) finds in a document's text.
struct DocumentStructure: Sendable {
    static let methods: Set<String> = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"]

    var references: [(pointer: String, target: String)] = []
    var propertyOrders: [[String]] = []
    /// Vendor extensions set to `true`, by ``operationKey(method:path:)``.
    var operationFlags: [String: Set<String>] = [:]
    /// The JSON text of each operation's paging description (``pagingKeys``), by
    /// ``operationKey(method:path:)`` and extension name.
    var pagingDescriptions: [String: [String: [UInt8]]] = [:]

    /// The vendor extensions that describe an operation's paging: ours, and Speakeasy's,
    /// whose shape ours follows (ours wins where an operation has both).
    static let pagingKeys: Set<String> = ["x-pagination", "x-speakeasy-pagination"]
    /// Component schemas marked as inferred from samples (``sampleInferredKey``): their models
    /// read leniently (``SampleInferred`` in the runtime).
    var inferredSchemas: Set<String> = []

    /// The vendor extension `generate infer` puts on the schemas it writes.
    static let sampleInferredKey = "x-sample-inferred"
    /// Boolean schemas (`true`, `false` where a schema stands), with their place and byte
    /// range, for rewriting as the objects OpenAPIKit reads (`{}` and `{"not": {}}`).
    var booleanSchemas: [(tokens: [String], value: Bool, range: Range<Int>)] = []

    /// Keywords whose value is a schema (besides `properties` and the other maps of schemas);
    /// `additionalProperties` is left out, since a boolean there is read as it is.
    static let schemaKeywords: Set<String> = [
        "items", "not", "additionalItems", "contains", "if", "then", "else", "propertyNames", "contentSchema", "schema",
    ]
    /// Keywords whose value maps names to schemas.
    static let schemaMapKeywords: Set<String> = ["patternProperties", "$defs", "definitions", "dependentSchemas"]
    /// Keywords whose value lists schemas.
    static let schemaListKeywords: Set<String> = ["allOf", "anyOf", "oneOf", "prefixItems"]

    /// Members whose values are data, not schemas, whatever keys they hold.
    static let instanceKeys: Set<String> = ["example", "examples", "default", "enum", "const"]

    /// Whether the value at `tokens` stands where a schema does.
    static func isSchemaPosition(_ tokens: [String]) -> Bool {
        guard let last = tokens.last, !tokens.contains(where: { instanceKeys.contains($0) || $0.hasPrefix("x-") })
        else { return false }
        if tokens.count == 3, tokens[0] == "components", tokens[1] == "schemas" { return true }
        let parent = Array(tokens.dropLast())
        if isPropertyMap(at: parent) { return true }
        if schemaKeywords.contains(last) { return true }
        guard let container = parent.last else { return false }
        if schemaMapKeywords.contains(container) { return true }
        return schemaListKeywords.contains(container) && Int(last) != nil
    }

    /// Numeric validation keywords (``IgnorableKeywords/numericLimits``) with their value's
    /// text, for dropping those the decoder would refuse before it runs.
    var numericLimits: [(tokens: [String], value: String)] = []

    /// The key of an operation's flags: `get /path`.
    static func operationKey(method: String, path: String) -> String {
        method.lowercased() + " " + path
    }

    /// The operation key of the object at `tokens`, when it is an operation (`paths` → path → method).
    static func operationKey(at tokens: [String]) -> String? {
        guard tokens.count == 3, tokens[0] == "paths", methods.contains(tokens[2]) else { return nil }
        return operationKey(method: tokens[2], path: tokens[1])
    }

    /// Whether the object at `tokens` maps property names to schemas: a `properties` object,
    /// unless `properties` is itself a property's name (in a run of `properties` tokens, the
    /// odd ones are maps).
    static func isPropertyMap(at tokens: [String]) -> Bool {
        tokens.reversed().prefix { $0 == "properties" }.count % 2 == 1
    }
}

/// JSON pointers (RFC 6901) and their relation to coding paths.
enum JSONPointer {
    static func tokens(of pointer: String) -> [String] {
        guard !pointer.isEmpty else { return [] }
        return pointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map { token in
            guard token.utf8.contains(UInt8(ascii: "~")) else { return String(token) }
            return token.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    static func pointer(_ tokens: [String]) -> String {
        tokens.map { "/" + escape($0) }.joined()
    }

    /// One pointer token escaped: `~` → `~0`, `/` → `~1`.
    static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }

    static func pointer(_ codingPath: [any CodingKey]) -> String {
        pointer(codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue })
    }
}
