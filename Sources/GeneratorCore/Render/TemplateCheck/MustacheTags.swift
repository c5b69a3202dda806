import Foundation

/// A tag of a Mustache template, where it stands.
struct MustacheTag: Equatable {
    enum Kind: Equatable {
        /// `{{name}}`, `{{{name}}}`, `{{&name}}`.
        case variable
        /// `{{#name}}`.
        case section
        /// `{{^name}}`.
        case invertedSection
        /// `{{/name}}`.
        case close
        /// `{{>name}}`.
        case partial
        /// `{{>*name}}`: the partial named by a key's value.
        case dynamicPartial
        /// `{{<name}}`: a parent template whose blocks this one overrides.
        case parent
        /// `{{$name}}`: a block.
        case block
        /// `{{=<% %>=}}`; the name is the new opening delimiter.
        case delimiters
        /// Comments and pragmas: nothing to check.
        case other
    }

    let kind: Kind
    /// The tag's name, trimmed: a key, a dotted key, `.`, or transforms around a key (`first()`).
    let name: String
    /// 1-based line and column of the tag's opening delimiter.
    let line: Int
    let column: Int
}

/// The tags of a Mustache template, in order, found the way swift-mustache reads them
/// (delimiter changes included). Unterminated tags end the scan: the template's parser reports
/// them.
enum MustacheTags {
    static func scan(_ text: String) -> [MustacheTag] {
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        var tags: [MustacheTag] = []
        var position = 0
        var line = 1
        var lineStart = 0
        var counted = 0  // bytes before this have been counted for lines

        func find(_ needle: [UInt8], from start: Int) -> Int? {
            guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
            var index = start
            while index + needle.count <= bytes.count {
                if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
                index += 1
            }
            return nil
        }
        func advanceLines(to index: Int) {
            while counted < index {
                if bytes[counted] == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = counted + 1
                }
                counted += 1
            }
        }
        func trimmed(_ slice: ArraySlice<UInt8>) -> String {
            String(decoding: slice, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        while let start = find(open, from: position) {
            advanceLines(to: start)
            let column = String(decoding: bytes[lineStart..<start], as: UTF8.self).count + 1
            var contentStart = start + open.count
            var closing = close
            // `{{{name}}}` ends with one more brace.
            if open == Array("{{".utf8), contentStart < bytes.count, bytes[contentStart] == UInt8(ascii: "{") {
                contentStart += 1
                closing = Array("}".utf8) + close
            }
            guard let end = find(closing, from: contentStart) else { break }
            position = end + closing.count
            let content = trimmed(bytes[contentStart..<end])
            if closing.count > close.count {
                tags.append(MustacheTag(kind: .variable, name: content, line: line, column: column))
                continue
            }
            guard let sigil = content.first else { continue }
            let rest = String(content.dropFirst()).trimmingCharacters(in: .whitespaces)
            switch sigil {
            case "#": tags.append(MustacheTag(kind: .section, name: rest, line: line, column: column))
            case "^": tags.append(MustacheTag(kind: .invertedSection, name: rest, line: line, column: column))
            case "/": tags.append(MustacheTag(kind: .close, name: rest, line: line, column: column))
            case ">":
                if rest.hasPrefix("*") {
                    let name = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
                    tags.append(MustacheTag(kind: .dynamicPartial, name: name, line: line, column: column))
                } else {
                    tags.append(MustacheTag(kind: .partial, name: rest, line: line, column: column))
                }
            case "<": tags.append(MustacheTag(kind: .parent, name: rest, line: line, column: column))
            case "$": tags.append(MustacheTag(kind: .block, name: rest, line: line, column: column))
            case "&": tags.append(MustacheTag(kind: .variable, name: rest, line: line, column: column))
            case "=":
                // `{{=<% %>=}}`: new delimiters from here on.
                let inner = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                if content.hasSuffix("="), inner.count == 2 {
                    open = Array(inner[0].utf8)
                    close = Array(inner[1].utf8)
                }
                tags.append(MustacheTag(kind: .delimiters, name: inner.first.map(String.init) ?? "", line: line, column: column))
            case "!", "%": tags.append(MustacheTag(kind: .other, name: "", line: line, column: column))
            default: tags.append(MustacheTag(kind: .variable, name: content, line: line, column: column))
            }
        }
        return tags
    }
}
