import Foundation

/// Names namespaces and methods from paths, so that names stay the same when the documentation's
/// titles change.
///
/// - The namespace is the first path segment after the skipped ones (`api`) and versions:
///   `/api/douyin-xingtu/…` → `douyinXingtu` (type `DouyinXingtuAPI`).
/// - The method is the last meaningful segment: `/api/douyin-xingtu/gw/api/data_sp/get_author_convert_ability/v1`
///   → `getAuthorConvertAbility`. Where names collide, every colliding operation advances to a
///   longer form: first the version (`getArticleDetailV2`), then preceding segments
///   (`aggregatorGetAuthorTags`), then the HTTP method; a number is the last resort.
/// - Operations named in an earlier tier (the visible ones) keep their names when a later tier
///   (hidden ones, with `--include-hidden`) is added.
struct OperationNaming {
    let skipSegments: Set<String>
    let namespaceSource: GeneratorConfig.Namespaces.Source
    let namespaceNames: [String: String]
    let methodNames: GeneratorConfig.MethodNames

    init(config: GeneratorConfig) {
        skipSegments = Set(config.namespaces?.skipSegments ?? ["api"])
        namespaceSource = config.namespaces?.source ?? .path
        namespaceNames = config.namespaces?.names ?? [:]
        methodNames = config.methodNames ?? .auto
    }

    static func isVersion(_ segment: Substring) -> Bool {
        segment.count >= 2 && (segment.first == "v" || segment.first == "V") && segment.dropFirst().allSatisfy(\.isNumber)
    }

    /// Whether a segment before the namespace is a version: `v2`, or a bare number of one or
    /// two digits, dotted or not (Sentry's `/api/0/`, `/2.0/`). Longer numbers name things
    /// (`/api/1688/` is a platform).
    static func isLeadingVersion(_ segment: Substring) -> Bool {
        if isVersion(segment) { return true }
        let parts = segment.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count <= 3 && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }

    /// The segments after those skipped before the namespace (`api`, versions).
    func segmentsFromNamespace(_ segments: [Substring]) -> ArraySlice<Substring> {
        segments[...].drop { skipSegments.contains(String($0)) || Self.isLeadingVersion($0) }
    }

    /// Whether a segment names a resource by parameter: `{id}`, or `{id}.json` (a template
    /// expression with only a format suffix around it).
    static func isParameter(_ segment: Substring) -> Bool {
        guard segment.contains("{") else { return false }
        let literal = literalPart(segment)
        return literal.isEmpty || literal.hasPrefix(".")
    }

    /// The segment without its template expressions: `thumbnail.{extension}` → `thumbnail.`.
    static func literalPart(_ segment: Substring) -> Substring {
        guard segment.contains("{") else { return segment }
        var result = ""
        var depth = 0
        for character in segment {
            if character == "{" { depth += 1 } else if character == "}" { depth = max(0, depth - 1) } else if depth == 0 {
                result.append(character)
            }
        }
        return Substring(result)
    }

    /// The names of the template expressions in a segment.
    static func parameterNames(in segment: Substring) -> [String] {
        PathTemplate.parameterNames(String(segment))
    }

    /// The segment or tag that groups an operation, before it is made a Swift name.
    func namespaceKey(path: String, tags: [String]?) -> String {
        if namespaceSource == .tag, let tag = tags?.first { return tag }
        let meaningful = segmentsFromNamespace(path.split(separator: "/"))
        if let first = meaningful.first, !Self.isParameter(first) { return String(first) }
        return tags?.first ?? "root"
    }

    /// The client property for a namespace key.
    func namespacePropertyName(for key: String) -> String {
        namespaceNames[key] ?? SwiftName.lowerIdentifier(key, digitPrefix: "api") ?? "root"
    }

    struct Candidate {
        let path: String
        let method: String
        let operationID: String?
        let namespaceKey: String
    }

    /// The forms an operation's method name can take, shortest first.
    func nameForms(for candidate: Candidate) -> [String] {
        if let operationID = candidate.operationID, useOperationID(operationID, candidate) {
            let name = SwiftName.lowerIdentifier(operationID, digitPrefix: "operation") ?? "operation"
            return [name, SwiftName.lowerIdentifier(candidate.method, digitPrefix: "m")! + SwiftName.capitalizingFirst(name)]
        }
        let segments = candidate.path.split(separator: "/")
        var afterNamespace = segmentsFromNamespace(segments)
        if afterNamespace.first.map(String.init) == candidate.namespaceKey { afterNamespace = afterNamespace.dropFirst() }
        let version = segments.last { Self.isVersion($0) }.map { $0.uppercased() } ?? ""
        let literals = afterNamespace.filter { !Self.isVersion($0) && !Self.isParameter($0) && !skipSegments.contains(String($0)) }
            .map(Self.literalPart)
        let trailingParameters = Array(segments.reversed().prefix { Self.isParameter($0) || Self.isVersion($0) }
            .filter(Self.isParameter).reversed()).flatMap(Self.parameterNames(in:))
        var base: String
        var qualifiers: [Substring]
        if let last = literals.last {
            base = SwiftName.camelCase(String(last))
            qualifiers = Array(literals.dropLast().reversed())
        } else {
            base = SwiftName.camelCase(candidate.namespaceKey)
            qualifiers = []
        }
        if !trailingParameters.isEmpty {
            base += "By" + trailingParameters.map { SwiftName.pascalCase($0) }.joined(separator: "And")
        }
        if base.isEmpty { base = "operation" }
        var forms: [String] = []
        func add(_ form: String) {
            let name = SwiftName.lowerIdentifier(form, digitPrefix: "operation") ?? "operation"
            if !forms.contains(name) { forms.append(name) }
        }
        var current = base
        add(current)
        if !version.isEmpty { add(current + version) }
        for qualifier in qualifiers {
            current = SwiftName.camelCase(String(qualifier)) + SwiftName.capitalizingFirst(current)
            add(current)
            if !version.isEmpty { add(current + version) }
        }
        let methodPrefix = candidate.method.lowercased()
        add(methodPrefix + SwiftName.capitalizingFirst(forms.last!))
        return forms
    }

    /// Whether a name should come from `operationId` rather than the path.
    private func useOperationID(_ operationID: String, _ candidate: Candidate) -> Bool {
        switch methodNames {
        case .operationId: return true
        case .path: return false
        case .auto: return !Self.isSpelledOutPath(operationID, method: candidate.method, path: candidate.path)
        }
    }

    /// Whether `operationId` only spells out the method and path (`getApiDouyinXingtuGwApi…V1`),
    /// as tools like springdoc generate them; such IDs make poor method names.
    static func isSpelledOutPath(_ operationID: String, method: String, path: String) -> Bool {
        func letters(_ text: String) -> String { text.lowercased().filter { $0.isLetter || $0.isNumber } }
        return letters(operationID) == letters(method + path)
    }

    /// Unique method names for `candidates` (one tier), avoiding the names in `taken`.
    /// Names for operations, each from its `forms` (most general first): the first form that no
    /// other operation needs too. What still collides is numbered; `renamed` gets the index,
    /// the name it would have had, the name it got and the name that held the first.
    static func assign(
        _ forms: [[String]], avoiding taken: inout NameScope,
        renamed: (_ index: Int, _ wanted: String, _ name: String, _ holder: String) -> Void = { _, _, _, _ in }
    ) -> [String] {
        var levels = Array(repeating: 0, count: forms.count)
        while true {
            let names = forms.indices.map { forms[$0][min(levels[$0], forms[$0].count - 1)] }
            var counts: [String: Int] = [:]
            for name in names { counts[name, default: 0] += 1 }
            var progressed = false
            for index in forms.indices where counts[names[index]]! > 1 || taken.isTaken(names[index]) {
                if levels[index] < forms[index].count - 1 {
                    levels[index] += 1
                    progressed = true
                }
            }
            if !progressed {
                return names.enumerated().map { index, name in
                    let holder = taken.holder(of: name)
                    let claimed = taken.claim(name)
                    if claimed != name { renamed(index, name, claimed, holder ?? name) }
                    return claimed
                }
            }
        }
    }
}
