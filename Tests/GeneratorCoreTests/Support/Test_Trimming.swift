import Foundation
import Testing

@testable import GeneratorCore

/// Trimming with a fast path agrees with Foundation's `trimmingCharacters(in:)` on every kind of white
/// space and on text around it.
@Suite struct Test_Trimming {
    @Test func trimmingAgreesWithFoundation() {
        var generator = SeededGenerator(seed: 0x7121)
        let pieces = [
            " ", "\t", "\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{2003}", "\u{2028}", "\u{2029}",
            "\u{3000}", "\u{200B}", "\u{FEFF}", "a", "Z", "-", "值", "é", "e\u{301}", " \u{301}", "`",
        ]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            #expect(text.trimmingSpaces(newlines: true) == text.trimmingCharacters(in: .whitespacesAndNewlines), "\(text.debugDescription)")
            #expect(text.trimmingSpaces(newlines: false) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
            let slice = text.dropFirst()
            #expect(slice.trimmingSpaces(newlines: true) == slice.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
