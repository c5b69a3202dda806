import Testing
import TestSupport

@testable import GeneratorCore

/// How nested code is placed inside a type: every non-empty line indented, the last newline
/// dropped.
@Suite struct Test_Indent {
    /// The rule, written as plainly as possible: lines split at each newline byte (`\r\n` is
    /// one character but ends a line all the same).
    static func reference(_ code: String, by levels: Int) -> String {
        let prefix = Array(repeating: UInt8(ascii: " "), count: levels * 4)
        var lines = Array(code.utf8).split(separator: 10, omittingEmptySubsequences: false).map {
            $0.isEmpty ? [] : prefix + $0
        }
        if code.utf8.last == 10 { lines.removeLast() }
        return String(decoding: Array(lines.joined(separator: [10])), as: UTF8.self)
    }

    @Test func examples() {
        #expect(Renderer.indent("", by: 1) == "")
        #expect(Renderer.indent("\n", by: 1) == "")
        #expect(Renderer.indent("a\n\nb\n", by: 1) == "    a\n\n    b")
        #expect(Renderer.indent("a\n\n", by: 2) == "        a\n")
        #expect(Renderer.indent("  é\n文", by: 1) == "      é\n    文")
    }

    @Test func agreesWithTheRuleOnRandomText() {
        var generator = SeededGenerator(seed: 0x1DE7)
        let pieces = ["a", " ", "\n", "\n\n", "\t", "é", "文", "\r\n"]
        for _ in 0..<2_000 {
            let count = Int(generator.next() % 30)
            let text = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let levels = Int(generator.next() % 3)
            #expect(Renderer.indent(text, by: levels) == Self.reference(text, by: levels), "\(text.debugDescription)")
        }
    }
}
