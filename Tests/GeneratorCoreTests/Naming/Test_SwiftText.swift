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

    @Test func docCommentHasNoTrailingSpaces() {
        #expect(SwiftText.docComment(["a", "", "b"]) == ["/// a", "///", "/// b"])
    }
}
