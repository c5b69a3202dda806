import Foundation
import JustOneAPIRuntime
import KitchenSinkClient
import Testing
import TestSupport

/// The operations generated from `Tests/Fixtures/KitchenSink/unseen.json`, constructs of
/// real-world documents that once broke the generator, called against a server on loopback.
/// That they compile at all (the KitchenSinkClient target) is the first half of each test.
@Suite struct Test_UnseenConstructs {
    func client(_ server: LoopbackServer) -> JustOneAPIClient {
        JustOneAPIClient(token: "unseen-token", server: Server(server.baseURL + "/v2")!, timeout: .seconds(60))
    }

    @Test func pathParametersInsideASegment() async throws {
        let server = try LoopbackServer { _ in
            LoopbackServer.Reply(headers: [("Content-Type", "image/png")], body: Data([137, 80, 78, 71]))
        }
        let response = try await client(server).files.thumbnail(fileID: "a b", extension: .png)
        #expect(server.requests.first?.path == "/v2/files/a%20b/thumbnail.png")
        #expect(response.data == Data([137, 80, 78, 71]))
    }

    /// A query written into a documented path (`/search?type=user`, OpenAI's `?beta=true`) is
    /// sent as query pairs before the parameters; a fragment (`/search#everything`, Box's
    /// `#refresh`) only tells operations apart and is not sent.
    @Test func queriesAndFragmentsWrittenIntoAPath() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        _ = try await client(server).search.searchUsers(q: "ann lee")
        _ = try await client(server).search.searchEverything(q: "x")
        #expect(server.requests.map(\.path) == ["/v2/search", "/v2/search"])
        #expect(server.requests.map(\.query) == ["type=user&q=ann%20lee", "q=x"])
    }

    /// An operation with a server of its own (Stripe's `files.stripe.com`) names it in its
    /// request, variables at their defaults; the client sends it there, not to its own server.
    @Test func anOperationOnAServerOfItsOwn() async throws {
        let request = UploadsAPI.UploadToItsOwnServer(body: Data("x".utf8)).request
        #expect(request.server?.url.absoluteString == "https://eu.uploads.example.com/v1/")

        let own = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        let elsewhere = try LoopbackServer { _ in LoopbackServer.Reply(status: 500) }
        var moved = request
        moved.server = Server(own.baseURL + "/files/v1/")
        _ = try await client(elsewhere).send(moved)
        #expect(own.requests.map(\.path) == ["/files/v1/uploads"])
        #expect(elsewhere.requests.isEmpty)
    }

    @Test func pathParameterWithAFormatSuffix() async throws {
        let server = try LoopbackServer { _ in .json(#"{"id": 9223372036854775807, "level": "gold"}"#) }
        let response = try await client(server).badges.badgesByID(id: 42)
        #expect(server.requests.first?.path == "/v2/badges/42.json")
        #expect(response.data.id == Int.max)
        #expect(response.data.level == .gold)
    }

    @Test func keywordNamedOperationWithOptionalListsOfEnumValues() async throws {
        let server = try LoopbackServer { _ in .json("[[[[[[[[\"deep\"]]]]]]]]") }
        let response = try await client(server).keywords.in(
            colors: [.red, .undocumented("blue")], statuses: [.gold, .silver], digest: Data([1, 2, 3]))
        let request = try #require(server.requests.first)
        #expect(request.path == "/v2/keywords/in")
        #expect(request.query == "colors=red&colors=blue&statuses=gold%2Csilver&digest=AQID")
        // Past six levels the generated type is `JSONValue`, and the value is all there.
        #expect(response.data.first?.first?.first?.first?.first?.first?[0]?[0]?.stringValue == "deep")

        _ = try await client(server).keywords.in()
        #expect(server.requests.last?.query == "")
    }

    @Test func optionalListsInAForm() async throws {
        let server = try LoopbackServer { _ in .json("true") }
        let response = try await client(server).keywords.inForm(levels: [.gold, .silver], tags: ["x"])
        let request = try #require(server.requests.first)
        #expect(request.method == "POST")
        #expect(request.formFields.map { "\($0.name)=\($0.value)" } == ["levels=gold", "levels=silver", "tags=x"])
        #expect(response.data == true)
    }

    /// A path parameter that is "an integer or a string" (DigitalOcean's snapshot and image
    /// IDs) sends the chosen value's text in the path, not JSON.
    @Test func pathParameterThatIsOneOfSeveralTypes() async throws {
        let server = try LoopbackServer { _ in .json(#""ok""#) }
        _ = try await client(server).snapshots.snapshotsGet(snapshotID: .int(42))
        _ = try await client(server).snapshots.snapshotsGet(snapshotID: .string("my snapshot"))
        #expect(server.requests.map(\.path) == ["/v2/snapshots/42", "/v2/snapshots/my%20snapshot"])
    }

    /// A model inferred from samples, without an envelope: nested models, lists of lists,
    /// a documented type decoded leniently, and values of other types read as `nil`.
    @Test func sampleInferredModelWithoutAnEnvelope() async throws {
        let server = try LoopbackServer { _ in
            .json(
                #"{"name": "n", "count": "12", "grid": [[1, 2], "x", [3]], "child": {"flag": true, "parent": {"name": "p"}},"#
                    + #" "children": [{"flag": false}, 5], "badge": {"id": 1, "level": "gold"}, "json_value": "j"}"#)
        }
        let response = try await client(server).sampled.sampled()
        let data = response.data
        #expect(data.name == "n")
        #expect(data.count == nil, "text where the samples had an integer")
        #expect(data.grid == [[1, 2], [3]], "elements of another type are left out")
        #expect(data.child?.flag == true)
        #expect(data.child?.parent?.name == "p")
        #expect(data.children?.map(\.flag) == [false])
        #expect(data.badge?.level == .gold)
        #expect(data.jsonValue2 == "j")
        #expect(data.jsonValue["count"] == .string("12"))
    }

    /// Lists and scalars in every place and style of the specification's style table, each
    /// written as the table says (`Tests/Fixtures/KitchenSink/styles.json`).
    @Test func parameterStylesAsTheSpecificationWritesThem() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        _ = try await client(server).styles.pathStyles(
            ids: [3, 4, 5], labels: ["blue", "black"], exploded: ["blue", "black"], matrix: ["blue", "a b"],
            explodedMatrix: ["blue", "black"], dot: "x y", semi: 7, xCodes: [1, 2], xColors: ["red", "green"],
            flavours: ["mint", "lime"], sizes: ["s", "m"], spaced: ["a", "b"], piped: ["c", "d"],
            categories: [.customerCare, .accountNotifications])
        let request = try #require(server.requests.first)
        // simple, label, exploded label, matrix, exploded matrix; a label and a matrix scalar.
        #expect(
            request.path
                == "/v2/styles/simple/3,4,5/label/.blue,black/.blue.black/matrix/;matrix=blue,a%20b/;exploded_matrix=blue;exploded_matrix=black/scalar/.x%20y/;semi=7")
        #expect(request.headers["x-codes"] == "1,2")
        #expect(request.headers["x-colors"] == "red,green")
        #expect(request.headers["cookie"]?.contains("flavours=mint,lime") == true)
        #expect(request.headers["cookie"]?.contains("sizes=s; sizes=m") == true)
        #expect(request.query == "spaced=a%20b&piped=c%7Cd&categories=CUSTOMER_CARE&categories=ACCOUNT_NOTIFICATIONS")
    }

    /// An object in `deepObject` style (as Stripe's `created[gt]` filters): a pair per
    /// property, nested objects and lists in brackets, properties in name order, `nil`s left
    /// out; a scalar that asks for the style is sent in form style.
    @Test func objectsInDeepObjectStyle() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        _ = try await client(server).styles.deepStyles(
            filter: .init(name: "Ann Lee", age: 30, kind: .team, created: .init(gt: 1_700_000_000), tags: ["a&b", "c"]), page: 2)
        _ = try await client(server).styles.deepStyles(filter: .init())
        _ = try await client(server).styles.deepStyles()
        #expect(
            server.requests.map(\.query) == [
                "filter%5Bage%5D=30&filter%5Bcreated%5D%5Bgt%5D=1700000000&filter%5Bkind%5D=team&filter%5Bname%5D=Ann%20Lee"
                    + "&filter%5Btags%5D%5B0%5D=a%26b&filter%5Btags%5D%5B1%5D=c&page=2",
                "", "",
            ])
    }

    /// A form field whose schema is a reference to an optional list of enum values (Twilio's
    /// `UseCaseCategories`), and one to optional text: optional once, not twice.
    @Test func aFormFieldBehindAnOptionalAlias() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        _ = try await client(server).styles.formStyles(useCaseCategories: [.twoFactorAuthentication, .customerCare], nickname: "Zed")
        _ = try await client(server).styles.formStyles()
        #expect(
            server.requests.first?.formFields.map { "\($0.name)=\($0.value)" }
                == ["UseCaseCategories=TWO_FACTOR_AUTHENTICATION", "UseCaseCategories=CUSTOMER_CARE", "Nickname=Zed"])
        #expect(server.requests.last?.formFields.isEmpty == true)
    }

    /// A `multipart/form-data` body: a file with its name and type, a list of files under one
    /// name, text fields, a list of text, and an object as a JSON part; left-out fields are not
    /// sent, and the parts arrive as the server's parser reads them.
    @Test func multipartBodiesCarryFilesTextAndJSON() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        let pdf = Data([0x25, 0x50, 0x44, 0x46, 0x0D, 0x0A, 0x00, 0xFF])
        _ = try await client(server).styles.upload(
            file: FileUpload(data: pdf, filename: "report \"final\".pdf", contentType: "application/pdf"),
            attachments: [FileUpload(data: Data("one".utf8), filename: "1.txt"), FileUpload(data: Data("two".utf8))],
            title: "Q3 – results", count: 2, tags: ["a", "b"], meta: .init(kind: .report, pages: 12))
        _ = try await client(server).styles.upload(file: FileUpload(data: Data()))
        let first = try #require(server.requests.first)
        #expect(first.headers["content-type"]?.hasPrefix("multipart/form-data; boundary=") == true)
        let parts = first.multipartParts
        #expect(
            parts.map { $0.headers["content-disposition"] ?? "" } == [
                #"form-data; name="file"; filename="report %22final%22.pdf""#,
                #"form-data; name="attachments"; filename="1.txt""#, #"form-data; name="attachments"; filename="file""#,
                #"form-data; name="title""#, #"form-data; name="count""#, #"form-data; name="tags""#, #"form-data; name="tags""#,
                #"form-data; name="meta""#,
            ])
        // The caller's type first, then the document's (`encoding`, `contentMediaType`), then none
        // for text, `application/json` for JSON.
        #expect(parts.map { $0.headers["content-type"] } == [
            "application/pdf", "text/plain", "text/plain", "text/plain; charset=utf-8", nil, nil, nil,
            "application/json; charset=utf-8",
        ])
        #expect(parts.first?.body == pdf)
        #expect(parts.dropFirst().map { String(decoding: $0.body, as: UTF8.self) } == [
            "one", "two", "Q3 – results", "2", "a", "b", #"{"kind":"report","pages":12}"#,
        ])
        let second = try #require(server.requests.last?.multipartParts)
        #expect(second.count == 1 && second.first?.body.isEmpty == true)
        #expect(second.first?.headers["content-type"] == "application/pdf")
    }

    /// Unions of text, numbers and lists (Elasticsearch's index names and durations, Sentry's
    /// projects) are sent as the alternative they hold would be: text as text, a list as one
    /// pair per element (or joined by commas without `explode`, and in a path), never as JSON.
    @Test func unionsOfTextAndListsAreSentAsTheirAlternative() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        _ = try await client(server).styles.unionStyles(
            names: .stringArray(["logs-a", "logs b"]), index: .stringArray(["i1", "i2"]), fields: .stringArray(["x", "y"]),
            timeout: .int(30), project: [.int(1), .string("web")])
        _ = try await client(server).styles.unionStyles(names: .string("one"), index: .string("i"), timeout: .text(.valueMinus1))
        #expect(server.requests.map(\.path) == ["/v2/styles/unions/logs-a,logs%20b", "/v2/styles/unions/one"])
        #expect(
            server.requests.map(\.query) == [
                "index=i1&index=i2&fields=x%2Cy&timeout=30&project=1&project=web", "index=i&timeout=-1",
            ])
    }

    /// Objects in every place a parameter goes, written as OpenAPI's style table says (its
    /// `R=100,G=200,B=150` example, properties in name order): a query object in `form` style is
    /// a pair per property (Cloudflare's `start_end_params`, Intercom's one-of `filter`), a list
    /// of untyped values a pair per element, never JSON text.
    @Test func objectsAreWrittenAsTheStyleTableSays() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        let rgb = Rgb(r: 100, g: 200, b: 150)
        _ = try await client(server).styles.objectStyles(
            color: rgb, label: rgb, matrix: rgb, explodedMatrix: rgb,
            range: .init(start: "2024-01-01", end: "2024-01-31", tags: ["a", "b"]), packed: rgb,
            filter: .byEmail(.init(email: "ann@example.com")), sort: ["+count", 2], xColor: rgb, xExplodedColor: rgb,
            session: .init(id: "s 1", lang: "zh"))
        let request = try #require(server.requests.first)
        #expect(request.path == "/v2/styles/objects/B,150,G,200,R,100/.B=150.G=200.R=100/;matrix=B,150,G,200,R,100/;B=150;G=200;R=100")
        #expect(
            request.queryItems.map { "\($0.name)=\($0.value)" } == [
                "end=2024-01-31", "start=2024-01-01", "tags=a", "tags=b", "packed=B,150,G,200,R,100", "email=ann@example.com",
                "sort=+count", "sort=2",
            ])
        #expect(request.headers["x-color"] == "B,150,G,200,R,100")
        #expect(request.headers["x-exploded-color"] == "B=150,G=200,R=100")
        #expect(request.headers["cookie"] == "id=s%201; lang=zh")

        // Left out, nothing is sent (an object without properties is empty, as RFC 6570 expands
        // it); a one-of holding the other object sends its own property.
        _ = try await client(server).styles.objectStyles(
            color: Rgb(r: 1), label: Rgb(), matrix: Rgb(g: 2), explodedMatrix: Rgb(b: 3), filter: .byUserID(.init(userID: "u1")))
        let second = try #require(server.requests.last)
        #expect(second.path == "/v2/styles/objects/R,1//;matrix=G,2/;B=3")
        #expect(second.query == "user_id=u1")
        #expect(second.headers["x-color"] == nil && second.headers["cookie"] == nil)
    }

    /// Form fields whose `encoding` says `deepObject` (as Stripe's `metadata`, `card` and
    /// `expand` are): a field per property or element, in brackets.
    @Test func formFieldsInDeepObjectStyle() async throws {
        let server = try LoopbackServer { _ in LoopbackServer.Reply(status: 204) }
        _ = try await client(server).styles.formStyles(
            metadata: ["plan": "gold", "a b": "c"], card: .init(expMonth: 12, number: "4242"), expand: ["customer", "invoice"])
        #expect(
            server.requests.first?.formFields.map { "\($0.name)=\($0.value)" }
                == [
                    "metadata[a b]=c", "metadata[plan]=gold", "card[exp_month]=12", "card[number]=4242", "expand[0]=customer",
                    "expand[1]=invoice",
                ])
    }

    /// `Tests/Fixtures/KitchenSink/round-two.yaml`: a path variable no parameter declares (a
    /// required text parameter), parameters described with `content` (JSON text for JSON, text
    /// otherwise), boolean schemas (`true` untyped), a server whose YAML port is a number.
    @Test func documentsOnceRefusedRoundTwo() async throws {
        let server = try LoopbackServer { _ in .json(#"{"id": 3, "anything": [1, "x"], "details": {"deep": true}, "tags": [null, 2]}"#) }
        let response = try await client(server).roundTwo.getJobRun(
            jobIdentifier: "job 1", run: 3, filter: .init(color: "red"), note: "a note", xTags: ["a", "b"])
        let request = try #require(server.requests.first)
        #expect(request.path == "/v2/round-two/jobs/job%201/runs/3")
        #expect(request.queryValue("filter") == #"{"color":"red"}"#)
        #expect(request.queryValue("note") == "a note")
        #expect(request.headers["x-tags"] == #"["a","b"]"#)
        #expect(response.data.id == 3)
        #expect(response.data.anything == [1, "x"])
        #expect(response.data.details == ["deep": true])
        #expect(response.data.tags == [nil, 2])
        #expect(Server.aRegionalServerOnAPort.url.absoluteString == "https://eu.example.com:443/v2")
    }
}
