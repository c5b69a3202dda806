import Foundation
import Yams

/// Writes a composed YAML document as JSON text, so that YAML documents are decoded by the
/// same JSON decoder as JSON ones.
///
/// Yams' own decoder finds each key of a mapping by scanning the mapping, which makes large
/// `components` sections quadratic (12 s for a 3 MB document in a debug build); JSON decoding
/// is linear. Scalars keep their YAML meaning: plain `true`, `12`, `1.5` and `null` become JSON
/// booleans, numbers and null; everything else (quoted text, dates, `.inf`) becomes a string.
enum YAMLToJSON {
    /// The JSON text of `node`. Nesting must have been checked (``DocumentParser``): the
    /// conversion recurses once per level.
    static func convert(_ node: Yams.Node) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(1 << 16)
        write(node, to: &output)
        return output
    }

    /// Keys whose values are instances of the schema they sit in: in a `type: string` schema,
    /// YAML's plain `3` or `true` among them is text (`enum: [3, null]`), as YAML decoders read it.
    private static let instanceKeys: Set<String> = ["enum", "default", "const", "example"]

    private static func write(_ node: Yams.Node, asText: Bool = false, to output: inout [UInt8]) {
        switch node {
        case .mapping(let mapping):
            // A repeated key keeps its first place and its last value, as YAML loaders do.
            var names: [String] = []
            var values: [String: Yams.Node] = [:]
            for (key, value) in mapping {
                let name = key.string ?? ""
                if values.updateValue(value, forKey: name) == nil { names.append(name) }
            }
            let isTextSchema = values["type"]?.string == "string"
                || values["type"]?.sequence?.contains { $0.string == "string" } == true
            output.append(UInt8(ascii: "{"))
            for (index, name) in names.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(name, to: &output)
                output.append(UInt8(ascii: ":"))
                var value = values[name]!
                if isTextSchema, name == "enum", let elements = value.sequence {
                    // `null` among a text enum's values says the schema is nullable, which
                    // `nullable` or `type` says too; decoders of 3.0 refuse it.
                    value = .sequence(Yams.Node.Sequence(elements.filter { $0.tag.description != Tag.Name.null.rawValue }))
                }
                write(value, asText: isTextSchema && instanceKeys.contains(name), to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .sequence(let sequence):
            output.append(UInt8(ascii: "["))
            for (index, element) in sequence.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, asText: asText, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .scalar(let scalar):
            let tag = node.tag.description
            if asText && tag != Tag.Name.null.rawValue {
                writeString(scalar.string, to: &output)
            } else {
                writeScalar(scalar, tag: tag, to: &output)
            }
        case .alias:
            output.append(contentsOf: Array("null".utf8))
        }
    }

    /// `tag` is the scalar's resolved tag (plain `true` is a boolean, `'true'` a string).
    private static func writeScalar(_ scalar: Yams.Node.Scalar, tag: String, to output: inout [UInt8]) {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else {
            writeString(text, to: &output)
            return
        }
        switch tag {
        case Tag.Name.null.rawValue:
            output.append(contentsOf: Array("null".utf8))
        case Tag.Name.bool.rawValue:
            output.append(contentsOf: Array((Bool.construct(from: scalar) ?? false ? "true" : "false").utf8))
        case Tag.Name.int.rawValue:
            if let number = Int.construct(from: scalar) {
                output.append(contentsOf: Array(String(number).utf8))
            } else if isJSONNumber(text) {
                output.append(contentsOf: Array(text.utf8))
            } else {
                writeString(text, to: &output)
            }
        case Tag.Name.float.rawValue:
            if isJSONNumber(text) {
                output.append(contentsOf: Array(text.utf8))
            } else if let number = Double.construct(from: scalar), number.isFinite {
                output.append(contentsOf: Array("\(number)".utf8))
            } else {
                writeString(text, to: &output)
            }
        default:
            writeString(text, to: &output)
        }
    }

    /// Whether `text` is a number as JSON writes them.
    static func isJSONNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return false }
        func digits() -> Int {
            let count = bytes.prefix { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }.count
            bytes = bytes.dropFirst(count)
            return count
        }
        if first == UInt8(ascii: "0") { bytes = bytes.dropFirst() } else { _ = digits() }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            guard digits() > 0 else { return false }
        }
        if bytes.first == UInt8(ascii: "e") || bytes.first == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case UInt8(ascii: "\\"): output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
