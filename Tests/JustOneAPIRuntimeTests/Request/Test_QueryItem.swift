import Foundation
import JustOneAPIRuntime
import Testing

@Suite struct Test_QueryItem {
    @Test func percentEncodingKeepsOnlyUnreservedCharacters() {
        let items = [QueryItem(name: "q", value: "a b&c=d+é/~_.-"), QueryItem(name: "k y", value: "")]
        #expect(items.percentEncoded == "q=a%20b%26c%3Dd%2B%C3%A9%2F~_.-&k%20y=")
    }

    @Test func valuesAreWrittenPlainly() {
        var items: [QueryItem] = []
        items.append("yes", value: true)
        items.append("no", value: false)
        items.append("int", value: 42)
        items.append("whole", value: 3.0)
        items.append("fraction", value: 2.5)
        items.append("missing", value: nil as String?)
        items.append("list", values: ["a", "b"])
        items.append("joined", values: ["a", "b"], explode: false)
        #expect(items.map(\.description) == ["yes=true", "no=false", "int=42", "whole=3", "fraction=2.5", "list=a", "list=b", "joined=a,b"])
    }

    @Test func datesAreISO8601() {
        #expect(Date(timeIntervalSince1970: 0).parameterValue == "1970-01-01T00:00:00Z")
    }

    /// `deepObject` style: properties in name order in brackets, deeper objects and lists in
    /// further brackets (lists by index), every JSON kind as text, `null` and `nil` left out.
    @Test func deepObjectsAreOnePairPerLeaf() {
        struct Window: Encodable, Sendable {
            var from: Double?
            var to: Double?
        }
        struct Filter: Encodable, Sendable {
            var zeta: Bool
            var alpha: [Window?]
            var middle: String?
        }
        var query: [QueryItem] = []
        query.append("f", deepObject: Filter(zeta: false, alpha: [Window(from: 1.5, to: 3), nil, Window()], middle: nil))
        query.append("g", deepObject: Optional<Filter>.none)
        query.append("s", deepObject: "plain")
        #expect(query.map(\.description) == ["f[alpha][0][from]=1.5", "f[alpha][0][to]=3", "f[zeta]=false", "s=plain"])
    }
}
