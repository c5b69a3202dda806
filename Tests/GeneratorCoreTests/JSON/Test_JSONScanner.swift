import Testing

@testable import GeneratorCore

@Suite struct Test_JSONScanner {
    func scanner(_ text: String) -> JSONScanner { JSONScanner(Array(text.utf8)) }

    @Test func validDocumentsHaveNoSyntaxError() {
        #expect(scanner(#"{"a": [1, -2.5e3, true, false, null, "x\"y\u00e9"], "b": {}}"#).syntaxError() == nil)
    }

    @Test func truncatedDocumentsPointAtTheEnd() throws {
        let text = "{\n  \"a\": [1,\n"
        let error = try #require(scanner(text).syntaxError())
        #expect(error.message.contains("truncated"))
        #expect(scanner(text).position(of: error.offset) == (line: 3, column: 1))
    }

    @Test func strayCharactersAreNamed() throws {
        let error = try #require(scanner("{\"a\": 1,}").syntaxError())
        #expect(error.message.contains("unexpected `}`"))
        let trailing = try #require(scanner("{} x").syntaxError())
        #expect(trailing.message.contains("after the end of the document"))
    }

    @Test func pointersFindKeysAndElements() throws {
        let text = """
            {
              "paths": {
                "/a/b": {"get": {"parameters": [{"name": "x"}, {"name": "y"}]}}
              }
            }
            """
        let located = scanner(text)
        let offset = try #require(located.offset(of: "/paths/~1a~1b/get/parameters/1/name"))
        let position = located.position(of: offset)
        #expect(position.line == 3)
        #expect(position.column == 53)
    }

    @Test func pointersAndCodingPathsRoundTrip() {
        #expect(JSONPointer.pointer(["paths", "/a/b", "get"]) == "/paths/~1a~1b/get")
        #expect(JSONPointer.pointer(["~/é~1"]) == "/~0~1é~01")
        #expect(JSONPointer.tokens(of: "/paths/~1a~1b/~0x") == ["paths", "/a/b", "~x"])
        // Split at every `/`, also where a combining mark follows it (one Character with it),
        // and empty tokens kept.
        #expect(JSONPointer.tokens(of: "/a/\u{301}b//值") == ["a", "\u{301}b", "", "值"])
        #expect(JSONPointer.tokens(of: "/") == [""])
        #expect(JSONPointer.tokens(of: "") == [])
        #expect(JSONPointer.tokens(of: "/~01/~10/a~/~~1") == ["~1", "/0", "a~", "~/"])
        for tokens in [["~/é~1", "", "x\u{301}"], ["/\u{301}", "paths"]] {
            #expect(JSONPointer.tokens(of: JSONPointer.pointer(tokens)) == tokens)
        }
    }

    /// Locating thousands of pointers reads each object and array on their way once: the cost
    /// of a document's diagnostics grows with the document, not with documents × diagnostics.
    @Test func locatingManyPointersReadsEachContainerOnce() throws {
        let operations = (0..<2_000).map { index in
            #""/items/\#(index)": {"get": {"parameters": [{"name": "a", "in": "query"}, {"name": "p\#(index)", "in": "query"}]}}"#
        }
        let text = "{\n\"openapi\": \"3.1.0\",\n\"paths\": {\n" + operations.joined(separator: ",\n") + "\n}}"
        let locator = JSONSourceLocator(bytes: Array(text.utf8))
        for index in 0..<2_000 {
            let position = try #require(locator.position(of: "/paths/~1items~1\(index)/get/parameters/1/name"))
            #expect(position.line == index + 4)
        }
        // The root, `paths`, and per operation its path item, operation, parameter list and
        // the second parameter: nothing read twice.
        #expect(locator.containersRead == 2 + 2_000 * 4)
        #expect(locator.position(of: "/paths/~1items~17/get/missing")?.line == 11)
    }

    /// Skipping values of text already read (what the locator does) finds the same members and
    /// elements as skipping with checks, on every container of a document with every kind of
    /// value: escapes (`\\`, `\"` at a string's end), numbers, literals, nesting, empty
    /// containers, whitespace around everything.
    @Test func skippingCheckedTextAgreesWithCheckedSkipping() throws {
        let text = #"""
             { "a" : [ 1 , -2.5e3 , true , false , null , "x\"y\u00e9\\" , "\\" ] ,
            "b":{},"c":[],"d":{"e":{"f":[[],[{}],"]}"],"g":"{["},"h":0}, "i" : 12 }
            """#
        let scanner = scanner(text)
        #expect(scanner.syntaxError() == nil)
        var containers = 0
        func visit(_ start: Int) throws {
            switch scanner.peek(start) {
            case UInt8(ascii: "{"):
                containers += 1
                let checked = try scanner.members(ofObjectAt: start)
                let fast = try scanner.members(ofObjectAt: start, textIsChecked: true)
                #expect(fast.map(\.key) == checked.map(\.key))
                #expect(fast.map(\.valueRange) == checked.map(\.valueRange))
                for member in checked { try visit(member.valueRange.lowerBound) }
            case UInt8(ascii: "["):
                containers += 1
                let checked = try scanner.elements(ofArrayAt: start)
                #expect(try scanner.elements(ofArrayAt: start, textIsChecked: true) == checked)
                for element in checked { try visit(element.lowerBound) }
            default:
                var checkedEnd = start
                try scanner.skipValue(&checkedEnd, depth: 0)
                var fastEnd = start
                scanner.skipCheckedValue(&fastEnd)
                #expect(fastEnd == checkedEnd, "scalar at \(start)")
            }
        }
        var start = 0
        scanner.skipWhitespace(&start)
        try visit(start)
        #expect(containers == 10)
        // A value cut off runs to the end, never past it.
        let cut = self.scanner(#"{"a": "unterminated"#)
        var index = 0
        cut.skipCheckedValue(&index)
        #expect(index == cut.bytes.count)
    }
}
