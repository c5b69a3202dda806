import Foundation
import JustOneAPI
import PagingClient
import Testing
import TestSupport

/// Every paging scheme of the catalog against a loopback server that implements it as the
/// platforms do; each must return every item exactly once and stop on the right page.
@Suite struct Test_Paging {
    /// The items at positions `lower..<upper` (none when `lower` is past `upper`), as JSON:
    /// `"item-1", "item-2"`.
    static func items(_ range: (lower: Int, upper: Int)) -> String {
        guard range.lower < range.upper else { return "" }
        return (range.lower..<range.upper).map { #""item-\#($0 + 1)""# }.joined(separator: ", ")
    }

    static func envelope(_ data: String) -> LoopbackServer.Reply {
        .json(#"{"code": 0, "message": "success", "data": \#(data)}"#)
    }

    /// Collects every item of `sequence`, in order.
    static func collect<Payload>(_ sequence: PageSequence<Payload>) async throws -> (pages: Int, items: [String]) {
        var pages = 0
        var items: [String] = []
        var iterator = sequence.items().makeAsyncIterator()
        while let item = try await iterator.next() { items.append(item.stringValue ?? "?") }
        for try await _ in sequence { pages += 1 }
        return (pages, items)
    }

    static func expected(_ count: Int) -> [String] { (1...count).map { "item-\($0)" } }

    // MARK: The schemes

    /// Page numbers from 1, nothing described: the default rules stop on the first empty page.
    @Test(arguments: TransportKind.allCases)
    func pageNumbersFromOne(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let start = (page - 1) * 5
            return Self.envelope(#"{"total": 23, "list": [\#(Self.items((start, min(23, start + 5))))]}"#)
        }
        let client = makeClient(server, transport)
        var items: [String] = []
        var pages = 0
        for try await page in client.pages(PagingAPI.ListByPage(keyword: "k")) {
            pages += 1
            items += page.data["list"]?.arrayValue?.compactMap(\.stringValue) ?? []
        }
        #expect(items == Self.expected(23))
        #expect(pages == 5)
        // The sixth page is fetched to see that it is empty, and not yielded.
        #expect(server.requests.map { $0.queryValue("page") } == ["1", "2", "3", "4", "5", "6"])
        #expect(server.requests.allSatisfy { $0.queryValue("keyword") == "k" })
    }

    /// A page-number list empty from its first page costs one call, as offsets and cursors do:
    /// the first page is the caller's, and its emptiness ends the list.
    @Test(arguments: TransportKind.allCases)
    func anEmptyFirstPageEndsAPageNumberList(transport: TransportKind) async throws {
        let server = try LoopbackServer { _ in Self.envelope(#"{"total": 0, "list": []}"#) }
        let client = makeClient(server, transport)
        var pages = 0
        for try await _ in client.pages(PagingAPI.ListByPage(keyword: "nothing")) { pages += 1 }
        #expect(pages == 1)
        #expect(server.requests.count == 1)
        #expect(try await Array(client.pages(PagingAPI.ListByPage(keyword: "still nothing")).items()).isEmpty)
        #expect(server.requests.count == 2)
    }

    /// A "has more" field the default rules know (`has_more`, here inside an object) ends the
    /// list on the page that says so, without fetching an empty one.
    @Test func aDefaultHasMoreFieldEndsTheList() async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let start = (page - 1) * 5
            return Self.envelope(
                #"{"business_config": {"has_more": \#(page < 3 ? 1 : 0)}, "list": [\#(Self.items((start, min(13, start + 5))))]}"#)
        }
        let client = makeClient(server, .urlSession)
        let items = try await Array(client.pages(PagingAPI.ListByPage(keyword: "k")).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(13))
        #expect(server.requests.count == 3)
    }

    /// Offsets stepping by the number of items on each page.
    @Test(arguments: TransportKind.allCases)
    func offsetsStepByTheItemCount(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            let offset = Int(request.queryValue("offset") ?? "0") ?? 0
            let count = Int(request.queryValue("count") ?? "5") ?? 5
            return Self.envelope(#"{"items": [\#(Self.items((offset, min(23, offset + count))))]}"#)
        }
        let client = makeClient(server, transport)
        let items = try await Array(client.pages(PagingAPI.ListByOffset(count: 5)).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(23))
        #expect(server.requests.map { $0.queryValue("offset") } == ["0", "5", "10", "15", "20", "23"])
    }

    /// A cursor with a has-more flag written as `true`/`false` or as `1`/`0`.
    @Test(arguments: ["boolean", "number"])
    func aCursorWithAHasMoreFlag(flag: String) async throws {
        let server = try LoopbackServer { request in
            let start = Int((request.queryValue("cursor") ?? "c0").dropFirst()) ?? 0
            let end = min(10, start + 4)
            let more = end < 10
            let hasMore = flag == "boolean" ? (more ? "true" : "false") : (more ? "1" : "0")
            return Self.envelope(#"{"has_more": \#(hasMore), "next_cursor": "c\#(end)", "items": [\#(Self.items((start, end)))]}"#)
        }
        let client = makeClient(server, .asyncHTTPClient)
        let operation = PagingAPI.ListByCursor(flag: flag == "boolean" ? .boolean : .number)
        let items = try await Array(client.pages(operation).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(10))
        #expect(server.requests.map { $0.queryValue("cursor") } == [nil, "c4", "c8"])
    }

    /// `lastCursor`, whose response field only the parameter's description names; the last
    /// page has no cursor at all, which ends the list cleanly.
    @Test(arguments: TransportKind.allCases)
    func lastCursorNamedInTheDescription(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            let start = Int(request.queryValue("lastCursor") ?? "0") ?? 0
            let end = min(7, start + 3)
            let cursor = end < 7 ? #""cursor": "\#(end)", "# : ""
            return Self.envelope(#"{\#(cursor)"comments": [\#(Self.items((start, end)))]}"#)
        }
        let client = makeClient(server, transport)
        let (pages, items) = try await Self.collect(client.pages(PagingAPI.ListByLastCursor(noteId: "n1")))
        #expect(items == Self.expected(7))
        #expect(pages == 3)
        #expect(server.requests.prefix(3).map { $0.queryValue("lastCursor") } == [nil, "3", "6"])
    }

    /// Page numbers with a search ID that the first response gives and every later page needs.
    @Test(arguments: TransportKind.allCases)
    func pageAndASearchIDFromTheFirstResponse(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            if page > 1 && request.queryValue("searchId") != "s-42" {
                return .json(#"{"code": 400, "message": "searchId is required for page \#(page)", "data": null}"#)
            }
            let start = (page - 1) * 4
            let searchID = page == 1 ? #""search_id": "s-42", "# : ""
            return Self.envelope(#"{\#(searchID)"items": [\#(Self.items((start, min(10, start + 4))))]}"#)
        }
        let client = makeClient(server, transport)
        let items = try await Array(client.pages(PagingAPI.SearchByPage(keyword: "shoes")).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(10))
        #expect(server.requests.map { $0.queryValue("searchId") } == [nil, "s-42", "s-42", "s-42"])
        #expect(server.requests.map { $0.queryValue("page") } == ["1", "2", "3", "4"])
    }

    /// A buffer, a page number and an offset, carried together in a form (WeChat search).
    @Test(arguments: TransportKind.allCases)
    func aBufferAPageAndAnOffsetTogether(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            let fields = Dictionary(request.formFields, uniquingKeysWith: { first, _ in first })
            let page = Int(fields["currentPage"] ?? "1") ?? 1
            let offset = Int(fields["offset"] ?? "0") ?? 0
            if page > 1 && fields["cookies_buffer"] != "buf-\(page - 1)" || offset != min(11, (page - 1) * 4) {
                return .json(#"{"code": 400, "message": "bad paging state", "data": null}"#)
            }
            return Self.envelope(#"{"cookies_buffer": "buf-\#(page)", "items": [\#(Self.items((offset, min(11, offset + 4))))]}"#)
        }
        let client = makeClient(server, transport)
        let items = try await Array(client.pages(PagingAPI.SearchChannels(keyword: "tea")).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(11))
        let sent = server.requests.map { Dictionary($0.formFields, uniquingKeysWith: { first, _ in first }) }
        #expect(sent.map { $0["currentPage"] } == ["1", "2", "3", "4"])
        #expect(sent.map { $0["offset"] } == ["0", "4", "8", "11"])
        #expect(sent.map { $0["cookies_buffer"] } == [nil, "buf-1", "buf-2", "buf-3"])
        #expect(sent.allSatisfy { $0["keyword"] == "tea" })
        #expect(server.requests.allSatisfy { $0.queryValue("token") == faultToken })
    }

    /// A `paginationToken` that is empty text on the last page. Such a token is a parameter
    /// like any other, not a credential: it is sent as it is, and not redacted where the
    /// server repeats it.
    @Test(arguments: TransportKind.allCases)
    func aPaginationTokenEmptyOnTheLastPage(transport: TransportKind) async throws {
        let server = try LoopbackServer { request in
            switch request.queryValue("paginationToken") {
            case nil: Self.envelope(#"{"pagination_token": "tok-A", "posts": [\#(Self.items((0, 3)))]}"#)
            case "tok-A": Self.envelope(#"{"pagination_token": "tok-B", "posts": [\#(Self.items((3, 6)))]}"#)
            case "tok-B": Self.envelope(#"{"pagination_token": "", "posts": [\#(Self.items((6, 8)))]}"#)
            case let other: .json(#"{"code": 400, "message": "unknown paginationToken \#(other ?? "")", "data": null}"#)
            }
        }
        let client = makeClient(server, transport)
        let items = try await Array(client.pages(PagingAPI.ListByToken()).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(8))
        #expect(server.requests.map { $0.queryValue("paginationToken") } == [nil, "tok-A", "tok-B"])

        let error = try await #require(throws: JustOneAPIError.self) {
            _ = try await client.paging.listByToken(paginationToken: "tok-Z")
        }
        #expect(error.businessFailure?.message == "unknown paginationToken tok-Z")
    }

    // MARK: Ends that are not the list's

    /// A server that never says "no more" stops at `maxPages`, with a typed signal; or quietly,
    /// when asked.
    @Test func aServerThatNeverEndsStopsAtMaxPages() async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            return Self.envelope(#"{"has_more": true, "list": [\#(Self.items((page * 2 - 2, page * 2)))]}"#)
        }
        let client = makeClient(server, .urlSession)
        var pages = 0
        let error = try await #require(throws: PagingError.self) {
            for try await _ in client.pages(PagingAPI.ListByPage(keyword: "k"), maxPages: 4) { pages += 1 }
        }
        #expect(error.reason == .maxPagesReached(4))
        #expect(error.pagesYielded == 4)
        #expect(pages == 4)
        #expect(server.requests.count == 4)
        #expect(error.description.contains("raise maxPages"))

        var quiet = 0
        for try await _ in client.pages(PagingAPI.ListByPage(keyword: "k"), maxPages: 3, whenLimitReached: .finish) { quiet += 1 }
        #expect(quiet == 3)
        #expect(server.requests.count == 7)
        // The default is finite: a loop left running pays for at most this many pages.
        var defaultPages = 0
        _ = try? await { for try await _ in client.pages(PagingAPI.ListByPage(keyword: "k")) { defaultPages += 1 } }()
        #expect(defaultPages == PageSequence<JSONValue>.defaultMaxPages)
    }

    /// A server that gives back the cursor just sent: the page is yielded, then paging stops
    /// with a typed reason instead of paying for it again.
    @Test func aRepeatedCursorStopsWithAReason() async throws {
        let server = try LoopbackServer { request in
            let cursor = request.queryValue("cursor")
            let next = cursor == nil ? "c1" : "c1"
            return Self.envelope(#"{"has_more": true, "next_cursor": "\#(next)", "items": ["\#(cursor ?? "first")"]}"#)
        }
        let client = makeClient(server, .urlSession)
        var seen: [String] = []
        let error = try await #require(throws: PagingError.self) {
            for try await item in client.pages(PagingAPI.ListByCursor()).items() { seen.append(item.stringValue ?? "?") }
        }
        #expect(error.reason == .repeatedCursor("c1"))
        #expect(seen == ["first", "c1"])
        #expect(server.requests.count == 2)
    }

    /// A page identical to the one before ends the list, and is not yielded again.
    @Test func anIdenticalPageEndsTheList() async throws {
        let server = try LoopbackServer { request in
            let page = min(3, Int(request.queryValue("page") ?? "1") ?? 1)
            return Self.envelope(#"{"list": [\#(Self.items((page * 2 - 2, page * 2)))]}"#)
        }
        let client = makeClient(server, .urlSession)
        let items = try await Array(client.pages(PagingAPI.ListByPage(keyword: "k")).items())
        #expect(items.compactMap(\.stringValue) == Self.expected(6))
        #expect(server.requests.count == 4)
    }

    /// A page that fails for good ends the sequence with its error; the pages before stay the
    /// caller's. A retryable failure is retried by the client and the paging goes on.
    @Test func failuresDuringPaging() async throws {
        let failedOnce = Counter()
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            if page == 2 && failedOnce.next() == 1 { return .json(#"{"code": 301, "message": "collection failed", "data": null}"#) }
            if page == 4 { return .json(#"{"code": 400, "message": "bad page", "data": null}"#) }
            return Self.envelope(#"{"list": [\#(Self.items((page * 2 - 2, page * 2)))]}"#)
        }
        let client = makeClient(server, .urlSession)
        var kept: [String] = []
        let error = try await #require(throws: JustOneAPIError.self) {
            for try await item in client.pages(PagingAPI.ListByPage(keyword: "k")).items() { kept.append(item.stringValue ?? "?") }
        }
        #expect(error.businessFailure?.code == 400)
        #expect(kept == Self.expected(6))
        #expect(server.requests.map { $0.queryValue("page") } == ["1", "2", "2", "3", "4"])
        #expect(client.usage.total.calls == 4)
    }

    /// Cancelling the consuming task stops paging at once, in the middle of a page.
    @Test(arguments: TransportKind.allCases)
    func cancellationMidPage(transport: TransportKind) async throws {
        // The second page is held for up to 120 s (the client would wait 60): cancelling must
        // end the loop without waiting for it. The bound below leaves a loaded machine seconds.
        let hold = ManualGate(timeout: .seconds(120))
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            if page == 2 { hold.wait() }
            return Self.envelope(#"{"list": [\#(Self.items((page * 2 - 2, page * 2)))]}"#)
        }
        defer { hold.open() }
        let client = makeClient(server, transport, timeout: .seconds(60))
        let pagesSeen = Counter()
        let consumer = Task {
            for try await _ in client.pages(PagingAPI.ListByPage(keyword: "k")) { _ = pagesSeen.next() }
        }
        #expect(try await eventually { server.requests.count == 2 })
        let started = ContinuousClock.now
        consumer.cancel()
        await #expect(throws: CancellationError.self) { try await consumer.value }
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(pagesSeen.current == 1)
        #expect(server.requests.count == 2)
    }

    /// The committed Xingtu client pages its paged operations.
    @Test func theCommittedClientPages() async throws {
        let server = try LoopbackServer { request in
            let page = Int(request.queryValue("page") ?? "1") ?? 1
            let videos = page <= 2 ? #"[{"item_id": "v\#(page)a"}, {"item_id": "v\#(page)b"}]"# : "[]"
            return Self.envelope(#"{"base_resp": {"status_code": 0}, "videos": \#(videos)}"#)
        }
        let client = makeClient(server, .urlSession)
        let videos = try await Array(
            client.pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: "7012345"), maxPages: 20).items())
        #expect(videos.compactMap { $0["item_id"]?.stringValue } == ["v1a", "v1b", "v2a", "v2b"])
        #expect(server.requests.map { $0.queryValue("page") } == ["1", "2", "3"])
        #expect(DouyinXingtuAPI.SearchForAuthorSquare.paging.inputs.map(\.name) == ["page"])
    }
}

extension Array {
    /// The elements of an async sequence, in order.
    init<Source: AsyncSequence>(_ sequence: Source) async throws where Source.Element == Element {
        self = []
        for try await element in sequence { append(element) }
    }
}
