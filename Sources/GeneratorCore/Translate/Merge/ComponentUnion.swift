import Foundation

/// The union of two versions of one component, when they differ only in ways that widen it:
/// more properties, more enum values, fewer required properties, `null` allowed, other
/// descriptions. Sibling documents fetched at different times differ like this (the envelope
/// gains a business code or a field), and the union accepts what either one describes.
///
/// Values are JSON as `JSONSerialization` reads it (dictionaries, arrays, scalars); anything
/// else that differs (a type, a format, a `$ref`, a different list of `allOf` parts) is a
/// conflict, and the result is `nil`.
struct ComponentUnion {
    /// The order of each `properties` object's keys as written, for the merged objects' order.
    let propertyOrder: (Set<String>) -> [String]
    /// The key order of every merged `properties` object, to be remembered by the caller.
    private(set) var mergedPropertyOrders: [[String]] = []
    /// What widened, in words (`properties code, data`), for the warning.
    private(set) var changes: [String] = []

    init(propertyOrder: @escaping (Set<String>) -> [String]) {
        self.propertyOrder = propertyOrder
    }

    /// Keys that document rather than constrain: differing values keep the first one's.
    private static let annotations: Set<String> = [
        "description", "title", "summary", "example", "examples", "externalDocs", "deprecated", "default", "xml",
        "readOnly", "writeOnly", "$comment",
    ]

    mutating func union(_ first: Any, _ second: Any) -> Any? {
        if Self.same(first, second) { return first }
        switch (first, second) {
        case (let left as [String: Any], let right as [String: Any]):
            return unionOfObjects(left, right)
        case (let left as [Any], let right as [Any]) where left.count == right.count:
            var result: [Any] = []
            for (a, b) in zip(left, right) {
                guard let merged = union(a, b) else { return nil }
                result.append(merged)
            }
            return result
        default:
            return nil
        }
    }

    private mutating func unionOfObjects(_ left: [String: Any], _ right: [String: Any]) -> [String: Any]? {
        var result: [String: Any] = [:]
        for key in Set(left.keys).union(right.keys) {
            let a = left[key]
            let b = right[key]
            if key.hasPrefix("x-") || Self.annotations.contains(key) {
                result[key] = a ?? b
                continue
            }
            switch key {
            case "properties":
                guard let merged = unionOfProperties(a as? [String: Any] ?? [:], b as? [String: Any] ?? [:]) else { return nil }
                result[key] = merged
            case "required" where (a == nil || a is [Any]) && (b == nil || b is [Any]):
                // Required only where both require it.
                let both = Set(b as? [String] ?? [])
                let kept = (a as? [String] ?? []).filter(both.contains)
                if kept.count != (a as? [Any])?.count ?? 0 || kept.count != (b as? [Any])?.count ?? 0 {
                    changes.append("fewer required properties")
                }
                if !kept.isEmpty { result[key] = kept }
            case "enum":
                // A side without `enum` allows every value; otherwise both sides' values.
                guard let values = a as? [Any], let more = b as? [Any] else {
                    changes.append("any value")
                    continue
                }
                let added = more.filter { value in !values.contains { Self.same($0, value) } }
                if !added.isEmpty { changes.append("enum values \(added.map { "\($0)" }.joined(separator: ", "))") }
                result[key] = values + added
            case "nullable":
                result[key] = (a as? Bool ?? false) || (b as? Bool ?? false)
            case "type":
                guard let a, let b else { return nil }
                guard let merged = Self.unionOfTypes(a, b) else { return nil }
                if !Self.same(merged, a) { changes.append("null allowed") }
                result[key] = merged
            default:
                guard let a, let b, let merged = union(a, b) else { return nil }
                result[key] = merged
            }
        }
        return result
    }

    private mutating func unionOfProperties(_ left: [String: Any], _ right: [String: Any]) -> [String: Any]? {
        var result = left
        for (name, schema) in right {
            if let existing = left[name] {
                guard let merged = union(existing, schema) else { return nil }
                result[name] = merged
            } else {
                result[name] = schema
            }
        }
        let added = propertyOrder(Set(right.keys)).filter { left[$0] == nil }
        if !added.isEmpty {
            changes.append("properties \(added.joined(separator: ", "))")
            mergedPropertyOrders.append(propertyOrder(Set(left.keys)) + added)
        }
        return result
    }

    /// Whether two JSON values are equal (written with sorted keys, they read the same).
    static func same(_ left: Any, _ right: Any) -> Bool {
        func text(_ value: Any) -> Data? {
            try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        }
        guard let a = text(left), let b = text(right) else { return false }
        return a == b
    }

    /// `"string"` and `["string", "null"]` make `["string", "null"]`; other differences conflict.
    private static func unionOfTypes(_ left: Any, _ right: Any) -> Any? {
        func names(_ value: Any) -> [String]? {
            if let name = value as? String { return [name] }
            return value as? [String]
        }
        guard let a = names(left), let b = names(right) else { return nil }
        guard Set(a.filter { $0 != "null" }) == Set(b.filter { $0 != "null" }) else { return nil }
        let union = a + b.filter { !a.contains($0) }
        return union.count == 1 ? union[0] : union
    }
}
