import Foundation
import GeneratorTemplates
import Mustache

/// The Mustache templates: the defaults from `Templates/`, each replaceable by a file of the same
/// name in an override directory (`--templates DIR`).
public struct TemplateSet: Sendable {
    /// What renders the templates.
    enum Engine: Sendable {
        /// ``TemplateProgram``: every template is within its subset of Mustache.
        case programs([String: TemplateProgram])
        /// swift-mustache, for a set where a template uses more (transforms, inheritance …).
        case mustache(MustacheLibrary)
    }

    let engine: Engine
    /// Each template's text as compiled (the text pragma first), by name.
    let texts: [String: String]
    /// Where each template came from, by name.
    public let origins: [String: String]

    /// The pragma that turns HTML escaping off; every template gets it on a line of its own
    /// above its first line, partials included.
    static let textPragma = "{{% CONTENT_TYPE: TEXT}}\n"

    /// Loads the default templates, then the overrides from `overrideDirectory`.
    public static func load(overrideDirectory: String?, diagnostics: DiagnosticCollector) -> TemplateSet? {
        guard let defaults = DefaultTemplates.directory?.path else {
            diagnostics.error("the default templates are missing from the generator's resources")
            return nil
        }
        var sources: [String: String] = [:]
        for path in templatePaths(in: defaults) { sources[name(of: path)] = path }
        if let overrideDirectory {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: overrideDirectory, isDirectory: &isDirectory),
                isDirectory.boolValue
            else {
                diagnostics.error(
                    "no such templates directory", at: SourceLocation(file: overrideDirectory),
                    hint: "pass a directory of .mustache files to --templates")
                return nil
            }
            let overrides = templatePaths(in: overrideDirectory)
            if overrides.isEmpty {
                diagnostics.warning(
                    "no .mustache files here; the default templates are used", at: SourceLocation(file: overrideDirectory))
            }
            for path in overrides {
                let name = name(of: path)
                if sources[name] == nil {
                    diagnostics.warning(
                        "`\(name)` is not one of the default templates; it can only be used as a partial",
                        at: SourceLocation(file: path))
                }
                sources[name] = path
            }
        }
        var texts: [String: (path: String, text: String)] = [:]
        var failed = false
        for (name, path) in sources.sorted(by: { $0.key < $1.key }) {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                diagnostics.error("cannot read the template", at: SourceLocation(file: path))
                failed = true
                continue
            }
            texts[name] = (path, text)
        }
        return failed ? nil : compile(texts, diagnostics: diagnostics)
    }

    /// Compiles templates (name → the file they come from and their text) and checks their
    /// keys. The set renders with ``TemplateProgram`` when every template is within its subset of
    /// Mustache, and with swift-mustache otherwise.
    static func compile(_ sources: [String: (path: String, text: String)], diagnostics: DiagnosticCollector) -> TemplateSet? {
        let texts = sources.mapValues { textPragma + $0.text }
        let checked = sources.mapValues { TemplateKeyCheck.Source(path: $0.path, text: $0.text) }
        var programs: [String: TemplateProgram] = [:]
        for (name, text) in texts {
            guard let program = TemplateProgram(text) else { break }
            programs[name] = program
        }
        let engine: Engine
        if programs.count == texts.count {
            engine = .programs(programs)
        } else {
            guard let library = mustacheLibrary(sources, diagnostics: diagnostics) else { return nil }
            engine = .mustache(library)
        }
        guard checkKeys(of: checked, diagnostics: diagnostics) else { return nil }
        return TemplateSet(engine: engine, texts: texts, origins: sources.mapValues(\.path))
    }

    /// The templates parsed by swift-mustache, or `nil` after reporting where one does not parse.
    private static func mustacheLibrary(
        _ sources: [String: (path: String, text: String)], diagnostics: DiagnosticCollector
    ) -> MustacheLibrary? {
        var library = MustacheLibrary()
        var failed = false
        for (name, (path, text)) in sources.sorted(by: { $0.key < $1.key }) {
            // swift-mustache 2.1 stops the process on an empty section between one-character
            // delimiters (`{{=[ ]=}}[#a][/a]`), which only it would read here.
            if let tag = MustacheTags.scan(text).first(where: { $0.kind == .delimiters && $0.name.count < 2 }) {
                diagnostics.error(
                    "this template needs swift-mustache, which cannot read one-character delimiters",
                    at: SourceLocation(file: path, line: tag.line, column: tag.column),
                    hint: "use delimiters of two characters or more, such as {{=<% %>=}}")
                failed = true
                continue
            }
            do {
                library.register(try MustacheTemplate(string: textPragma + text), named: name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    "invalid template: \(error.error)",
                    at: SourceLocation(
                        file: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber),
                    hint: "fix the Mustache syntax")
                failed = true
            } catch {
                diagnostics.error("invalid template: \(error)", at: SourceLocation(file: path))
                failed = true
            }
        }
        return failed ? nil : library
    }

    /// Reports every key a template names that its context does not have; `false` when there
    /// was one.
    private static func checkKeys(of sources: [String: TemplateKeyCheck.Source], diagnostics: DiagnosticCollector) -> Bool {
        let check = TemplateKeyCheck(sources: sources)
        var reported = Set<String>()
        // Partials rendered on their own (`header`, `operationMethod` …) first, so that a
        // problem in one is reported against its own context rather than an including file's.
        let order = RenderedTemplates.shapes.sorted {
            let (left, right) = ($0.key.first?.isUppercase == true ? 1 : 0, $1.key.first?.isUppercase == true ? 1 : 0)
            return (left, $0.key) < (right, $1.key)
        }
        for (name, shape) in order where sources[name] != nil {
            for problem in check.problems(of: name, with: shape) where reported.insert(problem.identity).inserted {
                diagnostics.error(
                    problem.fullMessage, at: SourceLocation(file: problem.path, line: problem.line, column: problem.column),
                    hint: problem.hint)
            }
        }
        return reported.isEmpty
    }

    private static func templatePaths(in directory: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(".mustache") }.sorted().map { (directory as NSString).appendingPathComponent($0) }
    }

    private static func name(of path: String) -> String {
        String((path as NSString).lastPathComponent.dropLast(".mustache".count))
    }

    func render<Context>(_ context: Context, template: RenderedTemplate<Context>) -> String? {
        switch engine {
        case .programs(let programs): programs[template.name]?.render(context, programs: programs)
        case .mustache(let library): library.render(context, withTemplate: template.name)
        }
    }

    /// The same templates rendered by swift-mustache: what ``TemplateProgram`` is compared with;
    /// `nil` when swift-mustache does not parse one of them.
    var renderedByMustache: TemplateSet? {
        var library = MustacheLibrary()
        for (name, text) in texts {
            guard let template = try? MustacheTemplate(string: text) else { return nil }
            library.register(template, named: name)
        }
        return TemplateSet(engine: .mustache(library), texts: texts, origins: origins)
    }

    /// Whether the set renders with ``TemplateProgram``.
    var rendersWithPrograms: Bool {
        if case .programs = engine { return true }
        return false
    }
}
