import Foundation

extension StringProtocol {
    /// This text without leading and trailing white space (and line breaks, when `newlines`),
    /// as Foundation's `trimmingCharacters(in:)` with `.whitespaces` or
    /// `.whitespacesAndNewlines` trims it, but without building a character set and searching
    /// when there is nothing to trim: text that begins and ends with a visible ASCII character,
    /// as most descriptions and their lines do.
    func trimmingSpaces(newlines: Bool) -> String {
        func visibleASCII(_ scalar: Unicode.Scalar?) -> Bool { scalar.map { (0x21...0x7E).contains($0.value) } ?? false }
        if visibleASCII(unicodeScalars.first), visibleASCII(unicodeScalars.last) { return String(self) }
        return trimmingCharacters(in: newlines ? .whitespacesAndNewlines : .whitespaces)
    }
}
