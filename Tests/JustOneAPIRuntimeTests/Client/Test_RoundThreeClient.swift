import Foundation
import JustOneAPIRuntime
import RoundThreeClient
import Testing
import TestSupport

/// The client generated from `Tests/Fixtures/RoundThree`: Swift keywords in every place a name
/// comes from, parameters named like the names generated bodies use, schemas named like every
/// type generated code refers to. That it compiles (the RoundThreeClient target, warnings
/// included) is half of each test; these calls are the other half.
@Suite struct Test_RoundThreeClient {
    func client(_ server: LoopbackServer) -> JustOneAPIClient {
        JustOneAPIClient(token: "r3-token", server: Server(server.baseURL + "/v3")!, timeout: .seconds(60))
    }

    /// Parameters called `client`, `request`, `self`, `in` … are sent under their own names;
    /// the namespace `class` and the method `default` are called as written.
    @Test func parametersNamedLikeTheGeneratedBodysOwnNames() async throws {
        let server = try LoopbackServer { _ in .json(#"{"default": "d", "class": "c", "self": "s"}"#) }
        let response = try await client(server).class.default(
            id: "a b", kind: .class, code: 7, client: "c1", request2: "r1", timeout: "t1", selfValue: "s1", send: "x",
            pages: "p", query: "q", headerFields: "h", formFields: "f", in: "i", for: "o", type: "T", initValue: "n",
            default: "d")
        let request = try #require(server.requests.first)
        #expect(request.path == "/v3/items/a%20b/class/7")
        let sent = Dictionary(request.queryItems.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in [
            ("client", "c1"), ("request", "r1"), ("timeout", "t1"), ("self", "s1"), ("send", "x"), ("pages", "p"),
            ("query", "q"), ("headerFields", "h"), ("formFields", "f"), ("in", "i"), ("for", "o"), ("Type", "T"),
            ("init", "n"), ("default", "d"),
        ] {
            #expect(sent[name] == value, "\(name)")
        }
        #expect(response.data.default == "d" && response.data.class == "c" && response.data.selfValue == "s")
    }

    /// The second operation with the operationId `default` is `default2`; its path parameter,
    /// nullable in the document, is required.
    @Test func aDuplicateOperationIDGetsADistinctName() async throws {
        let server = try LoopbackServer { _ in .json(#"{"id": "x", "missing": {"any": [1, 2]}, "kind": "for"}"#) }
        let response = try await client(server).default.default2(thingId: "42")
        #expect(server.requests.first?.path == "/v3/things/42")
        #expect(response.data.missing?["any"]?[1] == 2)
        #expect(response.data.kind == .for)
    }

    /// A paged operation whose response refers to schemas named `Paging`, `PagedOperation`,
    /// `Usage`, `String` …: every page is fetched, and each schema's type decodes.
    @Test func aPagedOperationAmongSchemasNamedLikeRuntimeTypes() async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let items = page < 3 ? "[\"a\(page)\", \"b\(page)\"]" : "[]"
            return .json(
                #"{"items": \#(items), "total_pages": 5, "fieldPaging": {"name": "p"}, "fieldString": {"name": "s"}}"#)
        }
        let client = client(server)
        var names: [String] = []
        for try await page in client.pages(DefaultAPI.ListingOperation()) {
            names += page.data.items ?? []
            #expect(page.data.fieldPaging?.name == "p")
            #expect(page.data.fieldString?.name == "s")
        }
        #expect(names == ["a1", "b1", "a2", "b2"])
        #expect(server.requests.count == 3)
        #expect(Server.default.url.absoluteString == "https://api.example.test/v3")
    }

    /// A model that would bring more than 64 stored fields inline is kept behind `@Indirect`:
    /// it is sent, decoded, compared and copied as any other value (a copy changed leaves the
    /// original as it was), whether required, optional or absent.
    @Test func largeModelsHeldIndirectlyBehaveAsValues() async throws {
        let server = try LoopbackServer { request in .json(String(decoding: request.body, as: UTF8.self)) }
        var middle = Middle(m1: "one", m32: "thirty-two", leaf: Leaf(l1: "a", l33: "z"))
        let response = try await client(server).large.large(body: .init(middle: middle, leaf: Leaf(l2: "b")))
        let sent = try #require(server.requests.first)
        let json = try #require(try JSONSerialization.jsonObject(with: sent.body) as? [String: Any])
        #expect((json["middle"] as? [String: Any])?["m32"] as? String == "thirty-two")
        #expect(((json["middle"] as? [String: Any])?["leaf"] as? [String: Any])?["l33"] as? String == "z")
        #expect((json["leaf"] as? [String: Any])?["l2"] as? String == "b")

        var outer = response.data
        #expect(outer.middle == middle)
        #expect(outer.middle.leaf.l33 == "z")
        #expect(outer.again == nil)
        #expect(outer.leaf?.l2 == "b")
        let original = outer
        outer.middle.leaf.l33 = "changed"
        outer.again = middle
        #expect(original.middle.leaf.l33 == "z" && original.again == nil)
        #expect(outer != original && Set([outer, original, original]).count == 2)
        middle.m1 = "changed"
        #expect(outer.again?.m1 == "one")

        let encoded = try JSONEncoder().encode(original)
        let keys = try #require(try JSONSerialization.jsonObject(with: encoded) as? [String: Any]).keys
        #expect(Set(keys) == ["middle", "leaf"])
        #expect(try JSONDecoder().decode(Outer.self, from: encoded) == original)
    }
}
