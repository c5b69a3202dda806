import Foundation
import Yams

/// Turns a composed YAML document into the ``JSONTree`` that JSON documents are read into, so
/// that every later stage reads YAML and JSON alike.
///
/// Yams' own decoder finds each key of a mapping by scanning the mapping, which makes large
/// `components` sections quadratic (12 s for a 3 MB document in a debug build); JSON decoding
/// is linear. Scalars keep their YAML meaning: plain `true`, `12`, `1.5` and `null` become JSON
/// booleans, numbers and null; everything else (quoted text, dates, `.inf`) becomes a string.
enum YAMLToJSON {
    /// The tree of `node`. Nesting must have been checked (``DocumentReader``): the
    /// conversion recurses once per level.
    static func tree(of node: Yams.Node) -> JSONTree {
        tree(of: node, asText: false)
    }

    /// Keys whose values are instances of the schema they sit in: in a `type: string` schema,
    /// YAML's plain `3` or `true` among them is text (`enum: [3, null]`), as YAML decoders read it.
    private static let instanceKeys: Set<String> = ["enum", "default", "const", "example"]

    private static func tree(of node: Yams.Node, asText: Bool) -> JSONTree {
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
            return .object(
                names.map { name in
                    var value = values[name]!
                    if isTextSchema, name == "enum", let elements = value.sequence {
                        // `null` among a text enum's values says the schema is nullable, which
                        // `nullable` or `type` says too; decoders of 3.0 refuse it.
                        value = .sequence(Yams.Node.Sequence(elements.filter { $0.tag.description != Tag.Name.null.rawValue }))
                    }
                    return JSONTree.Member(key: name, value: tree(of: value, asText: isTextSchema && instanceKeys.contains(name)))
                })
        case .sequence(let sequence):
            return .array(sequence.map { tree(of: $0, asText: asText) })
        case .scalar(let scalar):
            var output: [UInt8] = []
            let tag = node.tag.description
            if asText && tag != Tag.Name.null.rawValue {
                JSONText.writeString(scalar.string, to: &output)
            } else {
                writeScalar(scalar, tag: tag, to: &output)
            }
            return .scalar(output[...])
        case .alias:
            return .scalar(ArraySlice("null".utf8))
        }
    }

    /// An integer of YAML 1.2's core schema as JSON text: decimal (`+12`, `007` → `12`, `7`),
    /// `0x1F` or `0o17`; `nil` for YAML 1.1's other forms (`017` octal, `1_000`, `1:20`, `0b1`).
    /// Digits beyond a 64-bit integer stay as written.
    static func coreInteger(_ text: String) -> String? {
        var digits = Substring(text)
        var negative = false
        if let sign = digits.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            digits = digits.dropFirst()
        }
        let radix: Int
        if digits.hasPrefix("0x") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.hasPrefix("0o") {
            radix = 8
            digits = digits.dropFirst(2)
        } else {
            radix = 10
        }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isHexDigit && Int(String($0), radix: radix) != nil })
        else { return nil }
        if let value = Int(digits, radix: radix) { return String(negative ? -value : value) }
        guard radix == 10 else { return nil }
        let trimmed = digits.drop { $0 == "0" }
        return (negative ? "-" : "") + (trimmed.isEmpty ? "0" : String(trimmed))
    }

    /// `tag` is the scalar's resolved tag (plain `true` is a boolean, `'true'` a string).
    private static func writeScalar(_ scalar: Yams.Node.Scalar, tag: String, to output: inout [UInt8]) {
        let text = scalar.string
        guard scalar.style == .plain || scalar.style == .any else {
            JSONText.writeString(text, to: &output)
            return
        }
        switch tag {
        case Tag.Name.null.rawValue:
            output.append(contentsOf: Array("null".utf8))
        // Yams resolves plain scalars as YAML 1.1 does; OpenAPI 3.1 documents are YAML 1.2, whose
        // core schema reads `on`, `yes`, `017`, `1_000` and `12:30` as text (or `017` as 17),
        // not as a boolean, an octal number or a sexagesimal one.
        case Tag.Name.bool.rawValue:
            switch text {
            case "true", "True", "TRUE": output.append(contentsOf: Array("true".utf8))
            case "false", "False", "FALSE": output.append(contentsOf: Array("false".utf8))
            default: JSONText.writeString(text, to: &output)
            }
        case Tag.Name.int.rawValue:
            if let number = Self.coreInteger(text) {
                output.append(contentsOf: Array(number.utf8))
            } else {
                JSONText.writeString(text, to: &output)
            }
        case Tag.Name.float.rawValue:
            if JSONText.isNumber(text) {
                output.append(contentsOf: Array(text.utf8))
            } else if !text.contains("_"), !text.contains(":"), let number = Double.construct(from: scalar), number.isFinite {
                output.append(contentsOf: Array("\(number)".utf8))
            } else {
                JSONText.writeString(text, to: &output)
            }
        default:
            JSONText.writeString(text, to: &output)
        }
    }
}
