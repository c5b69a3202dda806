import Testing

@testable import GeneratorCore

@Suite struct Test_SwiftText {
    @Test func literalsEscapeEverythingThatCouldEndOrInterpolate() {
        #expect(SwiftText.literal(#"a "quoted" \(x) back\slash"#) == #""a \"quoted\" \\(x) back\\slash""#)
        #expect(SwiftText.literal("line\nbreak\r\u{0}") == #""line\nbreak\r\0""#)
        #expect(SwiftText.literal("\u{7}bell") == #""\u{7}bell""#)
    }

    @Test func documentationNormalizesLineBreaksAndControlCharacters() {
        let lines = SwiftText.documentationLines("First\r\nsecond\rthird\u{2028}fourth\u{0}\n\n\n\nlast */   ")
        #expect(lines == ["First", "second", "third", "fourth", "", "last */"])
    }

    /// The byte-level fast path gives the lines cleaning scalar by scalar gives, on every text
    /// it takes, and declines the texts that need cleaning.
    @Test func plainTextFastPathAgreesWithCleaning() {
        var generator = SeededGenerator(seed: 0xD0C5)
        let pieces = [
            "a", "Z", " ", "  ", "\n", "\n\n", "\r\n", "\r", "\t", "\u{0}", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}",
            "\u{A0}", "值", "é", "e\u{301}", "\u{301}", "👍🏽", "*/", "`x`", "- `SHORT_VIDEO`: Short video", "Available Values:",
        ]
        var plain = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            let cleaned = SwiftText.cleanedDocumentationLines(text)
            #expect(SwiftText.documentationLines(text) == cleaned, "\(text.debugDescription)")
            if let fast = SwiftText.plainDocumentationLines(text) {
                plain += 1
                #expect(fast == cleaned, "\(text.debugDescription)")
            } else {
                #expect(text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" || [0x7F, 0x85, 0x2028, 0x2029].contains($0.value) })
            }
        }
        #expect(plain > 2_000)
    }

    @Test func docCommentHasNoTrailingSpaces() {
        #expect(SwiftText.docComment(["a", "", "b"]) == ["/// a", "///", "/// b"])
    }
}
