import Foundation

/// Turns names from the documents (`get_author_convert_ability`, `SHORT_VIDEO`, `oAuthorId`,
/// `douyin-xingtu`) into Swift names that follow the API Design Guidelines.
public enum SwiftName {
    /// The words of `text`: split at anything that is not a letter or digit, at lower-to-upper
    /// case changes and before the last capital of an acronym (`APIKey` → `API`, `Key`).
    /// A token written all in capitals (`SHORT_VIDEO`) is a word in lower case, not an acronym.
    public static func words(of text: String) -> [String] {
        text.utf8.allSatisfy({ $0 < 0x80 }) ? asciiWords(of: text) : unicodeWords(of: text)
    }

    /// ``words(of:)`` for any text, by Unicode properties.
    static func unicodeWords(of text: String) -> [String] {
        var result: [String] = []
        let tokens = text.split { !($0.isLetter || ($0.isASCII && $0.isNumber)) }
        for token in tokens {
            let characters = Array(token)
            let hasLower = characters.contains { $0.isLowercase }
            if !hasLower {
                result.append(String(token).lowercased())
                continue
            }
            var current = ""
            for (index, character) in characters.enumerated() {
                if !current.isEmpty {
                    let previous = characters[index - 1]
                    let next = index + 1 < characters.count ? characters[index + 1] : nil
                    let lowerToUpper = previous.isLowercase && character.isUppercase
                    let digitToUpper = previous.isNumber && character.isUppercase
                    let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                    if lowerToUpper || digitToUpper || acronymEnd {
                        result.append(current)
                        current = ""
                    }
                }
                current.append(character)
            }
            if !current.isEmpty { result.append(current) }
        }
        return result
    }

    /// ``words(of:)`` for ASCII text, byte by byte (the same rules; most names are ASCII, and
    /// Unicode properties cost a table lookup per character).
    static func asciiWords(of text: String) -> [String] {
        func isLower(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") }
        func isUpper(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        var result: [String] = []
        for token in text.utf8.split(whereSeparator: { !(isLower($0) || isUpper($0) || isDigit($0)) }) {
            let bytes = Array(token)
            guard bytes.contains(where: isLower) else {
                result.append(String(decoding: bytes, as: UTF8.self).lowercased())
                continue
            }
            var start = 0
            for index in bytes.indices.dropFirst() {
                let previous = bytes[index - 1]
                let byte = bytes[index]
                let next = index + 1 < bytes.count ? bytes[index + 1] : nil
                let lowerToUpper = isLower(previous) && isUpper(byte)
                let digitToUpper = isDigit(previous) && isUpper(byte)
                let acronymEnd = isUpper(previous) && isUpper(byte) && (next.map(isLower) ?? false)
                if lowerToUpper || digitToUpper || acronymEnd {
                    result.append(String(decoding: bytes[start..<index], as: UTF8.self))
                    start = index
                }
            }
            result.append(String(decoding: bytes[start...], as: UTF8.self))
        }
        return result
    }

    /// Acronyms written in capitals after the first word, as the API Design Guidelines ask
    /// (`USER_ID` → `userID`, `X-Request-ID` → `xRequestID`).
    static let acronyms: Set<String> = ["id", "ids", "url", "urls", "uri", "http", "https", "api", "json", "xml", "html", "uuid", "ip"]

    /// `lowerCamelCase`: the first word in lower case (`URLPath` → `urlPath`), later words
    /// capitalized, acronyms in capitals (`getAPIKey`, `userID`). Not escaped; see ``escaped(_:)``.
    public static func camelCase(_ text: String) -> String {
        let parts = words(of: text)
        guard let first = parts.first else { return "" }
        var result = first.allSatisfy({ $0.isUppercase || $0.isNumber }) ? first.lowercased() : lowercasingFirst(first)
        for word in parts.dropFirst() { result += wordInName(word) }
        return result
    }

    /// `UpperCamelCase`.
    public static func pascalCase(_ text: String) -> String {
        words(of: text).map(wordInName).joined()
    }

    /// A word after the first: an acronym found in lower case (it came from a name written all
    /// in capitals) in capitals, anything else capitalized as written.
    private static func wordInName(_ word: String) -> String {
        if word == word.lowercased(), acronyms.contains(word) {
            return word == "ids" ? "IDs" : word == "urls" ? "URLs" : word.uppercased()
        }
        return capitalizingFirst(word)
    }

    /// `text` made usable where Swift expects an identifier: keywords in backticks.
    public static func escaped(_ name: String) -> String {
        SwiftKeywords.reserved.contains(name) ? "`\(name)`" : name
    }

    /// A legal, unescaped identifier for `text` in lowerCamelCase, or `nil` if `text` has no
    /// letters or digits. A leading digit gets `prefix` (`90` → `value90` with prefix `value`).
    public static func lowerIdentifier(_ text: String, digitPrefix prefix: String) -> String? {
        var name = camelCase(text)
        guard !name.isEmpty else { return nil }
        if name.first!.isNumber { name = prefix + capitalizingFirst(name) }
        if SwiftKeywords.unusable.contains(name) { name += "Value" }
        return name
    }

    /// A legal type name for `text` in UpperCamelCase, or `nil` if `text` has no letters or digits.
    /// A leading digit gets `prefix`; a name in `avoiding` gets `suffix` (`Result` → `ResultModel`).
    public static func typeIdentifier(
        _ text: String, digitPrefix prefix: String, takenSuffix suffix: String, avoiding: Set<String>
    ) -> String? {
        var name = pascalCase(text)
        guard !name.isEmpty else { return nil }
        if name.first!.isNumber { name = capitalizingFirst(prefix) + name }
        if avoiding.contains(name) || SwiftKeywords.unusable.contains(name) { name += suffix }
        return name
    }

    /// The name of a type nested in another, from a property or parameter name: `platform` →
    /// `Platform`, `type` → `TypeValue` (a nested `Type` or `String` would hide the real one).
    public static func nestedTypeName(_ text: String, digitPrefix prefix: String) -> String {
        typeIdentifier(text, digitPrefix: prefix, takenSuffix: "Value", avoiding: SwiftKeywords.generatedCodeTypeNames)
            ?? prefix
    }

    static func capitalizingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.uppercased() + word.dropFirst()
    }

    static func lowercasingFirst(_ word: String) -> String {
        guard let first = word.first else { return word }
        return first.lowercased() + word.dropFirst()
    }

    /// Names for enum values that have no letters or digits.
    static let symbolNames: [String: String] = [
        "": "empty", "-": "minus", "+": "plus", "*": "asterisk", "/": "slash", "=": "equals", ".": "dot",
        "<": "lessThan", ">": "greaterThan", "<=": "lessThanOrEqual", ">=": "greaterThanOrEqual",
        "!=": "notEqual", "==": "equal", "_": "underscore", "%": "percent", "&": "ampersand", "#": "hash",
        "@": "at", "?": "questionMark", "!": "exclamationMark", "~": "tilde", "^": "caret", "|": "pipe",
    ]

    /// The case names of an enum's values, in order: ``enumCaseName(forValue:)``, except for
    /// values whose names would be the same (ignoring case) only because a Swift name drops
    /// symbols: those spell out the symbols that tell them apart (`Etc/GMT+5` → `etcGmtPlus5`,
    /// `Etc/GMT-5` → `etcGmtMinus5`, where both would be `etcGmt5`). Symbols every value of
    /// such a group has alike (the `/` above) stay separators. Names that still clash are left
    /// for the caller's ``NameScope`` to number.
    public static func enumCaseNames(forValues values: [String]) -> [String] {
        let names = values.map(enumCaseName(forValue:))
        let groups = Dictionary(grouping: values.indices, by: { names[$0].lowercased() }).values.filter { $0.count > 1 }
        guard !groups.isEmpty else { return names }
        var result = names
        for group in groups {
            let members = group.map { values[$0] }
            let symbols = Set(members.flatMap { $0.filter { spelledSymbols[$0] != nil } })
            let differing = symbols.filter { symbol in
                Set(members.map { $0.count(where: { $0 == symbol }) }).count > 1
            }
            guard !differing.isEmpty else { continue }
            let spelled = group.map { enumCaseName(forValue: spellingOut(differing, in: values[$0])) }
            guard Set(spelled.map { $0.lowercased() }).count == spelled.count else { continue }
            for (index, name) in zip(group, spelled) { result[index] = name }
        }
        return result
    }

    /// Words for the symbols ``enumCaseNames(forValues:)`` may spell out. A `-` before a digit
    /// is a sign (`minus`); elsewhere a dash.
    static let spelledSymbols: [Character: String] = [
        "+": "plus", "-": "dash", "*": "asterisk", "/": "slash", "=": "equals", ".": "dot", "<": "lessThan",
        ">": "greaterThan", "_": "underscore", "%": "percent", "&": "and", "#": "hash", "@": "at", "!": "not",
        "~": "tilde", "^": "caret", "|": "pipe", ":": "colon", ",": "comma", " ": "space",
    ]

    /// `value` with each of `symbols` written as a word of its own (`GMT-5` → `GMT minus 5`).
    private static func spellingOut(_ symbols: Set<Character>, in value: String) -> String {
        var result = ""
        var characters = value.makeIterator()
        var current = characters.next()
        while let character = current {
            let next = characters.next()
            if symbols.contains(character), let word = spelledSymbols[character] {
                let isSign = character == "-" && (next?.isNumber ?? false)
                result += " " + (isSign ? "minus" : word) + " "
            } else {
                result.append(character)
            }
            current = next
        }
        return result
    }

    /// The case name for an enum value: `SHORT_VIDEO` → `shortVideo`, `DAY_30` → `day30`,
    /// `90` → `value90`, `-1` → `valueMinus1`, `-` → `minus`, `true` → `true` (escaped where used).
    /// `NONE` → `noneValue`, so that `.none` never competes with `Optional.none`.
    public static func enumCaseName(forValue value: String) -> String {
        // A negative number keeps its sign, as integer enums' cases do (`-1` → `valueMinus1`).
        if value.hasPrefix("-"), value.dropFirst().first?.isNumber == true,
            let rest = lowerIdentifier(String(value.dropFirst()), digitPrefix: "value")
        {
            return "valueMinus" + rest.dropFirst("value".count)
        }
        if let name = lowerIdentifier(value, digitPrefix: "value") {
            return name == "none" || name == "some" ? name + "Value" : name
        }
        if let name = symbolNames[value.trimmingCharacters(in: .whitespaces)] { return name }
        let code = value.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: "_")
        return "value_" + code
    }
}
