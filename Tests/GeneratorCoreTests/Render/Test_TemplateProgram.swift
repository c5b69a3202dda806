import Foundation
import Testing
import TestSupport

@testable import GeneratorCore

/// ``TemplateProgram`` renders exactly what swift-mustache renders, for the part of Mustache it
/// compiles: random templates side by side, and the real documents through the real templates.
@Suite struct Test_TemplateProgram {
    /// A context with a key of every kind, some empty.
    struct Sample: TemplateContext {
        let items: [Item]

        static let fields = TemplateFields<Self>(
            "a sample",
            [
                ("t", .text { _ in "x" }),
                ("e", .text { _ in "" }),
                ("o", .optionalText { _ in nil }),
                ("p", .optionalText { _ in "y\nz" }),
                ("n", .number { _ in 3 }),
                ("f", .flag { _ in false }),
                ("g", .flag { _ in true }),
                ("l", .lines { _ in ["a", "b\nc"] }),
                ("m", .lines { _ in [] }),
                ("items", .list(\.items)),
                ("none", .list { _ in [Item]() }),
                ("one", .optional { $0.items.first }),
                ("nil", .optional { _ in Item?.none }),
            ])
    }

    struct Item: TemplateContext {
        let t: String
        let isLast: Bool

        static let fields = TemplateFields<Self>(
            "an item", [("t", .text(\.t)), ("isLast", .flag(\.isLast)), ("sub", .lines { _ in ["s"] })])
    }

    /// Random templates built of text, whitespace, newlines and every tag the program compiles.
    struct TemplateMaker {
        var generator: SeededGenerator
        var open = "{{"
        var close = "}}"

        static let variables = ["t", "e", "o", "p", "n", "f", "g", ".", "one.t", "nil.t", ".t", "missing", "t ", " p"]
        static let sections = ["t", "e", "o", "p", "n", "f", "g", "l", "m", "items", "none", "one", "nil", "missing", "sub", "isLast"]
        static let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\r\n", "é", "{", "}", "{x"]

        mutating func pick<T>(_ choices: [T]) -> T { choices[Int(generator.next() % UInt64(choices.count))] }
        mutating func chance(_ percent: UInt64) -> Bool { generator.next() % 100 < percent }

        mutating func tag(_ body: String) -> String { open + body + close }

        mutating func template(depth: Int = 0) -> String {
            var text = ""
            for _ in 0..<Int(generator.next() % 7) {
                switch generator.next() % 10 {
                case 0, 1, 2: text += pick(Self.texts)
                case 3: text += tag(pick(Self.variables))
                case 4: text += open + "{" + pick(["t", "p", "n"]) + "}" + close
                case 5: text += tag("& " + pick(["t", "p"]))
                case 6 where depth < 3:
                    let name = pick(Self.sections)
                    let sigil = chance(70) ? "#" : "^"
                    let before = pick(["", "\n", "  ", "\n  "])
                    let after = pick(["", "\n", " \n", "x"])
                    text += before + tag(sigil + name) + after + template(depth: depth + 1) + pick(["", "\n", "  "])
                        + tag("/" + name) + pick(["", "\n", " \n"])
                case 7: text += pick(["", "  ", "\n", "\n  "]) + tag("! note " + pick(["", "}", "\n"])) + pick(["", "\n"])
                case 8: text += pick(["", "\n", "\n  ", "\n\t"]) + tag("> " + pick(["part", "lines", "absent"])) + pick(["", "\n", "y"])
                default:
                    if chance(20) {
                        let (newOpen, newClose) = pick([("<%", "%>"), ("[[", "]]"), ("{{", "}}")])
                        text += pick(["", "\n"]) + tag("=\(newOpen) \(newClose)=") + pick(["", "\n"])
                        (open, close) = (newOpen, newClose)
                    } else {
                        text += pick(Self.texts)
                    }
                }
            }
            return text
        }
    }

    static let partials = [
        "part": "P{{t}}\n  q {{p}}\n{{#items}}\n  - {{t}}\n{{/items}}\n",
        "lines": "{{#l}}\n{{.}}\n{{/l}}",
    ]

    /// Renders `template` both ways; `nil` when swift-mustache does not parse it.
    func bothWays(_ template: String) throws -> (mustache: String, program: String?)? {
        var texts = Self.partials.mapValues { (path: "partial", text: $0) }
        texts["fuzz"] = (path: "fuzz", text: template)
        guard let set = TemplateSet.compile(texts, diagnostics: DiagnosticCollector()) else { return nil }
        let sample = Sample(items: [Item(t: "i1", isLast: false), Item(t: "i2", isLast: true)])
        let name = RenderedTemplate<Sample>(name: "fuzz")
        let byMustache = try #require(set.renderedByMustache, "\(template.debugDescription)")
        let mustache = try #require(byMustache.render(sample, template: name))
        return (mustache, set.rendersWithPrograms ? set.render(sample, template: name) : nil)
    }

    @Test func rendersRandomTemplatesAsSwiftMustacheDoes() throws {
        var maker = TemplateMaker(generator: SeededGenerator(seed: 0x7E3A))
        var compared = 0
        for _ in 0..<3_000 {
            maker.open = "{{"
            maker.close = "}}"
            let template = maker.template()
            guard let rendered = try bothWays(template) else { continue }
            let program = try #require(rendered.program, "not compiled: \(template.debugDescription)")
            #expect(program == rendered.mustache, "\(template.debugDescription) program: \(program.debugDescription) mustache: \(rendered.mustache.debugDescription)")
            compared += 1
        }
        // Most random templates parse (an unclosed delimiter change or a stray brace may not).
        #expect(compared > 2_000)
    }

    @Test func leavesToSwiftMustacheWhatItDoesNotCompile() throws {
        for template in ["{{#first()}}x{{/first()}}", "{{uppercased(t)}}", "{{<part}}{{$b}}x{{/b}}{{/part}}", "{{>*t}}",
            "{{% CONTENT_TYPE: HTML}}{{t}}"]
        {
            #expect(TemplateProgram(TemplateSet.textPragma + template) == nil, "\(template)")
            let rendered = try #require(try bothWays(template))
            #expect(rendered.program == nil)
        }
    }

    /// swift-mustache 2.1 stops the process on an empty section between one-character
    /// delimiters: such a template renders with the program, and is refused where it would need
    /// swift-mustache.
    @Test func oneCharacterDelimitersNeverReachSwiftMustache() throws {
        let template = "{{=[ ]=}}\n[#items][/items][t]\n"
        let set = try #require(TemplateSet.compile(["fuzz": (path: "fuzz", text: template)], diagnostics: DiagnosticCollector()))
        #expect(set.render(Sample(items: []), template: RenderedTemplate<Sample>(name: "fuzz")) == "x\n")
        let diagnostics = DiagnosticCollector()
        let mixed = TemplateSet.compile(
            ["fuzz": (path: "fuzz", text: template), "other": (path: "other", text: "{{#first()}}{{/first()}}")],
            diagnostics: diagnostics)
        #expect(mixed == nil)
        #expect(diagnostics.diagnostics.first?.location == SourceLocation(file: "fuzz", line: 1, column: 1))
        #expect(diagnostics.diagnostics.first?.message.contains("one-character delimiters") == true)
    }

    /// The committed documents, and the whole catalog when `../shared` is beside the clone,
    /// through the default templates in both layouts.
    @Test(arguments: ["specs", "catalog"])
    func rendersTheRealDocumentsAsSwiftMustacheDoes(_ input: String) throws {
        let path: String
        if input == "specs" {
            path = TestPaths.packageRoot.appendingPathComponent("specs").path
        } else {
            guard let shared = TestPaths.shared else {
                print("skipped: \(TestPaths.sharedMissingReason)")
                return
            }
            path = shared.appendingPathComponent("openapi/public-api.json").path
        }
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(options: .init(inputs: [path]))
        let model = try #require(pipeline.model(diagnostics: diagnostics))
        let templates = try #require(TemplateSet.load(overrideDirectory: nil, diagnostics: diagnostics))
        #expect(templates.rendersWithPrograms)
        for layout in [Renderer.Layout.namespaces, .documents] {
            let program = try #require(
                Renderer(templates: templates, inputs: [path]).render(model, layout: layout, documentPaths: [path], diagnostics: diagnostics))
            let byMustache = try #require(templates.renderedByMustache)
            let mustache = try #require(
                Renderer(templates: byMustache, inputs: [path])
                    .render(model, layout: layout, documentPaths: [path], diagnostics: diagnostics))
            #expect(program.map(\.path) == mustache.map(\.path))
            for (left, right) in zip(program, mustache) {
                #expect(left.contents == right.contents, "\(left.path)")
            }
        }
    }
}
