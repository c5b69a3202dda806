/// How an operation pages: which request parameters the next page changes, and where its
/// response says what comes next. The generator writes one for each paged operation, from
/// its `x-pagination` description or, where the documents say nothing, from the parameters'
/// names and descriptions (see ``PagedOperation``).
///
/// The stop rules, applied to each page in turn:
/// - a page whose items are empty ends the sequence (the first page is always yielded);
/// - a page identical to the one before ends it, and is not yielded;
/// - a "has more" field that is false (`false`, `0`, `"false"`), or a page number that
///   reaches the total number of pages, ends it after this page;
/// - a cursor that is missing, `null` or empty ends it after this page; a cursor equal to the
///   one just sent ends it after this page with ``PagingError/Reason/repeatedCursor(_:)``.
///
/// Items are those at ``items`` or, without it, the largest array in the payload. Without a
/// ``hasMore`` path, the first member named `has_more`, `hasMore`, `has_next`, `hasNext`,
/// `hasNextPage` or `has_next_page` in the payload is read, and `total_page`, `totalPage`,
/// `total_pages` or `totalPages` for the total.
public struct Paging: Sendable, Hashable {
    /// A request parameter that the pages change.
    public struct Input: Sendable, Hashable {
        /// What the parameter is.
        public enum Role: Sendable, Hashable {
            /// A page number: `first` for the first page, one more for each next one.
            case page(first: Int)
            /// An offset: `first` for the first page, then advanced by the number of items.
            case offset(first: Int)
            /// An opaque cursor: each next value is read from the response at ``Input/from``.
            case cursor
            /// A companion value some platforms require (a search ID, a buffer): read from the
            /// response at ``Input/from`` whenever it has one, and sent with the next pages.
            case carried
        }

        /// Where the parameter is sent.
        public enum Location: Sendable, Hashable {
            case query, formField
        }

        public let name: String
        public let location: Location
        public let role: Role
        /// Where the response gives the next value, for cursors and carried values.
        public let from: ResponsePath?

        public init(name: String, location: Location, role: Role, from: ResponsePath? = nil) {
            self.name = name
            self.location = location
            self.role = role
            self.from = from
        }

        /// A page number parameter.
        public static func page(_ name: String, in location: Location = .query, first: Int = 1) -> Input {
            Input(name: name, location: location, role: .page(first: first))
        }

        /// An offset parameter.
        public static func offset(_ name: String, in location: Location = .query, first: Int = 0) -> Input {
            Input(name: name, location: location, role: .offset(first: first))
        }

        /// A cursor parameter whose next value is at `from`.
        public static func cursor(_ name: String, in location: Location = .query, from: ResponsePath) -> Input {
            Input(name: name, location: location, role: .cursor, from: from)
        }

        /// A companion value read from `from` and sent with the next pages.
        public static func carried(_ name: String, in location: Location = .query, from: ResponsePath) -> Input {
            Input(name: name, location: location, role: .carried, from: from)
        }
    }

    public let inputs: [Input]
    /// Where the page's items are; `nil` for the largest array in the payload.
    public let items: ResponsePath?
    /// Where the page says whether more follow; `nil` for the default names.
    public let hasMore: ResponsePath?
    /// Where the page gives the number of pages; `nil` for the default names.
    public let totalPages: ResponsePath?

    public init(inputs: [Input], items: ResponsePath? = nil, hasMore: ResponsePath? = nil, totalPages: ResponsePath? = nil) {
        self.inputs = inputs
        self.items = items
        self.hasMore = hasMore
        self.totalPages = totalPages
    }

    /// The member names read for "has more" when ``hasMore`` is not given.
    public static let defaultHasMoreNames = ["has_more", "hasMore", "has_next", "hasNext", "hasNextPage", "has_next_page"]
    /// The member names read for the number of pages when ``totalPages`` is not given.
    public static let defaultTotalPagesNames = ["total_page", "totalPage", "total_pages", "totalPages"]
}

/// A generated request type whose operation pages, so that
/// ``JustOneAPIClient/pages(_:maxPages:whenLimitReached:timeout:)`` can go through every page.
public protocol PagedOperation: APIOperation {
    /// How the operation pages.
    static var paging: Paging { get }
}

/// Why a page sequence ended with an error rather than by running out of pages.
public struct PagingError: Error, Sendable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// As many pages as `maxPages` allowed were fetched, and the last one said more follow:
        /// raise `maxPages` (each page is a billed call) to go on.
        case maxPagesReached(Int)
        /// The response gave back the cursor just sent: the next page would be this one again.
        case repeatedCursor(String)
        /// The next page's parameter cannot be worked out (an offset without items to count).
        case cannotAdvance(String)
    }

    public let reason: Reason
    /// The operation that was paged.
    public let operationID: String
    /// How many pages were yielded before the sequence ended.
    public let pagesYielded: Int

    public var description: String {
        switch reason {
        case .maxPagesReached(let limit):
            "\(operationID): stopped after \(limit) page\(limit == 1 ? "" : "s") (maxPages) while more follow; raise maxPages to fetch more (each page is a billed call)"
        case .repeatedCursor(let cursor):
            "\(operationID): the response after page \(pagesYielded) gave back the cursor just sent (`\(cursor)`), so the next page would repeat it; paging stopped"
        case .cannotAdvance(let reason):
            "\(operationID): paging stopped after page \(pagesYielded): \(reason)"
        }
    }
}

/// What a page sequence does when it reaches `maxPages` while more pages follow.
public enum PageLimitBehavior: Sendable, Hashable {
    /// Ends with ``PagingError/Reason/maxPagesReached(_:)``: the default, so that a limit is never
    /// mistaken for the end of the list.
    case throwError
    /// Ends quietly, as if the list ended there.
    case finish
}
