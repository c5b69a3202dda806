import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// Templates are checked against the typed contexts they are rendered with: a key no context
/// has is a located error, not empty text.
@Suite struct Test_TemplateKeys {
    /// Loads the default templates with `overrides` (file name → text) on top.
    private func load(_ overrides: [String: String]) throws -> (set: TemplateSet?, errors: [Diagnostic], directory: String) {
        let directory = try TestPaths.temporaryDirectory("templates")
        for (name, text) in overrides {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let diagnostics = DiagnosticCollector()
        let set = TemplateSet.load(overrideDirectory: directory.path, diagnostics: diagnostics)
        return (set, diagnostics.diagnostics.filter { $0.severity == .error }, directory.path)
    }

    /// The default templates, as committed.
    private static let defaults = TestPaths.packageRoot.appendingPathComponent("Templates/swift").path

    private func defaultTemplate(_ name: String) throws -> String {
        try String(contentsOfFile: Self.defaults + "/" + name + ".mustache", encoding: .utf8)
    }

    @Test func everyDefaultTemplateNamesOnlyKeysItsContextHas() throws {
        let directory = Self.defaults
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".mustache") }
        var sources: [String: TemplateKeyCheck.Source] = [:]
        for file in names {
            sources[String(file.dropLast(".mustache".count))] = TemplateKeyCheck.Source(
                path: directory + "/" + file, text: try String(contentsOfFile: directory + "/" + file, encoding: .utf8))
        }
        let check = TemplateKeyCheck(sources: sources)
        // Every template is rendered with a context, or included by one that is.
        #expect(Set(RenderedTemplates.shapes.keys).isSubset(of: sources.keys))
        for (name, shape) in RenderedTemplates.shapes {
            let problems = check.problems(of: name, with: shape)
            #expect(problems.isEmpty, "\(name): \(problems.map(\.fullMessage))")
        }
        let (set, errors, _) = try load([:])
        #expect(set != nil && errors.isEmpty)
    }

    @Test func aMisspelledKeyIsAnErrorAtItsLineWithTheKeysThatExist() throws {
        let text = try defaultTemplate("operationMethod").replacingOccurrences(
            of: "{{identifier}}: {{signatureType}}", with: "{{identifer}}: {{signatureType}}")
        let (set, errors, directory) = try load(["operationMethod.mustache": text])
        #expect(set == nil)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("{{identifer}}") }! + 1
        #expect(error.location?.file == directory + "/operationMethod.mustache")
        #expect(error.location?.line == line)
        #expect(error.location?.column == 5)
        #expect(error.message.contains("unknown key `identifer`"))
        #expect(error.message.contains("a parameter has no such key"))
        let hint = try #require(error.hint)
        #expect(hint.contains("identifier, isLast, label, signatureType, type"))
        #expect(hint.contains("from the enclosing sections: argumentList"))
    }

    @Test func aKeyOfAnEnclosingSectionIsFound() throws {
        // Inside {{#parameters}}, `methodName` comes from the operation around it, as Mustache finds it.
        let (set, errors, _) = try load([
            "operationMethod.mustache": "{{#parameters}}{{methodName}} {{identifier}} {{#first()}}first{{/first()}}{{/parameters}}\n"
        ])
        #expect(set != nil && errors.isEmpty, "\(errors.map(\.message))")
    }

    @Test func aListOrContextUsedAsTextIsAnError() throws {
        let (set, errors, _) = try load([
            "Servers.swift.mustache": "{{servers}}\n{{defaultServer}}\n{{#servers}}{{docLines}}{{/servers}}\n"
        ])
        #expect(set == nil)
        #expect(errors.map(\.location?.line) == [1, 2, 3])
        #expect(errors[0].message.contains("`servers` is a list, each a server: it renders as a section"))
        #expect(errors[1].message.contains("`defaultServer` is the default server or nothing"))
        #expect(errors[2].message.contains("`docLines` is a list of lines"))
    }

    @Test func dottedKeysGoIntoOptionalContexts() throws {
        let good = try load(["Servers.swift.mustache": "{{defaultServer.name}} {{defaultServer.timeoutSeconds}}\n"])
        #expect(good.set != nil && good.errors.isEmpty, "\(good.errors.map(\.message))")
        let bad = try load(["Servers.swift.mustache": "{{defaultServer.nme}}\n"])
        let error = try #require(bad.errors.first)
        #expect(error.message.contains("`defaultServer.nme`: the default server or nothing has no key `nme`"))
        #expect(error.hint?.contains("identifier, name, timeoutSeconds") == true)
    }

    @Test func aPartialIsCheckedWhereItIsIncludedAndReportedOnce() throws {
        // `header` is included by every file's template and rendered alone: one error, at its own line.
        let (set, errors, directory) = try load(["header.mustache": "// {{inputs}}\n// {{generatedAt}}\n"])
        #expect(set == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.location?.file == directory + "/header.mustache")
        #expect(errors.first?.location?.line == 2)
        #expect(errors.first?.message.contains("a file header has no such key") == true)
    }

    @Test func aPartialOfTheUsersOwnIsCheckedInTheScopeThatIncludesIt() throws {
        let (set, errors, directory) = try load([
            "parameterLine.mustache": "{{identifier}}: {{typ}}\n",
            "requestType.mustache": "struct {{requestTypeName}} {\n{{#parameters}}\n  {{> parameterLine}}\n{{/parameters}}\n}\n",
        ])
        #expect(set == nil)
        let error = try #require(errors.first)
        #expect(errors.count == 1)
        #expect(error.location?.file == directory + "/parameterLine.mustache")
        #expect(error.location?.line == 1 && error.location?.column == 17)
        #expect(error.message.contains("(included from `requestType`)"))
    }

    @Test func aMissingPartialAndAPositionOutsideAListAreErrors() throws {
        let (_, errors, _) = try load(["alias.mustache": "{{> nowhere}}\n{{#first()}}x{{/first()}}\n"])
        #expect(errors.count == 2)
        #expect(errors[0].message.contains("there is no template named `nowhere`"))
        #expect(errors[1].message.contains("a position in a list outside any list section"))
    }

    @Test func changedDelimitersAreFollowed() throws {
        let (set, errors, _) = try load([
            "alias.mustache": "{{=<% %>=}}\npublic typealias <%name%> = <%target%>\n<%={{ }}=%>\n{{nme}}\n"
        ])
        #expect(set == nil)
        #expect(errors.count == 1)
        #expect(errors.first?.location?.line == 4)
    }

    /// A context's keys as TheGenerator.md lists them: nested contexts' keys in parentheses.
    static func listing(_ shape: TemplateShape) -> String {
        shape.keys.keys.sorted().map { name in
            switch shape.keys[name]! {
            case .list(let inner): "`\(name)` (each: \(listing(inner)))"
            case .optional(let inner): "`\(name)` (\(listing(inner)))"
            default: "`\(name)`"
            }
        }.joined(separator: ", ")
    }

    /// TheGenerator.md lists every template's keys as the contexts declare them.
    @Test func theDocumentationListsEveryTemplatesKeys() throws {
        let article = try String(
            contentsOf: TestPaths.packageRoot.appendingPathComponent("Sources/JustOneAPI/JustOneAPI.docc/TheGenerator.md"),
            encoding: .utf8)
        for (name, shape) in RenderedTemplates.shapes.sorted(by: { $0.key < $1.key }) {
            let line = "| `\(name)` | \(Self.listing(shape)) |"
            #expect(article.contains(line), "missing from TheGenerator.md: \(line)")
        }
    }

    @Test func tagsAreFoundWithTheirLinesAndColumns() {
        let tags = MustacheTags.scan("a {{x}}\n  {{#y}}{{{z}}}{{/y}}\n{{! note }}{{> p}}{{& w }}")
        #expect(
            tags == [
                MustacheTag(kind: .variable, name: "x", line: 1, column: 3),
                MustacheTag(kind: .section, name: "y", line: 2, column: 3),
                MustacheTag(kind: .variable, name: "z", line: 2, column: 9),
                MustacheTag(kind: .close, name: "y", line: 2, column: 16),
                MustacheTag(kind: .other, name: "", line: 3, column: 1),
                MustacheTag(kind: .partial, name: "p", line: 3, column: 12),
                MustacheTag(kind: .variable, name: "w", line: 3, column: 19),
            ])
    }
}
