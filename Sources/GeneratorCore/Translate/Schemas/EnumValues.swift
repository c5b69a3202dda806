import Foundation
import OpenAPIKit

/// The values of a schema's `enum`, when they are all strings or all integers (nulls aside).
struct EnumValues: Equatable {
    enum Values: Equatable {
        case strings([String])
        case integers([Int])
    }

    let values: Values

    init?(_ allowed: [AnyCodable]?) {
        guard let allowed else { return nil }
        var strings: [String] = []
        var integers: [Int] = []
        for value in allowed {
            switch value.value {
            case let string as String:
                if !strings.contains(string) { strings.append(string) }
            case let integer as Int:
                if !integers.contains(integer) { integers.append(integer) }
            case let number as Double where number == number.rounded() && abs(number) < 1e15:
                if !integers.contains(Int(number)) { integers.append(Int(number)) }
            case is NSNull, is Void:
                // `null` (OpenAPIKit holds it as either): the type is optional, not a case.
                continue
            default:
                return nil
            }
        }
        if !strings.isEmpty && integers.isEmpty {
            values = .strings(strings)
        } else if strings.isEmpty && !integers.isEmpty {
            values = .integers(integers)
        } else {
            return nil
        }
    }

    var isEmpty: Bool {
        switch values {
        case .strings(let strings): strings.isEmpty
        case .integers(let integers): integers.isEmpty
        }
    }

    /// Whether `value` (a default, say) is one of the values.
    func contains(_ value: AnyCodable) -> Bool {
        switch (values, value.value) {
        case (.strings(let strings), let string as String): strings.contains(string)
        case (.integers(let integers), let integer as Int): integers.contains(integer)
        default: false
        }
    }

    /// The case name `value` has in ``model(valueDocs:)``.
    func caseName(for value: AnyCodable) -> String? {
        let model = model(valueDocs: [:])
        let raw: EnumCaseModel.RawValue
        switch (values, value.value) {
        case (.strings, let string as String): raw = .string(string)
        case (.integers, let integer as Int): raw = .integer(integer)
        default: return nil
        }
        return model.cases.first { $0.rawValue == raw }?.name
    }

    /// The values whose case names another value of the enum holds (in case, or because the
    /// values differ only in what a Swift name drops), with the names they got instead.
    func renamedCases() -> [(value: String, name: String, holder: String)] {
        guard case .strings(let strings) = values else { return [] }
        var names = NameScope(reserved: ReservedNames.valueEnumMembers, foldsCase: true)
        var valueOfName: [String: String] = [:]
        var renamed: [(value: String, name: String, holder: String)] = []
        for (value, base) in zip(strings, SwiftName.enumCaseNames(forValues: strings)) {
            let holder = names.holder(of: base).flatMap { valueOfName[$0.lowercased()] }
            let name = names.claim(base)
            valueOfName[name.lowercased()] = value
            if name != base, let holder { renamed.append((value, name, holder)) }
        }
        return renamed
    }

    /// The enum's cases, named from the values, documented from `valueDocs` (by raw value).
    func model(valueDocs: [String: String]) -> ValueEnumModel {
        var names = NameScope(reserved: ReservedNames.valueEnumMembers, foldsCase: true)
        var cases: [EnumCaseModel] = []
        switch values {
        case .strings(let strings):
            for (value, base) in zip(strings, SwiftName.enumCaseNames(forValues: strings)) {
                let name = names.claim(base)
                cases.append(
                    EnumCaseModel(
                        name: SwiftName.escaped(name), rawValue: .string(value),
                        docLines: SchemaTranslator.documentation(valueDocs[value], fallback: "The value `\(value)`.")))
            }
            return ValueEnumModel(rawType: .string, cases: cases, undocumentedCaseName: "undocumented")
        case .integers(let integers):
            for value in integers {
                let base = value < 0 ? "valueMinus\(-value)" : "value\(value)"
                let name = names.claim(base)
                cases.append(
                    EnumCaseModel(
                        name: name, rawValue: .integer(value),
                        docLines: SchemaTranslator.documentation(valueDocs[String(value)], fallback: "The value `\(value)`.")))
            }
            return ValueEnumModel(rawType: .integer, cases: cases, undocumentedCaseName: "undocumented")
        }
    }
}
