import Foundation

extension StringProtocol {
    /// This text without leading and trailing white space (and line breaks, when `newlines`),
    /// as Foundation's `trimmingCharacters(in:)` with `.whitespaces` or
    /// `.whitespacesAndNewlines` trims it, but scalar by scalar from each end, asking the
    /// character set only about scalars beyond ASCII: descriptions and their lines are
    /// trimmed in every stage, and building and searching the set cost most of the time.
    func trimmingSpaces(newlines: Bool) -> String {
        let scalars = unicodeScalars
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.value {
            case 0x20, 0x09: return true
            case 0x0A...0x0D: return newlines
            case 0..<0x80: return false
            default: return (newlines ? CharacterSet.whitespacesAndNewlines : CharacterSet.whitespaces).contains(scalar)
            }
        }
        var start = scalars.startIndex
        while start < scalars.endIndex, isSpace(scalars[start]) { start = scalars.index(after: start) }
        var end = scalars.endIndex
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        if start == scalars.startIndex, end == scalars.endIndex { return String(self) }
        var trimmed = String.UnicodeScalarView()
        trimmed.append(contentsOf: scalars[start..<end])
        return String(trimmed)
    }
}
