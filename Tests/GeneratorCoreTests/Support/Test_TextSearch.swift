import Foundation
import Testing

@testable import GeneratorCore

/// The byte search agrees with Foundation's, with and without case, on text made of the
/// phrase's letters in both cases, other text and non-ASCII letters.
@Suite struct Test_TextSearch {
    @Test func agreesWithFoundation() {
        var generator = SeededGenerator(seed: 0x5EA2C4)
        let pieces = ["v", "V", "a", "A", "l", "L", "u", "U", "e", "E", "s", "S", "values", "VALUES", " ", "\n", "é", "值", "ß"]
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }
                .joined()
            for phrase in ["values", "va", "s", "e v"] {
                #expect(
                    TextSearch.contains(phrase, in: text, ignoringCase: true)
                        == (text.range(of: phrase, options: .caseInsensitive) != nil), "\(text.debugDescription)")
                #expect(TextSearch.contains(phrase, in: text) == text.contains(phrase), "\(text.debugDescription)")
            }
        }
        #expect(TextSearch.contains("", in: "anything"))
        #expect(!TextSearch.contains("longer than", in: "short"))
    }
}
