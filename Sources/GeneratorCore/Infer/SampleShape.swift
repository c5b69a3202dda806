/// What the samples of one value showed: the kinds of value seen, how often it was `null`,
/// and for objects and arrays, the same of their members and elements.
///
/// Merging samples only widens a shape, so the result does not depend on their order, and
/// one more sample never renames what the others named.
final class SampleShape {
    enum Kind: String, Hashable, Comparable {
        case boolean, integer, number, string, array, object

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// How many samples had this value (present, `null` included).
    private(set) var count = 0
    private(set) var nullCount = 0
    private(set) var kinds: Set<Kind> = []
    /// Object members by name, in the order first seen, with how many objects had each.
    private(set) var properties: [(name: String, shape: SampleShape)] = []
    private var propertyIndex: [String: Int] = [:]
    private(set) var objectCount = 0
    /// The elements of every array seen, merged; `nil` while no array had an element.
    private(set) var items: SampleShape?
    /// Whether the samples nest deeper here than inference follows (``GeneratorLimits/schemaNesting``).
    private(set) var truncated = false

    /// Adds one sample of the value; `depth` is how deep it sits in the whole sample.
    func add(_ value: JSONTree, depth: Int = 0) {
        count += 1
        guard depth < GeneratorLimits.schemaNesting else {
            truncated = true
            return
        }
        switch value {
        case .object(let members):
            kinds.insert(.object)
            objectCount += 1
            for member in members {
                let shape: SampleShape
                if let index = propertyIndex[member.key] {
                    shape = properties[index].shape
                } else {
                    shape = SampleShape()
                    propertyIndex[member.key] = properties.count
                    properties.append((member.key, shape))
                }
                shape.add(member.value, depth: depth + 1)
            }
        case .array(let elements):
            kinds.insert(.array)
            for element in elements {
                if items == nil { items = SampleShape() }
                items!.add(element, depth: depth + 1)
            }
        case .scalar(let bytes):
            switch bytes.first {
            case UInt8(ascii: "n"): nullCount += 1
            case UInt8(ascii: "t"), UInt8(ascii: "f"): kinds.insert(.boolean)
            case UInt8(ascii: "\""): kinds.insert(.string)
            default:
                let isInteger = !bytes.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
                kinds.insert(isInteger ? .integer : .number)
            }
        }
    }

    /// Whether objects always had the member `name` (not `null`).
    func alwaysHas(_ name: String) -> Bool {
        guard let index = propertyIndex[name] else { return false }
        let shape = properties[index].shape
        return shape.count == objectCount && shape.nullCount == 0
    }

    /// The kind the samples agree on: integers and numbers together are numbers; `nil` when
    /// nothing but `null` was seen, or when the kinds conflict (see ``conflicting``).
    var kind: Kind? {
        var seen = kinds
        if seen == [.integer, .number] { seen = [.number] }
        return seen.count == 1 ? seen.first : nil
    }

    /// The kinds, when the samples disagree.
    var conflicting: [Kind]? {
        kind == nil && kinds.count > 1 ? kinds.sorted() : nil
    }
}
