import Testing

@testable import GeneratorCore

/// What the renderer does to every file's text: trailing spaces go, runs of blank lines become
/// one, blank lines at the start and end go, and the text ends with one newline.
@Suite struct Test_Tidy {
    /// The rule, written as plainly as possible: the bytes split into lines at each newline
    /// (bytes, not characters: `\r\n` is one character), trimmed, blank runs folded.
    static func reference(_ text: String) -> String {
        var lines: [ArraySlice<UInt8>] = []
        for line in Array(text.utf8).split(separator: 10, omittingEmptySubsequences: false) {
            var line = line
            while line.last == 32 { line.removeLast() }
            if line.isEmpty, lines.last?.isEmpty ?? true { continue }
            lines.append(line)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return String(decoding: Array(lines.joined(separator: [10])) + [10], as: UTF8.self)
    }

    @Test func examples() {
        #expect(Renderer.tidy("") == "\n")
        #expect(Renderer.tidy("\n\n  \n") == "\n")
        #expect(Renderer.tidy("a") == "a\n")
        #expect(Renderer.tidy("\n\na  \n\n\n  b\t \n\n") == "a\n\n  b\t\n")
        #expect(Renderer.tidy("é  \n\n\n文字") == "é\n\n文字\n")
    }

    @Test func agreesWithTheRuleOnRandomText() {
        var generator = SeededGenerator(seed: 0x71D1)
        let pieces = ["a", "b", " ", "  ", "\n", "\n\n", "\t", "é", "文", "\r"]
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 40)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            #expect(Renderer.tidy(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
