import Foundation
import Testing

@testable import GeneratorCore

/// RFC 9535's own examples: the bookstore of §1.5, the filter examples of §2.3.5.3 and the
/// slices of §2.3.4.3, with the results the RFC gives, and queries it says are invalid.
@Suite struct Test_JSONPath {
    static let bookstore = """
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
          }
        }
        """
    static let filters = """
        { "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
          "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
          "e": "f" }
        """
    static let letters = #"["a", "b", "c", "d", "e", "f", "g"]"#

    /// The selected nodes as compact JSON text, in order.
    static func select(_ query: String, in document: String) throws -> [String] {
        let tree = try #require(JSONTree(parsing: Array(document.utf8)))
        let path = try JSONPath(query)
        return path.select(in: tree).map { place in
            var node = tree
            for step in place {
                switch step {
                case .key(let key): node = node[key]!
                case .index(let index): node = node.value(at: [String(index)])!
                }
            }
            return String(decoding: node.bytes, as: UTF8.self)
        }
    }

    @Test(arguments: [
        ("$.store.book[*].author", [#""Nigel Rees""#, #""Evelyn Waugh""#, #""Herman Melville""#, #""J. R. R. Tolkien""#]),
        ("$..author", [#""Nigel Rees""#, #""Evelyn Waugh""#, #""Herman Melville""#, #""J. R. R. Tolkien""#]),
        ("$.store..price", ["8.95", "12.99", "8.99", "22.99", "399"]),
        ("$..book[2].author", [#""Herman Melville""#]),
        ("$..book[2].publisher", []),
        ("$..book[-1].title", [#""The Lord of the Rings""#]),
        ("$..book[0,1].title", [#""Sayings of the Century""#, #""Sword of Honour""#]),
        ("$..book[:2].title", [#""Sayings of the Century""#, #""Sword of Honour""#]),
        ("$..book[?@.isbn].title", [#""Moby Dick""#, #""The Lord of the Rings""#]),
        ("$..book[?@.price<10].title", [#""Sayings of the Century""#, #""Moby Dick""#]),
        ("$.store['bicycle'][\"color\"]", [#""red""#]),
    ])
    func bookstore(query: String, expected: [String]) throws {
        #expect(try Self.select(query, in: Self.bookstore) == expected)
    }

    @Test func everyNodeOfTheBookstore() throws {
        // `$..*`: every member value and element below the root (2 + 4 books × 4 or 5 + 2 + 2).
        #expect(try Self.select("$..*", in: Self.bookstore).count == 27)
        #expect(try Self.select("$.store.*", in: Self.bookstore).count == 2)
    }

    @Test(arguments: [
        ("$.a[?@.b == 'kilo']", [#"{"b":"kilo"}"#]),
        ("$.a[?(@.b == 'kilo')]", [#"{"b":"kilo"}"#]),
        ("$.a[?@>3.5]", ["5", "4", "6"]),
        ("$.a[?@.b]", [#"{"b":"j"}"#, #"{"b":"k"}"#, #"{"b":{}}"#, #"{"b":"kilo"}"#]),
        ("$[?@.*]", [#"[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]"#, #"{"p":1,"q":2,"r":3,"s":5,"t":{"u":6}}"#]),
        ("$[?@[?@.b]]", [#"[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]"#]),
        ("$.o[?@<3, ?@<3]", ["1", "2", "1", "2"]),
        (#"$.a[?@<2 || @.b == "k"]"#, ["1", #"{"b":"k"}"#]),
        (#"$.a[?match(@.b, "[jk]")]"#, [#"{"b":"j"}"#, #"{"b":"k"}"#]),
        (#"$.a[?search(@.b, "[jk]")]"#, [#"{"b":"j"}"#, #"{"b":"k"}"#, #"{"b":"kilo"}"#]),
        ("$.o[?@>1 && @<4]", ["2", "3"]),
        ("$.o[?@.u || @.x]", [#"{"u":6}"#]),
        ("$.a[?@.b == $.x]", ["3", "5", "1", "2", "4", "6"]),
        ("$.a[?@ == @]", ["3", "5", "1", "2", "4", "6", #"{"b":"j"}"#, #"{"b":"k"}"#, #"{"b":{}}"#, #"{"b":"kilo"}"#]),
        ("$[?length(@) < 3]", [#""f""#]),
        ("$[?count(@.*) == 5]", [#"{"p":1,"q":2,"r":3,"s":5,"t":{"u":6}}"#]),
        ("$.a[?!@.b]", ["3", "5", "1", "2", "4", "6"]),
    ])
    func filters(query: String, expected: [String]) throws {
        #expect(try Self.select(query, in: Self.filters) == expected)
    }

    @Test(arguments: [
        ("$[1:3]", [#""b""#, #""c""#]),
        ("$[5:]", [#""f""#, #""g""#]),
        ("$[1:5:2]", [#""b""#, #""d""#]),
        ("$[5:1:-2]", [#""f""#, #""d""#]),
        ("$[::-1]", [#""g""#, #""f""#, #""e""#, #""d""#, #""c""#, #""b""#, #""a""#]),
    ])
    func slices(query: String, expected: [String]) throws {
        #expect(try Self.select(query, in: Self.letters) == expected)
    }

    /// Queries RFC 9535 calls invalid are refused with the place of the problem.
    @Test(arguments: [
        "", "@.a", "$.", "$[", "$.a[?@.b == 'x'", "$[01]", "$[?length(@.*) < 3]", "$[?@.a == 1 == 2]",
        "$[?foo(@.a)]", "$['unclosed]", "$[?match(@.a)]", "$.a b", "$[?count(1) == 1]", "$[?length(@) ]",
    ])
    func invalidQueriesAreRefused(query: String) {
        #expect(throws: JSONPath.SyntaxError.self) { try JSONPath(query) }
    }
}
