import Foundation

/// A JSONPath query (RFC 9535), parsed once and evaluated on ``JSONTree`` documents.
///
/// The whole of RFC 9535 is read: name, index, wildcard, slice and filter selectors, child and
/// descendant segments, comparisons, `&&`, `||`, `!`, and the functions `length`, `count`,
/// `match`, `search` and `value`. Results are the places of the selected nodes, in document
/// order, so that an overlay can change or remove them.
struct JSONPath: Sendable, CustomStringConvertible {
    /// One step from a node to a child.
    enum Step: Hashable, Sendable {
        case key(String)
        case index(Int)
    }

    struct SyntaxError: Error, Equatable {
        /// 0-based offset into the query text.
        let offset: Int
        let message: String
    }

    let description: String
    fileprivate let segments: [Segment]

    init(_ text: String) throws(SyntaxError) {
        description = text
        var parser = Parser(text)
        segments = try parser.query()
    }

    /// The places of the selected nodes (each a list of steps from the root).
    func select(in root: JSONTree) -> [[Step]] {
        Evaluator(root: root).evaluate(segments, from: [PathNode(steps: [], node: root)]).map(\.steps)
    }
}

// MARK: - Syntax tree

private struct Segment: Sendable {
    var descendant: Bool
    var selectors: [Selector]
}

private indirect enum Selector: Sendable {
    case name(String)
    case wildcard
    case index(Int)
    case slice(start: Int?, end: Int?, step: Int?)
    case filter(Expression)
}

/// A query inside a filter: relative to the current node (`@`) or to the root (`$`).
private struct FilterQuery: Sendable {
    var relative: Bool
    var segments: [Segment]

    /// At most one node, whatever the document: names and indices only.
    var isSingular: Bool {
        segments.allSatisfy { segment in
            guard !segment.descendant, segment.selectors.count == 1 else { return false }
            switch segment.selectors[0] {
            case .name, .index: return true
            default: return false
            }
        }
    }
}

private indirect enum Expression: Sendable {
    case or([Expression])
    case and([Expression])
    case not(Expression)
    case test(FilterQuery)
    case testFunction(FunctionCall)
    case comparison(Comparable, ComparisonOperator, Comparable)
}

private enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
}

private indirect enum Comparable: Sendable {
    case literal(JSONTree)
    case query(FilterQuery)
    case function(FunctionCall)
}

private struct FunctionCall: Sendable {
    enum Name: String, Sendable {
        case length, count, match, search, value
    }

    var name: Name
    var arguments: [Argument]

    indirect enum Argument: Sendable {
        case literal(JSONTree)
        case query(FilterQuery)
        case function(FunctionCall)
        case logical(Expression)
    }

    /// Whether the function's result is logical (`match`, `search`) rather than a value.
    var isLogical: Bool { name == .match || name == .search }
}

// MARK: - Parser

private struct Parser {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(_ text: String) { scalars = Array(text.unicodeScalars) }

    func fail(_ message: String, at offset: Int? = nil) -> JSONPath.SyntaxError {
        JSONPath.SyntaxError(offset: offset ?? index, message: message)
    }

    var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func skipBlank() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" { index += 1 }
    }

    mutating func consume(_ text: String) -> Bool {
        let wanted = Array(text.unicodeScalars)
        guard index + wanted.count <= scalars.count, Array(scalars[index..<(index + wanted.count)]) == wanted else { return false }
        index += wanted.count
        return true
    }

    mutating func expect(_ text: String) throws(JSONPath.SyntaxError) {
        guard consume(text) else { throw fail("expected `\(text)`\(current.map { ", found `\($0)`" } ?? " at the end")") }
    }

    mutating func query() throws(JSONPath.SyntaxError) -> [Segment] {
        guard consume("$") else { throw fail("a JSONPath query starts with `$`") }
        let segments = try self.segments()
        guard current == nil else { throw fail("unexpected `\(current!)`") }
        return segments
    }

    mutating func segments() throws(JSONPath.SyntaxError) -> [Segment] {
        var result: [Segment] = []
        while true {
            let start = index
            skipBlank()
            if consume("..") {
                let selectors = current == "[" ? try bracketed() : [try shorthand()]
                result.append(Segment(descendant: true, selectors: selectors))
            } else if consume(".") {
                result.append(Segment(descendant: false, selectors: [try shorthand()]))
            } else if current == "[" {
                result.append(Segment(descendant: false, selectors: try bracketed()))
            } else {
                index = start
                return result
            }
        }
    }

    mutating func shorthand() throws(JSONPath.SyntaxError) -> Selector {
        if consume("*") { return .wildcard }
        let start = index
        guard let first = current, Self.isNameFirst(first) else {
            throw fail("expected a member name or `*` after `.`")
        }
        index += 1
        while let scalar = current, Self.isNameFirst(scalar) || ("0"..."9").contains(scalar) { index += 1 }
        return .name(String(String.UnicodeScalarView(scalars[start..<index])))
    }

    static func isNameFirst(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_" || scalar.value >= 0x80
    }

    mutating func bracketed() throws(JSONPath.SyntaxError) -> [Selector] {
        try expect("[")
        var selectors: [Selector] = []
        repeat {
            skipBlank()
            selectors.append(try selector())
            skipBlank()
        } while consume(",")
        try expect("]")
        return selectors
    }

    mutating func selector() throws(JSONPath.SyntaxError) -> Selector {
        guard let scalar = current else { throw fail("unexpected end of the query inside `[…]`") }
        switch scalar {
        case "'", "\"":
            return .name(try stringLiteral())
        case "*":
            index += 1
            return .wildcard
        case "?":
            index += 1
            skipBlank()
            return .filter(try logicalOr())
        default:
            let start = index
            let first = try optionalInteger()
            skipBlank()
            if consume(":") {
                skipBlank()
                let end = try optionalInteger()
                skipBlank()
                var step: Int?
                if consume(":") {
                    skipBlank()
                    step = try optionalInteger()
                }
                return .slice(start: first, end: end, step: step)
            }
            guard let first else { throw fail("expected a name in quotes, an index, a slice, `*` or a filter `?…`", at: start) }
            return .index(first)
        }
    }

    mutating func optionalInteger() throws(JSONPath.SyntaxError) -> Int? {
        let start = index
        _ = consume("-")
        while let scalar = current, ("0"..."9").contains(scalar) { index += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        if text.isEmpty { return nil }
        guard let value = Int(text), text != "-0", !(text.hasPrefix("0") && text.count > 1),
            !(text.hasPrefix("-0")), abs(value) <= 9_007_199_254_740_991
        else { throw fail("`\(text)` is not a valid index", at: start) }
        return value
    }

    mutating func stringLiteral() throws(JSONPath.SyntaxError) -> String {
        let start = index
        guard let quote = current, quote == "'" || quote == "\"" else { throw fail("expected a string in quotes") }
        index += 1
        var result = String.UnicodeScalarView()
        while let scalar = current {
            index += 1
            if scalar == quote { return String(result) }
            if scalar == "\\" {
                guard let escaped = current else { break }
                index += 1
                switch escaped {
                case "b": result.append("\u{08}")
                case "f": result.append("\u{0C}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "/", "\\", "'", "\"":
                    guard escaped == "/" || escaped == "\\" || escaped == quote else {
                        throw fail("`\\\(escaped)` is not an escape inside \(quote)…\(quote)", at: index - 2)
                    }
                    result.append(escaped)
                case "u":
                    guard let code = hex4() else { throw fail("`\\u` needs four hex digits", at: index - 2) }
                    if (0xD800..<0xDC00).contains(code), consume("\\u"), let low = hex4(), (0xDC00..<0xE000).contains(low) {
                        result.append(Unicode.Scalar(0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00))!)
                    } else if let scalar = Unicode.Scalar(code) {
                        result.append(scalar)
                    } else {
                        throw fail("`\\u` escape of a lone surrogate", at: index - 6)
                    }
                default:
                    throw fail("`\\\(escaped)` is not an escape", at: index - 2)
                }
            } else if scalar.value < 0x20 {
                throw fail("a control character inside a string must be escaped", at: index - 1)
            } else {
                result.append(scalar)
            }
        }
        throw fail("the string that starts here is not closed", at: start)
    }

    mutating func hex4() -> UInt32? {
        // Four hex digits exactly: `UInt32(_:radix:)` alone would take a sign (`\u+123`).
        guard index + 4 <= scalars.count, scalars[index..<(index + 4)].allSatisfy({ $0.properties.isASCIIHexDigit }),
            let value = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + 4)])), radix: 16)
        else { return nil }
        index += 4
        return value
    }

    // MARK: Filters

    mutating func logicalOr() throws(JSONPath.SyntaxError) -> Expression {
        var parts = [try logicalAnd()]
        skipBlank()
        while consume("||") {
            skipBlank()
            parts.append(try logicalAnd())
            skipBlank()
        }
        return parts.count == 1 ? parts[0] : .or(parts)
    }

    mutating func logicalAnd() throws(JSONPath.SyntaxError) -> Expression {
        var parts = [try basic()]
        skipBlank()
        while consume("&&") {
            skipBlank()
            parts.append(try basic())
            skipBlank()
        }
        return parts.count == 1 ? parts[0] : .and(parts)
    }

    mutating func basic() throws(JSONPath.SyntaxError) -> Expression {
        skipBlank()
        if current == "!" && peek(1) != "=" {
            index += 1
            skipBlank()
            if consume("(") {
                let inner = try parenthesised()
                return .not(inner)
            }
            let operand = try comparable()
            switch operand {
            case .query(let query): return .not(.test(query))
            case .function(let call) where call.isLogical: return .not(.testFunction(call))
            default: throw fail("`!` applies to a query, a test function or a parenthesised expression")
            }
        }
        if consume("(") { return try parenthesised() }
        let start = index
        let left = try comparable()
        skipBlank()
        for op in [ComparisonOperator.equal, .notEqual, .lessOrEqual, .greaterOrEqual, .less, .greater] where consume(op.rawValue) {
            skipBlank()
            let right = try comparable()
            for side in [left, right] {
                if case .query(let query) = side, !query.isSingular {
                    throw fail("only a singular query (names and indices only) can be compared", at: start)
                }
                if case .function(let call) = side, call.isLogical {
                    throw fail("`\(call.name.rawValue)()` is a test, not a value to compare", at: start)
                }
            }
            return .comparison(left, op, right)
        }
        switch left {
        case .query(let query): return .test(query)
        case .function(let call) where call.isLogical: return .testFunction(call)
        case .function(let call):
            throw fail("`\(call.name.rawValue)()` gives a value; compare it with something", at: start)
        case .literal:
            throw fail("a literal alone is not a test; compare it with something", at: start)
        }
    }

    mutating func parenthesised() throws(JSONPath.SyntaxError) -> Expression {
        skipBlank()
        let inner = try logicalOr()
        skipBlank()
        try expect(")")
        return inner
    }

    mutating func comparable() throws(JSONPath.SyntaxError) -> Comparable {
        guard let scalar = current else { throw fail("unexpected end of the filter") }
        switch scalar {
        case "@", "$":
            index += 1
            return .query(FilterQuery(relative: scalar == "@", segments: try segments()))
        case "'", "\"":
            return .literal(.string(try stringLiteral()))
        case "-", "0"..."9":
            return .literal(try numberLiteral())
        default:
            if consume("true") { return .literal(.scalar(ArraySlice("true".utf8))) }
            if consume("false") { return .literal(.scalar(ArraySlice("false".utf8))) }
            if consume("null") { return .literal(.scalar(ArraySlice("null".utf8))) }
            return .function(try functionCall())
        }
    }

    mutating func numberLiteral() throws(JSONPath.SyntaxError) -> JSONTree {
        let start = index
        while let scalar = current, ("0"..."9").contains(scalar) || "-+.eE".unicodeScalars.contains(scalar) { index += 1 }
        let text = String(String.UnicodeScalarView(scalars[start..<index]))
        guard JSONText.isNumber(text) || text == "-0" else { throw fail("`\(text)` is not a number", at: start) }
        return .scalar(ArraySlice(text.utf8))
    }

    mutating func functionCall() throws(JSONPath.SyntaxError) -> FunctionCall {
        let start = index
        while let scalar = current, ("a"..."z").contains(scalar) || scalar == "_" || ("0"..."9").contains(scalar) { index += 1 }
        let nameText = String(String.UnicodeScalarView(scalars[start..<index]))
        guard current == "(" else {
            throw fail(nameText.isEmpty ? "expected a query (`@…`, `$…`), a literal or a function" : "unknown word `\(nameText)`", at: start)
        }
        guard let name = FunctionCall.Name(rawValue: nameText) else {
            throw fail("unknown function `\(nameText)()`; RFC 9535 defines length, count, match, search and value", at: start)
        }
        index += 1
        var arguments: [FunctionCall.Argument] = []
        skipBlank()
        if current != ")" {
            repeat {
                skipBlank()
                arguments.append(try argument())
                skipBlank()
            } while consume(",")
        }
        try expect(")")
        let call = FunctionCall(name: name, arguments: arguments)
        try check(call, at: start)
        return call
    }

    mutating func argument() throws(JSONPath.SyntaxError) -> FunctionCall.Argument {
        let start = index
        let value = try comparable()
        skipBlank()
        if current == "=" || current == "!" || current == "<" || current == ">" || current == "&" || current == "|" {
            index = start
            return .logical(try logicalOr())
        }
        switch value {
        case .literal(let literal): return .literal(literal)
        case .query(let query): return .query(query)
        case .function(let call): return .function(call)
        }
    }

    /// Arity and argument types, as RFC 9535 §2.4 requires them to be checked when parsing.
    func check(_ call: FunctionCall, at offset: Int) throws(JSONPath.SyntaxError) {
        let arity: Int = switch call.name {
        case .length, .count, .value: 1
        case .match, .search: 2
        }
        guard call.arguments.count == arity else {
            throw fail("`\(call.name.rawValue)()` takes \(arity) argument\(arity == 1 ? "" : "s")", at: offset)
        }
        for argument in call.arguments {
            switch (call.name, argument) {
            case (.count, .query), (.value, .query): continue
            case (.count, _), (.value, _):
                throw fail("`\(call.name.rawValue)()` takes a query", at: offset)
            case (_, .query(let query)) where !query.isSingular:
                throw fail("`\(call.name.rawValue)()` takes a singular query (names and indices only)", at: offset)
            case (_, .logical):
                throw fail("`\(call.name.rawValue)()` takes a value, not a test", at: offset)
            case (_, .function(let inner)) where inner.isLogical:
                throw fail("`\(call.name.rawValue)()` takes a value, not a test", at: offset)
            default: continue
            }
        }
    }
}

// MARK: - Evaluation

private struct PathNode {
    var steps: [JSONPath.Step]
    var node: JSONTree
}

private struct Evaluator {
    let root: JSONTree

    func evaluate(_ segments: [Segment], from start: [PathNode]) -> [PathNode] {
        var nodes = start
        for segment in segments {
            var next: [PathNode] = []
            for located in nodes {
                if segment.descendant {
                    for visited in descendants(of: located) {
                        for selector in segment.selectors { apply(selector, to: visited, into: &next) }
                    }
                } else {
                    for selector in segment.selectors { apply(selector, to: located, into: &next) }
                }
            }
            nodes = next
        }
        return nodes
    }

    /// The node and everything below it, in document order, without recursion.
    func descendants(of start: PathNode) -> [PathNode] {
        var result: [PathNode] = []
        var stack = [start]
        while let located = stack.popLast() {
            result.append(located)
            switch located.node {
            case .object(let members):
                for member in members.reversed() {
                    stack.append(PathNode(steps: located.steps + [.key(member.key)], node: member.value))
                }
            case .array(let elements):
                for (offset, element) in elements.enumerated().reversed() {
                    stack.append(PathNode(steps: located.steps + [.index(offset)], node: element))
                }
            case .scalar:
                break
            }
        }
        return result
    }

    func apply(_ selector: Selector, to located: PathNode, into result: inout [PathNode]) {
        switch (selector, located.node) {
        case (.name(let name), .object(let members)):
            if let member = members.first(where: { $0.key == name }) {
                result.append(PathNode(steps: located.steps + [.key(name)], node: member.value))
            }
        case (.wildcard, .object(let members)):
            for member in members { result.append(PathNode(steps: located.steps + [.key(member.key)], node: member.value)) }
        case (.wildcard, .array(let elements)):
            for (offset, element) in elements.enumerated() {
                result.append(PathNode(steps: located.steps + [.index(offset)], node: element))
            }
        case (.index(let index), .array(let elements)):
            let position = index < 0 ? elements.count + index : index
            if elements.indices.contains(position) {
                result.append(PathNode(steps: located.steps + [.index(position)], node: elements[position]))
            }
        case (.slice(let start, let end, let step), .array(let elements)):
            for position in Self.slice(count: elements.count, start: start, end: end, step: step) {
                result.append(PathNode(steps: located.steps + [.index(position)], node: elements[position]))
            }
        case (.filter(let expression), .object(let members)):
            for member in members where test(expression, current: member.value) {
                result.append(PathNode(steps: located.steps + [.key(member.key)], node: member.value))
            }
        case (.filter(let expression), .array(let elements)):
            for (offset, element) in elements.enumerated() where test(expression, current: element) {
                result.append(PathNode(steps: located.steps + [.index(offset)], node: element))
            }
        default:
            break
        }
    }

    /// RFC 9535 §2.3.4.2.2.
    static func slice(count: Int, start: Int?, end: Int?, step: Int?) -> [Int] {
        let step = step ?? 1
        guard step != 0 else { return [] }
        func normalize(_ value: Int) -> Int { value >= 0 ? value : count + value }
        var positions: [Int] = []
        if step > 0 {
            let lower = min(max(normalize(start ?? 0), 0), count)
            let upper = min(max(normalize(end ?? count), 0), count)
            var position = lower
            while position < upper {
                positions.append(position)
                position += step
            }
        } else {
            let upper = min(max(normalize(start ?? count - 1), -1), count - 1)
            let lower = min(max(end.map(normalize) ?? -1, -1), count - 1)
            var position = upper
            while lower < position {
                positions.append(position)
                position += step
            }
        }
        return positions
    }

    // MARK: Filter expressions

    func test(_ expression: Expression, current: JSONTree) -> Bool {
        switch expression {
        case .or(let parts): return parts.contains { test($0, current: current) }
        case .and(let parts): return parts.allSatisfy { test($0, current: current) }
        case .not(let inner): return !test(inner, current: current)
        case .test(let query): return !nodes(query, current: current).isEmpty
        case .testFunction(let call): return logical(call, current: current)
        case .comparison(let left, let op, let right):
            return compare(value(left, current: current), op, value(right, current: current))
        }
    }

    func nodes(_ query: FilterQuery, current: JSONTree) -> [JSONTree] {
        let start = PathNode(steps: [], node: query.relative ? current : root)
        return evaluate(query.segments, from: [start]).map(\.node)
    }

    /// A comparable's value; `nil` is RFC 9535's Nothing.
    func value(_ comparable: Comparable, current: JSONTree) -> JSONTree? {
        switch comparable {
        case .literal(let literal): return literal
        case .query(let query): return nodes(query, current: current).first
        case .function(let call): return functionValue(call, current: current)
        }
    }

    func argumentValue(_ argument: FunctionCall.Argument, current: JSONTree) -> JSONTree? {
        switch argument {
        case .literal(let literal): return literal
        case .query(let query): return nodes(query, current: current).first
        case .function(let call): return functionValue(call, current: current)
        case .logical: return nil
        }
    }

    func functionValue(_ call: FunctionCall, current: JSONTree) -> JSONTree? {
        switch call.name {
        case .length:
            guard let argument = call.arguments.first.flatMap({ argumentValue($0, current: current) }) else { return nil }
            switch argument {
            case .object(let members): return Self.number(members.count)
            case .array(let elements): return Self.number(elements.count)
            case .scalar:
                guard let text = argument.stringValue else { return nil }
                return Self.number(text.unicodeScalars.count)
            }
        case .count:
            guard case .query(let query) = call.arguments.first else { return nil }
            return Self.number(nodes(query, current: current).count)
        case .value:
            guard case .query(let query) = call.arguments.first else { return nil }
            let found = nodes(query, current: current)
            return found.count == 1 ? found[0] : nil
        case .match, .search:
            return nil
        }
    }

    func logical(_ call: FunctionCall, current: JSONTree) -> Bool {
        guard call.arguments.count == 2,
            let text = argumentValue(call.arguments[0], current: current)?.stringValue,
            let pattern = argumentValue(call.arguments[1], current: current)?.stringValue,
            let icu = IRegexp.icuPattern(pattern, wholeText: call.name == .match),
            let expression = try? NSRegularExpression(pattern: icu)
        else { return false }
        let range = NSRange(text.startIndex..., in: text)
        return expression.firstMatch(in: text, options: [], range: range) != nil
    }

    static func number(_ value: Int) -> JSONTree { .scalar(ArraySlice(String(value).utf8)) }

    /// RFC 9535 §2.3.5.2.2.
    func compare(_ left: JSONTree?, _ op: ComparisonOperator, _ right: JSONTree?) -> Bool {
        switch op {
        case .equal: return Self.equal(left, right)
        case .notEqual: return !Self.equal(left, right)
        case .less: return Self.less(left, right)
        case .lessOrEqual: return Self.less(left, right) || Self.equal(left, right)
        case .greater: return Self.less(right, left)
        case .greaterOrEqual: return Self.less(right, left) || Self.equal(left, right)
        }
    }

    static func equal(_ left: JSONTree?, _ right: JSONTree?) -> Bool {
        switch (left, right) {
        case (nil, nil): return true
        case (nil, _), (_, nil): return false
        case (.object(let a)?, .object(let b)?):
            guard a.count == b.count else { return false }
            return a.allSatisfy { member in b.contains { $0.key == member.key && equal($0.value, member.value) } }
        case (.array(let a)?, .array(let b)?):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.scalar?, .scalar?):
            if let x = numberValue(left!), let y = numberValue(right!) { return x == y }
            if let x = left!.stringValue, let y = right!.stringValue { return x == y }
            return left == right
        default:
            return false
        }
    }

    static func less(_ left: JSONTree?, _ right: JSONTree?) -> Bool {
        guard let left, let right else { return false }
        if let x = numberValue(left), let y = numberValue(right) { return x < y }
        if let x = left.stringValue, let y = right.stringValue {
            return x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        }
        return false
    }

    static func numberValue(_ tree: JSONTree) -> Double? {
        guard case .scalar(let bytes) = tree, let first = bytes.first, first == UInt8(ascii: "-") || (48...57).contains(first)
        else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }
}
