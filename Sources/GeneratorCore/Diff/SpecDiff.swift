import Foundation

/// What changed between two versions of the documents, as a Swift caller of the generated
/// client sees it: operations, parameters, enum values, defaults, results and servers, each
/// classified as breaking (callers must change) or not.
///
/// The comparison runs on the translated models, so it sees exactly what callers see: a method
/// renamed because a new version collides with it is breaking; a new enum value is not, because
/// generated enums accept unknown values; a removed one is.
public struct SpecDiff: Sendable, Codable, Equatable {
    public struct Change: Sendable, Codable, Equatable, Hashable {
        public enum Kind: String, Sendable, Codable, Hashable {
            case operationAdded, operationRemoved, operationDeprecated, operationRenamed
            case parameterAdded, parameterRemoved, parameterMadeRequired, parameterMadeOptional, parameterRetyped
            case enumValueAdded, enumValueRemoved, defaultChanged, resultRetyped
            case serverAdded, serverRemoved, serverChanged
        }

        public let kind: Kind
        public let isBreaking: Bool
        /// `GET /api/…`, for changes to an operation.
        public let operation: String?
        /// The Swift symbol callers use, such as `douyinXingtu.getAuthorConvertAbility`.
        public let symbol: String?
        public let detail: String
    }

    /// How a version number should change for these changes.
    public enum Bump: String, Sendable, Codable {
        case none, patch, minor, major
    }

    public let changes: [Change]

    public var breaking: [Change] { changes.filter(\.isBreaking) }

    /// Major for breaking changes, minor for additions and deprecations, patch for changed defaults.
    public var bump: Bump {
        if changes.isEmpty { return .none }
        if changes.contains(where: \.isBreaking) { return .major }
        if changes.contains(where: { $0.kind != .defaultChanged }) { return .minor }
        return .patch
    }

    public init(changes: [Change]) {
        self.changes = changes
    }

    /// Compares two models.
    public init(old: APIModel, new: APIModel) {
        var changes: [Change] = []
        let oldOperations = Self.operations(of: old)
        let newOperations = Self.operations(of: new)
        for key in Set(oldOperations.keys).union(newOperations.keys).sorted() {
            switch (oldOperations[key], newOperations[key]) {
            case let (before?, nil):
                changes.append(
                    Change(
                        kind: .operationRemoved, isBreaking: true, operation: key, symbol: before.symbol,
                        detail: "operation removed; `\(before.symbol)` no longer exists"))
            case let (nil, after?):
                changes.append(
                    Change(
                        kind: .operationAdded, isBreaking: false, operation: key, symbol: after.symbol,
                        detail: "operation added as `\(after.symbol)`"))
            case let (before?, after?):
                changes += Self.compare(before, after, key: key)
            case (nil, nil):
                continue
            }
        }
        changes += Self.compareServers(old.servers, new.servers)
        self.changes = changes
    }

    // MARK: Operations

    struct LocatedOperation {
        let operation: OperationModel
        let namespace: NamespaceModel
        let model: APIModel
        var symbol: String { "\(namespace.propertyName).\(operation.methodName)" }
    }

    private static func operations(of model: APIModel) -> [String: LocatedOperation] {
        var result: [String: LocatedOperation] = [:]
        for namespace in model.namespaces {
            for operation in namespace.operations {
                result["\(operation.httpMethod) \(operation.pathTemplate)"] = LocatedOperation(
                    operation: operation, namespace: namespace, model: model)
            }
        }
        return result
    }

    private static func compare(_ before: LocatedOperation, _ after: LocatedOperation, key: String) -> [Change] {
        var changes: [Change] = []
        func add(_ kind: Change.Kind, _ breaking: Bool, _ detail: String) {
            changes.append(Change(kind: kind, isBreaking: breaking, operation: key, symbol: after.symbol, detail: detail))
        }
        if before.symbol != after.symbol {
            add(.operationRenamed, true, "method renamed from `\(before.symbol)` to `\(after.symbol)`")
        }
        if before.operation.deprecationAttribute == nil, after.operation.deprecationAttribute != nil {
            add(.operationDeprecated, false, "operation deprecated")
        }
        if before.operation.outputType != after.operation.outputType {
            add(.resultRetyped, true, "result type changed from `\(before.operation.outputType)` to `\(after.operation.outputType)`")
        }
        let oldParameters = Dictionary(before.operation.parameters.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        let newParameters = Dictionary(after.operation.parameters.map { ($0.wireName, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(oldParameters.keys).union(newParameters.keys).sorted() {
            switch (oldParameters[name], newParameters[name]) {
            case let (old?, nil):
                add(.parameterRemoved, true, "parameter `\(old.label)` removed")
            case let (nil, new?):
                let required = new.isRequired
                add(
                    .parameterAdded, required,
                    required ? "required parameter `\(new.label)` added" : "optional parameter `\(new.label)` added")
            case let (old?, new?):
                let oldBase = old.valueType.unwrapped.code
                let newBase = new.valueType.unwrapped.code
                let oldValues = enumValues(of: old, in: before)
                let newValues = enumValues(of: new, in: after)
                var retyped = false
                if oldBase != newBase && !(oldValues != nil && newValues != nil) {
                    add(.parameterRetyped, true, "parameter `\(new.label)` changed type from `\(oldBase)` to `\(newBase)`")
                    retyped = true
                } else if let oldValues, let newValues {
                    for value in newValues.subtracting(oldValues).sorted() {
                        add(.enumValueAdded, false, "parameter `\(new.label)` accepts the new value \(value)")
                    }
                    for value in oldValues.subtracting(newValues).sorted() {
                        add(.enumValueRemoved, true, "parameter `\(new.label)` no longer has the value \(value)")
                    }
                } else if oldValues != nil || newValues != nil {
                    add(.parameterRetyped, true, "parameter `\(new.label)` changed type from `\(oldBase)` to `\(newBase)`")
                    retyped = true
                }
                if !old.isRequired && new.isRequired {
                    add(.parameterMadeRequired, true, "parameter `\(new.label)` is now required")
                } else if old.isRequired && !new.isRequired {
                    add(.parameterMadeOptional, false, "parameter `\(new.label)` is now optional")
                } else if !new.isRequired, !retyped, old.defaultValue != new.defaultValue {
                    add(
                        .defaultChanged, false,
                        "parameter `\(new.label)` default changed from `\(Self.text(of: old.defaultValue))` to `\(Self.text(of: new.defaultValue))`")
                }
            case (nil, nil):
                continue
            }
        }
        return changes
    }

    /// A default as the report shows it: `none`, `nil`, `.shortVideo`.
    private static func text(of value: ParameterDefault) -> String {
        switch value {
        case .none: "none"
        case .notSent: "nil"
        case .value(let value): value.literal
        }
    }

    /// The raw values of the enum a parameter's type names (or its array's elements), if it
    /// names one.
    private static func enumValues(of parameter: ParameterModel, in located: LocatedOperation) -> Set<String>? {
        guard let name = parameter.valueType.declaredName else { return nil }
        let declarations = located.operation.nestedTypes + located.model.models
        guard var declaration = declarations.first(where: { $0.name == name }) else { return nil }
        // An enum several operations share is declared on the namespace, and aliased here.
        if case .alias(let target) = declaration.kind,
            let shared = located.namespace.sharedTypes.first(where: { target == .named($0.qualifiedName) })
        {
            declaration = shared
        }
        guard case .valueEnum(let valueEnum) = declaration.kind else { return nil }
        return Set(valueEnum.cases.map(\.rawLiteral))
    }

    // MARK: Servers

    private static func compareServers(_ old: [ServerModel], _ new: [ServerModel]) -> [Change] {
        var changes: [Change] = []
        let oldByName = Dictionary(old.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newByName = Dictionary(new.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for name in Set(oldByName.keys).union(newByName.keys).sorted() {
            switch (oldByName[name], newByName[name]) {
            case let (old?, nil):
                changes.append(
                    Change(
                        kind: .serverRemoved, isBreaking: true, operation: nil, symbol: "Server.\(name)",
                        detail: "server `Server.\(name)` (\(SwiftText.literal(old.url))) removed"))
            case let (nil, new?):
                changes.append(
                    Change(
                        kind: .serverAdded, isBreaking: false, operation: nil, symbol: "Server.\(name)",
                        detail: "server `Server.\(name)` (\(SwiftText.literal(new.url))) added"))
            case let (old?, new?) where old.url != new.url:
                changes.append(
                    Change(
                        kind: .serverChanged, isBreaking: false, operation: nil, symbol: "Server.\(name)",
                        detail: "server `Server.\(name)` moved from \(SwiftText.literal(old.url)) to \(SwiftText.literal(new.url))"))
            default:
                continue
            }
        }
        return changes
    }

    // MARK: Reports

    /// A Markdown report, for a pull request or a commit message.
    public func markdown() -> String {
        guard !changes.isEmpty else { return "No changes to the generated API.\n" }
        let breakingCount = breaking.count
        var text = "## API changes: \(breakingCount) breaking, \(changes.count - breakingCount) other\n\n"
        text += "Suggested version bump: **\(bump.rawValue)**.\n"
        for (title, group) in [("Breaking", breaking), ("Not breaking", changes.filter { !$0.isBreaking })] where !group.isEmpty {
            text += "\n### \(title)\n\n"
            for change in group {
                if let operation = change.operation {
                    text += "- `\(operation)`: \(change.detail)\n"
                } else {
                    text += "- \(change.detail)\n"
                }
            }
        }
        return text
    }

    /// A JSON report: the bump, the counts and every change.
    public func json() throws -> Data {
        struct Report: Encodable {
            let bump: Bump
            let breaking: Int
            let total: Int
            let changes: [Change]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(Report(bump: bump, breaking: breaking.count, total: changes.count, changes: changes))
    }
}
