import Foundation
import GeneratorCore
import Testing
import TestSupport

/// Paging worked out from parameters, read from `x-pagination`, and refused where it cannot be
/// read, each with its place.
@Suite struct Test_PagingDescriptions {
    static func query(_ name: String, _ type: String = "string", description: String = "", default value: String? = nil) -> String {
        let defaultValue = value.map { #", "default": \#($0)"# } ?? ""
        return #"{"name": "\#(name)", "in": "query", "description": "\#(description)", "schema": {"type": "\#(type)"\#(defaultValue)}}"#
    }

    static func operation(_ path: String, _ id: String, _ parameters: [String], extra: String = "") -> String {
        """
        "\(path)": {"get": {
          "operationId": "\(id)",\(extra)
          "parameters": [\(parameters.joined(separator: ", "))],
          "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {}}}}}
        }}
        """
    }

    static func generate(_ operations: [String]) async throws -> GeneratorHarness.Result {
        let document = GeneratorHarness.document(paths: "{" + operations.joined(separator: ",\n") + "}")
        return try await GeneratorHarness.generate(["api.json": document])
    }

    @Test func pagingIsDetectedFromParameterNamesAndDescriptions() async throws {
        let result = try await Self.generate([
            Self.operation("/api/x/pages/v1", "pages", [Self.query("page", "integer", default: "1"), Self.query("pageSize", "integer")]),
            Self.operation("/api/x/offsets/v1", "offsets", [Self.query("start", "integer", description: "Pagination offset starting from 0.")]),
            Self.operation(
                "/api/x/videos/v1", "videos",
                [Self.query("maxCursor", description: "Pagination cursor; use 0 first, then the `max_cursor` from the previous response.")]),
            Self.operation(
                "/api/x/search/v1", "search",
                [
                    Self.query("page", "integer"),
                    Self.query("searchId", description: "Use data.business_config.next_page.search_id from the previous response."),
                ]),
            Self.operation("/api/x/plain/v1", "plain", [Self.query("keyword"), Self.query("count", "integer")]),
        ])
        #expect(result.errors.isEmpty)
        #expect(result.warnings.isEmpty, "\(result.warnings)")
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains("public struct Pages: PagedOperation"))
        #expect(code.contains("public static let paging = Paging(inputs: [.page(\"page\", first: 1)])"))
        #expect(code.contains("public static let paging = Paging(inputs: [.offset(\"start\", first: 0)])"))
        #expect(code.contains(#".cursor("maxCursor", from: ResponsePath([.descendant("max_cursor")]))"#))
        #expect(
            code.contains(
                #".carried("searchId", from: ResponsePath([.key("data"), .key("business_config"), .key("next_page"), .key("search_id")]))"#
            ))
        #expect(code.contains("public struct Plain: APIOperation"))
    }

    /// A cursor whose next value nobody names is not paged by guesswork: a warning at the
    /// parameter names the operation and says how to describe it.
    @Test func aCursorWithoutAKnownPlaceIsAWarning() async throws {
        let result = try await Self.generate([
            Self.operation("/api/x/comments/v1", "comments", [Self.query("id"), Self.query("cursor", description: "Pagination cursor.")])
        ])
        #expect(result.errors.isEmpty)
        let warning = try #require(result.warnings.first)
        #expect(warning.message.hasPrefix("GET /api/x/comments/v1 pages by `cursor`, but neither its documentation nor an `x-pagination` description says where a response carries the next `cursor`"))
        #expect(warning.hint?.contains("x-pagination: {inputs: [{name: cursor, type: cursor, from: $.data.…}]}") == true)
        #expect(warning.location?.file == "specs/api.json")
        #expect(warning.location?.line == 7)
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains("public struct Comments: APIOperation"))
        #expect(!code.contains("static let paging"))
    }

    @Test func xPaginationDescribesTheResponseSide() async throws {
        let described = #"""
             "x-pagination": {
               "type": "cursor",
               "inputs": [{"name": "cursor", "in": "parameters", "type": "cursor"}, {"name": "limit", "type": "limit"}],
               "outputs": {"nextCursor": "$.data['next cursor']", "results": "$.data.list[0].items", "hasMore": "$.data.more", "numPages": "$.data.pages"}
             },
            """#
        let speakeasy = #"""
             "x-speakeasy-pagination": {"type": "offsetLimit", "inputs": [{"name": "page", "in": "parameters", "type": "page"}], "outputs": {"results": "$.data.rows"}},
            """#
        let result = try await Self.generate([
            Self.operation("/api/x/described/v1", "described", [Self.query("cursor"), Self.query("limit", "integer")], extra: described),
            Self.operation("/api/x/speakeasy/v1", "speakeasy", [Self.query("page", "integer")], extra: speakeasy),
        ])
        #expect(result.errors.isEmpty, "\(result.errors)")
        let code = try #require(result.file("XAPI.swift"))
        #expect(code.contains(#".cursor("cursor", from: ResponsePath([.key("data"), .key("next cursor")]))"#))
        #expect(code.contains(#"items: ResponsePath([.key("data"), .key("list"), .index(0), .key("items")])"#))
        #expect(code.contains(#"hasMore: ResponsePath([.key("data"), .key("more")])"#))
        #expect(code.contains(#"totalPages: ResponsePath([.key("data"), .key("pages")]))"#))
        #expect(code.contains(#".page("page", first: 1),\#n            ],\#n            items: ResponsePath([.key("data"), .key("rows")]))"#))
        #expect(code.contains("as its `x-speakeasy-pagination` describes it"))
    }

    /// Descriptions that cannot be read are errors at their place; one of a kind this
    /// generator does not page is a warning.
    @Test(arguments: [
        (#"{"type": "pageNumber", "inputs": [{"name": "page", "type": "page"}]}"#, "unknown paging type `pageNumber`", "/type"),
        (#"{"inputs": [{"name": "p", "type": "page"}]}"#, "paging input `p` is not a query parameter or form field of this operation", "/inputs/0/name"),
        (#"{"inputs": [{"name": "cursor", "type": "cursor"}]}"#, "cursor input `cursor` does not say where a response carries the next cursor", "/inputs/0"),
        (#"{"inputs": [{"name": "page", "type": "page"}], "outputs": {"results": "$.data[*]"}}"#, "`$.data[*]` is not a path this generator reads: `[*]` is neither an array index nor a quoted member name", "/outputs/results"),
        (#"{"inputs": [{"name": "cursor", "type": "carried", "from": "$.data.id"}]}"#, "`x-pagination` has no page, offset or cursor input: nothing goes to the next page", "/inputs"),
        (#"{"inputs": []}"#, "`x-pagination` has no `inputs`: which request parameter goes to the next page", ""),
        (#"[1]"#, "`x-pagination` must be an object with `inputs` and `outputs`", ""),
    ])
    func unreadableDescriptionsAreLocatedErrors(description: String, message: String, pointer: String) async throws {
        let extra = #""x-pagination": \#(description),"#
        let result = try await Self.generate([
            Self.operation("/api/x/broken/v1", "broken", [Self.query("page", "integer"), Self.query("cursor")], extra: extra)
        ])
        let error = try #require(result.errors.first, "\(result.diagnostics)")
        #expect(error.message == message)
        #expect(error.location?.pointer == "/paths/~1api~1x~1broken~1v1/get/x-pagination" + pointer)
        #expect(error.location?.line != nil)
        #expect(result.files == nil)
    }

    @Test func aURLTypeIsAWarningAndNoPaging() async throws {
        let extra = #""x-pagination": {"type": "url", "inputs": [], "outputs": {"nextUrl": "$.next"}},"#
        let result = try await Self.generate([Self.operation("/api/x/links/v1", "links", [Self.query("page", "integer")], extra: extra)])
        #expect(result.errors.isEmpty)
        #expect(result.warnings.map(\.message).contains { $0.contains("of type `url`") })
        #expect(try #require(result.file("XAPI.swift")).contains("public struct Links: APIOperation"))
    }

    /// The report lists every operation that pages, the unpaged ones too.
    @Test func theReportListsKindsAndResponseSides() async throws {
        let document = GeneratorHarness.document(
            paths: "{"
                + [
                    Self.operation("/api/x/pages/v1", "pages", [Self.query("page", "integer")]),
                    Self.operation("/api/x/comments/v1", "comments", [Self.query("cursor", description: "Pagination cursor.")]),
                    Self.operation("/api/x/plain/v1", "plain", [Self.query("id")]),
                ].joined(separator: ",") + "}")
        let root = try TestPaths.temporaryDirectory("paging-report")
        try Data(document.utf8).write(to: root.appendingPathComponent("api.json"))
        let diagnostics = DiagnosticCollector()
        let pipeline = GeneratorPipeline(options: .init(inputs: ["api.json"], rootDirectory: root.path))
        let model = try #require(try await offCooperativePool { pipeline.model(diagnostics: diagnostics) })
        let report = PagingReport(model: model)
        #expect(report.rows.map(\.operation) == ["GET /api/x/comments/v1", "GET /api/x/pages/v1"])
        #expect(report.rows.map(\.isPaged) == [false, true])
        #expect(report.text.hasPrefix("2 operations page: 1 generated with paging (1 by page), 1 without"))
        #expect(report.text.contains("\ncursor   GET /api/x/comments/v1  `cursor`            unknown: not paged\n"))
        #expect(report.text.contains("\npage     GET /api/x/pages/v1     page (page from 1)  default rules\n"))
    }
}
