/// Writes a ``JSONTree`` as block-style YAML, for overlays people read in review: mappings and
/// lists one entry per line, lists of plain values on one line, strings in double quotes
/// (JSON's escapes are YAML's), so that no value changes meaning.
enum YAMLWriter {
    static func text(of tree: JSONTree) -> String {
        var lines: [String] = []
        if let inline = inline(tree) {
            lines.append(inline)
        } else {
            block(tree, indent: 0, into: &lines)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The value on one line: scalars, empty collections, and lists of scalars.
    private static func inline(_ tree: JSONTree) -> String? {
        switch tree {
        case .scalar(let bytes):
            return String(decoding: bytes, as: UTF8.self)
        case .object(let members) where members.isEmpty:
            return "{}"
        case .array(let elements):
            let parts = elements.compactMap { element -> String? in
                if case .scalar = element { return inline(element) }
                return nil
            }
            return parts.count == elements.count ? "[" + parts.joined(separator: ", ") + "]" : nil
        case .object:
            return nil
        }
    }

    private static func block(_ tree: JSONTree, indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        switch tree {
        case .object(let members):
            for member in members {
                let key = plainKey(member.key)
                if let value = inline(member.value) {
                    lines.append("\(pad)\(key): \(value)")
                } else {
                    lines.append("\(pad)\(key):")
                    block(member.value, indent: indent + 2, into: &lines)
                }
            }
        case .array(let elements):
            for element in elements {
                if let value = inline(element) {
                    lines.append("\(pad)- \(value)")
                    continue
                }
                var nested: [String] = []
                block(element, indent: indent + 2, into: &nested)
                if let first = nested.first {
                    nested[0] = pad + "- " + first.dropFirst(indent + 2)
                }
                lines += nested
            }
        case .scalar:
            lines.append(pad + (inline(tree) ?? ""))
        }
    }

    private static let reservedWords: Set<String> = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ]

    /// The key as written: plain when YAML reads it back as the same text, quoted otherwise.
    private static func plainKey(_ key: String) -> String {
        let isPlain = key.first.map { $0.isLetter || $0 == "_" } == true
            && key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0)) }
            && !reservedWords.contains(key.lowercased())
        if isPlain { return key }
        var bytes: [UInt8] = []
        JSONText.writeString(key, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }
}
