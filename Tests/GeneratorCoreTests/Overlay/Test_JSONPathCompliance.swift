import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// The whole JSONPath Compliance Test Suite (`Tests/Fixtures/JSONPathCTS/cts.json`, BSD-2):
/// every valid selector gives one of the results the suite allows, every invalid one is refused.
@Suite struct Test_JSONPathCompliance {
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let selector: String
        let document: JSONTree?
        /// The allowed results, each the selected nodes in order; empty for an invalid selector.
        let results: [[JSONTree]]
        let invalid: Bool
        var testDescription: String { name }
    }

    static let cases: [Case] = {
        let url = TestPaths.packageRoot.appendingPathComponent("Tests/Fixtures/JSONPathCTS/cts.json")
        guard let data = FileManager.default.contents(atPath: url.path), let root = JSONTree(parsing: [UInt8](data)),
            case .array(let tests)? = root["tests"]
        else { return [] }
        return tests.map { test in
            var results: [[JSONTree]] = []
            if case .array(let nodes)? = test["result"] { results = [nodes] }
            if case .array(let alternatives)? = test["results"] {
                results = alternatives.compactMap { if case .array(let nodes) = $0 { nodes } else { nil } }
            }
            return Case(
                name: test["name"]?.stringValue ?? "?", selector: test["selector"]?.stringValue ?? "",
                document: test["document"], results: results, invalid: test["invalid_selector"]?.scalarText == "true")
        }
    }()

    @Test func theWholeSuiteIsHere() {
        #expect(Self.cases.count == 703)
    }

    @Test(arguments: cases)
    func compliance(_ test: Case) throws {
        if test.invalid {
            #expect(throws: JSONPath.SyntaxError.self, "\(test.selector) must be refused") { try JSONPath(test.selector) }
            return
        }
        let path = try JSONPath(test.selector)
        let document = try #require(test.document)
        let selected = path.select(in: document).map { place in Self.node(at: place, in: document) }
        let got = selected.map(Self.normalized)
        #expect(
            test.results.contains { $0.map(Self.normalized) == got },
            "\(test.selector): got \(selected.map { String(decoding: ($0 ?? .scalar([])).bytes, as: UTF8.self) })")
    }

    static func node(at place: [JSONPath.Step], in root: JSONTree) -> JSONTree? {
        var node: JSONTree? = root
        for step in place {
            switch step {
            case .key(let key): node = node?[key]
            case .index(let index): node = node?.value(at: [String(index)])
            }
        }
        return node
    }

    /// A value compared as JSON values are: numbers by value, objects without regard to order.
    indirect enum Normalized: Equatable {
        case null, bool(Bool), number(Double), string(String), array([Normalized]), object([String: Normalized])
    }

    static func normalized(_ tree: JSONTree?) -> Normalized {
        switch tree {
        case .object(let members)?:
            return .object(Dictionary(members.map { ($0.key, normalized($0.value)) }, uniquingKeysWith: { _, last in last }))
        case .array(let elements)?:
            return .array(elements.map(normalized))
        case .scalar?:
            if let string = tree?.stringValue { return .string(string) }
            let text = tree?.scalarText ?? "null"
            switch text {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: return Double(text).map(Normalized.number) ?? .string(text)
            }
        case nil:
            return .null
        }
    }
}
