import Foundation
import Testing
import Yams

@testable import GeneratorCore

/// Where a pointer is in a YAML file: found by composing the text when first asked, by any
/// number of threads at once.
@Suite struct Test_SourceLocators {
    static let text = """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /pets:
            get:
              parameters:
                - name: limit
                  in: query
        """

    @Test func aLocatorMadeFromTextFindsPointersAsOneMadeFromNodes() throws {
        let fromText = YAMLSourceLocator(text: Self.text)
        let fromNodes = YAMLSourceLocator(root: try #require(try Yams.compose(yaml: Self.text)))
        for pointer in ["/paths/~1pets/get", "/paths/~1pets/get/parameters/0/in", "/info/title", "/nowhere"] {
            let found = try #require(fromText.position(of: pointer), "\(pointer)")
            #expect(found == fromNodes.position(of: pointer)!, "\(pointer)")
        }
        // Line 8 is `          in: query`: ten spaces, then the key.
        #expect(fromText.position(of: "/paths/~1pets/get/parameters/0/in")! == (8, 11))
    }

    @Test func manyThreadsAskingAtOnceGetTheSameAnswer() {
        let locator = YAMLSourceLocator(text: Self.text)
        let answers = ParallelResults<Int>(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { index in
            if let (line, _) = locator.position(of: "/paths/~1pets/get/parameters/0/name") { answers[index] = line }
        }
        #expect(answers.values == Array(repeating: 7, count: 64))
    }

    @Test func textThatDoesNotComposeHasNoPositions() {
        #expect(YAMLSourceLocator(text: "a: [1, 2").position(of: "/a") == nil)
    }
}
