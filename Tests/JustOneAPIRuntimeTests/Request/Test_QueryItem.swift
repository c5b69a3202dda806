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

    /// `form` style after the shape the value holds: an object a pair per property (a list
    /// property a pair per element), or without `explode` one pair of names and values; what
    /// the style does not define (an object in an object or a list) is JSON text.
    @Test func formStyleFollowsTheShapeOfTheValue() {
        struct Inner: Encodable, Sendable { var x: Int }
        struct Outer: Encodable, Sendable {
            var name: String
            var tags: [String]
            var inner: Inner
            var missing: Int?
        }
        let value = Outer(name: "a b", tags: ["t1", "t2"], inner: Inner(x: 1), missing: nil)
        var exploded: [QueryItem] = []
        exploded.append("o", form: value)
        #expect(exploded.map(\.description) == [#"inner={"x":1}"#, "name=a b", "tags=t1", "tags=t2"])
        var packed: [QueryItem] = []
        packed.append("o", form: value, explode: false)
        packed.append("l", form: [JSONValue.integer(1), .object(["k": .bool(true)])], explode: false)
        packed.append("s", form: 2.5)
        packed.append("n", form: Optional<Outer>.none)
        #expect(packed.map(\.description) == [#"o=inner,{"x":1},name,a b,tags,t1,t2"#, #"l=1,{"k":true}"#, "s=2.5"])
    }

    /// Paths, headers and cookies: OpenAPI's style table for objects (`R=100,G=200,B=150`,
    /// properties in name order), lists and scalars as their own writers write them.
    @Test func structuredParametersInPathsHeadersAndCookies() {
        let rgb: JSONValue = .object(["R": .integer(100), "G": .integer(200), "B": .integer(150)])
        #expect(StructuredParameter(rgb).parameterValue == "B,150,G,200,R,100")
        #expect(StructuredParameter.exploded(rgb).parameterValue == "B=150,G=200,R=100")
        #expect(ParameterStyle.label.pathSegment("color", StructuredParameter(rgb)) == ".B,150,G,200,R,100")
        #expect(ParameterStyle.matrix.pathSegment("color", StructuredParameter(rgb)) == ";color=B,150,G,200,R,100")
        #expect(ParameterStyle.matrix.pathSegment("color", StructuredParameter.exploded(rgb)) == ";B=150;G=200;R=100")
        #expect(ParameterStyle.label.pathSegment("c", StructuredParameter(JSONValue.array([.string("a b"), .integer(1)]))) == ".a%20b,1")
        #expect(ParameterStyle.matrix.pathSegment("c", StructuredParameter(JSONValue.string("x"))) == ";c=x")
        #expect(ParameterStyle.simple.pathSegment("c", StructuredParameter(JSONValue.object([:]))) == "")
        var fields = HTTPFields()
        fields.appendCookie("color", structured: StructuredParameter(rgb))
        fields.appendCookie("color", structured: Optional<StructuredParameter<JSONValue>>.none)
        fields.appendCookie("pair", structured: StructuredParameter.exploded(JSONValue.object(["a": .string("1"), "b": .null])))
        #expect(fields.fields.map(\.value) == ["color=B,150,G,200,R,100", "a=1"])
    }
}
