import Foundation

/// RFC 9485 I-Regexp, the regular expressions of JSONPath's `match()` and `search()`: checked
/// against its grammar and written as an equivalent ICU pattern for `NSRegularExpression`.
///
/// What differs from ICU, and is translated: `.` is any character but `\n` and `\r` (ICU's
/// also stops at U+2028, U+2029 and U+0085); `^` and `$` stand for the text's start and end only
/// (ICU's `$` also accepts a final line break); groups do not capture; `match()` matches the whole text (`\A…\z`, where ICU's `$` would also accept a
/// final line break). ICU's own syntax (`(?i)`, `\d`, `\w`, back references, lazy quantifiers)
/// is not I-Regexp: such a pattern is invalid, and the functions return false.
struct IRegexp {
    /// The ICU pattern, or `nil` when `pattern` is not an I-Regexp.
    static func icuPattern(_ pattern: String, wholeText: Bool) -> String? {
        var parser = IRegexp(scalars: Array(pattern.unicodeScalars))
        guard let body = parser.regexp(), parser.index == parser.scalars.count else { return nil }
        return wholeText ? "\\A(?:" + body + ")\\z" : body
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    private init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    /// `branch *( "|" branch )`
    private mutating func regexp() -> String? {
        var result = ""
        guard let first = branch() else { return nil }
        result += first
        while current == "|" {
            index += 1
            guard let next = branch() else { return nil }
            result += "|" + next
        }
        return result
    }

    /// `*piece`, up to `|`, `)` or the end.
    private mutating func branch() -> String? {
        var result = ""
        while let scalar = current, scalar != "|", scalar != ")" {
            guard let atom = atom() else { return nil }
            result += atom
            if let quantifier = quantifier() {
                guard !quantifier.isEmpty else { return nil }
                result += quantifier
            }
        }
        return result
    }

    /// `"*"`, `"+"`, `"?"` or `{n}`, `{n,}`, `{n,m}`; `nil` when there is none here, empty
    /// text when one is malformed.
    private mutating func quantifier() -> String? {
        switch current {
        case "*", "+", "?":
            let text = String(current!)
            index += 1
            return text
        case "{":
            index += 1
            guard let low = digits() else { return "" }
            var text = "{" + low
            if current == "," {
                index += 1
                text += ","
                if let high = digits() {
                    guard Int(high) ?? 0 >= Int(low) ?? 0 else { return "" }
                    text += high
                }
            }
            guard current == "}" else { return "" }
            index += 1
            return text + "}"
        default:
            return nil
        }
    }

    private mutating func digits() -> String? {
        var text = ""
        while let scalar = current, ("0"..."9").contains(scalar) {
            text.unicodeScalars.append(scalar)
            index += 1
        }
        return text.isEmpty ? nil : text
    }

    /// A character, a class, or a group.
    private mutating func atom() -> String? {
        guard let scalar = current else { return nil }
        switch scalar {
        case "(":
            index += 1
            guard let inner = regexp(), current == ")" else { return nil }
            index += 1
            return "(?:" + inner + ")"
        case ".":
            index += 1
            return "[^\\n\\r]"
        case "[":
            return characterClass()
        case "\\":
            return escape(inClass: false)
        case "^":
            // The grammar reads it as a character, but patterns use it as an anchor, and the
            // compliance suite reads it so: the start of the text.
            index += 1
            return "\\A"
        case "$":
            index += 1
            return "\\z"
        case ")", "*", "+", "?", "{", "}", "|", "]":
            return nil
        default:
            guard Self.isCharacter(scalar) else { return nil }
            index += 1
            return Self.literal(scalar)
        }
    }

    /// `\n`, `\r`, `\t`, an escaped metacharacter, or `\p{…}` / `\P{…}`.
    private mutating func escape(inClass: Bool) -> String? {
        index += 1
        guard let scalar = current else { return nil }
        index += 1
        switch scalar {
        case "n": return "\\n"
        case "r": return "\\r"
        case "t": return "\\t"
        case "(", ")", "*", "+", "-", ".", "?", "[", "\\", "]", "^", "{", "|", "}":
            return Self.literal(scalar)
        case "p", "P":
            guard current == "{" else { return nil }
            index += 1
            var name = ""
            while let letter = current, letter != "}" {
                name.unicodeScalars.append(letter)
                index += 1
            }
            guard current == "}", Self.categories.contains(name) else { return nil }
            index += 1
            return "\\" + String(scalar) + "{" + name + "}"
        default:
            return nil
        }
    }

    /// `"[" ["^"] ("-" / CCE1) *CCE1 ["-"] "]"`.
    private mutating func characterClass() -> String? {
        index += 1
        var result = "["
        if current == "^" {
            index += 1
            result += "^"
        }
        var first = true
        while let scalar = current, scalar != "]" {
            if scalar == "-" {
                // Only first or last.
                index += 1
                guard first || current == "]" else { return nil }
                result += Self.literal("-")
                first = false
                continue
            }
            guard let low = classCharacter() else { return nil }
            result += low.text
            if current == "-", index + 1 < scalars.count, scalars[index + 1] != "]" {
                index += 1
                guard low.scalar != nil, let high = classCharacter(), let to = high.scalar, to.value >= low.scalar!.value
                else { return nil }
                result += "-" + high.text
            }
            first = false
        }
        guard current == "]", result != "[", result != "[^" else { return nil }
        index += 1
        return result + "]"
    }

    /// One character of a class (its scalar, for ranges), or a category escape.
    private mutating func classCharacter() -> (text: String, scalar: Unicode.Scalar?)? {
        guard let scalar = current else { return nil }
        if scalar == "\\" {
            let start = index
            guard let text = escape(inClass: true) else { return nil }
            let escaped = scalars[start + 1]
            switch escaped {
            case "p", "P": return (text, nil)
            case "n": return (text, "\n")
            case "r": return (text, "\r")
            case "t": return (text, "\t")
            default: return (text, escaped)
            }
        }
        guard scalar != "[", Self.isCharacter(scalar) else { return nil }
        index += 1
        return (Self.literal(scalar), scalar)
    }

    /// Any character but a surrogate.
    private static func isCharacter(_ scalar: Unicode.Scalar) -> Bool {
        !(0xD800...0xDFFF).contains(scalar.value)
    }

    /// `scalar` as an ICU literal: letters and digits as they are, anything else by its code.
    private static func literal(_ scalar: Unicode.Scalar) -> String {
        if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) { return String(scalar) }
        return "\\x{" + String(scalar.value, radix: 16) + "}"
    }

    /// The general categories `\p{…}` may name.
    private static let categories: Set<String> = [
        "L", "Ll", "Lm", "Lo", "Lt", "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi",
        "Po", "Ps", "Z", "Zl", "Zp", "Zs", "S", "Sc", "Sk", "Sm", "So", "C", "Cc", "Cf", "Cn", "Co",
    ]
}
