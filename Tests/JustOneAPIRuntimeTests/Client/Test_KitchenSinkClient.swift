import Foundation
import JustOneAPIRuntime
import KitchenSinkClient
import Testing
import TestSupport

/// The client generated from the kitchen-sink fixture (an OpenAPI 3.0 YAML document with every
/// feature), called against a real HTTP server on loopback.
@Suite struct Test_KitchenSinkClient {
    static let token = "kitchen-token"

    func client(_ server: LoopbackServer) -> JustOneAPIClient {
        JustOneAPIClient(token: Self.token, server: Server(server.baseURL + "/v2")!, timeout: .seconds(60))
    }

    static let pet = #"{"id": 7, "name": "Rex", "tag": null, "status": "available", "born": "2024-05-06T07:08:09Z", "category": {"id": 1, "name": "Dogs"}, "snake_case_field": "s", "123start": "d"}"#

    @Test func queryHeaderCookieAndBearerToken() async throws {
        let server = try LoopbackServer { _ in .json("[\(Self.pet)]") }
        let response = try await client(server).pets.listPets(
            limit: 5, tags: ["a b", "c&d"], status: .pending, xRequestID: "req-1", session: "s=1")
        let request = try #require(server.requests.first)
        #expect(request.path == "/v2/pets")
        #expect(request.query == "limit=5&tags=a%20b&tags=c%26d&status=pending")
        #expect(request.headers["x-request-id"] == "req-1")
        #expect(request.headers["cookie"] == "session=s%3D1")
        #expect(request.headers["authorization"] == "Bearer kitchen-token")

        let pet = try #require(response.data.first)
        #expect(pet.id == 7)
        #expect(pet.name == "Rex")
        #expect(pet.tag == nil)
        #expect(pet.status == .available)
        #expect(pet.category?.name == "Dogs")
        #expect(pet.snakeCaseField == "s")
        #expect(pet.field123start == "d")
        #expect(pet.born == Date(timeIntervalSince1970: 1_714_979_289))
    }

    @Test func pathParametersArePercentEncoded() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(headers: [("Content-Type", "text/plain")], body: Data("stored".utf8))
        }
        let response = try await client(server).pets.uploadPhoto(petId: "a/b c", body: Data([0, 1, 2, 255]))
        let request = try #require(server.requests.first)
        #expect(request.method == "PUT")
        #expect(request.path == "/v2/pets/a%2Fb%20c/photo")
        #expect(request.headers["content-type"] == "application/octet-stream")
        #expect(request.body == Data([0, 1, 2, 255]))
        #expect(response.data == "stored")
    }

    @Test func enumsSeveralOperationsTakeAreDeclaredOnce() async throws {
        // `similarPets` and `petSiblings` take the same `size` enum: one type, named both ways.
        let shared: PetsAPI.Size = PetsAPI.SimilarPets.Size.l
        let sibling: PetsAPI.PetSiblings.Size = shared
        #expect(PetsAPI.SimilarPets.Size.self == PetsAPI.PetSiblings.Size.self)
        // `countPets` takes a `size` with other values: its own type.
        #expect(PetsAPI.CountPets.Size.allCases.map(\.rawValue) == ["S", "M", "L"])

        let server = try LoopbackServer { _ in .json("[\(Self.pet)]") }
        _ = try await client(server).pets.similarPets(petId: 7, size: shared)
        _ = try await client(server).pets.petSiblings(petId: 7, size: sibling)
        _ = try await client(server).pets.petSiblings(petId: 8)
        #expect(
            server.requests.map { $0.path + "?" + $0.query }
                == ["/v2/pets/7/similar?size=L", "/v2/pets/7/siblings?size=L", "/v2/pets/8/siblings?size=S"])
    }

    @Test func jsonBodies() async throws {
        let server = try LoopbackServer { _ in .json(Self.pet, status: 201) }
        let born = Date(timeIntervalSince1970: 1_700_000_000)
        let response = try await client(server).pets.createPet(body: NewPet(name: "Rex", tag: "good", born: born))
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.headers["content-type"] == "application/json")
        #expect(String(decoding: request.body, as: UTF8.self) == #"{"born":"2023-11-14T22:13:20Z","name":"Rex","tag":"good"}"#)
        #expect(response.status == 201)
        #expect(response.data.id == 7)
        #expect(response.name == "Rex", "payload properties are reachable on the response")
    }

    @Test func formBodies() async throws {
        let server = try LoopbackServer { _ in .json(#"{"results": [], "next": null}"#) }
        let response = try await client(server).search.searchPets(query: "good dog", kind: .minus, includeSold: false)
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.path == "/v2/search/pets")
        #expect(request.query == "token=kitchen-token")
        #expect(request.headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(String(decoding: request.body, as: UTF8.self) == "query=good%20dog&kind=-&page=1&include_sold=false")
        #expect(response.data.results.isEmpty)
        #expect(response.data.next == nil)
    }

    @Test func theTokenCanBeAFormField() async throws {
        let server = try LoopbackServer { _ in .json(#"{"ok": true}"#) }
        let response = try await client(server).search.searchWithFormToken(keyword: "cats")
        let request = try #require(server.requests.first)
        #expect(request.query.isEmpty)
        #expect(request.headers["authorization"] == nil)
        #expect(request.formFields.map { "\($0.name)=\($0.value)" } == ["keyword=cats", "cookies_buffer=", "token=kitchen-token"])
        #expect(response.data["ok"] == true)
    }

    @Test func noContent() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204, headers: []) }
        // `deletePet` is deprecated; the same request, built by hand, keeps the test free of warnings.
        let request = Request<NoContent>(
            operationID: "deletePet", method: .delete, path: "/pets/7",
            authentication: .header(name: "Authorization", prefix: "Bearer "), responseFormat: .empty)
        let response = try await client(server).send(request)
        #expect(response.status == 204)
        #expect(server.requests.first?.method == "DELETE")
        #expect(server.requests.first?.path == "/v2/pets/7")
    }

    @Test func recursiveModels() async throws {
        let body = #"{"name": "root", "children": [{"name": "leaf", "parent": {"name": "root"}}], "parent": null}"#
        let server = try LoopbackServer { _ in .json(body) }
        let node = try await client(server).nodes.getNode(id: "root").data
        #expect(node.name == "root")
        #expect(node.parent == nil)
        #expect(node.children?.first?.parent?.name == "root")
        let encoded = try JSONEncoder().encode(node)
        #expect(try JSONDecoder().decode(Node.self, from: encoded) == node)
    }

    @Test func oneOfByDiscriminator() async throws {
        let body = #"[{"kind": "round", "radius": 2}, {"kind": "square", "side": 3}, {"kind": "triangle", "sides": 3}]"#
        let server = try LoopbackServer { _ in .json(body) }
        let shapes = try await client(server).shapes.listShapes().data
        #expect(shapes.count == 3)
        #expect(shapes[0] == .circle(Circle(kind: "round", radius: 2)))
        #expect(shapes[1] == .square(Square(kind: "square", side: 3)))
        #expect(shapes[2] == .undocumented(["kind": "triangle", "sides": 3]))
    }

    @Test func allOfAndUntypedValues() async throws {
        let body = #"{"id": "e1", "at": "2026-01-02T03:04:05.678Z", "payload": {"any": [1, "two"]}, "value": 12}"#
        let server = try LoopbackServer { _ in .json(body) }
        let event = try await client(server).events.latestEvent().data
        #expect(event.id == "e1")
        #expect(event.payload == ["any": [1, "two"]])
        #expect(event.value == .int(12))
        #expect(event.at != nil)
    }

    @Test func keywordNamedParametersAndMaps() async throws {
        let server = try LoopbackServer { _ in .json(#"{"swift": 3, "mustache": 1}"#) }
        let counts = try await client(server).keywords.keywords(class: "x", default: true, type: .fancy, odd: .minus).data
        #expect(server.requests.first?.query == "class=x&default=true&type=fancy&odd=-")
        #expect(counts == ["swift": 3, "mustache": 1])
    }

    @Test func unknownEnumValuesDecodeAndRoundTrip() throws {
        let pet = try JSONDecoder().decode(Pet.self, from: Data(#"{"id": 1, "name": "x", "status": "adopted"}"#.utf8))
        #expect(pet.status == .undocumented("adopted"))
        #expect(pet.status?.rawValue == "adopted")
        let encoded = String(decoding: try JSONEncoder().encode(pet.status), as: UTF8.self)
        #expect(encoded == #""adopted""#)
        #expect(PetStatus(rawValue: "sold") == .sold)
        #expect(PetStatus.allCases == [.available, .pending, .sold])
    }

    @Test func serversComeFromTheDocument() {
        #expect(Server.production.url.absoluteString == "https://api.example.com/v2")
        #expect(Server.regional.url.absoluteString == "https://eu.example.com/v2", "server variables take their defaults")
        #expect(JustOneAPIClient(token: "t").server == .production)
    }

    /// Schemas, operations, namespaces and enum values whose names differ only in case or
    /// punctuation: each has a type, method or case of its own, and all of them work.
    @Test func namesThatDifferOnlyInCaseOrPunctuation() async throws {
        let server = try LoopbackServer { request in
            switch request.path {
            case "/v2/names/rulesets":
                .json(
                    #"{"upper": {"upper": "U"}, "lower": {"lower": "l"}, "dashed": {"dashed": 1}, "underscored": {"underscored": 2}, "separated": {"separated": true}, "joined": {"joined": false}, "kebab": {"kebab": "k"}, "camel": {"camel": "c"}, "snake": {"snake": "s"}}"#)
            default:
                .json(#"{"lower": "\#(request.path)"}"#)
            }
        }
        let client = client(server)
        let bundle = try await client.names2.getItem2(state: .active2).data
        #expect(server.requests.first?.query == "state=active")
        #expect(bundle.upper?.upper == "U" && bundle.lower?.lower == "l")
        #expect(bundle.dashed?.dashed == 1 && bundle.underscored?.underscored == 2)
        #expect(bundle.separated?.separated == true && bundle.joined?.joined == false)
        #expect(bundle.kebab?.kebab == "k" && bundle.camel?.camel == "c" && bundle.snake?.snake == "s")
        #expect(try await client.names2.getitem().data.lower == "/v2/names/ruleset-copies")
        #expect(try await client.names.getMessages().data.lower == "/v2/Names/messages")
        #expect(Names2API.GetItem2.State.allCases.map(\.rawValue) == ["Active", "active", "ACTIVE", "in-progress", "in_progress"])
        #expect(Names2API.GetItem2.State(rawValue: "ACTIVE") == .active3)
    }
}
