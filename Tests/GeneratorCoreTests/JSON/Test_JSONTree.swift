import Testing

@testable import GeneratorCore

/// The tree every stage after loading works on: read from bytes in one pass that checks the
/// syntax, edited along a path, compared by content, and repaired for the decoder.
@Suite struct Test_JSONTree {
    func tree(_ text: String) throws -> JSONTree { try JSONTree.parse(Array(text.utf8)) }

    @Test func readsEveryKindOfValueAndWritesItBack() throws {
        let text = #"{"a":[1,-2.5e3,true,false,null,"x\"y\u00e9"],"b":{},"c":[]}"#
        let parsed = try tree(text)
        #expect(String(decoding: parsed.bytes, as: UTF8.self) == text)
        #expect(parsed["a"]?.value(at: ["5"])?.stringValue == "x\"yé")
        #expect(parsed.value(at: ["b"]) == .object([]))
    }

    /// Scalars are slices of the text they were read from, not copies; containers hold no
    /// spare capacity.
    @Test func scalarsShareTheTextAndContainersAreExactlySized() throws {
        let bytes = Array(#"{"name": "Conversion Analysis", "list": [1, 2, 3], "more": {"a": true}}"#.utf8)
        let parsed = try JSONTree.parse(bytes)
        guard case .scalar(let name) = try #require(parsed["name"]), case .array(let list) = try #require(parsed["list"]),
            case .object(let members) = parsed
        else {
            Issue.record("unexpected shape: \(parsed)")
            return
        }
        let textStart = bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let nameStart = name.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        #expect(nameStart == textStart + UInt(name.startIndex))
        #expect(String(decoding: name, as: UTF8.self) == "\"Conversion Analysis\"")
        #expect(list.capacity == 3)
        #expect(members.capacity == 3)
    }

    /// The errors are the scanner's: the same messages and offsets as its syntax check.
    @Test(arguments: ["{\n  \"a\": [1,\n", "{\"a\": 1,}", "{} x", "{\"a\" 1}", "[1 2]", "", "{\"a\": tru}"])
    func syntaxErrorsMatchTheScanner(_ text: String) {
        let bytes = Array(text.utf8)
        let scanned = JSONScanner(bytes).syntaxError()
        #expect(scanned != nil)
        #expect(throws: scanned!) { try JSONTree.parse(bytes) }
    }

    @Test func nestingBeyondTheLimitIsRefusedWithItsPlace() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        do {
            _ = try JSONTree.parse(Array(deep.utf8))
            Issue.record("a tree 200 levels deep was read")
        } catch {
            #expect(error.isNestingLimit)
            #expect(error.offset == GeneratorLimits.documentNesting + 1)
        }
        #expect((try? JSONTree.parse(Array(deep.utf8), nestingLimit: 250)) != nil)
    }

    @Test func updatingRebuildsOnlyThePathAndRemovesWithNil() throws {
        let original = try tree(#"{"a": {"b": [1, 2, 3]}, "c": 4}"#)
        let changed = try #require(original.updating(at: ["a", "b", "1"]) { _ in .scalar(ArraySlice("20".utf8)) })
        #expect(changed == (try tree(#"{"a": {"b": [1, 20, 3]}, "c": 4}"#)))
        let removed = try #require(original.updating(at: ["c"]) { _ in nil })
        #expect(removed == (try tree(#"{"a": {"b": [1, 2, 3]}}"#)))
        #expect(original.updating(at: ["a", "missing"]) { $0 } == nil)
        #expect(original.updating(at: ["a", "b", "9"]) { $0 } == nil)
    }

    @Test func contentIgnoresMemberOrderAndTheOrderOfRequiredNames() throws {
        let one = try tree(#"{"type": "object", "required": ["a", "b"], "properties": {"a": {}, "b": {}}}"#)
        let two = try tree(#"{"properties": {"b": {}, "a": {}}, "required": ["b", "a"], "type": "object"}"#)
        #expect(one.hasSameContent(as: two))
        // Other lists keep their order; values compare as written.
        #expect(!(try tree(#"{"enum": ["a", "b"]}"#)).hasSameContent(as: try tree(#"{"enum": ["b", "a"]}"#)))
        #expect(!(try tree(#"{"maximum": 1}"#)).hasSameContent(as: try tree(#"{"maximum": 2}"#)))
        #expect(!(try tree(#"{"a": 1}"#)).hasSameContent(as: try tree(#"{"a": 1, "b": 2}"#)))
    }

    @Test func repairsRemoveAMemberAndQuoteScalars() throws {
        let schema = try tree(#"{"maximum": 1e30, "type": "integer"}"#)
        #expect(schema.removingMember(at: ["maximum"]) == (try tree(#"{"type": "integer"}"#)))
        #expect(schema.removingMember(at: ["minimum"]) == nil)
        let server = try tree(#"{"port": {"enum": [443, 8443], "default": 443}, "flag": [true, null]}"#)
        // An element: every number and boolean of its array; the array itself: null too.
        #expect(server.quotingScalars(at: ["port", "enum", "0"]) == (try tree(#"{"port": {"enum": ["443", "8443"], "default": 443}, "flag": [true, null]}"#)))
        #expect(server.quotingScalars(at: ["port", "default"]) == (try tree(#"{"port": {"enum": [443, 8443], "default": "443"}, "flag": [true, null]}"#)))
        #expect(server.quotingScalars(at: ["flag"]) == (try tree(#"{"port": {"enum": [443, 8443], "default": 443}, "flag": ["true", "null"]}"#)))
        #expect(server.quotingScalars(at: ["port"]) == nil)
    }

    @Test func theStructureWalkFindsWhatTheDecoderDoesNotKeep() throws {
        let document = try tree(
            #"""
            {"openapi": "3.1.0", "paths": {"/a": {"get": {"x-docs-hidden": true, "x-pagination": {"type": "page"},
              "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/A"}}}}}}}},
             "components": {"schemas": {"A": {"x-sample-inferred": true, "properties": {"z": true, "y": {"maximum": "x"}},
               "items": false}}}}
            """#)
        let structure = DocumentStructure(of: document)
        #expect(structure.references.map(\.target) == ["#/components/schemas/A"])
        #expect(structure.references.first?.pointer == "/paths/~1a/get/responses/200/content/application~1json/schema")
        #expect(structure.operationFlags["get /a"] == ["x-docs-hidden"])
        #expect(structure.pagingDescriptions["get /a"]?["x-pagination"]?["type"]?.stringValue == "page")
        #expect(structure.inferredSchemas == ["A"])
        #expect(structure.propertyOrders == [["z", "y"]])
        #expect(structure.numericLimits.map(\.tokens) == [["components", "schemas", "A", "properties", "y", "maximum"]])
        #expect(structure.booleanSchemas.map(\.tokens) == [["components", "schemas", "A", "properties", "z"], ["components", "schemas", "A", "items"]])
        #expect(structure.booleanSchemas.map(\.value) == [true, false])
    }

    /// A name an object gives twice keeps one member where the first stood, with the last
    /// value, in small objects (compared pairwise) and large ones (through a dictionary); each
    /// later name is reported with its offset.
    @Test func repeatedNamesKeepTheLastValueWhereTheFirstStood() throws {
        var duplicates: [JSONTree.DuplicateKey] = []
        let small = try JSONTree.parse(Array(#"{"a": 1, "b": 2, "a": 3, "c": {"d": 4, "d": 5}, "a": 6}"#.utf8), duplicates: &duplicates)
        #expect(small.members?.map(\.key) == ["a", "b", "c"])
        #expect(small["a"] == .scalar(Array("6".utf8)[...]))
        #expect(small.value(at: ["c", "d"]) == .scalar(Array("5".utf8)[...]))
        #expect(duplicates.map(\.key).sorted() == ["a", "a", "d"])
        #expect(duplicates.contains(JSONTree.DuplicateKey(key: "a", offset: 17)))

        let names = (0..<40).map { "\"k\($0)\": \($0)" } + ["\"k7\": 700", "\"k39\": 3900"]
        var largeDuplicates: [JSONTree.DuplicateKey] = []
        let large = try JSONTree.parse(Array(("{" + names.joined(separator: ", ") + "}").utf8), duplicates: &largeDuplicates)
        #expect(large.members?.count == 40)
        #expect(large.members?.first?.key == "k0" && large.members?.last?.key == "k39")
        #expect(large["k7"] == .scalar(Array("700".utf8)[...]))
        #expect(large["k39"] == .scalar(Array("3900".utf8)[...]))
        #expect(largeDuplicates.map(\.key) == ["k7", "k39"])

        var none: [JSONTree.DuplicateKey] = []
        _ = try JSONTree.parse(Array(#"{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}"#.utf8), duplicates: &none)
        #expect(none.isEmpty)
    }
}
