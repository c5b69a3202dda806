import Foundation

extension JustOneAPIClient {
    /// Every page of a paged operation, one call per page, as an `AsyncSequence`:
    ///
    /// ```swift
    /// for try await page in client.pages(DouyinXingtuAPI.GetAuthorHomepageVideos(oAuthorId: id), maxPages: 20) {
    ///     print(page.data)
    /// }
    /// ```
    ///
    /// Each page is a real call through the client: retries, limits, budgets, account stops
    /// and cancellation apply to it as to any other. Nothing is fetched ahead: a page is
    /// requested when the loop asks for it, so cancelling the consuming task stops paging at
    /// once. A page that fails for good ends the sequence with its error; the pages already
    /// yielded stay yours. The stop rules are ``Paging``'s.
    ///
    /// - Parameters:
    ///   - operation: The first page's request; the sequence changes only its paging parameters.
    ///   - maxPages: The most pages fetched (each is a billed call). When the last one allowed
    ///     says more follow, the sequence ends with ``PagingError/Reason/maxPagesReached(_:)``.
    ///   - whenLimitReached: `.finish` ends quietly at `maxPages` instead.
    ///   - timeout: A timeout for each attempt of each page.
    public func pages<Operation: PagedOperation>(
        _ operation: Operation, maxPages: Int = PageSequence<Operation.Output>.defaultMaxPages,
        whenLimitReached: PageLimitBehavior = .throwError, timeout: Duration? = nil
    ) -> PageSequence<Operation.Output> {
        pages(operation.request, paging: Operation.paging, maxPages: maxPages, whenLimitReached: whenLimitReached, timeout: timeout)
    }

    /// Every page of `request`, paged as `paging` describes: for an operation the documents do
    /// not describe, or one you page differently.
    public func pages<Output>(
        _ request: Request<Output>, paging: Paging, maxPages: Int = PageSequence<Output>.defaultMaxPages,
        whenLimitReached: PageLimitBehavior = .throwError, timeout: Duration? = nil
    ) -> PageSequence<Output> {
        PageSequence(
            client: self, firstRequest: request, paging: paging, maxPages: max(1, maxPages), limitBehavior: whenLimitReached,
            timeout: timeout)
    }
}

/// The pages of a paged operation: see ``JustOneAPIClient/pages(_:maxPages:whenLimitReached:timeout:)``.
public struct PageSequence<Payload: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = APIResponse<Payload>

    /// The most pages a sequence fetches unless told otherwise: each page is a billed call.
    public static var defaultMaxPages: Int { 10 }

    let client: JustOneAPIClient
    let firstRequest: Request<Payload>
    let paging: Paging
    let maxPages: Int
    let limitBehavior: PageLimitBehavior
    let timeout: Duration?
    /// Where a sequence saved earlier stood, to go on from there.
    var resumePoint: PageResumePoint?

    /// The same sequence, going on from `point` instead of the first page: the paging
    /// parameters are sent as `point` says, and `point.pagesFetched` pages count against
    /// `maxPages`. A job that saved the point after each page goes on where it stopped.
    public func resuming(from point: PageResumePoint) -> PageSequence {
        var sequence = self
        sequence.resumePoint = point
        return sequence
    }

    public func makeAsyncIterator() -> Iterator {
        Iterator(sequence: self)
    }

    /// The items of every page, one by one: the array at the description's `items` path, or
    /// else the largest array in each page's payload.
    public func items() -> PageItems<Payload> {
        PageItems(pages: self)
    }

    public struct Iterator: AsyncIteratorProtocol {
        private let sequence: PageSequence
        private var request: Request<Payload>
        private var yielded = 0
        private var finished = false
        private var pendingError: PagingError?
        private var lastPage: JSONValue?
        /// The items of the page last returned, for ``PageItems``.
        private(set) var currentItems: [JSONValue]?

        init(sequence: PageSequence) {
            self.sequence = sequence
            request = sequence.firstRequest
            if let point = sequence.resumePoint {
                for input in sequence.paging.inputs {
                    if let value = point.parameters[input.name] { request.setParameter(input, to: value) }
                }
                // Not the list's first page: an empty one ends the list, as any later page does.
                yielded = point.pagesFetched
            }
        }

        /// The items of the page last returned (the array at the description's `items` path,
        /// or else the largest array in its payload); `nil` when it has none.
        public var items: [JSONValue]? { currentItems }

        /// Where the sequence stands after the page last returned: what the next page's request
        /// sends for the paging parameters, and how many pages came before it. `nil` once the
        /// list has ended (or will end with an error): there is nothing to go on with.
        public var resumePoint: PageResumePoint? {
            guard !finished, pendingError == nil else { return nil }
            var parameters: [String: String] = [:]
            for input in sequence.paging.inputs {
                if let value = request.parameterValue(input) { parameters[input.name] = value }
            }
            return PageResumePoint(parameters: parameters, pagesFetched: yielded)
        }

        public mutating func next() async throws -> APIResponse<Payload>? {
            if let error = pendingError {
                pendingError = nil
                finished = true
                throw error
            }
            guard !finished else { return nil }
            if yielded >= sequence.maxPages {
                finished = true
                guard sequence.limitBehavior == .throwError else { return nil }
                throw PagingError(reason: .maxPagesReached(sequence.maxPages), operationID: request.operationID, pagesYielded: yielded)
            }
            let response: APIResponse<Payload>
            let http: HTTPResponse
            do {
                (response, http) = try await sequence.client.exchange(request, timeout: sequence.timeout)
            } catch {
                finished = true
                throw error
            }
            let page = PageView(response: response, http: http, format: request.responseFormat, paging: sequence.paging)
            let items = page.items
            // The first page is always the caller's; later ones only when they bring something new.
            if yielded > 0 {
                if items?.isEmpty == true || page.identity == lastPage {
                    finished = true
                    return nil
                }
            }
            yielded += 1
            lastPage = page.identity
            currentItems = items
            advance(after: page)
            return response
        }

        /// The next page's request, or the end of the sequence after this page.
        private mutating func advance(after page: PageView) {
            if page.saysNoMore || page.reachedTotalPages(of: request) {
                finished = true
                return
            }
            var next = request
            for input in sequence.paging.inputs {
                let sent = request.parameterValue(input)
                switch input.role {
                case .page(let first):
                    // An empty page ends the list, the first one included: asking for the
                    // second page of an empty list would be a call paid for nothing.
                    if page.items?.isEmpty == true {
                        finished = true
                        return
                    }
                    next.setParameter(input, to: String((sent.flatMap { Int($0) } ?? first) + 1))
                case .offset(let first):
                    guard let items = page.items else {
                        finished = true
                        pendingError = PagingError(
                            reason: .cannotAdvance("the page has no list of items to advance the offset `\(input.name)` by"),
                            operationID: request.operationID, pagesYielded: yielded)
                        return
                    }
                    if items.isEmpty {
                        finished = true
                        return
                    }
                    next.setParameter(input, to: String((sent.flatMap { Int($0) } ?? first) + items.count))
                case .cursor:
                    guard let cursor = input.from.flatMap({ page.text(at: $0) }), !cursor.isEmpty else {
                        finished = true
                        return
                    }
                    if cursor == sent {
                        finished = true
                        pendingError = PagingError(
                            reason: .repeatedCursor(cursor), operationID: request.operationID, pagesYielded: yielded)
                        return
                    }
                    next.setParameter(input, to: cursor)
                case .carried:
                    if let value = input.from.flatMap({ page.text(at: $0) }), !value.isEmpty {
                        next.setParameter(input, to: value)
                    }
                }
            }
            request = next
        }
    }
}

/// Where a ``PageSequence`` stands between two pages, to go on from there later
/// (``PageSequence/resuming(from:)``): the values the next page's request sends for the paging
/// parameters, and how many pages came before.
public struct PageResumePoint: Sendable, Hashable, Codable {
    /// The next request's paging parameters, by name.
    public var parameters: [String: String]
    /// How many pages were fetched before the next one.
    public var pagesFetched: Int

    public init(parameters: [String: String], pagesFetched: Int) {
        self.parameters = parameters
        self.pagesFetched = pagesFetched
    }
}

/// The items of every page of a ``PageSequence``, one by one.
public struct PageItems<Payload: Decodable & Sendable>: AsyncSequence, Sendable {
    public typealias Element = JSONValue

    let pages: PageSequence<Payload>

    public func makeAsyncIterator() -> Iterator {
        Iterator(pages: pages.makeAsyncIterator())
    }

    /// The items decoded as `type`; an item that does not decode ends the sequence with the
    /// decoding error.
    public func decoded<Item: Decodable & Sendable>(as type: Item.Type) -> AsyncThrowingMapSequence<PageItems, Item> {
        map { try $0.decode(as: Item.self) }
    }

    public struct Iterator: AsyncIteratorProtocol {
        private var pages: PageSequence<Payload>.Iterator
        private var buffer: [JSONValue] = []
        private var position = 0

        init(pages: PageSequence<Payload>.Iterator) {
            self.pages = pages
        }

        public mutating func next() async throws -> JSONValue? {
            while position == buffer.count {
                guard try await pages.next() != nil else { return nil }
                buffer = pages.currentItems ?? []
                position = 0
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}

/// One page's response as paging reads it: the body as a `JSONValue`, its payload and items.
struct PageView {
    /// The body: the envelope (rebuilt around the decoded payload where the payload is a
    /// `JSONValue` already, parsed otherwise), or the payload itself without an envelope.
    let root: JSONValue
    let payload: JSONValue
    let items: [JSONValue]?
    let paging: Paging

    init<Payload>(response: APIResponse<Payload>, http: HTTPResponse, format: ResponseFormat, paging: Paging) {
        self.paging = paging
        let decoded: JSONValue? =
            (response.data as? JSONValue) ?? (response.data as? any SampleInferred)?.jsonValue
        switch format {
        case .envelope(let envelope):
            if let decoded {
                var members: [String: JSONValue] = [envelope.dataKey: decoded]
                if let code = response.code { members[envelope.codeKey] = .integer(Int64(code)) }
                root = .object(members)
            } else {
                root = (try? JSONValue.parse(http.body)) ?? .null
            }
            payload = root[envelope.dataKey] ?? .null
        default:
            root = decoded ?? (try? JSONValue.parse(http.body)) ?? .null
            payload = root
        }
        if let path = paging.items {
            items = path.value(in: root)?.arrayValue
        } else {
            items = Self.largestArray(in: payload)
        }
    }

    /// What tells two pages apart: their items, or their whole payload when there are none.
    var identity: JSONValue { items.map(JSONValue.array) ?? payload }

    /// The value at `path` as parameter text, when it is a string, number or boolean.
    func text(at path: ResponsePath) -> String? {
        switch path.value(in: root) {
        case .string(let text)?: text
        case .integer(let value)?: String(value)
        case .double(let value)?: value.parameterValue
        case .bool(let value)?: value ? "true" : "false"
        default: nil
        }
    }

    /// Whether the page says that no more follow.
    var saysNoMore: Bool {
        let flag =
            paging.hasMore.map { $0.value(in: root) }
            ?? Self.firstMember(named: Paging.defaultHasMoreNames, in: payload)
        switch flag {
        case .bool(let value)?: return !value
        case .integer(let value)?: return value == 0
        case .double(let value)?: return value == 0
        case .string(let text)?: return ["false", "0", ""].contains(text.lowercased())
        default: return false
        }
    }

    /// Whether the page number just sent is the last one the page reports.
    func reachedTotalPages<Output>(of request: Request<Output>) -> Bool {
        guard let input = paging.inputs.first(where: { if case .page = $0.role { true } else { false } }) else { return false }
        guard case .page(let first) = input.role else { return false }
        let total = paging.totalPages.map { $0.value(in: root) } ?? Self.firstMember(named: Paging.defaultTotalPagesNames, in: payload)
        guard let total = total?.intValue ?? total?.stringValue.flatMap({ Int($0) }), total > 0 else { return false }
        let sent = request.parameterValue(input).flatMap { Int($0) } ?? first
        return sent - first + 1 >= total
    }

    /// The largest array among the payload and its objects, three levels deep (not inside
    /// arrays: those are the items' own lists); ties go to the shallower, then to the first
    /// in name order.
    static func largestArray(in payload: JSONValue) -> [JSONValue]? {
        if case .array(let elements) = payload { return elements }
        var best: (elements: [JSONValue], depth: Int, name: String)?
        var level: [(JSONValue, String)] = [(payload, "")]
        for depth in 0..<3 where !level.isEmpty {
            var next: [(JSONValue, String)] = []
            for (node, path) in level {
                guard case .object(let members) = node else { continue }
                for (key, value) in members {
                    switch value {
                    case .array(let elements):
                        let name = path + "." + key
                        if let current = best {
                            let better =
                                elements.count > current.elements.count
                                || (elements.count == current.elements.count && depth == current.depth && name < current.name)
                            if !better { continue }
                        }
                        best = (elements, depth, name)
                    case .object:
                        next.append((value, path + "." + key))
                    default:
                        break
                    }
                }
            }
            level = next
        }
        return best?.elements
    }

    /// The first member with one of `names` among the payload's objects, three levels deep.
    static func firstMember(named names: [String], in payload: JSONValue) -> JSONValue? {
        var level = [payload]
        for _ in 0..<3 where !level.isEmpty {
            var next: [JSONValue] = []
            for node in level {
                guard case .object(let members) = node else { continue }
                for name in names {
                    if let value = members[name] { return value }
                }
                for key in members.keys.sorted() where members[key]?.objectValue != nil { next.append(members[key]!) }
            }
            level = next
        }
        return nil
    }
}

extension Request {
    /// The value this request sends for a paging parameter.
    func parameterValue(_ input: Paging.Input) -> String? {
        switch input.location {
        case .query: query[input.name]
        case .formField: body?.formFields?[input.name]
        }
    }

    /// Sends `value` for a paging parameter, in place of what was sent before.
    mutating func setParameter(_ input: Paging.Input, to value: String) {
        switch input.location {
        case .query:
            query.replace(input.name, with: value)
        case .formField:
            var fields = body?.formFields ?? []
            fields.replace(input.name, with: value)
            body = .form(fields)
        }
    }
}

extension Array where Element == QueryItem {
    /// Sets the first item called `name` to `value` (removing any others of that name), or
    /// appends one.
    mutating func replace(_ name: String, with value: String) {
        if let index = firstIndex(where: { $0.name == name }) {
            self[index].value = value
            var position = index + 1
            while position < count {
                if self[position].name == name { remove(at: position) } else { position += 1 }
            }
        } else {
            append(QueryItem(name: name, value: value))
        }
    }
}
