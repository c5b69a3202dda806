import Foundation
import GeneratorCore
import Testing
import TestSupport

/// Seeded random mutations of real documents: each run ends with generated files, or with
/// errors that name the file and a place, within seconds; never a crash (which would end the
/// test process) and never a hang.
///
/// `MUTATIONS=N` sets how many mutations each document gets (default 250 for the seed
/// endpoint, a fifth of that for the others); `MUTATION_SEED=S` replays a run.
@Suite struct Test_Mutations {
    static let count = ProcessInfo.processInfo.environment["MUTATIONS"].flatMap(Int.init) ?? 250
    static let seed = ProcessInfo.processInfo.environment["MUTATION_SEED"].flatMap(UInt64.init) ?? 20_261_126

    @Test(.timeLimit(.minutes(10))) func seedEndpoint() async throws {
        let url = TestPaths.packageRoot.appendingPathComponent(
            "specs/douyin-creator-marketplace-xingtu/conversion-analysis-v1-en.json")
        try await mutate(url, count: Self.count, seed: Self.seed)
    }

    @Test(.timeLimit(.minutes(10))) func publishedPerEndpointDocuments() async throws {
        guard let shared = TestPaths.shared else {
            print(TestPaths.sharedMissingReason)
            return
        }
        let docs = shared.appendingPathComponent("openapi/docs")
        let files = (FileManager.default.enumerator(atPath: docs.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".json") }.sorted()
        var generator = SeededGenerator(seed: Self.seed)
        for name in (0..<4).map({ _ in files[Int(generator.next() % UInt64(files.count))] }) {
            try await mutate(docs.appendingPathComponent(name), count: max(10, Self.count / 5), seed: generator.next())
        }
    }

    @Test(.timeLimit(.minutes(10))) func publishedCatalog() async throws {
        guard let shared = TestPaths.shared else {
            print(TestPaths.sharedMissingReason)
            return
        }
        try await mutate(shared.appendingPathComponent("openapi/public-api.json"), count: max(3, Self.count / 80), seed: Self.seed)
    }

    /// Applies `count` single mutations to the document at `url`, one run each.
    func mutate(_ url: URL, count: Int, seed: UInt64) async throws {
        let original = try JSONSerialization.jsonObject(with: Data(contentsOf: url), options: [.fragmentsAllowed])
        var generator = SeededGenerator(seed: seed)
        var slowest: Duration = .zero
        defer { print("\(url.lastPathComponent): \(count) mutations, the slowest took \(slowest)") }
        for run in 0..<count {
            let (text, what) = Mutation.apply(to: original, using: &generator)
            let started = ContinuousClock.now
            let result = try await GeneratorHarness.generate(["mutant.json": text])
            let elapsed = ContinuousClock.now - started
            let context = "\(url.lastPathComponent), seed \(seed), run \(run): \(what)"
            // Only a hang fails here: a loaded 2-core machine running other suites beside this one
            // can make a catalog run take a minute; the slowest run is printed.
            #expect(elapsed < .seconds(300), "\(context) took \(elapsed)")
            slowest = max(slowest, elapsed)
            if result.files == nil {
                #expect(!result.errors.isEmpty, "\(context): no files and no error")
                for error in result.errors where error.location != nil {
                    #expect(error.location?.file == "specs/mutant.json", "\(context): \(error)")
                }
                #expect(result.errors.contains { $0.location?.file == "specs/mutant.json" }, "\(context): \(result.errors)")
            } else {
                #expect(result.errors.isEmpty, "\(context): files and errors \(result.errors)")
            }
        }
    }
}

/// One random change to a JSON document: a value replaced by another kind, a member removed,
/// a `$ref` bent, a name made odd, a subtree duplicated or nested deeply, or the text cut.
enum Mutation {
    static func apply(to document: Any, using generator: inout SeededGenerator) -> (text: String, description: String) {
        var paths: [[PathStep]] = []
        collect(document, path: [], into: &paths)
        let path = paths[Int(generator.next() % UInt64(paths.count))]
        let kind = Int(generator.next() % 10)
        let replacements: [Any] = [
            NSNull(), "", "x{y}", 0, -1, 1e300, true, [String: Any](), [Any](), ["$ref": "#/components/schemas/Nope"],
            ["$ref": "other.json#/a"], ["type": "array"], ["type": ["string", "null"], "enum": [NSNull(), 1, "a"]],
            ["oneOf": [["type": "string"], ["$ref": "#/components/schemas/Result"]]], "in", "class", "{id}.json",
        ]
        var description: String
        var mutated: Any
        switch kind {
        case 0...3:
            let value = replacements[Int(generator.next() % UInt64(replacements.count))]
            description = "replaced \(pointer(path)) with \(value)"
            mutated = replacing(document, at: path[...], with: value)
        case 4, 5:
            description = "removed \(pointer(path))"
            mutated = removing(document, at: path[...])
        case 6:
            let nested = (0..<Int(50 + generator.next() % 300)).reduce(["type": "string"] as Any) { inner, _ in
                ["type": "array", "items": inner] as [String: Any]
            }
            description = "nested \(pointer(path)) deeply"
            mutated = replacing(document, at: path[...], with: nested)
        case 7:
            description = "renamed the key at \(pointer(path))"
            mutated = renaming(document, at: path[...], to: ["in", "$ref", "{x}", "x-docs-hidden", "type", ""][Int(generator.next() % 6)])
        case 8:
            let subtree = value(in: document, at: path[...]) ?? NSNull()
            let other = paths[Int(generator.next() % UInt64(paths.count))]
            description = "copied \(pointer(path)) over \(pointer(other))"
            mutated = replacing(document, at: other[...], with: subtree)
        default:
            let data = (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys])) ?? Data()
            let cut = Int(generator.next() % UInt64(max(1, data.count)))
            return (String(decoding: data.prefix(cut), as: UTF8.self), "cut the text at byte \(cut)")
        }
        let data = (try? JSONSerialization.data(withJSONObject: mutated, options: [.sortedKeys, .fragmentsAllowed])) ?? Data()
        return (String(decoding: data, as: UTF8.self), description)
    }

    enum PathStep {
        case key(String), index(Int)
    }

    static func pointer(_ path: [PathStep]) -> String {
        "/" + path.map { step in
            switch step {
            case .key(let key): key
            case .index(let index): String(index)
            }
        }.joined(separator: "/")
    }

    static func collect(_ value: Any, path: [PathStep], into paths: inout [[PathStep]]) {
        if !path.isEmpty { paths.append(path) }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() { collect(object[key]!, path: path + [.key(key)], into: &paths) }
        } else if let array = value as? [Any] {
            for (index, element) in array.enumerated() { collect(element, path: path + [.index(index)], into: &paths) }
        }
    }

    static func value(in document: Any, at path: ArraySlice<PathStep>) -> Any? {
        guard let step = path.first else { return document }
        switch step {
        case .key(let key): return (document as? [String: Any])?[key].flatMap { value(in: $0, at: path.dropFirst()) }
        case .index(let index):
            guard let array = document as? [Any], index < array.count else { return nil }
            return value(in: array[index], at: path.dropFirst())
        }
    }

    static func replacing(_ document: Any, at path: ArraySlice<PathStep>, with newValue: Any) -> Any {
        updating(document, at: path) { _ in newValue } ?? document
    }

    static func removing(_ document: Any, at path: ArraySlice<PathStep>) -> Any {
        guard !path.isEmpty else { return document }
        return updating(document, at: path) { _ in nil } ?? document
    }

    static func renaming(_ document: Any, at path: ArraySlice<PathStep>, to name: String) -> Any {
        guard case .key(let key)? = path.last else { return document }
        return updating(document, at: path.dropLast()) { parent in
            guard var object = parent as? [String: Any], let child = object.removeValue(forKey: key) else { return parent }
            object[name] = child
            return object
        } ?? document
    }

    /// `document` with the value at `path` passed through `change` (`nil` removes it);
    /// unchanged where the path leads nowhere.
    static func updating(_ document: Any, at path: ArraySlice<PathStep>, _ change: (Any) -> Any?) -> Any? {
        guard let step = path.first else { return change(document) }
        switch step {
        case .key(let key):
            guard var object = document as? [String: Any], let child = object[key] else { return document }
            object[key] = updating(child, at: path.dropFirst(), change)
            return object
        case .index(let index):
            guard var array = document as? [Any], index < array.count else { return document }
            if let value = updating(array[index], at: path.dropFirst(), change) {
                array[index] = value
            } else {
                array.remove(at: index)
            }
            return array
        }
    }
}

/// SplitMix64: the same numbers for the same seed on every machine.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
