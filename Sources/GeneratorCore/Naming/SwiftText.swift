/// Text from the documents made safe to place in Swift source: string literals and doc comments.
///
/// Whatever a description contains (quotes, backslashes, `*/`, `\(`, carriage returns, control
/// characters), the generated file still parses and means what it says.
public enum SwiftText {
    /// A Swift string literal, quotes included, that evaluates to `text`.
    public static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\0": result += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x2028...0x2029).contains(scalar.value) {
                    result += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// The lines of `text` as documentation: line breaks of every kind normalized, control
    /// characters removed, trailing spaces trimmed, runs of blank lines collapsed and blank lines
    /// at either end dropped. Each line is to be written after `/// `.
    public static func documentationLines(_ text: String?) -> [String] {
        guard let text else { return [] }
        return plainDocumentationLines(text) ?? cleanedDocumentationLines(text)
    }

    /// ``documentationLines(_:)`` of text that needs no cleaning — no control characters but
    /// line feeds, no other line breaks — split and trimmed as bytes; `nil` for any other text.
    /// Most descriptions are such text, and this is several times faster than cleaning scalar
    /// by scalar.
    static func plainDocumentationLines(_ text: String) -> [String]? {
        let lines = text.utf8.withContiguousStorageIfAvailable { bytes -> [String]? in
            var lines: [String] = []
            var start = 0
            func endLine(at end: Int) {
                var last = end
                while last > start, bytes[last - 1] == UInt8(ascii: " ") { last -= 1 }
                if last == start {
                    if !(lines.last?.isEmpty ?? true) { lines.append("") }
                } else {
                    lines.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self))
                }
            }
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    endLine(at: index)
                    start = index + 1
                } else if byte < 0x20 || byte == 0x7F {
                    return nil
                } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
                    return nil  // U+0085, next line
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
                {
                    return nil  // U+2028 and U+2029, line and paragraph separators
                }
                index += 1
            }
            endLine(at: bytes.count)
            while lines.last?.isEmpty == true { lines.removeLast() }
            return lines
        }
        return lines ?? nil
    }

    /// ``documentationLines(_:)`` of any text, cleaned scalar by scalar.
    static func cleanedDocumentationLines(_ text: String) -> [String] {
        var cleaned = ""
        cleaned.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r", "\u{2028}", "\u{2029}", "\u{0B}", "\u{0C}", "\u{85}":
                cleaned.unicodeScalars.append("\n")
                previousWasCR = scalar == "\r"
                continue
            case "\n":
                if !previousWasCR { cleaned.unicodeScalars.append("\n") }
            case "\t":
                cleaned.unicodeScalars.append(" ")
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { cleaned.unicodeScalars.append(scalar) }
            }
            previousWasCR = false
        }
        var lines: [String] = []
        for line in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(line)
            while line.last == " " { line.removeLast() }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// `lines` as `///` comment lines, with no trailing space on blank lines.
    public static func docComment(_ lines: [String]) -> [String] {
        lines.map { $0.isEmpty ? "///" : "/// \($0)" }
    }

    /// The first sentence or line of `text`, for one-line summaries such as parameter lists.
    public static func summary(_ text: String?) -> String? {
        guard let first = documentationLines(text).first else { return nil }
        return first
    }
}
