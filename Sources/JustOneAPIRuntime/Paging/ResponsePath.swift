/// Where a value sits in a response body: member names and array indexes from the body's
/// root (`$.data.cursor`, `$.data.items[-1].id`), or a member found anywhere below a point
/// (`$..search_id`), as paging descriptions name them.
///
/// The generator checks each path of an `x-pagination` description and writes it as steps,
/// so nothing is parsed at run time.
public struct ResponsePath: Sendable, Hashable, CustomStringConvertible {
    public enum Step: Sendable, Hashable {
        /// An object's member.
        case key(String)
        /// An array's element; negative counts from the end (`-1` is the last).
        case index(Int)
        /// The first member of this name at any depth below, breadth first, members of one
        /// object in name order.
        case descendant(String)
    }

    public let steps: [Step]

    public init(_ steps: [Step]) {
        self.steps = steps
    }

    /// The value the path leads to in `root`, if there is one.
    public func value(in root: JSONValue) -> JSONValue? {
        var node = root
        for step in steps {
            switch step {
            case .key(let key):
                guard let next = node[key] else { return nil }
                node = next
            case .index(let index):
                guard case .array(let elements) = node else { return nil }
                let position = index < 0 ? elements.count + index : index
                guard elements.indices.contains(position) else { return nil }
                node = elements[position]
            case .descendant(let key):
                guard let found = Self.firstMember(named: key, below: node) else { return nil }
                node = found
            }
        }
        return node
    }

    /// `$.data.cursor`, in JSONPath notation.
    public var description: String {
        var text = "$"
        for step in steps {
            switch step {
            case .key(let key) where Self.isPlainName(key): text += "." + key
            case .key(let key): text += "['" + key.replacingOccurrences(of: "'", with: "\\'") + "']"
            case .index(let index): text += "[\(index)]"
            case .descendant(let key): text += ".." + key
            }
        }
        return text
    }

    private static func isPlainName(_ key: String) -> Bool {
        guard let first = key.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return key.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }

    /// Breadth first, so that the shallowest member wins; one object's members in name order,
    /// so that the answer does not depend on how a dictionary happens to be ordered.
    static func firstMember(named key: String, below root: JSONValue, maximumDepth: Int = 8) -> JSONValue? {
        var level = [root]
        for _ in 0..<maximumDepth where !level.isEmpty {
            var next: [JSONValue] = []
            for node in level {
                switch node {
                case .object(let members):
                    if let value = members[key] { return value }
                    for name in members.keys.sorted() { next.append(members[name]!) }
                case .array(let elements):
                    next.append(contentsOf: elements)
                default:
                    break
                }
            }
            level = next
        }
        return nil
    }
}
